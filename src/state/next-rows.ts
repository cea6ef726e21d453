/**
 * The rows of `list` to render next: those rendered already (in `rendered`), and at most `batch`
 * more, all in the list's order. See `RowsByFrame`.
 *
 * @example
 * nextRows(['a', 'b', 'c', 'd'], ['c'], (row) => row, 1) // ['a', 'c']
 */
export function nextRows<T>(list: readonly T[], rendered: readonly T[], key: (row: T) => string, batch: number): T[] {
  const renderedKeys = new Set(rendered.map(key));
  let room = batch;
  return list.filter((row) => {
    if (renderedKeys.has(key(row))) return true;
    if (room === 0) return false;
    room -= 1;
    return true;
  });
}
