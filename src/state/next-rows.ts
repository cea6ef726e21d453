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

/** How a list's batches grow: the first one, the largest, and the time one may take. */
export interface BatchPace {
  first: number;
  most: number;
  budgetMs: number;
}

/**
 * How many rows the next batch admits, from what the previous one cost (`tookMs` for `rows`
 * rows: made, laid out and painted, up to the next frame): as many as fit the budget at that
 * pace, at most twice the previous batch (one cheap batch says little about the next rows), and
 * within `first`..`most`. A cheap phone slowed further by a busy moment gets smaller batches
 * instead of a frozen frame; a fast machine reaches the largest batch in a few frames.
 *
 * @example
 * nextBatchSize(4, 10, { first: 4, most: 50, budgetMs: 50 }) // 8: 2.5 ms a row fits 20, capped at twice 4
 * nextBatchSize(20, 100, { first: 4, most: 50, budgetMs: 50 }) // 10
 */
export function nextBatchSize(rows: number, tookMs: number, { first, most, budgetMs }: BatchPace): number {
  const msPerRow = Math.max(tookMs, 0) / Math.max(rows, 1);
  const fitting = msPerRow > 0 ? Math.floor(budgetMs / msPerRow) : most;
  return Math.min(most, 2 * Math.max(rows, first), Math.max(first, fitting));
}
