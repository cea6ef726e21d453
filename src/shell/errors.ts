import { hintOf, messageOf } from '../lib/i18n/coded-error';
import type { Locale } from '../lib/i18n/i18n';

export interface ErrorReport {
  /** One line a person can read, in their language. */
  message: string;
  /** What to do about it, when the error knows. */
  hint?: string;
  /** Everything useful in a bug report, as plain text to copy. */
  details: string;
}

export interface ErrorContext {
  appVersion: string;
  url: string;
  userAgent: string;
  time: Date;
  /** The language the person reads; the details for a bug report stay in English. */
  locale: Locale;
}

/**
 * Turns anything thrown (an Error, a string, a rejected promise's reason) into a message to
 * show and the details to copy into a bug report.
 */
export function describeError(error: unknown, context: ErrorContext): ErrorReport {
  const message = messageOf(error);
  const hint = hintOf(error, context.locale);
  const lines = [
    `Motion Lab ${context.appVersion}`,
    `Time: ${context.time.toISOString()}`,
    `Page: ${context.url}`,
    `Browser: ${context.userAgent}`,
    '',
    error instanceof Error ? `${error.name}: ${message}` : `Thrown: ${message}`,
  ];
  if (error instanceof Error && error.stack) lines.push(error.stack);
  if (error instanceof Error && error.cause !== undefined) lines.push(`Cause: ${messageOf(error.cause)}`);
  return { message: messageOf(error, context.locale), ...(hint !== undefined && { hint }), details: lines.join('\n') };
}

/** A report of `error` in this page, worded in `locale`: the app's version, the address, the browser, the time. */
export function reportFor(error: unknown, locale: Locale, time = new Date()): ErrorReport {
  return describeError(error, {
    locale,
    time,
    appVersion: __APP_VERSION__,
    url: location.href,
    userAgent: navigator.userAgent,
  });
}
