/**
 * How regular a motion is and what shape its swings have, read from a series that does not depend
 * on how the device sits (|a|, or the motion along gravity): the features of the 'rhythm' group.
 * Each is a short loop with plain arithmetic, so its C twin (deploy/c-runtime.ts) is a
 * line-for-line port.
 */

import { NO_POWER } from './spectrum';

/** The strongest self-similarity of a series and the lag where it lies. */
export interface Periodicity {
  /** Normalised autocorrelation at `lag`: about 1 for a motion that repeats exactly, near 0 for none. */
  peak: number;
  /** The lag, in samples; 0 when the series is constant. */
  lag: number;
}

/**
 * The highest normalised autocorrelation of `series` at lags fromLag ≤ k ≤ toLag:
 * r(k) = Σᵢ dᵢ·dᵢ₊ₖ / Σᵢ dᵢ², d = series − its mean, the first sum over the n − k pairs the window
 * holds. The second sum runs over all n, so r(k) shrinks with the lag (by (n − k) / n for a
 * perfect repeat): a window with a whole stride in it scores above one that barely holds one.
 * Ties keep the shorter lag. A series whose variance is below NO_POWER (constant, but for
 * rounding errors) gives { peak: 0, lag: 0 }: its "repeats" would be those of the rounding.
 *
 * Why: walking, running and hopping repeat every step and every stride; stairs repeat less
 * evenly (landings, turns, a hand on the rail), and a person's own gait shows in the lag.
 *
 * `deviations` is scratch space for `count` values, passed in by a caller that runs every window.
 *
 * @example
 * periodicity(magnitude, 100, 13, 63, { peak: 0, lag: 0 }) // e.g. { peak: 0.8, lag: 27 } for a walk at 50 Hz
 */
export function periodicity(series: Float64Array, count: number, fromLag: number, toLag: number, out: Periodicity, deviations: Float64Array = new Float64Array(count)): Periodicity {
  let sum = 0;
  for (let i = 0; i < count; i += 1) sum += series[i]!;
  const mean = sum / count;
  let energy = 0;
  for (let i = 0; i < count; i += 1) {
    const d = series[i]! - mean;
    deviations[i] = d;
    energy += d * d;
  }
  out.peak = 0;
  out.lag = 0;
  if (energy / count <= NO_POWER) return out;
  let best = -Infinity;
  const last = Math.min(toLag, count - 1);
  for (let k = Math.max(1, fromLag); k <= last; k += 1) {
    // Four sums at a time, added in the same order by the C twin: about a third faster in V8.
    const pairs = count - k;
    let p0 = 0;
    let p1 = 0;
    let p2 = 0;
    let p3 = 0;
    let i = 0;
    for (; i + 3 < pairs; i += 4) {
      p0 += deviations[i]! * deviations[i + k]!;
      p1 += deviations[i + 1]! * deviations[i + 1 + k]!;
      p2 += deviations[i + 2]! * deviations[i + 2 + k]!;
      p3 += deviations[i + 3]! * deviations[i + 3 + k]!;
    }
    for (; i < pairs; i += 1) p0 += deviations[i]! * deviations[i + k]!;
    const products = p0 + p1 + (p2 + p3);
    if (products > best) {
      best = products;
      out.lag = k;
    }
  }
  if (out.lag > 0) out.peak = best / energy;
  return out;
}

/**
 * The skewness of a series, Σd³ / n ÷ σ³ with d the deviations from the mean and σ the population
 * standard deviation; 0 for a series whose variance is below NO_POWER (constant, but for rounding).
 *
 * Why: a foot landing is a short, hard push up and a long, soft fall, so the vertical motion is
 * skewed; how much differs between going up stairs, down them, and level ground.
 *
 * @example
 * skewness(Float64Array.of(0, 0, 0, 4), 4, 1, 1.7320508) // 1.1547: one spike up
 */
export function skewness(series: ArrayLike<number>, count: number, mean: number, std: number): number {
  if (std * std <= NO_POWER) return 0;
  let cubes = 0;
  for (let i = 0; i < count; i += 1) {
    const d = series[i]! - mean;
    cubes += d * d * d;
  }
  return cubes / count / (std * std * std);
}

/**
 * The root mean square of the jerk, the change of the series from one sample to the next times
 * the rate (units per second), as log₁₀(rms + 10⁻³) like the band powers: one person lands two or
 * three times harder than another, a factor the logarithm turns into a shift.
 *
 * Why: a heel strike is a sharp edge, a step onto a stair a softer one; the jerk reads the edges
 * the band powers blur over the window.
 *
 * @example
 * logJerkRms(Float64Array.of(0, 1, 0, 1), 4, 50) // log₁₀(50.001): every step changes by 1 at 50 Hz
 */
export function logJerkRms(series: ArrayLike<number>, count: number, rateHz: number): number {
  let squares = 0;
  for (let i = 1; i < count; i += 1) {
    const d = (series[i]! - series[i - 1]!) * rateHz;
    squares += d * d;
  }
  return Math.log10(Math.sqrt(squares / (count - 1)) + JERK_FLOOR);
}

/** Added to the jerk's RMS, m/s³, before its logarithm: a still window reads -3 rather than −∞. */
export const JERK_FLOOR = 1e-3;
