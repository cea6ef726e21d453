import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildActivityModel, type ActivityModelConfig } from './builder';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const config: ActivityModelConfig = { inputSize: 22, classes: 3, hidden: [32, 16], dropout: 0.2, learningRate: 0.003 };

/** Every weight of a fresh network, flattened; the network is disposed. */
function initialWeights(seed: number | undefined): number[] {
  const model = buildActivityModel({ ...config, ...(seed !== undefined && { seed }) });
  const values = model.getWeights().flatMap((weight) => [...weight.dataSync()]);
  model.dispose();
  return values;
}

describe('buildActivityModel', () => {
  test('one seed gives the same starting weights, another seed or none different ones, and nothing leaks', () => {
    const before = tf.memory().numTensors;
    const first = initialWeights(7);
    expect(initialWeights(7)).toEqual(first);
    expect(initialWeights(8)).not.toEqual(first);
    expect(initialWeights(undefined)).not.toEqual(first);
    expect(tf.memory().numTensors).toBe(before);
  });
});
