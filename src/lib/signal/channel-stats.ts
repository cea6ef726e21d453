/**
 * Summary statistics of one channel of a window (one axis of interleaved x, y, z, or the
 * magnitude), shared by the features and the rule baseline's stillness test.
 */

/** Statistics of one channel; reused between calls, so computing them allocates nothing. */
export interface ChannelStats {
  mean: number;
  /** Population standard deviation (÷ n): the window is all there is, not a sample of it. */
  std: number;
  min: number;
  max: number;
  /** Root mean square of the values themselves, gravity included. */
  rms: number;
  /** Times consecutive values fall on different sides of the mean (a value equal to it counts as above). */
  meanCrossings: number;
}

/** A ChannelStats to fill, made once and reused for every window. */
export function emptyChannelStats(): ChannelStats {
  return { mean: 0, std: 0, min: 0, max: 0, rms: 0, meanCrossings: 0 };
}

/**
 * Statistics of `count` values of `data` starting at `offset`, `stride` apart: stride 3 reads
 * one axis of interleaved x, y, z, stride 1 a plain series. Two passes: the variance from the
 * deviations rather than from Σx² − n·x̄², which loses most of its digits when gravity's
 * 9.8 m/s² sits under a motion of a few tenths.
 *
 * @example
 * const stats = channelStats(window.acc, 2, 3, 100, emptyChannelStats()); // the z axis
 */
export function channelStats(data: ArrayLike<number>, offset: number, stride: number, count: number, out: ChannelStats): ChannelStats {
  let sum = 0;
  let sumSquares = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0, at = offset; i < count; i += 1, at += stride) {
    const v = data[at]!;
    sum += v;
    sumSquares += v * v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = sum / count;
  let deviations = 0;
  let crossings = 0;
  let above = data[offset]! >= mean;
  for (let i = 0, at = offset; i < count; i += 1, at += stride) {
    const v = data[at]!;
    const d = v - mean;
    deviations += d * d;
    const nowAbove = v >= mean;
    if (nowAbove !== above) crossings += 1;
    above = nowAbove;
  }
  out.mean = mean;
  out.std = Math.sqrt(deviations / count);
  out.min = min;
  out.max = max;
  out.rms = Math.sqrt(sumSquares / count);
  out.meanCrossings = crossings;
  return out;
}

/**
 * Pearson correlation of two channels given their statistics: how much they move together,
 * from −1 (opposite) to 1 (in step). 0 when either channel is constant, as a correlation is
 * then undefined and "no linear relation" is the honest reading.
 *
 * @example
 * channelStats(acc, 0, 3, n, x);
 * channelStats(acc, 1, 3, n, y);
 * channelCorrelation(acc, 0, 1, 3, n, x, y); // x with y
 */
export function channelCorrelation(
  data: ArrayLike<number>,
  offsetA: number,
  offsetB: number,
  stride: number,
  count: number,
  a: ChannelStats,
  b: ChannelStats,
): number {
  if (a.std === 0 || b.std === 0) return 0;
  let sum = 0;
  for (let i = 0, at = 0; i < count; i += 1, at += stride) sum += (data[offsetA + at]! - a.mean) * (data[offsetB + at]! - b.mean);
  return Math.max(-1, Math.min(1, sum / (count * a.std * b.std)));
}
