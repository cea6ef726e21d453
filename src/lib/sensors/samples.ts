/**
 * Motion samples as every source delivers them and every consumer reads them: struct-of-arrays
 * typed arrays, cheap to append, store, transfer to a worker and plot.
 *
 * - `t`: timestamps in ms, monotonic (the device's own clock where it has one), one per sample.
 * - `acc`: acceleration including gravity in m/s², interleaved x, y, z (length 3 × samples).
 * - `gyro`: rotation rate in deg/s, interleaved x, y, z, or null when the source has no gyroscope.
 */
export interface MotionSamples {
  t: Float64Array;
  acc: Float32Array;
  gyro: Float32Array | null;
}

/** Standard gravity, for sources that report acceleration in g. */
export const STANDARD_GRAVITY_MS2 = 9.80665;

export const accAxes = ['accX', 'accY', 'accZ'] as const;
export const gyroAxes = ['gyroX', 'gyroY', 'gyroZ'] as const;
export type Axis = (typeof accAxes)[number] | (typeof gyroAxes)[number];

/** The axes a series holds: acceleration, and rotation when there is a gyroscope. */
export function axesFor(hasGyro: boolean): Axis[] {
  return hasGyro ? [...accAxes, ...gyroAxes] : [...accAxes];
}

/** Mean sample rate of `count` samples spanning `durationMs`; 0 when it cannot be told. */
export function meanRateHz(count: number, durationMs: number): number {
  return count > 1 && durationMs > 0 ? ((count - 1) * 1000) / durationMs : 0;
}

export function sampleCount(samples: MotionSamples): number {
  return samples.t.length;
}

export function emptySamples(withGyro: boolean): MotionSamples {
  return { t: new Float64Array(0), acc: new Float32Array(0), gyro: withGyro ? new Float32Array(0) : null };
}

/** Joins batches in order into one series. All must agree on having a gyroscope. */
export function concatSamples(parts: readonly MotionSamples[], withGyro: boolean): MotionSamples {
  const total = parts.reduce((sum, part) => sum + part.t.length, 0);
  const out: MotionSamples = {
    t: new Float64Array(total),
    acc: new Float32Array(total * 3),
    gyro: withGyro ? new Float32Array(total * 3) : null,
  };
  let at = 0;
  for (const part of parts) {
    out.t.set(part.t, at);
    out.acc.set(part.acc, at * 3);
    if (out.gyro) {
      if (!part.gyro) throw new Error('concatSamples: a batch without gyroscope in a series with one');
      out.gyro.set(part.gyro, at * 3);
    }
    at += part.t.length;
  }
  return out;
}

/** Samples `from` (inclusive) to `to` (exclusive), by index; views share the buffers. */
export function sliceSamples(samples: MotionSamples, from: number, to: number): MotionSamples {
  return {
    t: samples.t.subarray(from, to),
    acc: samples.acc.subarray(from * 3, to * 3),
    gyro: samples.gyro ? samples.gyro.subarray(from * 3, to * 3) : null,
  };
}

/**
 * The first index whose time is at or after `time`, by binary search (times are non-decreasing).
 *
 * @example
 * firstIndexAtOrAfter([0, 20, 40, 60], 30) // 2
 */
export function firstIndexAtOrAfter(times: ArrayLike<number>, time: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((times[middle] ?? 0) < time) low = middle + 1;
    else high = middle;
  }
  return low;
}
