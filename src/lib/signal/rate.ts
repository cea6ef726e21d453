import { meanRateHz } from '../sensors/samples';

/**
 * The sample rate a recording was made at, measured from its timestamps.
 *
 * The median interval is used rather than the mean, so that a few late, dropped or repeated
 * samples do not move it. When more than half the intervals are zero (a source that stamps
 * samples in batches), the median says nothing, and the rate over the whole span is used
 * instead. 0 means unknown: fewer than two samples, or no time between first and last.
 *
 * @example
 * measuredRateHz(new Float64Array([0, 20, 40, 61, 80])) // 50
 */
export function measuredRateHz(t: Float64Array): number {
  const n = t.length;
  if (n < 2) return 0;
  const intervals = new Float64Array(n - 1);
  for (let i = 1; i < n; i += 1) intervals[i - 1] = t[i]! - t[i - 1]!;
  intervals.sort();
  const middle = (n - 1) >> 1;
  const median = n % 2 === 0 ? intervals[middle]! : (intervals[middle - 1]! + intervals[middle]!) / 2;
  if (median > 0) return 1000 / median;
  return meanRateHz(n, t[n - 1]! - t[0]!);
}
