import type { MotionSamples } from '../sensors/samples';

/**
 * Resampling to a fixed rate: the network sees windows of a fixed number of samples, and the
 * spectrum assumes equal spacing, but phones deliver motion events at 60–100 Hz with jitter,
 * Bluetooth boards at their own rate, and links drop samples.
 */

/** A stretch of a recording resampled to a regular series: sample i is at t0Ms + i × 1000 / rateHz. */
export interface Segment {
  /** Time of the first sample, ms on the recording's clock (the same as its samples'). */
  t0Ms: number;
  rateHz: number;
  /** Acceleration including gravity in m/s², interleaved x, y, z (3 values per sample). */
  acc: Float32Array;
}

export interface ResampleOptions {
  /** Samples per second of the result; 50 by default. */
  rateHz?: number;
  /** Longer silences than this cut the recording into segments; 500 ms by default. */
  maxGapMs?: number;
}

export interface Resampled {
  /** In time order; each at least one sample long. */
  segments: Segment[];
  /** Samples dropped because a timestamp or a value was NaN or ±Infinity. */
  nonFiniteSamples: number;
  /** Samples dropped because their timestamp was earlier than the one before them. */
  outOfOrderSamples: number;
}

export const DEFAULT_RATE_HZ = 50;

/**
 * Beyond half a second a straight line between two samples is an invention: half a step of
 * walking, a whole pedal stroke. The recording is cut there rather than bridged.
 */
export const MAX_GAP_MS = 500;

/**
 * Resamples a recording's acceleration to a fixed rate by linear interpolation between its own
 * timestamps, whatever their spacing.
 *
 * - Samples with a NaN or infinite timestamp or value are dropped and counted; so are samples
 *   whose timestamp goes back in time (the store never holds them; an odd source might).
 * - Samples sharing a timestamp are averaged: they are readings of one instant, and the mean is
 *   a better estimate of it than whichever happened to come last.
 * - Where two consecutive samples are more than `maxGapMs` apart (a lost link, a paused sensor,
 *   the gaps a Recording lists) nothing is interpolated: the series is cut into segments, each
 *   starting at a real sample. A gap of exactly `maxGapMs` is still bridged.
 *
 * @example
 * const { segments, nonFiniteSamples } = resample(samples, { rateHz: 50 });
 * for (const segment of segments) console.warn(segment.t0Ms, segment.acc.length / 3);
 */
export function resample(samples: MotionSamples, options: ResampleOptions = {}): Resampled {
  const rateHz = options.rateHz ?? DEFAULT_RATE_HZ;
  const maxGapMs = options.maxGapMs ?? MAX_GAP_MS;
  if (!(rateHz > 0) || !Number.isFinite(rateHz)) throw new RangeError(`resample: the rate must be above 0 Hz, not ${rateHz}`);
  if (!(maxGapMs >= 0)) throw new RangeError(`resample: the longest gap must be 0 ms or more, not ${maxGapMs}`);

  const n = samples.t.length;
  const clean = cleanSamples(samples, 0, n, new Float64Array(n), new Float64Array(n * 3));
  const segments: Segment[] = [];
  let start = 0;
  for (let i = 1; i <= clean.count; i += 1) {
    if (i === clean.count || clean.t[i]! - clean.t[i - 1]! > maxGapMs) {
      const count = gridCount(clean.t, start, i, rateHz);
      segments.push({ t0Ms: clean.t[start]!, rateHz, acc: interpolate(clean.t, clean.acc, start, i, rateHz, 0, new Float32Array(count * 3)) });
      start = i;
    }
  }
  return { segments, nonFiniteSamples: clean.nonFinite, outOfOrderSamples: clean.outOfOrder };
}

/**
 * The latest window of a stream, resampled as `resample` would resample the same samples, into a
 * buffer reused from window to window. Live asks for one window every stride: `resample` would
 * allocate its cleaned copies and its segments each time, garbage that a cheap phone's collector
 * then clears in the middle of a later answer.
 *
 * @example
 * const latest = new LatestResampler(50, 100);
 * const acc = latest.window(t, acc, from, to); // the last 100 samples of the last segment, or undefined
 */
export class LatestResampler {
  readonly #rateHz: number;
  readonly #windowSamples: number;
  readonly #maxGapMs: number;
  #t = new Float64Array(256);
  #acc = new Float64Array(256 * 3);
  readonly #out: Float32Array;

  constructor(rateHz: number, windowSamples: number, maxGapMs = MAX_GAP_MS) {
    this.#rateHz = rateHz;
    this.#windowSamples = windowSamples;
    this.#maxGapMs = maxGapMs;
    this.#out = new Float32Array(windowSamples * 3);
  }

  /**
   * The last `windowSamples` samples (interleaved x, y, z) of the last segment that
   * `resample` makes of samples `from` … `to` − 1 of `t` and `acc`; undefined when that segment is
   * shorter (a gap inside the window). The result is this resampler's buffer, overwritten by the
   * next call.
   */
  window(t: ArrayLike<number>, acc: ArrayLike<number>, from: number, to: number): Float32Array | undefined {
    const n = to - from;
    if (n > this.#t.length) {
      this.#t = new Float64Array(Math.max(n, this.#t.length * 2));
      this.#acc = new Float64Array(this.#t.length * 3);
    }
    const clean = cleanSamples({ t, acc }, from, to, this.#t, this.#acc);
    if (clean.count === 0) return undefined;
    let start = clean.count - 1;
    while (start > 0 && clean.t[start]! - clean.t[start - 1]! <= this.#maxGapMs) start -= 1;
    const count = gridCount(clean.t, start, clean.count, this.#rateHz);
    if (count < this.#windowSamples) return undefined;
    return interpolate(clean.t, clean.acc, start, clean.count, this.#rateHz, count - this.#windowSamples, this.#out);
  }
}

interface CleanSamples {
  t: Float64Array;
  acc: Float64Array;
  count: number;
  nonFinite: number;
  outOfOrder: number;
}

/**
 * Samples `from` … `to` − 1, finite and with strictly increasing timestamps, repeated timestamps
 * averaged into one, written into `t` and `acc` (room for `to` − `from` samples).
 */
function cleanSamples(samples: { t: ArrayLike<number>; acc: ArrayLike<number> }, from: number, to: number, t: Float64Array, acc: Float64Array): CleanSamples {
  let count = 0;
  let repeats = 0;
  let nonFinite = 0;
  let outOfOrder = 0;
  for (let i = from; i < to; i += 1) {
    const ti = samples.t[i]!;
    const x = samples.acc[i * 3]!;
    const y = samples.acc[i * 3 + 1]!;
    const z = samples.acc[i * 3 + 2]!;
    if (!Number.isFinite(ti) || !Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z)) {
      nonFinite += 1;
    } else if (count > 0 && ti < t[count - 1]!) {
      outOfOrder += 1;
    } else if (count > 0 && ti === t[count - 1]!) {
      // A running mean, so a long run of repeats needs no second pass.
      repeats += 1;
      const at = (count - 1) * 3;
      acc[at] = acc[at]! + (x - acc[at]!) / repeats;
      acc[at + 1] = acc[at + 1]! + (y - acc[at + 1]!) / repeats;
      acc[at + 2] = acc[at + 2]! + (z - acc[at + 2]!) / repeats;
    } else {
      t[count] = ti;
      acc[count * 3] = x;
      acc[count * 3 + 1] = y;
      acc[count * 3 + 2] = z;
      count += 1;
      repeats = 1;
    }
  }
  return { t, acc, count, nonFinite, outOfOrder };
}

/** How many regular samples the clean samples `from` … `to` − 1 (no gap between them) make, the first at the first. */
function gridCount(t: Float64Array, from: number, to: number, rateHz: number): number {
  // The small allowance keeps a span of exactly k periods from losing its last sample to rounding.
  return Math.floor(((t[to - 1]! - t[from]!) * rateHz) / 1000 + 1e-9) + 1;
}

/**
 * The regular series of clean samples `from` … `to` − 1 (no gap between them) that starts at the
 * first, from its sample `firstK` on, into `out` (filled whole).
 */
function interpolate(t: Float64Array, acc: Float64Array, from: number, to: number, rateHz: number, firstK: number, out: Float32Array): Float32Array {
  const t0Ms = t[from]!;
  const periodMs = 1000 / rateHz;
  const count = out.length / 3;
  let j = from;
  for (let k = 0; k < count; k += 1) {
    const tk = t0Ms + (firstK + k) * periodMs;
    while (j < to - 2 && t[j + 1]! <= tk) j += 1;
    const next = Math.min(j + 1, to - 1);
    const span = t[next]! - t[j]!;
    const f = span > 0 ? Math.min(1, Math.max(0, (tk - t[j]!) / span)) : 0;
    for (let axis = 0; axis < 3; axis += 1) {
      const a = acc[j * 3 + axis]!;
      out[k * 3 + axis] = a + (acc[next * 3 + axis]! - a) * f;
    }
  }
  return out;
}
