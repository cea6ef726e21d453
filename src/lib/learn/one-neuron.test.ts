import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { lessonNeuron } from './one-neuron';
import { trainOneNeuron } from './one-neuron-tfjs';
import { lessonPoints } from './regression';

describe('trainOneNeuron', () => {
  it('learns about y = 2x − 1 in the lesson’s 500 epochs, and predicts 10 → 19 ± 0.1', async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    const epochs: number[] = [];
    const result = await trainOneNeuron(lessonPoints, { ...lessonNeuron, onEpoch: (epoch) => epochs.push(epoch) });
    expect(epochs).toHaveLength(500);
    expect(result.losses).toHaveLength(500);
    expect(result.losses[499]).toBeLessThan(result.losses[0] as number);
    expect(result.predictTen).toBeGreaterThan(18.9);
    expect(result.predictTen).toBeLessThan(19.1);
    expect(result.w).toBeCloseTo(2, 1);
    expect(result.b).toBeCloseTo(-1, 1);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('ends near 19 from other starting weights too', async () => {
    await tf.setBackend('cpu');
    for (const seed of [2, 3, 7]) {
      const { predictTen } = await trainOneNeuron(lessonPoints, { ...lessonNeuron, seed });
      expect(Math.abs(predictTen - 19)).toBeLessThan(0.1);
    }
  });
});
