import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { windowSet, type LabelledRecording } from '../train/activity-dataset';
import { modelArtifacts } from '../train/model-artifacts';
import { predictRows, trainActivityModel } from '../train/train-activity';
import { defaultTrainingSettings } from '../train/training-settings';
import { extractorFor, defaultFeatureConfig } from '../signal/features';
import { resample } from '../signal/resample';
import { standardize } from '../signal/standardize';
import { windowsOf } from '../signal/windows';
import { defaultLiveOptions, LiveClassifier, liveOptionsFrom, type LivePrediction } from './live-classifier';
import { UnsupportedModelError } from '../model/network-kind';
import { readNetwork } from '../model/network-kinds';
import { unknownRun } from '../model/unknown-score';

function activity(id: string, label: string, group: string, hz: number, amplitude: number, seconds = 20, phase = 0): LabelledRecording {
  const n = seconds * 50;
  const t = Float64Array.from({ length: n }, (_, i) => i * 20 + (i % 3) * 0.7);
  const acc = new Float32Array(n * 3);
  for (let i = 0; i < n; i += 1) {
    const s = Math.sin(2 * Math.PI * hz * (i / 50) + phase);
    acc.set([amplitude * s * 0.5, amplitude * Math.cos(2 * Math.PI * hz * (i / 50)) * 0.3, 9.81 + amplitude * s], i * 3);
  }
  return { recording: { id, name: id, label, group, speedFixes: [] }, samples: { t, acc, gyro: null } };
}

/** Every answer to `samples` sent in batches of 10, as a source sends them (one big batch skips to its last windows). */
function streamed(live: LiveClassifier, samples: LabelledRecording['samples']): LivePrediction[] {
  const answers: LivePrediction[] = [];
  for (let from = 0; from < samples.t.length; from += 10) {
    const to = Math.min(from + 10, samples.t.length);
    answers.push(...live.push({ t: samples.t.subarray(from, to), acc: samples.acc.subarray(from * 3, to * 3), gyro: null }));
  }
  return answers;
}

const people = ['ana', 'ben', 'cai', 'dee', 'eli', 'fay', 'gus'];
const data = people.flatMap((person, p) => [
  activity(`${person}-walk`, 'walking', person, 1.8 + p * 0.03, 2, 20, p),
  activity(`${person}-run`, 'running', person, 2.8 + p * 0.03, 6, 20, p),
]);

let trained: Awaited<ReturnType<typeof trainActivityModel>>;

beforeAll(async () => {
  await tf.setBackend('cpu');
  trained = await trainActivityModel(data, { features: defaultFeatureConfig, training: { ...defaultTrainingSettings, epochs: 15 } });
}, 60_000);

describe('LiveClassifier', () => {
  test('a stream in small batches gives the same windows and probabilities as training would', async () => {
    const live = new LiveClassifier(trained.preprocessing, await modelArtifacts(trained.model), { smoothing: 1, threshold: 0, unfamiliar: false });
    const item = activity('new-run', 'running', 'zed', 2.9, 6, 10, 0.4);
    const predictions = [];
    for (let from = 0; from < item.samples.t.length; from += 7) {
      const to = Math.min(from + 7, item.samples.t.length);
      predictions.push(...live.push({ t: item.samples.t.subarray(from, to), acc: item.samples.acc.subarray(from * 3, to * 3), gyro: null }));
    }
    // The same recording through the training pipeline, then tfjs.
    const windows = windowsOf(resample(item.samples).segments, defaultFeatureConfig);
    const rows = extractorFor(defaultFeatureConfig).rows(windows);
    standardize(rows, trained.preprocessing.stats);
    const expected = predictRows(trained.model, rows, windows.length, rows.length / windows.length);
    expect(predictions.length).toBeGreaterThanOrEqual(windows.length - 1);
    expect(predictions.length).toBeLessThanOrEqual(windows.length);
    const running = trained.preprocessing.labels.indexOf('running');
    expect(predictions.filter((p) => p.label === running).length / predictions.length).toBeGreaterThan(0.9);
    expect(predictions.map((p) => p.top)).toEqual([...expected].slice(0, predictions.length));
    for (const p of predictions) expect(p.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });

  test('smoothing and the threshold: uncertain windows say unknown', async () => {
    const live = new LiveClassifier(trained.preprocessing, await modelArtifacts(trained.model), { smoothing: 1, threshold: 1.01, unfamiliar: false });
    const item = activity('walk', 'walking', 'zed', 1.8, 2, 6);
    const predictions = live.push(item.samples);
    expect(predictions.length).toBeGreaterThan(0);
    expect(predictions.every((p) => p.label === -1)).toBe(true);
    expect(predictions.every((p) => ['walking', 'running', 'biking'].includes(p.baseline))).toBe(true);
  });

  test('motion unlike anything trained is unknown, and says so; trained motion is not', async () => {
    const artifacts = await modelArtifacts(trained.model);
    const live = new LiveClassifier(trained.preprocessing, artifacts, { smoothing: 3, threshold: 0, unfamiliar: true }, trained.unknown);
    // A slow, small sway: neither the walking nor the running it learnt.
    const strange = streamed(live, activity('golf', 'golfing', 'zed', 0.6, 0.6, 12).samples);
    expect(strange.length).toBeGreaterThanOrEqual(2 * unknownRun);
    // From the run rule's fourth window on.
    expect(strange.slice(unknownRun - 1).every((p) => p.label === -1 && p.unknownReason === 'unfamiliar')).toBe(true);
    expect(strange.every((p) => p.unknownScore !== undefined)).toBe(true);
    // Unless asked for, the score is measured but says nothing: the label is the network's.
    const quiet = new LiveClassifier(trained.preprocessing, artifacts, { smoothing: 3, threshold: 0, unfamiliar: false }, trained.unknown);
    const unasked = quiet.push(activity('golf', 'golfing', 'zed', 0.6, 0.6, 12).samples);
    expect(unasked.every((p) => p.label !== -1 && p.unknownScore !== undefined)).toBe(true);
    live.reset();
    const running = live.push(activity('new-run', 'running', 'zed', 2.9, 6, 10, 0.4).samples);
    expect(running.filter((p) => p.unknownReason === undefined && p.label === trained.preprocessing.labels.indexOf('running')).length / running.length).toBeGreaterThan(0.9);
    expect(Math.max(...running.map((p) => p.unknownScore!))).toBeLessThan(Math.min(...strange.map((p) => p.unknownScore!)));
  });

  test('says unknown only from the fourth window in a row over the live threshold, not outvoted by smoothing', async () => {
    const artifacts = await modelArtifacts(trained.model);
    // Every window over the live threshold: the first three are the network's, the rest unknown.
    const always = new LiveClassifier(trained.preprocessing, artifacts, { smoothing: 3, threshold: 0, unfamiliar: true }, { ...trained.unknown, liveThreshold: -Infinity });
    const answers = streamed(always, activity('walk', 'walking', 'zed', 1.8, 2, 6).samples);
    expect(answers.length).toBeGreaterThan(unknownRun);
    expect(answers.map((p) => p.unknownReason === 'unfamiliar')).toEqual(answers.map((_, i) => i >= unknownRun - 1));
    expect(answers.slice(unknownRun - 1).every((p) => p.label === -1)).toBe(true);
    // A model saved before the live threshold uses its threshold: here none is over it.
    const before = { ...trained.unknown, threshold: Infinity };
    delete before.liveThreshold;
    const older = new LiveClassifier(trained.preprocessing, artifacts, { smoothing: 3, threshold: 0, unfamiliar: true }, before);
    expect(streamed(older, activity('walk', 'walking', 'zed', 1.8, 2, 6).samples).every((p) => p.unknownReason === undefined)).toBe(true);
  });

  test('a model saved without an unknown score falls back to the probability threshold, whose reason is "unsure"', async () => {
    const live = new LiveClassifier(trained.preprocessing, await modelArtifacts(trained.model), { smoothing: 1, threshold: 1.01, unfamiliar: false });
    const predictions = live.push(activity('golf', 'golfing', 'zed', 0.6, 0.6, 6).samples);
    expect(predictions.length).toBeGreaterThan(0);
    expect(predictions.every((p) => p.label === -1 && p.unknownReason === 'unsure' && p.unknownScore === undefined)).toBe(true);
  });

  test('unknown score statistics of another size than the network are refused', async () => {
    const artifacts = await modelArtifacts(trained.model);
    const wrong = { ...trained.unknown, precision: trained.unknown.precision.slice(1) };
    expect(() => new LiveClassifier(trained.preprocessing, artifacts, undefined, wrong)).toThrow(UnsupportedModelError);
  });

  test('a gap inside a window gives no answer for it, then answers resume', async () => {
    const live = new LiveClassifier(trained.preprocessing, await modelArtifacts(trained.model), { smoothing: 1, threshold: 0, unfamiliar: false });
    const item = activity('walk', 'walking', 'zed', 1.8, 2, 6);
    const before = live.push(item.samples);
    const later = { ...item.samples, t: item.samples.t.map((t) => t + 10_000) };
    const after = live.push(later);
    expect(before.length).toBeGreaterThan(0);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((p) => p.atMs >= 10_000 + 2000)).toBe(true);
  });

  test('each window: exactly the probabilities of the inputs training computes for the same window', async () => {
    const artifacts = await modelArtifacts(trained.model);
    const live = new LiveClassifier(trained.preprocessing, artifacts, { smoothing: 1, threshold: 0, unfamiliar: false });
    // On the 50 Hz grid, so that Live's resampling of its latest samples and training's resampling
    // of the whole recording give the same window, value for value.
    const jittered = activity('new-walk', 'walking', 'zed', 1.85, 2.5, 12, 0.9);
    const item = { ...jittered, samples: { ...jittered.samples, t: jittered.samples.t.map((_, i) => i * 20) } };
    const predictions = [];
    for (let from = 0; from < item.samples.t.length; from += 10) {
      const to = Math.min(from + 10, item.samples.t.length);
      predictions.push(...live.push({ t: item.samples.t.subarray(from, to), acc: item.samples.acc.subarray(from * 3, to * 3), gyro: null }));
    }
    // Training's path: windowSet's rows, standardised with the model's statistics, through the same
    // network (model/dense/network.test.ts checks it against tfjs): any difference is in the inputs.
    // Live's window ends on its last sample (t0 + 2 s) where training's first starts on t0, so they
    // are one sample apart: training is given the recording from its second sample.
    const fromSecond = { ...item, samples: { t: item.samples.t.subarray(1), acc: item.samples.acc.subarray(3), gyro: null } };
    const set = windowSet([fromSecond], [0], trained.preprocessing.labels, trained.preprocessing.features, { tooShort: [], nonFiniteSamples: 0 });
    standardize(set.x, trained.preprocessing.stats);
    const network = readNetwork(artifacts);
    expect(predictions.length).toBeGreaterThanOrEqual(set.rows - 1);
    predictions.forEach((prediction, w) => {
      const row = set.x.subarray(w * set.cols, (w + 1) * set.cols);
      expect(prediction.probabilities, `window ${w}`).toEqual(network.forward(row, new Float32Array(trained.preprocessing.labels.length)));
    });
  });

  test('warming up leaves no trace: the same stream gets the same answers, smoothed over the same windows, as on a fresh classifier', async () => {
    const artifacts = await modelArtifacts(trained.model);
    const options = { smoothing: 3, threshold: 0.5, unfamiliar: false };
    const item = activity('mixed', 'walking', 'zed', 1.8, 2, 8, 0.3);
    const run = (live: LiveClassifier) => {
      const answers = [];
      for (let from = 0; from < item.samples.t.length; from += 10) {
        const to = Math.min(from + 10, item.samples.t.length);
        answers.push(...live.push({ t: item.samples.t.subarray(from, to), acc: item.samples.acc.subarray(from * 3, to * 3), gyro: null }));
      }
      return answers.map(({ atMs, probabilities, top, label, baseline }) => ({ atMs, probabilities: Array.from(probabilities), top, label, baseline }));
    };
    const expected = run(new LiveClassifier(trained.preprocessing, artifacts, options));
    const warmed = new LiveClassifier(trained.preprocessing, artifacts, options);
    warmed.warmUp(20);
    expect(expected.length).toBeGreaterThan(5);
    expect(run(warmed)).toEqual(expected);
  });

  test('smoothing: the majority of the last N windows, a tie to the most recent', async () => {
    const live = new LiveClassifier(trained.preprocessing, await modelArtifacts(trained.model), { smoothing: 4, threshold: 0, unfamiliar: false });
    const walking = trained.preprocessing.labels.indexOf('walking');
    const running = trained.preprocessing.labels.indexOf('running');
    const walk = activity('walk', 'walking', 'zed', 1.8, 2, 6).samples;
    const run = activity('run', 'running', 'zed', 2.9, 6, 6).samples;
    const answers = [...live.push(walk), ...live.push({ ...run, t: run.t.map((t) => t + walk.t.at(-1)! + 20) })];
    const tops = answers.map((answer) => answer.top);
    expect(tops.slice(0, 3)).toEqual([walking, walking, walking]);
    expect(tops.at(-1)).toBe(running);
    answers.forEach((answer, w) => {
      const last = tops.slice(Math.max(0, w - 3), w + 1);
      const count = (label: number) => last.filter((top) => top === label).length;
      const winner = count(walking) === count(running) ? last.at(-1) : count(walking) > count(running) ? walking : running;
      expect(answer.label, `window ${w}`).toBe(winner);
    });
  });

  test('a model whose features do not match this code is refused', async () => {
    const artifacts = await modelArtifacts(trained.model);
    const changed = { ...trained.preprocessing, featureNames: trained.preprocessing.featureNames.slice(1) };
    expect(() => new LiveClassifier(changed, artifacts)).toThrow(UnsupportedModelError);
  });
});

describe('liveOptionsFrom', () => {
  test('reads the remembered options, and falls back to each default for what is missing, out of range or not JSON', () => {
    expect(liveOptionsFrom('{"smoothing":5,"threshold":0.7,"unfamiliar":false}')).toEqual({ smoothing: 5, threshold: 0.7, unfamiliar: false });
    expect(liveOptionsFrom(null)).toEqual(defaultLiveOptions);
    expect(liveOptionsFrom('not json')).toEqual(defaultLiveOptions);
    expect(liveOptionsFrom('[1, 2]')).toEqual(defaultLiveOptions);
    expect(liveOptionsFrom('{"smoothing":0,"threshold":1.5,"unfamiliar":"yes"}')).toEqual(defaultLiveOptions);
    expect(liveOptionsFrom('{"smoothing":2.5,"threshold":-0.1}')).toEqual(defaultLiveOptions);
    expect(liveOptionsFrom('{"threshold":0}')).toEqual({ ...defaultLiveOptions, threshold: 0 });
  });
});
