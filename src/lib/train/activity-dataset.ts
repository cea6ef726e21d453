import { activityIndexer } from '../classify/activities';
import { classifyByRules, type RuleLabel } from '../classify/rules';
import type { MotionSamples } from '../sensors/samples';
import { joinRows, networkInputs } from '../model/inputs';
import { extractorFor, type FeatureConfig } from '../signal/features';
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

/** One recording's windows as training reads them: its input rows (unstandardised) and the rules' label for each window. */
interface RecordingRows {
  rows: Float32Array;
  rules: RuleLabel[];
  nonFiniteSamples: number;
}

/**
 * Each recording's rows for the feature config last asked for, computed once: cross-validation
 * and the setup search cut the same recordings into the same windows for every fold (five folds
 * computed SisFall's features five times, 2 s each). One config per recording, so memory stays
 * that of one set of rows however many configs a search tries (the folds of one run share
 * theirs). Keyed by the recording's own object, so the rows go when the recordings do; made-up
 * placements are new objects every time, never found here.
 */
const computedRows = new WeakMap<LabelledRecording, { key: string; rows: RecordingRows }>();

function recordingRows(item: LabelledRecording, config: FeatureConfig): RecordingRows {
  const key = JSON.stringify(config);
  const known = computedRows.get(item);
  if (known?.key === key) return known.rows;
  const inputs = networkInputs({ features: config }, item.samples);
  const rows = {
    rows: inputs.rows,
    rules: inputs.windows.map((window) => classifyByRules(window, config.rateHz, item.recording.speedFixes).label),
    nonFiniteSamples: inputs.nonFiniteSamples,
  };
  computedRows.set(item, { key, rows });
  return rows;
}

/**
 * Cuts recordings into windows and turns each into its input row, unstandardised (networkInputs:
 * resample → window → features), with the rule baseline's answer for the same window, so the
 * network and the rules are scored on exactly the same windows. A recording's rows are computed
 * once and shared by later calls with the same feature config (the set returned is a copy of its own).
 */
export function windowSet(
  recordings: readonly LabelledRecording[],
  indices: readonly number[],
  labels: readonly string[],
  config: FeatureConfig,
  report: DatasetReport,
): WindowSet {
  const cols = extractorFor(config).names.length;
  const rows: Float32Array[] = [];
  const y: number[] = [];
  const recordingOf: number[] = [];
  const baseline: number[] = [];
  // The rules answer in activities; the labels may name them in either language.
  const indexOfActivity = activityIndexer(labels);
  for (const index of indices) {
    const item = recordings[index];
    if (!item) continue;
    const label = labels.indexOf(item.recording.label);
    const inputs = recordingRows(item, config);
    report.nonFiniteSamples += inputs.nonFiniteSamples;
    if (inputs.rules.length === 0) {
      report.tooShort.push(item.recording.name);
      continue;
    }
    rows.push(inputs.rows);
    for (const rule of inputs.rules) {
      y.push(label);
      recordingOf.push(index);
      baseline.push(indexOfActivity(rule));
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
