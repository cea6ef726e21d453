import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { packDigitFiles } from '../../../build/mnist-digits';
import type { LabelledImages } from './idx';
import { classifyImage, DigitNetwork, initialWeights, scoreProbabilities, sparseImages, type DigitWeights } from './digit-network';
import { decodeShippedDigits, sliceImages } from './shipped-digits';

let digits: LabelledImages;

beforeAll(async () => {
  const files = packDigitFiles();
  digits = await decodeShippedDigits(files.images, files.labels);
  await tf.setBackend('cpu');
});

/** The lesson's network in tfjs, holding `weights`. */
function tfjsModel(weights: DigitWeights): tf.LayersModel {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ units: weights.hidden, activation: 'relu', inputShape: [weights.inputs] }),
      tf.layers.dense({ units: weights.classes, activation: 'softmax' }),
    ],
  });
  model.setWeights([
    tf.tensor2d(weights.w1, [weights.inputs, weights.hidden]),
    tf.tensor1d(weights.b1),
    tf.tensor2d(weights.w2, [weights.hidden, weights.classes]),
    tf.tensor1d(weights.b2),
  ]);
  return model;
}

function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let largest = 0;
  for (let i = 0; i < a.length; i += 1) largest = Math.max(largest, Math.abs((a[i] as number) - (b[i] as number)));
  return largest;
}

describe('DigitNetwork', () => {
  it('trains exactly as tfjs’s adam on the same weights and batches, to 1e-5', async () => {
    const start = initialWeights(784, 20, 10, 5);
    const model = tfjsModel(start);
    model.compile({ optimizer: tf.train.adam(0.001), loss: 'sparseCategoricalCrossentropy' });
    const network = new DigitNetwork(structuredClone(start));
    const set = sparseImages(digits);
    const order = Int32Array.from({ length: 320 }, (_, i) => (i * 37) % digits.count);
    for (let from = 0; from < order.length; from += 32) {
      const rows = order.subarray(from, from + 32);
      const x = tf.tensor2d(Float32Array.from({ length: 32 * 784 }, (_, i) => (digits.images[(rows[Math.floor(i / 784)] as number) * 784 + (i % 784)] as number) / 255), [32, 784]);
      const y = tf.tensor1d(Float32Array.from(rows, (row) => digits.labels[row] as number));
      const tfjsLoss = (await model.trainOnBatch(x, y)) as number;
      tf.dispose([x, y]);
      const { loss } = network.trainBatch(set, order, from, from + 32);
      expect(Math.abs(loss - tfjsLoss)).toBeLessThan(1e-5);
    }
    const trained = model.getWeights().map((tensor) => tensor.dataSync());
    [network.weights.w1, network.weights.b1, network.weights.w2, network.weights.b2].forEach((values, which) => {
      expect(maxDifference(values, trained[which] as Float32Array)).toBeLessThan(1e-5);
    });
    const test = sliceImages(digits, 9000, 200);
    const probabilities = network.predict(sparseImages(test));
    const tfjsProbabilities = tf.tidy(() => (model.predict(tf.tensor2d(Float32Array.from(test.images, (byte) => byte / 255), [200, 784])) as tf.Tensor).dataSync());
    expect(maxDifference(probabilities, tfjsProbabilities)).toBeLessThan(1e-5);
    model.optimizer.dispose();
    model.dispose();
  });

  it('learns: one epoch on 2,000 digits scores well above chance on others', () => {
    const network = new DigitNetwork(initialWeights(784, 20, 10, 1));
    const train = sparseImages(sliceImages(digits, 0, 2000));
    const order = Int32Array.from({ length: 2000 }, (_, i) => i);
    for (let from = 0; from < 2000; from += 32) network.trainBatch(train, order, from, Math.min(2000, from + 32));
    const test = sliceImages(digits, 9000, 1000);
    const score = scoreProbabilities(network.predict(sparseImages(test)), test.labels, 10);
    expect(score.accuracy).toBeGreaterThan(0.7);
    const first = Float32Array.from(test.images.subarray(0, 784), (byte) => byte / 255);
    expect(maxDifference(classifyImage(network.weights, first), network.predict(sparseImages(sliceImages(test, 0, 1))))).toBeLessThan(1e-6);
  });
});
