import { formatDuration, hasText, translate, type Locale, type MessageParams } from './i18n';
import type { MessageKey } from './messages.en';

/**
 * The app's one error policy: an error a user can read says what happened from a code and its
 * facts, worded by the catalogs in the user's language, never in prose fixed at the throw. Coded
 * errors with their own tables (ImportError, DeployError) implement `WordedError`; the rest use
 * `CodedError` with an `error.<area>.<code>` catalog entry. `messageOf` is the one way to turn
 * anything thrown into text for a person.
 */
export interface WordedError {
  /** What happened, in `locale`. */
  wordIn(locale: Locale): string;
  /** What the user can do about it, in `locale`, when there is something to say. */
  hintIn?(locale: Locale): string | undefined;
}

/**
 * A fact of an error: a value put into its wording as it is, or something worded in the reader's
 * language too (another error that caused it, a duration).
 */
export type ErrorFact = string | number | WordedError;
export type ErrorFacts = Record<string, ErrorFact>;

/**
 * A duration as a fact, written as the reader's language writes durations (`12.3 s`, `12,3 s`).
 *
 * @example
 * new CodedError('error.recorder.full', { name, duration: durationFact(12_300) })
 */
export function durationFact(ms: number): WordedError {
  return { wordIn: (locale) => formatDuration(ms, locale) };
}

/** Anything thrown, as a fact worded in the reader's language: the cause inside an error that wraps it. */
export function causeFact(error: unknown): WordedError {
  return { wordIn: (locale) => messageOf(error, locale) };
}

function wordFacts(locale: Locale, facts: ErrorFacts): MessageParams {
  return Object.fromEntries(Object.entries(facts).map(([name, fact]) => [name, typeof fact === 'object' ? fact.wordIn(locale) : fact]));
}

/** The catalog keys that word an error (their `.hint` companions excluded). */
export type ErrorCode = Exclude<Extract<MessageKey, `error.${string}.${string}`>, `${string}.hint`>;

/**
 * An error worded from the catalogs: `code` names the entry, `facts` fill its placeholders.
 * `message` is the English text, for logs, the CLI and bug reports.
 *
 * @example
 * throw new CodedError('error.sensor.silent');
 * messageOf(error, 'es') // 'No llegó ninguna lectura de movimiento en 2 s. …'
 */
export class CodedError extends Error implements WordedError {
  override name = 'CodedError';

  constructor(
    readonly code: ErrorCode,
    readonly facts: ErrorFacts = {},
    options?: ErrorOptions,
  ) {
    super(translate('en', code, wordFacts('en', facts)), options);
  }

  wordIn(locale: Locale): string {
    return translate(locale, this.code, wordFacts(locale, this.facts));
  }

  hintIn(locale: Locale): string | undefined {
    const hint = `${this.code}.hint`;
    return hasText(hint) ? translate(locale, hint, wordFacts(locale, this.facts)) : undefined;
  }
}

export function isWorded(error: unknown): error is WordedError {
  return typeof error === 'object' && error !== null && typeof (error as Partial<WordedError>).wordIn === 'function';
}

/**
 * What the browser's storage says when it fails for a reason the user can act on: a full disk
 * (QuotaExceededError, also as an aborted transaction's cause) or a database another tab's
 * upgrade closed. Worded like the app's own errors.
 */
function storageFailure(error: unknown): CodedError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { name, message } = error as { name?: unknown; message?: unknown };
  if (name === 'QuotaExceededError') return new CodedError('error.store.full', {}, { cause: error });
  if (name === 'InvalidStateError' && typeof message === 'string' && /connection is closing/i.test(message)) return new CodedError('error.store.closed', {}, { cause: error });
  const cause = (error as { cause?: unknown }).cause;
  return cause !== undefined && cause !== error ? storageFailure(cause) : undefined;
}

/** The code of `error` when the app words it (a coded error, or a storage failure), else undefined. */
export function codeOf(error: unknown): ErrorCode | undefined {
  if (isWorded(error)) return error instanceof CodedError ? error.code : undefined;
  return storageFailure(error)?.code;
}

/** Anything thrown as one line: plain errors by their message, anything else as JSON. */
function plainText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/**
 * Anything thrown (an Error, a string, a rejected promise's reason) as a message a person can
 * read in `locale`: coded errors in that language, storage failures as the app words them, and
 * other errors by their own message.
 *
 * @example
 * this.error = messageOf(error, settings.locale);
 */
export function messageOf(error: unknown, locale: Locale = 'en'): string {
  const worded = isWorded(error) ? error : storageFailure(error);
  return worded ? worded.wordIn(locale) : plainText(error);
}

/** What the user can do about `error`, in `locale`, when its wording says. */
export function hintOf(error: unknown, locale: Locale = 'en'): string | undefined {
  const worded = isWorded(error) ? error : storageFailure(error);
  return worded?.hintIn?.(locale);
}
