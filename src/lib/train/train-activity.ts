import { CodedError } from '../i18n/coded-error';
import * as tf from '@tensorflow/tfjs';
import { extractorFor, type FeatureConfig } from '../signal/features';
import { fitStandardization, standardize } from '../signal/standardize';
import type { ModelMetrics, Preprocessing, SplitName, SplitScores, TrainedOn, TrainingSettings } from '../model/record';
import { networkBuilders } from '../model/network-builders';
import { windowSet, type DatasetReport, type LabelledRecording, type WindowSet } from './activity-dataset';
import { balancedClassWeights, fitLean, type EpochLog } from './fit';
import { diagnose, evaluate, recordingResults, type Diagnosis, type Evaluation, type RecordingResult } from './metrics';
import { splitRecordings, type SplitShares, type SplitSummary } from './split';
import { trainedOnOf } from './trained-on';

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
}

export interface TrainedActivityModel {
  /** The trained network; the caller owns it and must dispose it. */
  model: tf.LayersModel;
  preprocessing: Preprocessing;
  metrics: ModelMetrics;
  split: SplitSummary;
  /** The recordings on each side, the training side fingerprinted: the int8 export calibrates on exactly these. */
  trainedOn: TrainedOn;
  /** Windows per split, as trained and scored. */
  windows: Record<SplitName, number>;
  history: EpochLog[];
  stopped: 'completed' | 'early' | 'cancelled';
  /** Test recordings by majority vote of their windows (indices into the recordings given). */
  testRecordings: RecordingResult[];
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
  const labels = [...new Set(recordings.map(({ recording }) => recording.label))].sort();
  const split = splitRecordings(
    recordings.map(({ recording }) => recording),
    { seed: options.training.seed, ...(options.shares && { shares: options.shares }) },
  );
  options.onStage?.('windows');
  const report: DatasetReport = { tooShort: [], nonFiniteSamples: 0 };
  const indicesOf = (side: SplitName) =>
    recordings.flatMap(({ recording }, index) => (split.assignment.get(recording.id) === side ? [index] : []));
  const sets = {} as Record<SplitName, WindowSet>;
  for (const side of ['train', 'validation', 'test'] as const) {
    sets[side] = windowSet(recordings, indicesOf(side), labels, options.features, report);
  }
  for (const side of ['train', 'validation', 'test'] as const) {
    if (sets[side].rows === 0) {
      throw new TrainingDataError(`error.training.no-windows-${side}`, { windowS: options.features.windowS });
    }
  }

  const stats = fitStandardization(sets.train.x, sets.train.cols);
  for (const side of ['train', 'validation', 'test'] as const) standardize(sets[side].x, stats);

  options.onStage?.('training');
  const settings = options.training;
  const model = networkBuilders.dense({
    inputSize: sets.train.cols,
    classes: labels.length,
    hidden: settings.hidden,
    dropout: settings.dropout,
    learningRate: settings.learningRate,
    seed: settings.seed,
  });
  const started = performance.now();
  try {
    const fit = await fitLean(model, sets.train, sets.validation, {
      epochs: settings.epochs,
      batchSize: settings.batchSize,
      learningRate: settings.learningRate,
      patience: settings.patience,
      seed: settings.seed,
      ...(settings.classWeights && { classWeights: balancedClassWeights(sets.train.y, labels.length) }),
      ...(options.signal && { signal: options.signal }),
      ...(options.onEpoch && { onEpoch: options.onEpoch }),
    });
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
      split: split.summary,
      trainedOn: trainedOnOf(recordings, split.assignment),
      windows: { train: sets.train.rows, validation: sets.validation.rows, test: sets.test.rows },
      history: fit.history,
      stopped: fit.stopped,
      testRecordings: recordingResults(sets.test.y, testPredicted, sets.test.recordingOf, labels.length).recordings,
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
