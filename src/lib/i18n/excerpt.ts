/**
 * Quoting a file's own text in an error message, briefly. A hostile or broken file can hold a
 * 90 MB cell or a million column names: quoted whole, the message alone fills the memory of the
 * tab. Every parser that quotes input (recording CSV and JSON, backups, model files, IDX) quotes
 * it through these.
 */

/** At most this many characters of one quoted piece of input. */
export const excerptChars = 60;

/** At most this many items of a quoted list (column names, sensors). */
export const excerptItems = 12;

/**
 * `text` cut to at most 60 characters (`…` marks the cut), control characters shown as spaces so
 * a quoted newline or NUL cannot break the message's line.
 *
 * @example
 * excerpt('x'.repeat(90_000_000)); // 'xxxx…x…' (60 characters)
 */
export function excerpt(text: string): string {
  const head = text.length > excerptChars ? `${text.slice(0, excerptChars - 1)}…` : text;
  return head.replace(/[\p{Cc}\u2028\u2029]/gu, ' ');
}

/**
 * A list cut to its first 12 items, each an excerpt, and `… (+N)` for the N left out.
 *
 * @example
 * excerptList(columnNames); // ['t', 'accX', …, '… (+999988)']
 */
export function excerptList(items: readonly string[]): string[] {
  const shown = items.slice(0, excerptItems).map(excerpt);
  return items.length > excerptItems ? [...shown, `… (+${items.length - excerptItems})`] : shown;
}
