import { CodedError } from '../i18n/coded-error';
import type { Segment } from './resample';

/**
 * Cutting resampled segments into the windows a model sees: each window is one example to
 * learn from, or one decision when classifying live.
 */

/** How a recording becomes windows; saved with a model, as its inputs depend on it. */
export interface WindowConfig {
  /** Samples per second after resampling. */
  rateHz: number;
  /** Length of a window in seconds. */
  windowS: number;
  /** Time from one window's start to the next one's, in seconds; below windowS they overlap. */
  strideS: number;
}

/**
 * 2 s, as the workshop's activity lesson frames it: three to eight steps of walking or running,
 * enough for a cadence to show in the spectrum, and short enough that a live decision follows a
 * change of activity within about a second and that a short movement (a golf swing) fills a
 * window. A 0.5 s stride gives two decisions a second live, and two examples per second of
 * recording. Longer windows separate stairs from level walking better (on SisFall, split by
 * subject, 4 s gave test accuracy 0.960–0.992 over ten splits, 2 s 0.941–0.972): the Train page's
 * advanced settings and `--window` choose them.
 */
export const defaultWindowConfig: WindowConfig = { rateHz: 50, windowS: 2, strideS: 0.5 };

/**
 * How large a window a model or a setting may ask for. A window's samples set the size of every
 * buffer the feature code, the network and the C library allocate, so a 1.4 KB model file saying
 * `rateHz: 1e9` once took 8 GB and a minute before anything said no. 12,000 samples is a minute at
 * 200 Hz (SisFall's rate) or 12 s at 1 kHz, far above the 2–10 s at 50–200 Hz the lessons use.
 */
export const windowBounds = { maxRateHz: 1000, maxSeconds: 60, minSamples: 2, maxSamples: 12_000 } as const;

/**
 * The one check of a window config against `windowBounds`, made wherever a model or a setting is
 * read and before any feature extractor is built: throws CodedError 'error.window.out-of-bounds'
 * with the config's figures, so the message says what was asked.
 *
 * @example
 * checkWindowBounds({ rateHz: 1e9, windowS: 2, strideS: 0.5 }); // throws
 */
export function checkWindowBounds(config: WindowConfig): void {
  const { rateHz, windowS, strideS } = config;
  const within = (value: number, max: number) => Number.isFinite(value) && value > 0 && value <= max;
  const samples = windowS * rateHz;
  const inBounds =
    within(rateHz, windowBounds.maxRateHz) &&
    within(windowS, windowBounds.maxSeconds) &&
    within(strideS, windowBounds.maxSeconds) &&
    samples >= windowBounds.minSamples &&
    samples <= windowBounds.maxSamples;
  if (!inBounds) throw new CodedError('error.window.out-of-bounds', { rateHz: String(rateHz), windowS: String(windowS), strideS: String(strideS), ...windowBounds });
}

/**
 * One window: a view into its segment's samples, not a copy. Named MotionWindow, not Window,
 * so that it never hides the browser's global `window` type.
 */
export interface MotionWindow {
  /** Acceleration in m/s², interleaved x, y, z; a subarray of the segment's buffer. */
  acc: Float32Array;
  /** Time of the first sample, ms on the recording's clock. */
  t0Ms: number;
  /** Index of the segment (in the list given to `windowsOf`) the window lies in. */
  segment: number;
}

/**
 * Samples in one window.
 *
 * @example
 * windowSamples({ rateHz: 50, windowS: 2, strideS: 0.5 }) // 100
 */
export function windowSamples(config: WindowConfig): number {
  return Math.round(config.windowS * config.rateHz);
}

/**
 * Samples from one window's start to the next; at least 1.
 *
 * @example
 * strideSamples({ rateHz: 50, windowS: 2, strideS: 0.5 }) // 25
 */
export function strideSamples(config: WindowConfig): number {
  return Math.max(1, Math.round(config.strideS * config.rateHz));
}

/**
 * Windows that fit in `samples` samples: floor((samples − length) / stride) + 1, or 0 when not
 * even one fits.
 *
 * @example
 * windowCount(500, 100, 25) // 17
 */
export function windowCount(samples: number, length: number, stride: number): number {
  return samples < length ? 0 : Math.floor((samples - length) / stride) + 1;
}

/**
 * Every window of every segment, in time order. A window never spans two segments: across a gap
 * the samples would not be the motion of one stretch of time. A segment shorter than a window
 * gives none.
 *
 * @example
 * const { segments } = resample(samples, config);
 * const windows = windowsOf(segments, config); // 2 s windows every 0.5 s
 */
export function windowsOf(segments: readonly Segment[], config: WindowConfig): MotionWindow[] {
  const length = windowSamples(config);
  const stride = strideSamples(config);
  if (length < 1) throw new RangeError(`windowsOf: a window of ${config.windowS} s at ${config.rateHz} Hz holds no sample`);
  const windows: MotionWindow[] = [];
  segments.forEach((segment, index) => {
    if (segment.rateHz !== config.rateHz) {
      throw new RangeError(`windowsOf: segment ${index} is at ${segment.rateHz} Hz, the windows at ${config.rateHz} Hz`);
    }
    const count = windowCount(segment.acc.length / 3, length, stride);
    const periodMs = 1000 / segment.rateHz;
    for (let w = 0; w < count; w += 1) {
      const start = w * stride;
      windows.push({
        acc: segment.acc.subarray(start * 3, (start + length) * 3),
        t0Ms: segment.t0Ms + start * periodMs,
        segment: index,
      });
    }
  });
  return windows;
}
