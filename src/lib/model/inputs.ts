import type { MotionSamples } from '../sensors/samples';
import { extractorFor, type FeatureConfig } from '../signal/features';
import { resample } from '../signal/resample';
import { standardize, type FeatureStats } from '../signal/standardize';
import { windowsOf, type MotionWindow } from '../signal/windows';

/**
 * What turns motion into a model's inputs: the feature config and, once training has fitted them,
 * the standardisation statistics. Without `stats` the inputs come out unstandardised: what
 * training fits its statistics on.
 */
export interface InputSpec {
  features: FeatureConfig;
  stats?: FeatureStats;
}

/** A recording's inputs: one row per window (`rows.length / windows.length` values each). */
export interface RecordingInputs {
  rows: Float32Array;
  windows: MotionWindow[];
  /** Samples dropped because a value or time was not a finite number. */
  nonFiniteSamples: number;
}

/**
 * The network's inputs, the one pipeline every path goes through (training, Live, the int8
 * calibration, the CLI and the C library's checks): samples are resampled to the config's rate,
 * cut into windows (a gap longer than the resampler bridges ends a segment), each window becomes
 * its feature row, and the rows are standardised with `spec.stats`.
 *
 * Given one window (interleaved x, y, z at the config's rate) and a row to write into, it
 * allocates nothing beyond the standardisation's scale: Live calls it every stride.
 *
 * @example
 * const { rows, windows } = networkInputs(model.preprocessing, samples);
 * networkInputs(model.preprocessing, window.acc, row); // one window, into `row`
 */
export function networkInputs(spec: InputSpec, samples: MotionSamples): RecordingInputs;
export function networkInputs(spec: InputSpec, window: Float32Array, out: Float32Array): Float32Array;
export function networkInputs(spec: InputSpec, source: MotionSamples | Float32Array, out?: Float32Array): RecordingInputs | Float32Array {
  const extractor = extractorFor(spec.features);
  if (source instanceof Float32Array) {
    if (!out) throw new RangeError('networkInputs: one window needs a row to write its inputs into');
    extractor.extract(source, out);
    return spec.stats ? standardize(out, spec.stats) : out;
  }
  const resampled = resample(source, { rateHz: spec.features.rateHz });
  const windows = windowsOf(resampled.segments, spec.features);
  const rows = extractor.rows(windows);
  if (spec.stats) standardize(rows, spec.stats);
  return { rows, windows, nonFiniteSamples: resampled.nonFiniteSamples };
}

/**
 * Rows of several recordings, one block after another, as one buffer.
 *
 * @example
 * const x = joinRows(recordings.map((item) => networkInputs(spec, item.samples).rows));
 */
export function joinRows(blocks: readonly Float32Array[]): Float32Array {
  const rows = new Float32Array(blocks.reduce((total, block) => total + block.length, 0));
  let at = 0;
  for (const block of blocks) {
    rows.set(block, at);
    at += block.length;
  }
  return rows;
}
