import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { defaultFeatureConfig, featureNames } from '../signal/features';
import type { LabelledRecording } from './activity-dataset';
import { TrainingDataError, trainActivityModel } from './train-activity';
import { defaultTrainingSettings } from './training-settings';

/** A synthetic activity: a sway at `hz` of `amplitude` m/s² on top of gravity, 50 Hz, `seconds` long. */
function activity(id: string, label: string, group: string, hz: number, amplitude: number, seconds = 20, phase = 0): LabelledRecording {
  const n = seconds * 50;
  const t = new Float64Array(n);
  const acc = new Float32Array(n * 3);
  for (let i = 0; i < n; i += 1) {
    t[i] = i * 20;
    const s = Math.sin(2 * Math.PI * hz * (i / 50) + phase);
    acc.set([amplitude * s * 0.5, amplitude * Math.cos(2 * Math.PI * hz * (i / 50)) * 0.3, 9.81 + amplitude * s], i * 3);
  }
  return { recording: { id, name: id, label, group, speedFixes: [] }, samples: { t, acc, gyro: null } };
}

function dataset(): LabelledRecording[] {
  const people = ['ana', 'ben', 'cai', 'dee', 'eli', 'fay', 'gus'];
  return people.flatMap((person, p) => [
    activity(`${person}-walk`, 'walking', person, 1.8 + p * 0.03, 2, 20, p),
    activity(`${person}-run`, 'running', person, 2.8 + p * 0.03, 6, 20, p),
    activity(`${person}-golf`, 'golfing', person, 0.6 + p * 0.02, 0.6, 20, p),
  ]);
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('trainActivityModel', () => {
  test('learns from made-up placements of the training recordings only, and names no copy among the short ones', async () => {
    const recordings = [...dataset(), activity('ana-short', 'walking', 'ana', 1.8, 2, 1)];
    const plain = await trainActivityModel(recordings, { features: defaultFeatureConfig, training: { ...defaultTrainingSettings, epochs: 2 } });
    const augmented = await trainActivityModel(recordings, { features: defaultFeatureConfig, training: { ...defaultTrainingSettings, epochs: 2, augment: 2 } });
    // Two copies of each, stretched by up to ±10 %: about three times the windows.
    expect(augmented.windows.train / plain.windows.train).toBeGreaterThan(2.7);
    expect(augmented.windows.train / plain.windows.train).toBeLessThan(3.3);
    expect(augmented.windows.validation).toBe(plain.windows.validation);
    expect(augmented.windows.test).toBe(plain.windows.test);
    expect(augmented.trainedOn).toEqual(plain.trainedOn);
    expect(augmented.report.tooShort).toEqual(['ana-short']);
    plain.model.dispose();
    augmented.model.dispose();
  });

  test('learns three activities, scores the rules on the same test windows, keeps subjects apart', async () => {
    const before = tf.memory().numTensors;
    const result = await trainActivityModel(dataset(), {
      features: defaultFeatureConfig,
      training: { ...defaultTrainingSettings, epochs: 25 },
    });
    expect(result.preprocessing.labels).toEqual(['golfing', 'running', 'walking']);
    expect(result.preprocessing.featureNames).toEqual(featureNames(defaultFeatureConfig));
    expect(result.preprocessing.stats.mean).toHaveLength(featureNames(defaultFeatureConfig).length);
    expect(result.split.byGroup).toBe(true);
    expect(result.metrics.test.accuracy).toBeGreaterThan(0.9);
    // The rules can never say golfing: a third of the test windows are errors for them at least.
    expect(result.metrics.baseline.accuracy).toBeLessThan(0.7);
    expect(result.test.confusion.counts.flat().reduce((a, b) => a + b, 0)).toBe(result.windows.test);
    expect(result.testRecordings.every((r) => r.windows > 0)).toBe(true);
    expect(result.history.length).toBe(result.metrics.epochs);
    result.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  test('repeated training runs leave no tensors behind', async () => {
    const before = tf.memory().numTensors;
    for (let run = 0; run < 3; run += 1) {
      const result = await trainActivityModel(dataset(), { features: defaultFeatureConfig, training: { ...defaultTrainingSettings, epochs: 3, seed: run + 1 } });
      result.model.dispose();
      expect(tf.memory().numTensors).toBe(before);
    }
  }, 60_000);

  test('non-finite samples are dropped and counted, not trained on', async () => {
    const data = dataset();
    const first = data[0];
    if (!first) throw new Error('no data');
    first.samples.acc[30] = Number.NaN;
    first.samples.acc[31] = Number.POSITIVE_INFINITY;
    const result = await trainActivityModel(data, { features: defaultFeatureConfig, training: { ...defaultTrainingSettings, epochs: 2 } });
    expect(result.report.nonFiniteSamples).toBe(1);
    expect(result.history.every((log) => Number.isFinite(log.loss))).toBe(true);
    result.model.dispose();
  }, 60_000);

  test('too little data for a split is refused before training', async () => {
    const short = dataset().map((item) => ({ ...item, samples: { ...item.samples, t: item.samples.t.subarray(0, 40), acc: item.samples.acc.subarray(0, 120) } }));
    await expect(trainActivityModel(short, { features: defaultFeatureConfig, training: defaultTrainingSettings })).rejects.toThrow(TrainingDataError);
  });

  test('one label is not a classification problem', async () => {
    const walks = dataset().filter((item) => item.recording.label === 'walking');
    await expect(trainActivityModel(walks, { features: defaultFeatureConfig, training: defaultTrainingSettings })).rejects.toThrow(/label/);
  });
});
