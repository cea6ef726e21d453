import * as tf from '@tensorflow/tfjs';
import type { LabelledRecording } from '../../src/lib/train/activity-dataset';
import { windowSet } from '../../src/lib/train/activity-dataset';
import { buildActivityModel } from '../../src/lib/model/dense/builder';
import type { TrainingSettings } from '../../src/lib/model/record';
import { splitRecordings } from '../../src/lib/train/split';
import type { FeatureConfig } from '../../src/lib/signal/features';
import { fitStandardization, standardize } from '../../src/lib/signal/standardize';

/**
 * The baselines' side of the training benchmarks: the rows trainActivityModel trains on, and
 * tfjs's stock `model.fit` on them. Shared by the page that trains in the browser
 * (pages/train.ts) and the one-split benchmark in Node (train-sisfall-split.ts).
 */

/** The standardised train and validation rows of trainActivityModel's first steps (same split, windows, features and training-split standardisation). */
export function featureRows(recordings: readonly LabelledRecording[], features: FeatureConfig, seed: number) {
  const labels = [...new Set(recordings.map(({ recording }) => recording.label))].sort();
  const { assignment } = splitRecordings(
    recordings.map(({ recording }) => recording),
    { seed },
  );
  const side = (name: string) => recordings.flatMap(({ recording }, index) => (assignment.get(recording.id) === name ? [index] : []));
  const report = { tooShort: [], nonFiniteSamples: 0 };
  const train = windowSet(recordings, side('train'), labels, features, report);
  const validation = windowSet(recordings, side('validation'), labels, features, report);
  const stats = fitStandardization(train.x, train.cols);
  standardize(train.x, stats);
  standardize(validation.x, stats);
  return { train: { ...train, classes: labels.length }, validation };
}

export interface StockFit {
  /** Tensors made, `model.fit` run, tensors disposed. */
  ms: number;
  epochs: number;
  finalValAccuracy: number;
}

/**
 * The same network trained the stock way: `epochs` epochs of `model.fit` with the settings' batch
 * size and the validation set, compiled with adam and sparse categorical cross-entropy (labels
 * as float32), class weights given to `fit` when there are any.
 */
export async function fitStock(rows: ReturnType<typeof featureRows>, training: TrainingSettings, epochs: number, classWeights?: Float32Array): Promise<StockFit> {
  const { train, validation } = rows;
  const model = buildActivityModel({ inputSize: train.cols, classes: train.classes, hidden: training.hidden, dropout: training.dropout, learningRate: training.learningRate });
  model.compile({ optimizer: tf.train.adam(training.learningRate), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  try {
    const started = performance.now();
    const x = tf.tensor2d(train.x, [train.rows, train.cols]);
    const y = tf.tensor1d(train.y, 'float32');
    const valX = tf.tensor2d(validation.x, [validation.rows, validation.cols]);
    const valY = tf.tensor1d(validation.y, 'float32');
    const history = await model.fit(x, y, {
      epochs,
      batchSize: training.batchSize,
      validationData: [valX, valY],
      shuffle: true,
      verbose: 0,
      ...(classWeights && { classWeight: Object.fromEntries(Array.from(classWeights, (weight, label) => [label, weight])) }),
    });
    tf.dispose([x, y, valX, valY]);
    const ms = performance.now() - started;
    return { ms, epochs: history.epoch.length, finalValAccuracy: Number(history.history.val_acc?.at(-1) ?? NaN) };
  } finally {
    model.optimizer.dispose();
    model.dispose();
  }
}
