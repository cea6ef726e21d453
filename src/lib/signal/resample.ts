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

  const clean = cleanSamples(samples);
  const segments: Segment[] = [];
  let start = 0;
  for (let i = 1; i <= clean.count; i += 1) {
    if (i === clean.count || clean.t[i]! - clean.t[i - 1]! > maxGapMs) {
      segments.push(interpolate(clean.t, clean.acc, start, i, rateHz));
      start = i;
    }
  }
  return { segments, nonFiniteSamples: clean.nonFinite, outOfOrderSamples: clean.outOfOrder };
}

interface CleanSamples {
  t: Float64Array;
  acc: Float64Array;
  count: number;
  nonFinite: number;
  outOfOrder: number;
}

/** Finite samples with strictly increasing timestamps, repeated timestamps averaged into one. */
function cleanSamples(samples: MotionSamples): CleanSamples {
  const n = samples.t.length;
  const t = new Float64Array(n);
  const acc = new Float64Array(n * 3);
  let count = 0;
  let repeats = 0;
  let nonFinite = 0;
  let outOfOrder = 0;
  for (let i = 0; i < n; i += 1) {
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

/** Clean samples `from` … `to` − 1 (no gap between them) as a regular series starting at the first. */
function interpolate(t: Float64Array, acc: Float64Array, from: number, to: number, rateHz: number): Segment {
  const t0Ms = t[from]!;
  const periodMs = 1000 / rateHz;
  // The small allowance keeps a span of exactly k periods from losing its last sample to rounding.
  const count = Math.floor(((t[to - 1]! - t0Ms) * rateHz) / 1000 + 1e-9) + 1;
  const out = new Float32Array(count * 3);
  let j = from;
  for (let k = 0; k < count; k += 1) {
    const tk = t0Ms + k * periodMs;
    while (j < to - 2 && t[j + 1]! <= tk) j += 1;
    const next = Math.min(j + 1, to - 1);
    const span = t[next]! - t[j]!;
    const f = span > 0 ? Math.min(1, Math.max(0, (tk - t[j]!) / span)) : 0;
    for (let axis = 0; axis < 3; axis += 1) {
      const a = acc[j * 3 + axis]!;
      out[k * 3 + axis] = a + (acc[next * 3 + axis]! - a) * f;
    }
  }
  return { t0Ms, rateHz, acc: out };
}
