/**
 * Bench page for the digits lesson: one training step (a batch of 32 through the lesson's
 * 784-20-10 network, backward, adam) timed four ways on the same 8,000 shipped digits:
 * the app's hand-written engine, the app's lean tfjs loop on wasm, and stock tfjs `model.fit`
 * on the wasm and on the cpu backend.
 */
import * as tf from '@tensorflow/tfjs';
import { startBrowserBackend } from '../../../src/lib/compute/backend.browser';
import { decodeBase64 } from '../../../src/lib/io/base64';
import { fitModel } from '../../../src/lib/train/fit';
import { DigitNetwork, initialWeights, sparseImages } from '../../../src/lib/learn/digit-network';
import type { LabelledImages } from '../../../src/lib/learn/idx';
import { decodeShippedDigits, splitShipped, type DigitSplit } from '../../../src/lib/learn/shipped-digits';
import { expose } from './expose';

const hidden = 20;
const batchSize = 32;
let split: DigitSplit | undefined;

function digits(): DigitSplit {
  if (!split) throw new Error('call loadDigits first');
  return split;
}

/** The built asset's two files, as base64 (they cross the DevTools protocol as text). */
async function loadDigits(imagesBase64: string, labelsBase64: string): Promise<{ train: number; inkedPerImage: number }> {
  const images = decodeBase64(imagesBase64);
  const labels = decodeBase64(labelsBase64);
  if (!images || !labels) throw new Error('the digits did not arrive as base64');
  split = splitShipped(await decodeShippedDigits(images, labels));
  const sparse = sparseImages(split.train);
  return { train: split.train.count, inkedPerImage: sparse.value.length / sparse.count };
}

export interface StepTiming {
  msPerStep: number;
  steps: number;
  /** What else the figure includes, if anything. */
  note: string;
}

/** The hand-written engine's steps alone, `epochs` epochs in a row after one to warm up. */
function sparseSteps(epochs: number): StepTiming & { forwardMsPer32: number } {
  const train = sparseImages(digits().train);
  const network = new DigitNetwork(initialWeights(784, hidden, 10, 1));
  const order = Int32Array.from({ length: train.count }, (_, row) => row);
  const epoch = () => {
    for (let from = 0; from < train.count; from += batchSize) network.trainBatch(train, order, from, Math.min(train.count, from + batchSize));
  };
  epoch();
  const started = performance.now();
  for (let run = 0; run < epochs; run += 1) epoch();
  const ms = performance.now() - started;
  const forwardStarted = performance.now();
  network.predict(train);
  const forwardMs = performance.now() - forwardStarted;
  const steps = epochs * Math.ceil(train.count / batchSize);
  return { msPerStep: ms / steps, steps, note: 'steps only', forwardMsPer32: (forwardMs / train.count) * batchSize };
}

function examplesOf(set: LabelledImages) {
  return { x: Float32Array.from(set.images, (byte) => byte / 255), y: Float32Array.from(set.labels), rows: set.count, cols: 784 };
}

function lessonModel(): tf.Sequential {
  return tf.sequential({
    layers: [tf.layers.dense({ units: hidden, activation: 'relu', inputShape: [784] }), tf.layers.dense({ units: 10, activation: 'softmax' })],
  });
}

/** The app's tfjs loop (fit.ts) on wasm, as the digits page's tfjs engine runs it. */
async function leanTfjsSteps(epochs: number): Promise<StepTiming> {
  await startBrowserBackend();
  await tf.setBackend('wasm');
  const model = lessonModel();
  const train = examplesOf(digits().train);
  const validation = examplesOf(digits().validation);
  try {
    await fitModel(model, train, validation, { epochs: 1, batchSize, learningRate: 0.001, keepBest: false });
    const started = performance.now();
    const result = await fitModel(model, train, validation, { epochs, batchSize, learningRate: 0.001, keepBest: false });
    const steps = result.history.length * Math.ceil(train.rows / batchSize);
    return { msPerStep: (performance.now() - started) / steps, steps, note: 'with its per-epoch scoring' };
  } finally {
    model.dispose();
  }
}

/** Stock `model.fit` as the lesson calls it (adam, sparse categorical cross-entropy, validation data), on `backend`. */
async function stockFitSteps(backend: 'wasm' | 'cpu', epochs: number): Promise<StepTiming> {
  await startBrowserBackend();
  await tf.setBackend(backend);
  const model = lessonModel();
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  const { train, validation } = digits();
  const x = tf.tensor2d(examplesOf(train).x, [train.count, 784]);
  const y = tf.tensor1d(Float32Array.from(train.labels));
  const valX = tf.tensor2d(examplesOf(validation).x, [validation.count, 784]);
  const valY = tf.tensor1d(Float32Array.from(validation.labels));
  try {
    await model.fit(x.slice([0, 0], [320, 784]), y.slice([0], [320]), { epochs: 1, batchSize, verbose: 0 });
    const started = performance.now();
    await model.fit(x, y, { epochs, batchSize, validationData: [valX, valY], shuffle: true, verbose: 0 });
    const steps = epochs * Math.ceil(train.count / batchSize);
    return { msPerStep: (performance.now() - started) / steps, steps, note: 'with its validation' };
  } finally {
    tf.dispose([x, y, valX, valY]);
    model.optimizer.dispose();
    model.dispose();
    await tf.setBackend('wasm');
  }
}

const api = { loadDigits, sparseSteps, leanTfjsSteps, stockFitSteps };
export type LearnBench = typeof api;
expose(api);
