import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { earlyStop, earlyStopCurves } from '../../../test/support/early-stop';
import { buildActivityModel } from '../model/dense/builder';
import { buildCnnModel } from '../model/cnn/builder';
import { modelArtifacts } from '../train/model-artifacts';
import { defaultTrainingSettings } from '../train/training-settings';
import { defaultFeatureConfig, featureNames } from '../signal/features';
import type { ModelResults, StoredModel } from '../model/record';
import { liveThresholdOf } from '../model/unknown-score';
import { exportModel, parseModelFile } from './model-file';

let model: StoredModel;

beforeAll(async () => {
  await tf.setBackend('cpu');
  const names = [...featureNames(defaultFeatureConfig)];
  const network = buildActivityModel({ inputSize: names.length, classes: 3, hidden: [8], dropout: 0.1, learningRate: 0.01 });
  model = {
    id: 'm1',
    name: 'walking, running, stairs',
    createdAt: 1_700_000_000_000,
    preprocessing: {
      features: defaultFeatureConfig,
      featureNames: names,
      stats: { mean: names.map((_, i) => i / 10), std: names.map(() => 1.5) },
      labels: ['running', 'stairs', 'walking'],
    },
    training: defaultTrainingSettings,
    metrics: {
      train: { accuracy: 0.99, f1: [1, 1, 1] },
      validation: { accuracy: 0.97, f1: [1, 1, 1] },
      test: { accuracy: 0.93, f1: [0.9, 0.9, 0.9] },
      baseline: { accuracy: 0.43, f1: [0.6, 0, 0.2] },
      confusion: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
      epochs: 12,
      trainMs: 1000,
    },
    trainedOn: {
      train: [{ id: 'r1', name: 'walking.ana', label: 'walking', sampleCount: 1000 }],
      validation: ['r2'],
      test: ['r3', 'r4'],
      fingerprint: 'abcd1234',
    },
    // The network's last hidden layer has 8 units: one mean of 8 per label, an 8 × 8 precision.
    unknown: {
      means: [0, 1, 2].map((k) => Array.from({ length: 8 }, (_, i) => k + i / 8)),
      precision: Array.from({ length: 64 }, (_, i) => (i % 9 === 0 ? 2 : 0.125)),
      threshold: 31.5,
      liveThreshold: 44.25,
      falseUnknownRate: 0.05,
    },
    artifacts: await modelArtifacts(network),
  };
  network.dispose();
});

/** The exported file as an object, to damage one part of it. */
const exported = () => JSON.parse(exportModel(model)) as { format: string; version: number; model: Record<string, unknown> & { preprocessing: Record<string, unknown> & { stats: { mean: number[] } }; artifacts: { weightData: string } } };

/** What training showed, as a model kept it: two of its three epochs run, two test recordings wrong. */
const results: ModelResults = {
  curves: earlyStopCurves,
  stop: earlyStop,
  test: {
    macroF1: { test: 0.91, baseline: NaN },
    windows: { train: 700, validation: 150, test: 140 },
    recordings: { train: 14, validation: 3, test: 3 },
    caution: { kind: 'people-unknown', unknown: 4, recordings: 20 },
    wrong: [
      { name: 'walking.ana-2', truth: 'walking', predicted: 'stairs', windows: 8, wrongWindows: 5 },
      { name: 'stairs ben', truth: 'stairs', predicted: 'running', windows: 6, wrongWindows: 6 },
    ],
  },
};

describe('model files', () => {
  test('export then import gives the same model, weights bit for bit', () => {
    const result = parseModelFile('m.json', exportModel(model));
    if (!result.ok) throw result.error;
    expect({ ...result.model, artifacts: undefined }).toEqual({ ...model, artifacts: undefined });
    expect(new Uint8Array(result.model.artifacts.weightData)).toEqual(new Uint8Array(model.artifacts.weightData));
  });

  test('a file saved before models kept their split imports without it; a damaged split is refused', () => {
    const old = exported();
    delete old.model.trainedOn;
    old.model.dataFingerprint = 'abcd1234';
    const result = parseModelFile('old.json', JSON.stringify(old));
    if (!result.ok) throw result.error;
    expect(result.model.trainedOn).toBeUndefined();
    expect('dataFingerprint' in result.model).toBe(false);
    const damaged = exported();
    (damaged.model.trainedOn as { train: { sampleCount: unknown }[] }).train[0]!.sampleCount = 'many';
    const refused = parseModelFile('damaged.json', JSON.stringify(damaged));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('model.trainedOn.train[0].sampleCount');
  });

  test('missing or inconsistent metadata is refused with what is wrong', () => {
    const refused = (json: unknown) => {
      const result = parseModelFile('model.json', JSON.stringify(json));
      if (result.ok) throw new Error('accepted a bad model');
      return result.error.message;
    };
    expect(refused({ format: 'something-else' })).toBe('model.json: this is not a Motion Lab model file.');
    expect(refused({ ...exported(), version: 7 })).toContain('format version 7');
    const noStats = exported();
    noStats.model.preprocessing.stats.mean = [1, 2];
    expect(refused(noStats)).toContain(`statistics for 2 inputs, but ${featureNames(defaultFeatureConfig).length} features`);
    const oldFeatures = exported();
    oldFeatures.model.preprocessing.featureNames = ['x.mean'];
    expect(refused(oldFeatures)).toContain('feature lists differ');
    const wrongLabels = exported();
    wrongLabels.model.preprocessing.labels = ['walking', 'running'];
    expect(refused(wrongLabels)).toContain(`gives 3 outputs, for ${featureNames(defaultFeatureConfig).length} features and 2 labels`);
    const truncated = exported();
    truncated.model.artifacts.weightData = truncated.model.artifacts.weightData.slice(0, 40);
    expect(refused(truncated)).toMatch(/bytes where the manifest needs|weightData/);
    const noName = exported();
    delete noName.model.name;
    expect(refused(noName)).toContain('model.name');
    expect(parseModelFile('empty.json', '').ok).toBe(false);
  });

  test('a CNN on the channels input imports; a malformed one is refused, naming what is wrong', async () => {
    const features = { ...defaultFeatureConfig, input: 'channels' as const };
    const names = [...featureNames(features)];
    const network = buildCnnModel({ inputSize: names.length, channels: 4, classes: 3, dropout: 0, learningRate: 0.01, seed: 1 });
    const cnn: StoredModel = {
      ...model,
      preprocessing: { ...model.preprocessing, features, featureNames: names, stats: { mean: names.map(() => 0), std: names.map(() => 1) } },
      training: { ...model.training, network: 'cnn' },
      // Its head's last hidden layer: 32 values.
      unknown: { means: [0, 1, 2].map(() => new Array<number>(32).fill(0.5)), precision: new Array<number>(32 * 32).fill(0.25), threshold: 40, falseUnknownRate: 0.05 },
      artifacts: await modelArtifacts(network),
    };
    network.dispose();
    const result = parseModelFile('cnn.json', exportModel(cnn));
    if (!result.ok) throw result.error;
    expect(result.model.preprocessing.features.input).toBe('channels');
    expect(result.model.unknown).toEqual(cnn.unknown);
    const malformed = JSON.parse(exportModel(cnn)) as { model: { artifacts: { modelTopology: { config: { layers: { config: { padding?: string } }[] } } } } };
    malformed.model.artifacts.modelTopology.config.layers[1]!.config.padding = 'same';
    const refused = parseModelFile('cnn.json', JSON.stringify(malformed));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/Conv1D with padding same/);
  });
});

describe('the unknown score in a model file', () => {
  test('a file saved before the unknown score imports without it (Live falls back to its probability threshold)', () => {
    const old = exported();
    delete old.model.unknown;
    const result = parseModelFile('old.json', JSON.stringify(old));
    if (!result.ok) throw result.error;
    expect(result.model.unknown).toBeUndefined();
  });

  test('the live threshold travels with the file; a file saved before it imports without it, and Live uses its threshold', () => {
    const result = parseModelFile('live.json', exportModel(model));
    if (!result.ok) throw result.error;
    expect(result.model.unknown?.liveThreshold).toBe(44.25);
    const old = exported();
    delete (old.model.unknown as Record<string, unknown>).liveThreshold;
    const before = parseModelFile('before.json', JSON.stringify(old));
    if (!before.ok) throw before.error;
    expect(before.model.unknown && 'liveThreshold' in before.model.unknown).toBe(false);
    expect(liveThresholdOf(before.model.unknown!)).toBe(31.5);
  });

  test('a score that reads the inputs too (withInputs) is as wide as the inputs and the hidden layer; withInputs is true or absent', () => {
    const file = exported();
    const width = model.preprocessing.featureNames.length + 8;
    file.model.unknown = { withInputs: true, means: [0, 1, 2].map(() => new Array<number>(width).fill(0.5)), precision: new Array<number>(width * width).fill(0.25), threshold: 40, falseUnknownRate: 0.05 };
    const result = parseModelFile('with-inputs.json', JSON.stringify(file));
    if (!result.ok) throw result.error;
    expect(result.model.unknown).toEqual(file.model.unknown);
    const refused = (change: (unknown: Record<string, unknown>) => void) => {
      const copy = structuredClone(file);
      change(copy.model.unknown as unknown as Record<string, unknown>);
      const parsed = parseModelFile('hostile.json', JSON.stringify(copy));
      if (parsed.ok) throw new Error('accepted a hostile unknown score');
      return parsed.error.message;
    };
    expect(refused((u) => delete u.withInputs)).toContain('each to be 8 values long (its last hidden layer)');
    expect(refused((u) => (u.withInputs = false))).toContain('model.unknown.withInputs is “false”: it is true or absent');
    expect(refused((u) => (u.withInputs = 'yes'))).toContain('model.unknown.withInputs is “yes”');
  });

  test('statistics that do not fit the network or are not numbers are refused, naming the field', () => {
    type Unknown = { means: unknown[]; precision: unknown[]; threshold: unknown; liveThreshold: unknown; falseUnknownRate: unknown };
    const damaged = (change: (unknown: Unknown) => void) => {
      const file = exported();
      change(file.model.unknown as Unknown);
      const result = parseModelFile('hostile.json', JSON.stringify(file));
      if (result.ok) throw new Error('accepted a hostile unknown score');
      return result.error.message;
    };
    expect(damaged((u) => u.means.pop())).toContain('2 means for 3 labels, each to be 8 values long');
    expect(damaged((u) => (u.means[1] as number[]).push(0))).toContain('each to be 8 values long');
    expect(damaged((u) => u.precision.pop())).toContain('63 values, not 8 × 8');
    expect(damaged((u) => (u.precision[5] = 'NaN'))).toContain('model.unknown.precision[5]');
    expect(damaged((u) => ((u.means[0] as unknown[])[2] = null))).toContain('model.unknown.means[0][2]');
    expect(damaged((u) => (u.means = { length: 3 } as unknown as unknown[]))).toContain('model.unknown.means');
    expect(damaged((u) => (u.threshold = null))).toContain('model.unknown.threshold');
    expect(damaged((u) => (u.liveThreshold = null))).toContain('model.unknown.liveThreshold');
    expect(damaged((u) => (u.liveThreshold = 'high'))).toContain('model.unknown.liveThreshold');
    expect(damaged((u) => (u.falseUnknownRate = 1.5))).toContain('not a share from 0 to 1');
    expect(damaged((u) => Object.assign(u, { precision: undefined }))).toContain('model.unknown.precision');
  });

  test('a covariance per label: a matrix and a log-determinant for each, checked as the shared one is', () => {
    const file = exported();
    const perLabel = { ...(file.model.unknown as object), precision: [0, 1, 2].flatMap(() => Array.from({ length: 64 }, (_, i) => (i % 9 === 0 ? 2 : 0.125))), logDeterminants: [-1.5, 0, 2.25] };
    file.model.unknown = perLabel;
    const result = parseModelFile('per-label.json', JSON.stringify(file));
    if (!result.ok) throw result.error;
    expect(result.model.unknown).toEqual(perLabel);
    const refused = (change: (unknown: { precision: unknown[]; logDeterminants: unknown[] }) => void) => {
      const copy = structuredClone(file);
      change(copy.model.unknown as { precision: unknown[]; logDeterminants: unknown[] });
      const parsed = parseModelFile('hostile.json', JSON.stringify(copy));
      if (parsed.ok) throw new Error('accepted a hostile unknown score');
      return parsed.error.message;
    };
    expect(refused((u) => u.logDeterminants.pop())).toContain('2 log-determinants for 3 labels');
    expect(refused((u) => (u.logDeterminants[1] = 'Infinity'))).toContain('model.unknown.logDeterminants[1]');
    expect(refused((u) => (u.precision = u.precision.slice(0, 64)))).toContain('64 values, not 3 × 8 × 8');
  });
});

describe('a hostile model file is refused whole, never half-read', () => {
  type Spec = { name: string; shape: unknown; dtype: string };
  type File = ReturnType<typeof exported> & { model: { artifacts: { modelTopology: { config: { layers: unknown[] } }; weightSpecs: Spec[] } } };
  const file = () => exported() as File;
  /** The refusal's message; fails the test if the file is accepted or the parser throws. */
  const refusal = (json: unknown) => {
    const result = parseModelFile('hostile.json', JSON.stringify(json));
    if (result.ok) throw new Error('accepted a hostile model');
    return result.error.message;
  };
  /** The weights with `extra` float32 values appended. */
  const longer = (weightData: string, extra: number) => Buffer.concat([Buffer.from(weightData, 'base64'), Buffer.alloc(extra * 4)]).toString('base64');

  test('metrics of the test side only (this one once bricked the Train page)', () => {
    const hostile = file();
    hostile.model.metrics = { test: { accuracy: 0.9 } };
    expect(refusal(hostile)).toMatch(/model\.metrics\.\w+ should be/);
    const outOfRange = file();
    (outOfRange.model.metrics as { baseline: { accuracy: number } }).baseline.accuracy = 7;
    expect(refusal(outOfRange)).toContain('not a share from 0 to 1');
    const lopsided = file();
    (lopsided.model.metrics as { confusion: number[][] }).confusion = [[1, 0, 0]];
    expect(refusal(lopsided)).toContain('confusion matrix is not 3 × 3');
    // As training writes it, with a column for answers outside the labels: a trained model's own file imports.
    const withOther = file();
    (withOther.model.metrics as { confusion: number[][] }).confusion = [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0]];
    expect(parseModelFile('trained.json', JSON.stringify(withOther)).ok).toBe(true);
    const ragged = file();
    (ragged.model.metrics as { confusion: number[][] }).confusion = [[1, 0, 0, 0], [0, 1, 0], [0, 0, 1]];
    expect(refusal(ragged)).toContain('confusion matrix is not 3 × 3');
    const noTraining = file();
    (noTraining.model.training as { hidden: unknown }).hidden = [0];
    expect(refusal(noTraining)).toContain('hidden layer of no units');
    const otherKind = file();
    (otherKind.model.training as { network: string }).network = 'cnn';
    expect(refusal(otherKind)).toContain('its layers are a dense one');
  });

  test('malformed layers and weights are refused, naming what is wrong, with no TypeError', () => {
    const nullShape = file();
    nullShape.model.artifacts.weightSpecs[0]!.shape = null;
    expect(refusal(nullShape)).toContain('a shape is a list of whole sizes above 0');
    const nullLayer = file();
    nullLayer.model.artifacts.modelTopology.config.layers[0] = null;
    expect(refusal(nullLayer)).toContain('Layer 1 of the model is not a layer');
    const noConfig = file();
    delete (noConfig.model.artifacts.modelTopology.config.layers[0] as { config?: unknown }).config;
    expect(refusal(noConfig)).toContain('Layer 1 of the model is not a layer');
    const nullTopology = file();
    (nullTopology.model.artifacts as { modelTopology: unknown }).modelTopology = { config: null };
    expect(refusal(nullTopology)).toContain('no list of layers');
  });

  test('a bias longer than its units, or negative units balanced by a spare weight, is refused', () => {
    const longBias = file();
    const bias = longBias.model.artifacts.weightSpecs.find((spec) => spec.name.endsWith('/bias'))!;
    bias.shape = [(bias.shape as number[])[0]! + 1];
    longBias.model.artifacts.weightData = longer(longBias.model.artifacts.weightData, 1);
    expect(refusal(longBias)).toMatch(/has \d+ biases for \d+ units/);
    const negative = file();
    const kernel = negative.model.artifacts.weightSpecs[0]!;
    const [inputs, units] = kernel.shape as [number, number];
    kernel.shape = [inputs, -units];
    negative.model.artifacts.weightSpecs.push({ name: 'spare', shape: [2 * inputs * units], dtype: 'float32' });
    expect(refusal(negative)).toContain('a shape is a list of whole sizes above 0');
    const spare = file();
    spare.model.artifacts.weightSpecs.push({ name: 'spare', shape: [4], dtype: 'float32' });
    spare.model.artifacts.weightData = longer(spare.model.artifacts.weightData, 4);
    expect(refusal(spare)).toContain('weights no layer uses: spare');
  });

  test('a window past the one bound is refused before any feature extractor is built', () => {
    for (const [key, value] of [['rateHz', 1e9], ['windowS', 1e7], ['strideS', 1e300], ['rateHz', 1e-6]] as const) {
      const hostile = file();
      (hostile.model.preprocessing.features as Record<string, number>)[key] = value;
      expect(refusal(hostile)).toContain('out of bounds');
    }
  });

  test('labels with a control character, or too long, are refused by the rule every label passes', () => {
    for (const label of ['walk\ning', 'run\u0000', 'x'.repeat(41)]) {
      const hostile = file();
      (hostile.model.preprocessing.labels as string[])[0] = label;
      expect(refusal(hostile)).toMatch(/control character|40 characters at most/);
    }
    const longName = file();
    longName.model.name = 'n'.repeat(201);
    expect(refusal(longName)).toContain('longer than 200 characters');
  });

  test('results kept with the model travel with it; a file saved before they were kept imports without them', () => {
    const withResults = { ...model, results };
    const result = parseModelFile('m.json', exportModel(withResults));
    if (!result.ok) throw result.error;
    expect(result.model.results).toEqual(results);
    const folded: ModelResults = { curves: results.curves, stop: results.stop, folds: [{ people: ['ana', 'ben'], accuracy: 0.9, macroF1: 0.88, baselineAccuracy: 0.4 }] };
    const search = parseModelFile('search.json', exportModel({ ...model, results: folded }));
    if (!search.ok) throw search.error;
    expect(search.model.results).toEqual(folded);
    const old = parseModelFile('old.json', exportModel(model));
    if (!old.ok) throw old.error;
    expect('results' in old.model).toBe(false);
  });

  test('damaged results are refused, naming what is wrong', () => {
    /** The refusal of the file whose results hold `value` at `path`. */
    const damaged = (path: (string | number)[], value: unknown) => {
      const file = JSON.parse(exportModel({ ...model, results })) as { model: { results: Record<string | number, unknown> } };
      const parent = path.slice(0, -1).reduce((node, key) => node[key] as Record<string | number, unknown>, file.model.results);
      parent[path.at(-1)!] = value;
      const result = parseModelFile('damaged.json', JSON.stringify(file));
      expect(result.ok).toBe(false);
      return result.ok ? '' : `${result.error.message} ${result.error.hint}`;
    };
    expect(damaged(['curves', 1, 'valAccuracy'], 1.5)).toContain('model.results.curves[1].valAccuracy is 1.5');
    expect(damaged(['curves', 0, 'loss'], -1)).toContain('a negative loss');
    expect(damaged(['curves'], Array.from({ length: 61 }, () => results.curves[0]))).toContain('61 epochs, more than the 60');
    expect(damaged(['stop', 'stopped'], 'bored')).toContain('“bored”');
    expect(damaged(['stop', 'epochs'], 4)).toContain('ran 4 epochs, but its curves have 3');
    expect(damaged(['stop', 'keptEpoch'], 9)).toContain('epoch 9, after the last one');
    expect(damaged(['test', 'wrong', 0, 'truth'], 'swimming')).toContain('model.results.test.wrong[0].truth is “swimming”');
    expect(damaged(['test', 'wrong', 1, 'wrongWindows'], 7)).toContain('7 wrong windows of 6');
    expect(damaged(['test', 'wrong', 1, 'name'], 42)).toContain('model.results.test.wrong[1].name');
    expect(damaged(['test', 'recordings', 'test'], 1)).toContain('names 2 test recordings it got wrong, of 1');
    expect(damaged(['test', 'windows', 'validation'], -3)).toContain('model.results.test.windows.validation');
    expect(damaged(['test', 'caution', 'unknown'], 30)).toContain('30 of 20 recordings');
    expect(damaged(['test', 'caution'], { kind: 'trust-me' })).toContain('“trust-me”');
    expect(damaged(['folds'], [{ people: ['ana', 'ana'], accuracy: 0.9, macroF1: 0.9, baselineAccuracy: 0.4 }])).toContain('model.results.folds[0].people[1]');
    expect(damaged(['test', 'macroF1'], 'good')).toContain('model.results.test.macroF1');
  });

  test('results with any field replaced by any JSON value are refused or read, never thrown', () => {
    const paths: string[][] = [];
    const walk = (value: unknown, path: string[]) => {
      paths.push(path);
      if (typeof value === 'object' && value !== null) for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
    };
    walk(JSON.parse(JSON.stringify(results)), []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((path) => path.length > 0)), fc.jsonValue({ maxDepth: 2 }), (path, replacement) => {
        const file = JSON.parse(exportModel({ ...model, results })) as { model: { results: Record<string, unknown> } };
        const parent = path.slice(0, -1).reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, file.model.results);
        parent[path.at(-1)!] = replacement;
        const result = parseModelFile('fuzzed.json', JSON.stringify(file));
        expect(typeof result.ok).toBe('boolean');
        if (result.ok) expect(result.model.results!.stop.epochs).toBe(result.model.results!.curves.length);
      }),
      { numRuns: 500, seed: 13 },
    );
  });

  test('any field replaced by any JSON value is refused or read, never thrown', () => {
    const paths: string[][] = [];
    const walk = (value: unknown, path: string[]) => {
      paths.push(path);
      if (typeof value === 'object' && value !== null && path.length < 8) for (const [key, child] of Object.entries(value).slice(0, 12)) walk(child, [...path, key]);
    };
    walk(exported(), []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((path) => path.length > 0)), fc.jsonValue({ maxDepth: 2 }), (path, replacement) => {
        const json = exported() as unknown as Record<string, unknown>;
        const parent = path.slice(0, -1).reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, json);
        parent[path.at(-1)!] = replacement;
        const result = parseModelFile('fuzzed.json', JSON.stringify(json));
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 500, seed: 12 },
    );
  });
});
