import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildActivityModel } from '../model/dense/builder';
import { balancedClassWeights, fitModel, type Examples } from './fit';

/** Three well-separated clusters in 4-D, `perClass` rows each, shuffled by a fixed rule. */
function clusters(perClass: number, offset = 0): Examples {
  const rows = perClass * 3;
  const x = new Float32Array(rows * 4);
  const y = new Float32Array(rows);
  for (let i = 0; i < rows; i += 1) {
    const label = i % 3;
    y[i] = label;
    for (let c = 0; c < 4; c += 1) x[i * 4 + c] = (c === label ? 2 : 0) + Math.sin(i * 7.3 + c * 1.7 + offset) * 0.5;
  }
  return { x, y, rows, cols: 4 };
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('fitModel', () => {
  test('learns separable classes, reports every epoch, and leaks no tensors', async () => {
    const before = tf.memory().numTensors;
    const model = buildActivityModel({ inputSize: 4, classes: 3, hidden: [16, 8], dropout: 0.1, learningRate: 0.01 });
    const afterBuild = tf.memory().numTensors;
    const epochs: number[] = [];
    const result = await fitModel(model, clusters(40), clusters(10, 3), {
      epochs: 30,
      batchSize: 16,
      learningRate: 0.01,
      onEpoch: (log) => epochs.push(log.epoch),
    });
    expect(epochs).toEqual(result.history.map((log) => log.epoch));
    const last = result.history.at(-1);
    expect(last?.accuracy).toBeGreaterThan(0.95);
    expect(last?.valAccuracy).toBeGreaterThan(0.95);
    expect(tf.memory().numTensors).toBe(afterBuild);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  test('a large training set is probed on a sample each epoch, and leaks nothing either', async () => {
    const model = buildActivityModel({ inputSize: 4, classes: 3, hidden: [8], dropout: 0, learningRate: 0.01 });
    const before = tf.memory().numTensors;
    const result = await fitModel(model, clusters(1000), clusters(20, 3), { epochs: 2, batchSize: 64, learningRate: 0.01 });
    expect(result.history).toHaveLength(2);
    expect(result.history.at(-1)?.accuracy).toBeGreaterThan(0.9);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  test('stops early and restores the best weights', async () => {
    const model = buildActivityModel({ inputSize: 4, classes: 3, hidden: [8], dropout: 0, learningRate: 0.05 });
    // Validation labels that contradict training: validation loss only gets worse.
    const validation = clusters(10, 1);
    validation.y = validation.y.map((label) => (label + 1) % 3);
    const result = await fitModel(model, clusters(30), validation, { epochs: 50, batchSize: 8, learningRate: 0.05, patience: 3, seed: 7 });
    expect(result.stopped).toBe('early');
    expect(result.history.length).toBeLessThan(50);
    const best = Math.min(...result.history.map((log) => log.valLoss));
    expect(result.history[result.bestEpoch - 1]?.valLoss).toBe(best);
    model.dispose();
  });

  test('a cancelled run stops before the next epoch', async () => {
    const model = buildActivityModel({ inputSize: 4, classes: 3, hidden: [8], dropout: 0, learningRate: 0.01 });
    const controller = new AbortController();
    const result = await fitModel(model, clusters(10), clusters(5), {
      epochs: 100,
      batchSize: 8,
      learningRate: 0.01,
      signal: controller.signal,
      onEpoch: (log) => log.epoch === 2 && controller.abort(),
    });
    expect(result.stopped).toBe('cancelled');
    expect(result.history).toHaveLength(2);
    model.dispose();
  });
});

describe('balancedClassWeights', () => {
  test('weights classes by inverse frequency, 1 when balanced', () => {
    expect([...balancedClassWeights(Float32Array.of(0, 1, 2), 3)]).toEqual([1, 1, 1]);
    expect([...balancedClassWeights(Float32Array.of(0, 0, 0, 1), 2)]).toEqual([Math.fround(4 / 6), 2]);
    expect([...balancedClassWeights(Float32Array.of(0, 0), 2)]).toEqual([1, 0]);
  });
});
