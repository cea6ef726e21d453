/**
 * The rules every recording obeys, however it comes in (a CSV or JSON import, a backup's
 * restore): finite values, time that never goes back, and a length and a rate that are finite
 * numbers. One function checks them for every path, so a backup the app writes is always one its
 * restore accepts, and a restore never takes what an import refuses.
 */
import type { MotionSamples } from '../sensors/samples';
import { measuredRateHz } from '../signal/rate';
import { ImportError } from './errors';

/**
 * Checks samples against the rules; `where` names the place in the file for a message
 * (`recordings[3].samples`). Throws ImportError.
 *
 * @example
 * checkSamples('walking.csv', samples); // a CSV's cells are checked as it is read: this adds the length and rate
 */
export function checkSamples(file: string, samples: MotionSamples, where = 'samples'): void {
  const { t, acc, gyro } = samples;
  const n = t.length;
  if (n === 0) throw new ImportError('no-samples', {}, { file });
  for (let i = 0; i < n; i += 1) {
    const value = t[i]!;
    if (!Number.isFinite(value)) throw notFinite(file, value, `${where}.t[${i}]`);
    if (i > 0 && value < t[i - 1]!) throw new ImportError('timestamp-backwards', { previousMs: t[i - 1]!, timestampMs: value }, { file });
  }
  for (const [key, values] of [['acc', acc], ['gyro', gyro ?? new Float32Array()]] as const) {
    for (let i = 0; i < values.length; i += 1) {
      if (!Number.isFinite(values[i]!)) throw notFinite(file, values[i]!, `${where}.${key}[${i}]`);
    }
  }
  // Finite timestamps can still be an infinite time apart (-1e308 then 1e308), or so close that
  // the rate is infinite (1e-320 ms apart): neither can be shown, stored in a backup or resampled.
  if (!Number.isFinite(t[n - 1]! - t[0]!)) {
    throw new ImportError('implausible-duration', { firstMs: t[0]!, lastMs: t[n - 1]! }, { file });
  }
  if (!Number.isFinite(measuredRateHz(t))) throw new ImportError('rate-not-finite', {}, { file });
}

/**
 * Checks the rate a file states (Edge Impulse JSON's interval): one no motion sensor has is
 * refused, as a CSV whose timestamps give it in every unit. Throws ImportError.
 */
export function checkStatedRate(file: string, rateHz: number): void {
  if (!Number.isFinite(rateHz)) throw new ImportError('rate-not-finite', {}, { file });
  if (!isPlausibleRate(rateHz)) throw new ImportError('implausible-rate', { rateHz }, { file });
}

function notFinite(file: string, value: number, path: string): ImportError {
  return new ImportError('not-finite', { cell: String(value), column: path }, { file });
}

/** Units timestamps may be written in, and how many ms each is. */
export const timeUnits = { ms: 1, s: 1000, µs: 1e-3, ns: 1e-6 } as const;
export type TimeUnit = keyof typeof timeUnits;

/**
 * Sample rates a motion sensor has: from a slow logger's 1 Hz to a fast IMU's 1 kHz. The unit of
 * a file's timestamps is the one that puts its rate in this range.
 */
export const PLAUSIBLE_RATE_HZ = { min: 1, max: 1000 } as const;

/**
 * The unit of a CSV file's timestamps, found from their spacing: milliseconds, as Edge Impulse
 * writes them, when that gives a motion sensor's rate; otherwise seconds, microseconds or
 * nanoseconds, whichever does (50 Hz in seconds is 0.02 apart, which read as ms would be 50 kHz).
 * Returns the samples with timestamps in ms. Throws ImportError when no unit gives a plausible
 * rate.
 *
 * @example
 * inMilliseconds('x.csv', { t: new Float64Array([0, 0.02, 0.04]), acc, gyro: null }).unit // 's'
 */
export function inMilliseconds(file: string, samples: MotionSamples): { samples: MotionSamples; unit: TimeUnit } {
  const rateAsMs = measuredRateHz(samples.t);
  // One sample, or all at one time: there is no spacing to tell the unit by.
  if (rateAsMs === 0 || isPlausibleRate(rateAsMs)) return { samples, unit: 'ms' };
  if (!Number.isFinite(rateAsMs)) throw new ImportError('rate-not-finite', {}, { file });
  for (const unit of ['s', 'µs', 'ns'] as const) {
    const factor = timeUnits[unit];
    if (!isPlausibleRate(rateAsMs / factor)) continue;
    const t = samples.t.map((value) => value * factor);
    return { samples: { ...samples, t }, unit };
  }
  throw new ImportError('implausible-rate', { rateHz: rateAsMs }, { file });
}

/** Whether a motion sensor could sample at `rateHz` (NaN and Infinity cannot). */
function isPlausibleRate(rateHz: number): boolean {
  return rateHz >= PLAUSIBLE_RATE_HZ.min && rateHz <= PLAUSIBLE_RATE_HZ.max;
}
