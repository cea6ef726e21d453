import * as tf from '@tensorflow/tfjs';
import { fitModel, type Examples } from '../train/fit';
import { initialWeights, type DigitWeights } from './digit-network';
import type { LabelledImages } from './idx';
import type { DigitSplit } from './shipped-digits';
import { finalScores, type DigitOutcome, type DigitProgress, type DigitSettings } from './digit-settings';

/** Pixels scaled to [0, 1], as the lesson divides by 255, with labels as floats for tfjs's sparse loss. */
function examplesOf(set: LabelledImages): Examples {
  return { x: Float32Array.from(set.images, (byte) => byte / 255), y: Float32Array.from(set.labels), rows: set.count, cols: set.rows * set.cols };
}

/**
 * The lesson's network as a TensorFlow.js model, Flatten → Dense(relu) → Dense(softmax), trained
 * with adam by the app's lean loop (fit.ts) on the backend the worker started (wasm). It starts
 * from the same seeded weights as the hand-written engine, and keeps the last epoch's weights,
 * as Keras's plain `fit` does.
 */
export async function trainDigitsTfjs(split: DigitSplit, settings: DigitSettings, progress: DigitProgress): Promise<DigitOutcome> {
  const start = initialWeights(split.train.rows * split.train.cols, settings.hidden, 10, settings.seed);
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ units: settings.hidden, activation: 'relu', inputShape: [start.inputs] }),
      tf.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
  try {
    const startTensors = [tf.tensor2d(start.w1, [start.inputs, start.hidden]), tf.tensor1d(start.b1), tf.tensor2d(start.w2, [start.hidden, 10]), tf.tensor1d(start.b2)];
    model.setWeights(startTensors);
    tf.dispose(startTensors);
    const started = performance.now();
    const result = await fitModel(model, examplesOf(split.train), examplesOf(split.validation), {
      epochs: settings.epochs,
      batchSize: settings.batchSize,
      learningRate: settings.learningRate,
      seed: settings.seed + 1,
      keepBest: false,
      ...(progress.signal && { signal: progress.signal }),
      ...(progress.onEpoch && { onEpoch: progress.onEpoch }),
    });
    const trainMs = performance.now() - started;
    const [w1, b1, w2, b2] = model.getWeights().map((tensor) => (tensor.dataSync() as Float32Array).slice());
    const weights: DigitWeights = { inputs: start.inputs, hidden: start.hidden, classes: 10, w1: w1 as Float32Array, b1: b1 as Float32Array, w2: w2 as Float32Array, b2: b2 as Float32Array };
    return finalScores(weights, split, { history: result.history, stopped: result.stopped === 'cancelled' ? 'cancelled' : 'completed', trainMs, batchSize: settings.batchSize });
  } finally {
    model.dispose();
  }
}
