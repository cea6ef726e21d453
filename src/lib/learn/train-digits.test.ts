import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { packDigitFiles } from '../../../build/mnist-digits';
import { decodeShippedDigits, splitShipped, type DigitSplit } from './shipped-digits';
import { diagnose } from '../train/metrics';
import { labSetups } from './overfitting-lab';
import { checkDigitSettings, lessonDigitSettings } from './digit-settings';
import { trainDigits } from './train-digits';

describe('checkDigitSettings', () => {
  it('accepts whole numbers of units from 1 to 256 and of epochs from 1 to 200', () => {
    expect(checkDigitSettings(lessonDigitSettings)).toBeUndefined();
    expect(checkDigitSettings({ hidden: 1, epochs: 200 })).toBeUndefined();
    expect(checkDigitSettings({ hidden: 256, epochs: 1 })).toBeUndefined();
  });

  it('names the first field that is emptied, fractional or out of range', () => {
    const hidden = { field: 'hidden', min: 1, max: 256 };
    const epochs = { field: 'epochs', min: 1, max: 200 };
    expect(checkDigitSettings({ hidden: null, epochs: 20 })).toEqual(hidden);
    expect(checkDigitSettings({ hidden: 2.5, epochs: 20 })).toEqual(hidden);
    expect(checkDigitSettings({ hidden: 0, epochs: 20 })).toEqual(hidden);
    expect(checkDigitSettings({ hidden: 257, epochs: 20 })).toEqual(hidden);
    expect(checkDigitSettings({ hidden: 20, epochs: null })).toEqual(epochs);
    expect(checkDigitSettings({ hidden: 20, epochs: 0 })).toEqual(epochs);
    expect(checkDigitSettings({ hidden: 20, epochs: 201 })).toEqual(epochs);
    expect(checkDigitSettings({ hidden: 20, epochs: Number.NaN })).toEqual(epochs);
  });
});

let split: DigitSplit;

beforeAll(async () => {
  const files = packDigitFiles();
  split = splitShipped(await decodeShippedDigits(files.images, files.labels));
  await tf.setBackend('cpu');
});

function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let largest = 0;
  for (let i = 0; i < a.length; i += 1) largest = Math.max(largest, Math.abs((a[i] as number) - (b[i] as number)));
  return largest;
}

describe('trainDigits', () => {
  it('reports every epoch and scores the final weights on all three sets', async () => {
    const epochs: number[] = [];
    const outcome = await trainDigits(split, { ...lessonDigitSettings, epochs: 2 }, { onEpoch: (log) => epochs.push(log.epoch) });
    expect(epochs).toEqual([1, 2]);
    expect(outcome.trainRows).toBe(8000);
    expect(outcome.testProbabilities).toHaveLength(1000 * 10);
    expect(outcome.test.accuracy).toBeGreaterThan(0.85);
    expect(outcome.history[1]?.valAccuracy).toBeGreaterThan(0.85);
    expect(outcome.stopped).toBe('completed');
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const outcome = await trainDigits(split, { ...lessonDigitSettings, trainRows: 500 }, { signal: controller.signal, onEpoch: () => controller.abort() });
    expect(outcome.history).toHaveLength(1);
    expect(outcome.stopped).toBe('cancelled');
  });

  it('ends with the same weights on either engine: same start, same batches, same maths', async () => {
    const settings = { ...lessonDigitSettings, epochs: 1, trainRows: 640 };
    const sparse = await trainDigits(split, settings);
    const before = tf.memory().numTensors;
    const tfjs = await trainDigits(split, { ...settings, engine: 'tfjs' });
    expect(tf.memory().numTensors).toBe(before);
    expect(maxDifference(sparse.weights.w1, tfjs.weights.w1)).toBeLessThan(1e-4);
    expect(maxDifference(sparse.weights.w2, tfjs.weights.w2)).toBeLessThan(1e-4);
    expect(Math.abs(sparse.test.accuracy - tfjs.test.accuracy)).toBeLessThanOrEqual(0.002);
  });

  it('gives the overfitting lab the lesson’s three cases: A fits, B underfits, C overfits', async () => {
    const verdicts: Record<string, string> = {};
    for (const { model, settings } of labSetups) {
      const outcome = await trainDigits(split, settings);
      verdicts[model] = diagnose(outcome.train.accuracy, outcome.validation.accuracy, outcome.test.accuracy).verdict;
      if (model === 'A') expect(outcome.test.accuracy).toBeGreaterThanOrEqual(0.9);
    }
    expect(verdicts).toEqual({ A: 'good', B: 'underfitting', C: 'overfitting' });
  }, 60_000);
});
