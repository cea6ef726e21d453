import { messageOf } from '../lib/i18n/coded-error';

export interface ErrorReport {
  /** One line a person can read. */
  message: string;
  /** Everything useful in a bug report, as plain text to copy. */
  details: string;
}

export interface ErrorContext {
  appVersion: string;
  url: string;
  userAgent: string;
  time: Date;
}

/**
 * Turns anything thrown (an Error, a string, a rejected promise's reason) into a message to
 * show and the details to copy into a bug report.
 */
export function describeError(error: unknown, context: ErrorContext): ErrorReport {
  const message = messageOf(error);
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
  return { message, details: lines.join('\n') };
}

/** A report of `error` in this page: the app's version, the address, the browser, the time. */
export function reportFor(error: unknown): ErrorReport {
  return describeError(error, {
    appVersion: __APP_VERSION__,
    url: location.href,
    userAgent: navigator.userAgent,
    time: new Date(),
  });
}
