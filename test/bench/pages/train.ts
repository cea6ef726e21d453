/**
 * Bench page for training: the app's compute worker trained the way the Train page trains (one
 * `train` request through a ComputeClient; the worker reads the recordings from IndexedDB), and
 * tfjs's stock `model.fit` on the same feature rows, on this page's thread, as the baseline.
 */
import * as tf from '@tensorflow/tfjs';
import { deleteDB } from 'idb';
import { startBrowserBackend } from '../../../src/lib/compute/backend.browser';
import type { LabelledRecording } from '../../../src/lib/train/activity-dataset';
import { windowSet } from '../../../src/lib/train/activity-dataset';
import { buildActivityModel } from '../../../src/lib/model/dense/builder';
import { splitRecordings } from '../../../src/lib/train/split';
import { ComputeClient } from '../../../src/lib/compute/compute-client';
import { MotionStore } from '../../../src/lib/store/motion-store';
import { recordingFor } from '../../../src/lib/store/recordings';
import { defaultTrainingSettings } from '../../../src/lib/train/training-settings';
import { defaultFeatureConfig } from '../../../src/lib/signal/features';
import { fitStandardization, standardize } from '../../../src/lib/signal/standardize';
import { expose } from './expose';
import { syntheticDataset, type DatasetOptions } from './synthetic-activity';

export interface WorkerRun {
  /** From sending the request to the `done` reply: what the user waits for after clicking Train. */
  totalMs: number;
  /** From sending the request to the `backend` reply: the worker started, tfjs loaded, wasm running. */
  backendMs: number;
  backend: string;
  /** The training loop alone, as the worker measured it (ModelMetrics.trainMs). */
  trainMs: number;
  epochs: number;
  stopped: string;
  windows: { train: number; validation: number; test: number };
  testAccuracy: number;
}

export interface StockFit {
  /** Tensors made, `model.fit` run, tensors disposed. */
  ms: number;
  epochs: number;
  finalValAccuracy: number;
}

const features = { ...defaultFeatureConfig, groups: [...defaultFeatureConfig.groups] };
const training = { ...defaultTrainingSettings, hidden: [...defaultTrainingSettings.hidden] };

/**
 * One click on Train, in a fresh worker (the first training of a visit): the recordings are
 * stored in a database of their own first, and the clock runs from the request to the evaluated
 * model's weights being back.
 */
async function trainInWorker(dataset: DatasetOptions): Promise<WorkerRun> {
  const database = `bench-train-${crypto.randomUUID()}`;
  const store = await MotionStore.open(database);
  for (const [index, { recording, samples }] of syntheticDataset(dataset).entries()) {
    await store.add(recordingFor(samples, { ...recording, source: 'import', device: 'bench', startedAt: index }), samples);
  }
  store.close();
  const client = new ComputeClient();
  try {
    const started = performance.now();
    const run = client.train({ database, features, training });
    const backendMs = run.backend.then(() => performance.now() - started);
    const outcome = await run.done;
    const totalMs = performance.now() - started;
    const status = await run.backend;
    return {
      totalMs,
      backendMs: await backendMs,
      backend: `${status.backend}${status.simd ? ' (simd)' : ''}`,
      trainMs: outcome.metrics.trainMs,
      epochs: outcome.metrics.epochs,
      stopped: outcome.stopped,
      windows: outcome.windows,
      testAccuracy: outcome.metrics.test.accuracy,
    };
  } finally {
    client.dispose();
    await deleteDB(database);
  }
}

/**
 * The same training done the stock way: the rows trainActivityModel would train on (same split,
 * windows, features and training-split standardisation), the same network, `epochs` epochs of
 * `model.fit` with the same batch size and validation set, compiled with adam and sparse
 * categorical cross-entropy (labels as float32). No class weights: the synthetic labels are
 * balanced, so the worker's balanced weights are all about 1.
 */
async function fitStock(dataset: DatasetOptions, epochs: number): Promise<StockFit> {
  await startBrowserBackend();
  const { train, validation } = featureRows(syntheticDataset(dataset));
  const model = buildActivityModel({
    inputSize: train.cols,
    classes: train.classes,
    hidden: training.hidden,
    dropout: training.dropout,
    learningRate: training.learningRate,
  });
  model.compile({ optimizer: tf.train.adam(training.learningRate), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  try {
    const started = performance.now();
    const x = tf.tensor2d(train.x, [train.rows, train.cols]);
    const y = tf.tensor1d(train.y, 'float32');
    const valX = tf.tensor2d(validation.x, [validation.rows, validation.cols]);
    const valY = tf.tensor1d(validation.y, 'float32');
    const history = await model.fit(x, y, { epochs, batchSize: training.batchSize, validationData: [valX, valY], shuffle: true, verbose: 0 });
    tf.dispose([x, y, valX, valY]);
    const ms = performance.now() - started;
    return { ms, epochs: history.epoch.length, finalValAccuracy: Number(history.history.val_acc?.at(-1) ?? NaN) };
  } finally {
    model.optimizer.dispose();
    model.dispose();
  }
}

/** The standardised train and validation rows of trainActivityModel's first steps. */
function featureRows(recordings: LabelledRecording[]) {
  const labels = [...new Set(recordings.map(({ recording }) => recording.label))].sort();
  const { assignment } = splitRecordings(
    recordings.map(({ recording }) => recording),
    { seed: training.seed },
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

const api = { trainInWorker, fitStock };
export type TrainBench = typeof api;
expose(api);
