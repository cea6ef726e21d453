import { CodedError } from '../i18n/coded-error';

/** The error for a request that makes no sense for the stored data; nothing was written. */
export class StoreError extends CodedError {
  override name = 'StoreError';
}
