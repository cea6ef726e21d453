import { CodedError } from '../i18n/coded-error';
import * as tf from '@tensorflow/tfjs';
import { channelNames, extractorFor, type FeatureConfig } from '../signal/features';
import { fitStandardization, standardize } from '../signal/standardize';
import type { ModelMetrics, Preprocessing, SplitName, SplitScores, TrainedOn, TrainingSettings, UnknownStats } from '../model/record';
import { readNetwork } from '../model/network-kinds';
import { networkBuilders } from '../model/network-builders';
import { joinWindowSets, windowSet, withPlacements, type DatasetReport, type LabelledRecording, type WindowSet } from './activity-dataset';
import { balancedClassWeights, fitLean, type EpochLog, type FitResult } from './fit';
import { diagnose, evaluate, recordingResults, type Diagnosis, type Evaluation, type RecordingResult } from './metrics';
import { splitNames, splitRecordings, type DatasetSplit, type SplitShares, type SplitSummary } from './split';
import { trainedOnOf } from './trained-on';
import { modelArtifacts } from './model-artifacts';
import { fitUnknownStats } from './unknown-score';

/** A problem with the data that stops training before it starts; nothing was trained. */
export class TrainingDataError extends CodedError {
  override name = 'TrainingDataError';
}

export type TrainingStage = 'windows' | 'training' | 'evaluating';

export interface TrainActivityOptions {
  features: FeatureConfig;
  training: TrainingSettings;
  shares?: SplitShares;
  signal?: AbortSignal;
  onStage?: (stage: TrainingStage) => void;
  onEpoch?: (log: EpochLog) => void;
  /** The share of each validation person's windows the unknown score's threshold calls unknown at most (train/unknown-score.ts's default when absent). */
  falseUnknownRate?: number;
}

export interface TrainedActivityModel {
  /** The trained network; the caller owns it and must dispose it. */
  model: tf.LayersModel;
  preprocessing: Preprocessing;
  metrics: ModelMetrics;
  split: SplitSummary;
  /** The recordings on each side, the training side fingerprinted: the int8 export calibrates on exactly these. */
  trainedOn: TrainedOn;
  /** The unknown score's statistics, from the training windows, its threshold from the validation people's windows. */
  unknown: UnknownStats;
  /** Windows per split, as trained and scored. */
  windows: Record<SplitName, number>;
  history: EpochLog[];
  stopped: 'completed' | 'early' | 'cancelled';
  /** The epoch whose weights the model holds (the lowest validation loss). */
  bestEpoch: number;
  /** Test recordings by majority vote of their windows (indices into the recordings given). */
  testRecordings: RecordingResult[];
  /** The rules on the same test recordings, in the same order. */
  baselineRecordings: RecordingResult[];
  test: Evaluation;
  baseline: Evaluation;
  diagnosis: Diagnosis;
  report: DatasetReport;
}

/** Label index (argmax) of each row, in one pass through the network. */
export function predictRows(model: tf.LayersModel, x: Float32Array, rows: number, cols: number): Int32Array {
  if (rows === 0) return new Int32Array(0);
  // In one batch: predict's default, batches of 32, took 2 s of tfjs overhead on 30,000 rows.
  const predicted = tf.tidy(() => tf.argMax(model.predict(tf.tensor2d(x, [rows, cols]), { batchSize: rows }) as tf.Tensor2D, 1));
  const labels = predicted.dataSync() as Int32Array;
  predicted.dispose();
  return Int32Array.from(labels);
}

function scores(evaluation: Evaluation): SplitScores {
  return { accuracy: evaluation.accuracy, f1: evaluation.perLabel.map((score) => score.f1) };
}

/**
 * From labelled recordings to an evaluated model: split by recording (and by who recorded it),
 * cut windows, compute features, standardise them with the training split's statistics, train,
 * and score the network and the rule baseline on the same test windows. The same code runs in the
 * app's worker and in `npm run evaluate`.
 */
export async function trainActivityModel(recordings: readonly LabelledRecording[], options: TrainActivityOptions): Promise<TrainedActivityModel> {
  const split = splitRecordings(
    recordings.map(({ recording }) => recording),
    { seed: options.training.seed, ...(options.shares && { shares: options.shares }) },
  );
  return trainOnSplit(recordings, split, options);
}

/**
 * The run of `trainActivityModel` on a split already made: cross-validation gives each fold's.
 * A side the split left empty (a test share of 0) is scored as NaN; a side with recordings but no
 * window is refused.
 */
export async function trainOnSplit(recordings: readonly LabelledRecording[], split: DatasetSplit, options: TrainActivityOptions): Promise<TrainedActivityModel> {
  const labels = [...new Set(recordings.map(({ recording }) => recording.label))].sort();
  options.onStage?.('windows');
  const report: DatasetReport = { tooShort: [], nonFiniteSamples: 0 };
  const indicesOf = (side: SplitName) =>
    recordings.flatMap(({ recording }, index) => (split.assignment.get(recording.id) === side ? [index] : []));
  const sets = {} as Record<SplitName, WindowSet>;
  for (const side of splitNames) {
    sets[side] = windowSet(recordings, indicesOf(side), labels, options.features, report);
  }
  const copies = options.training.augment ?? 0;
  if (copies > 0) {
    // Made-up placements on the training side only: validation and test stay as recorded. What
    // the copies would report about short recordings, the originals already have.
    const augmented = withPlacements(recordings, indicesOf('train'), copies, options.training.seed);
    const made = augmented.indices.slice(indicesOf('train').length);
    sets.train = joinWindowSets(sets.train, windowSet(augmented.recordings, made, labels, options.features, { tooShort: [], nonFiniteSamples: 0 }));
  }
  for (const side of splitNames) {
    if (sets[side].rows === 0 && (side !== 'test' || split.summary.sides.test.recordings > 0)) {
      throw new TrainingDataError(`error.training.no-windows-${side}`, { windowS: options.features.windowS });
    }
  }

  const stats = fitStandardization(sets.train.x, sets.train.cols);
  for (const side of splitNames) standardize(sets[side].x, stats);

  options.onStage?.('training');
  const started = performance.now();
  const { model, fit } = await fitNetwork(sets, labels.length, options);
  try {
    const trainMs = performance.now() - started;
    options.onStage?.('evaluating');
    const predicted = (side: SplitName) => predictRows(model, sets[side].x, sets[side].rows, sets[side].cols);
    const train = evaluate(labels, sets.train.y, predicted('train'));
    const validation = evaluate(labels, sets.validation.y, predicted('validation'));
    const testPredicted = predicted('test');
    const test = evaluate(labels, sets.test.y, testPredicted);
    const baseline = evaluate(labels, sets.test.y, sets.test.baseline);
    const metrics: ModelMetrics = {
      train: scores(train),
      validation: scores(validation),
      test: scores(test),
      baseline: scores(baseline),
      confusion: test.confusion.counts,
      epochs: fit.history.length,
      trainMs,
    };
    return {
      model,
      preprocessing: { features: { ...options.features, groups: [...options.features.groups] }, featureNames: [...extractorFor(options.features).names], stats, labels },
      metrics,
      unknown: fitUnknownStats(readNetwork(await modelArtifacts(model)), sets.train, sets.validation, labels.length, {
        withInputs: options.features.input === 'features',
        // A person's recordings share their name; a recording without one stands for itself.
        personOf: (row) => {
          const { recording } = recordings[sets.validation.recordingOf[row]!]!;
          return recording.group === '' ? `recording:${recording.id}` : `person:${recording.group}`;
        },
        ...(options.falseUnknownRate !== undefined && { falseUnknownRate: options.falseUnknownRate }),
      }),
      split: split.summary,
      trainedOn: trainedOnOf(recordings, split.assignment),
      windows: { train: sets.train.rows, validation: sets.validation.rows, test: sets.test.rows },
      history: fit.history,
      stopped: fit.stopped,
      bestEpoch: fit.bestEpoch,
      testRecordings: recordingResults(sets.test.y, testPredicted, sets.test.recordingOf, labels.length).recordings,
      baselineRecordings: recordingResults(sets.test.y, sets.test.baseline, sets.test.recordingOf, labels.length).recordings,
      test,
      baseline,
      diagnosis: diagnose(train.accuracy, validation.accuracy, test.accuracy),
      report,
    };
  } catch (error) {
    model.dispose();
    throw error;
  }
}

/**
 * The training step on its own: builds the network and fits it to the standardised training
 * windows, stopping early on the validation windows. The caller owns the model returned.
 */
async function fitNetwork(sets: Record<SplitName, WindowSet>, classes: number, options: TrainActivityOptions): Promise<{ model: tf.LayersModel; fit: FitResult }> {
  const settings = options.training;
  const model = networkBuilders[settings.network ?? 'dense']({
    inputSize: sets.train.cols,
    channels: channelNames(options.features).length,
    classes,
    hidden: settings.hidden,
    dropout: settings.dropout,
    learningRate: settings.learningRate,
    seed: settings.seed,
  });
  try {
    const fit = await fitLean(model, sets.train, sets.validation, {
      epochs: settings.epochs,
      batchSize: settings.batchSize,
      learningRate: settings.learningRate,
      patience: settings.patience,
      seed: settings.seed,
      ...(settings.classWeights && { classWeights: balancedClassWeights(sets.train.y, classes) }),
      ...(options.signal && { signal: options.signal }),
      ...(options.onEpoch && { onEpoch: options.onEpoch }),
    });
    return { model, fit };
  } catch (error) {
    model.dispose();
    throw error;
  }
}
