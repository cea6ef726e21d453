import { classifyByRules } from '../classify/rules';
import type { MotionSamples } from '../sensors/samples';
import { joinRows, networkInputs } from '../model/inputs';
import { extractorFor, featureGroups, type FeatureConfig } from '../signal/features';
import type { Recording } from '../store/recording';
import type { Examples } from './fit';
import { mulberry32 } from './random';
import { augmentSamples } from '../signal/augment';

/** One recording and its samples, as training reads them. */
export interface LabelledRecording {
  recording: Pick<Recording, 'id' | 'name' | 'label' | 'group' | 'speedFixes'>;
  samples: MotionSamples;
}

/** Feature rows of one split, with where each row came from. */
export interface WindowSet extends Examples {
  /** Index (into the recordings given) of the recording each row came from. */
  recordingOf: Int32Array;
  /** The rule baseline's label index per row; -1 for a label outside the model's list. */
  baseline: Int32Array;
}

/**
 * The recordings at `indices` and `copies` made-up placements of each (turned, scaled and stretched
 * at random: signal/augment.ts), drawn from `seed`: what training learns from when it augments.
 * The copies come after the recordings given, with their label and person; the indices returned
 * name the originals and the copies.
 *
 * @example
 * const { recordings: all, indices } = withPlacements(recordings, trainIndices, 2, seed);
 */
export function withPlacements(
  recordings: readonly LabelledRecording[],
  indices: readonly number[],
  copies: number,
  seed: number,
): { recordings: LabelledRecording[]; indices: number[] } {
  const random = mulberry32(seed);
  const made = indices.flatMap((index) => {
    const item = recordings[index];
    return item ? Array.from({ length: copies }, (_, n) => ({ recording: { ...item.recording, name: `${item.recording.name} (placement ${n + 1})` }, samples: augmentSamples(item.samples, random) })) : [];
  });
  return { recordings: [...recordings, ...made], indices: [...indices, ...made.map((_, n) => recordings.length + n)] };
}

/** Two window sets of the same columns as one, `a`'s rows first. */
export function joinWindowSets(a: WindowSet, b: WindowSet): WindowSet {
  const join = <T extends Float32Array | Int32Array>(make: (length: number) => T, x: T, y: T): T => {
    const out = make(x.length + y.length);
    out.set(x);
    out.set(y, x.length);
    return out;
  };
  return {
    x: joinRows([a.x, b.x]),
    y: join((n) => new Float32Array(n), a.y, b.y),
    rows: a.rows + b.rows,
    cols: a.cols,
    recordingOf: join((n) => new Int32Array(n), a.recordingOf, b.recordingOf),
    baseline: join((n) => new Int32Array(n), a.baseline, b.baseline),
  };
}

export interface DatasetReport {
  /** Recordings too short for a single window (after gaps are cut out). */
  tooShort: string[];
  /** Samples dropped because a value or time was not a finite number. */
  nonFiniteSamples: number;
}

/** What one recording gives for one feature config: its rows, unstandardised, and the rules' answer per window. */
interface RecordingWindows {
  rows: Float32Array;
  /** The rule baseline's label per window. */
  rules: string[];
  nonFiniteSamples: number;
}

/**
 * Each recording's windows and rows per feature config, computed once: a model search trains on
 * the same recordings once per fold and candidate, and the features are the same every time.
 * Keyed by the samples themselves (weakly), so the made-up placements of one run, new samples
 * each time, are forgotten with it.
 *
 * @example
 * const cache = new WindowCache();
 * await crossValidate(recordings, { features, training, folds: 5, windowCache: cache });
 */
export class WindowCache {
  readonly #bySamples = new WeakMap<MotionSamples, Map<string, RecordingWindows>>();

  /** The recording's windows for `config`, from the cache or computed now and kept. */
  windowsOf(item: LabelledRecording, config: FeatureConfig): RecordingWindows {
    const key = configKey(config);
    let known = this.#bySamples.get(item.samples);
    if (!known) this.#bySamples.set(item.samples, (known = new Map()));
    let windows = known.get(key);
    if (!windows) known.set(key, (windows = recordingWindows(item, config)));
    return windows;
  }
}

function configKey(config: FeatureConfig): string {
  const groups = config.input === 'features' ? featureGroups.filter((group) => config.groups.includes(group)).join('+') : '';
  return [config.rateHz, config.windowS, config.strideS, config.input, config.rawMagnitudeOnly, groups].join('|');
}

function recordingWindows(item: LabelledRecording, config: FeatureConfig): RecordingWindows {
  const inputs = networkInputs({ features: config }, item.samples);
  return {
    rows: inputs.rows,
    rules: inputs.windows.map((window) => classifyByRules(window, config.rateHz, item.recording.speedFixes).label),
    nonFiniteSamples: inputs.nonFiniteSamples,
  };
}

/**
 * Cuts recordings into windows and turns each into its input row, unstandardised (networkInputs:
 * resample → window → features), with the rule baseline's answer for the same window, so the
 * network and the rules are scored on exactly the same windows. With `cache`, a recording's
 * windows are computed once per config.
 */
export function windowSet(
  recordings: readonly LabelledRecording[],
  indices: readonly number[],
  labels: readonly string[],
  config: FeatureConfig,
  report: DatasetReport,
  cache?: WindowCache,
): WindowSet {
  const cols = extractorFor(config).names.length;
  const rows: Float32Array[] = [];
  const y: number[] = [];
  const recordingOf: number[] = [];
  const baseline: number[] = [];
  for (const index of indices) {
    const item = recordings[index];
    if (!item) continue;
    const label = labels.indexOf(item.recording.label);
    const windows = cache ? cache.windowsOf(item, config) : recordingWindows(item, config);
    report.nonFiniteSamples += windows.nonFiniteSamples;
    if (windows.rules.length === 0) {
      report.tooShort.push(item.recording.name);
      continue;
    }
    rows.push(windows.rows);
    for (const rule of windows.rules) {
      y.push(label);
      recordingOf.push(index);
      baseline.push(labels.indexOf(rule));
    }
  }
  return {
    x: joinRows(rows),
    y: Float32Array.from(y),
    rows: y.length,
    cols,
    recordingOf: Int32Array.from(recordingOf),
    baseline: Int32Array.from(baseline),
  };
}
