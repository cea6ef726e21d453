/**
 * A short piece of what a file holds, for an error message: a message that quoted a whole cell
 * or header could be megabytes long (one cell of a 90 MB file crashed the tab).
 *
 * @example
 * excerpt('x'.repeat(1000)) // 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' (40 characters)
 */
export function excerpt(text: string, max = 40): string {
  if (text.length <= max) return text;
  // Cut by code points, so that an emoji or other surrogate pair is never split in half.
  const points = Array.from(text.slice(0, max * 2)).slice(0, max - 1);
  return `${points.join('')}…`;
}

/** The first names of a list, each cut short, for a message: a header may have a million columns. */
export function excerptList(names: readonly string[], max = 10): string[] {
  const shown = names.slice(0, max).map((name) => excerpt(name));
  return names.length > max ? [...shown, '…'] : shown;
}
