import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, test } from 'vitest';
import { defaultFeatureConfig } from '../signal/features';
import type { LabelledRecording } from './activity-dataset';
import { calibrationCut, cutSamples, takesFirst, fineTuneLastLayer, lastHiddenRows, lastLayerOf, setLastLayer, trainedOnWithTake, type LastLayer } from './calibrate';
import { dataFingerprint, trainedRecording } from '../model/fingerprint';
import { splitSideOf } from './trained-on';
import { crossValidate } from './cross-validation';
import { defaultTrainingSettings } from './training-settings';
import { networkBuilders } from '../model/network-builders';
import { swayRecording } from '../../../test/support/sway';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** `seconds` of samples at 50 Hz whose x value is the sample's index, so a cut shows where it fell. */
function take(id: string, label: string, seconds: number, group = 'ana'): LabelledRecording {
  const n = seconds * 50;
  const t = Float64Array.from({ length: n }, (_, i) => 1000 + i * 20);
  const acc = Float32Array.from({ length: n * 3 }, (_, i) => (i % 3 === 0 ? i / 3 : 9.81));
  return { recording: { id, name: id, label, group, speedFixes: [] }, samples: { t, acc, gyro: null } };
}

describe('cutSamples', () => {
  it('cuts at a time after the first sample, keeping every sample once and in order', () => {
    const [first, rest] = cutSamples(take('a', 'walking', 10).samples, 3000);
    expect(first.t).toHaveLength(150);
    expect(rest.t).toHaveLength(350);
    expect(rest.t[0]).toBe(4000);
    expect(rest.acc[0]).toBe(150);
    expect(first.acc).toHaveLength(450);
    expect(first.gyro).toBeNull();
  });
});

describe('calibrationCut', () => {
  it('takes the first seconds of each activity, over its recordings in order, and leaves the rest', () => {
    const { calibration, rest, taken } = calibrationCut([take('w1', 'walking', 20), take('r1', 'running', 100), take('w2', 'walking', 20), take('w3', 'walking', 20)], 30);
    expect(taken.map((item) => [item.recording.id, item.samples.t.length])).toEqual([
      ['w1', 1000],
      ['r1', 5000],
      ['w2', 1000],
    ]);
    expect(calibration.map((item) => [item.recording.id, item.samples.t.length])).toEqual([
      ['w1', 1000],
      ['r1#calibration', 1500],
      // w1 lasted 19.98 s (its last sample's time): 10.02 s of w2 complete the 30 s.
      ['w2#calibration', 501],
    ]);
    expect(rest.map((item) => [item.recording.id, item.samples.t.length])).toEqual([
      ['r1#rest', 3500],
      ['w2#rest', 499],
      ['w3', 1000],
    ]);
    expect(rest.every((item) => item.recording.group === 'ana')).toBe(true);
    expect(rest[0]!.recording.label).toBe('running');
  });
});

describe('takesFirst', () => {
  const at = (id: string, startedAt: number) => ({ recording: { id, startedAt } });

  it('puts the takes named first, in the order named, then the others oldest first', () => {
    const recordings = [at('new-walk', 40), at('old-run', 10), at('old-walk', 5), at('new-run', 50), at('mid-walk', 20)];
    expect(takesFirst(recordings, ['new-run', 'new-walk']).map(({ recording }) => recording.id)).toEqual(['new-run', 'new-walk', 'old-walk', 'old-run', 'mid-walk']);
  });

  it('without takes, orders oldest first, and the cut then calibrates on the oldest', () => {
    expect(takesFirst([at('b', 2), at('a', 1)]).map(({ recording }) => recording.id)).toEqual(['a', 'b']);
    const older = { ...take('old', 'walking', 40), recording: { ...take('old', 'walking', 40).recording, startedAt: 1 } };
    const newer = { ...take('new', 'walking', 40), recording: { ...take('new', 'walking', 40).recording, startedAt: 2 } };
    expect(calibrationCut(takesFirst([older, newer], ['new']), 30).taken.map(({ recording }) => recording.id)).toEqual(['new']);
    expect(calibrationCut(takesFirst([newer, older]), 30).taken.map(({ recording }) => recording.id)).toEqual(['old']);
  });
});

describe('trainedOnWithTake', () => {
  it('puts the take’s recordings, whole, on the training side, off the others, with the fingerprint of the new side', () => {
    const kept = take('k1', 'walking', 4, 'bo');
    const source = { train: [trainedRecording(kept)], validation: ['v1', 'w2'], test: ['t1', 'w1'], fingerprint: dataFingerprint([trainedRecording(kept)]) };
    const taken = [take('w1', 'walking', 20), take('w2', 'walking', 20)];
    const trainedOn = trainedOnWithTake(source, taken);
    expect(trainedOn.train.map(({ id, sampleCount }) => [id, sampleCount])).toEqual([
      ['k1', 200],
      ['w1', 1000],
      ['w2', 1000],
    ]);
    expect(trainedOn.validation).toEqual(['v1']);
    expect(trainedOn.test).toEqual(['t1']);
    expect(trainedOn.fingerprint).toBe(dataFingerprint(trainedOn.train));
    expect(trainedOn.fingerprint).not.toBe(source.fingerprint);
    expect(splitSideOf(trainedOn, 'w1')).toBe('train');
    expect(source.test).toEqual(['t1', 'w1']);
  });
});

describe('fineTuneLastLayer', () => {
  const layer: LastLayer = { kernel: Float32Array.from([1, -1, -1, 1]), bias: Float32Array.from([0, 0]), hidden: 2, classes: 2 };
  // This person's class 1 sits where the trained layer says class 0.
  const h = Float32Array.from([2, 0, 2.2, 0.1, 0, 2, 0.1, 1.9]);
  const y = [1, 1, 0, 0];
  const predicted = (l: LastLayer, r: number) => {
    const z = [0, 1].map((c) => l.bias[c]! + h[r * 2]! * l.kernel[c]! + h[r * 2 + 1]! * l.kernel[2 + c]!);
    return z[1]! > z[0]! ? 1 : 0;
  };

  it('learns the person’s classes from their take', () => {
    expect([0, 1, 2, 3].map((r) => predicted(layer, r))).toEqual([0, 0, 1, 1]);
    const tuned = fineTuneLastLayer(layer, h, y, { pull: 0, steps: 300, learningRate: 0.05 });
    expect([0, 1, 2, 3].map((r) => predicted(tuned, r))).toEqual(y);
    expect(layer.kernel).toEqual(Float32Array.from([1, -1, -1, 1]));
  });

  it('is held to the trained weights by the pull, and changes nothing without a take', () => {
    const free = fineTuneLastLayer(layer, h, y, { pull: 0, steps: 100, learningRate: 0.05 });
    const held = fineTuneLastLayer(layer, h, y, { pull: 100, steps: 100, learningRate: 0.05 });
    const moved = (l: LastLayer) => l.kernel.reduce((all, w, i) => all + Math.abs(w - layer.kernel[i]!), 0);
    expect(moved(held)).toBeLessThan(moved(free) / 3);
    expect(fineTuneLastLayer(layer, new Float32Array(0), [])).toEqual(layer);
  });
});

test('the last hidden layer and the last layer of a trained network, for both network kinds', () => {
  for (const [network, inputSize, inputs] of [['dense', 8, 8], ['cnn', 25 * 4, 25 * 4]] as const) {
    const model = networkBuilders[network]({ inputSize, channels: 4, classes: 3, hidden: [6], dropout: 0, learningRate: 0.01, seed: 1 });
    const x = Float32Array.from({ length: 2 * inputs }, (_, i) => Math.sin(i));
    const layer = lastLayerOf(model);
    const h = lastHiddenRows(model, x, 2, inputs);
    expect(h).toHaveLength(2 * layer.hidden);
    // The network's own output is the softmax of the last layer over h.
    const out = (model.predict(tf.tensor(x, [2, ...model.inputs[0]!.shape.slice(1).map((size) => size!)])) as tf.Tensor).arraySync() as number[][];
    const z = [0, 1, 2].map((c) => layer.bias[c]! + Array.from({ length: layer.hidden }, (_, i) => h[i]! * layer.kernel[i * 3 + c]!).reduce((a, b) => a + b, 0));
    const softmax = z.map((value) => Math.exp(value) / z.reduce((all, other) => all + Math.exp(other), 0));
    softmax.forEach((p, c) => expect(out[0]![c]).toBeCloseTo(p, 5));
    setLastLayer(model, { ...layer, bias: Float32Array.from([5, 0, 0]) });
    expect(lastLayerOf(model).bias).toEqual(Float32Array.from([5, 0, 0]));
    model.dispose();
  }
});

/** Two activities whose sway differs by person: one person's walking sits near another's running. */
function person(name: string, p: number): LabelledRecording[] {
  const base = 1.6 + (p % 3) * 0.35;
  return [
    swayRecording(`${name}-walking`, 'walking', name, { hz: base, amplitude: 2 + (p % 3), phase: p, seconds: 60 }),
    swayRecording(`${name}-running`, 'running', name, { hz: base + 0.5, amplitude: 4 + (p % 3), phase: p, seconds: 60 }),
  ];
}

test('cross-validation calibrated to each tested person: scored on the same windows, the calibration seconds left out', async () => {
  const recordings = ['ana', 'ben', 'cai', 'dee', 'eli', 'fay'].flatMap((name, p) => person(name, p));
  const options = { features: defaultFeatureConfig, training: { ...defaultTrainingSettings, epochs: 15 }, folds: 3 as const };
  const plain = await crossValidate(recordings, options);
  const before = tf.memory().numTensors;
  const calibrated = await crossValidate(recordings, { ...options, calibrateS: 20 });
  expect(tf.memory().numTensors).toBe(before);
  expect(plain.calibrated).toBeUndefined();
  // 20 of each recording's 60 s went to calibrating: a third fewer test windows.
  calibrated.folds.forEach((fold, f) => expect(fold.windows).toBeLessThan(plain.folds[f]!.windows * 0.75));
  expect(calibrated.calibrated!.accuracy.mean).toBeGreaterThanOrEqual(calibrated.net.accuracy.mean);
  for (const fold of calibrated.folds) expect(fold.calibrated!.accuracy).toBeGreaterThanOrEqual(0);
}, 180_000);

test('cross-validation with testedAs tests (and calibrates on) each tested person as given, and trains on them as recorded', async () => {
  const recordings = ['ana', 'ben', 'cai', 'dee', 'eli', 'fay'].flatMap((name, p) => person(name, p));
  const options = { features: defaultFeatureConfig, training: { ...defaultTrainingSettings, epochs: 15 }, folds: 3 as const };
  const asked: string[][] = [];
  // Each tested person's motion gone: a phone lying still, which no activity trained on looks like.
  const still = (own: LabelledRecording[]) => {
    asked.push(own.map(({ recording }) => recording.group));
    return own.map(({ recording, samples }) => ({ recording, samples: { ...samples, acc: samples.acc.map((_, i) => (i % 3 === 2 ? 9.81 : 0)) } }));
  };
  const plain = await crossValidate(recordings, options);
  const turned = await crossValidate(recordings, { ...options, testedAs: still, calibrateS: 20 });
  expect(asked.map((groups) => new Set(groups).size)).toEqual([1, 1, 1, 1, 1, 1]);
  expect(asked.map((groups) => groups[0]).sort()).toEqual(['ana', 'ben', 'cai', 'dee', 'eli', 'fay']);
  expect(asked.every((groups) => groups.length === 2)).toBe(true);
  // Still windows get one label whatever the activity: half of them at most are right.
  expect(turned.net.accuracy.max).toBeLessThanOrEqual(0.5);
  // Trained on the recordings as they are, the folds' models are those of the plain run: the same epochs.
  turned.folds.forEach((fold, f) => expect(fold.epochs).toBe(plain.folds[f]!.epochs));
}, 180_000);
