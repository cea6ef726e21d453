import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildActivityModel } from '../model/dense/builder';
import { buildCnnModel } from '../model/cnn/builder';
import { modelArtifacts } from '../train/model-artifacts';
import { defaultTrainingSettings } from '../train/training-settings';
import { defaultFeatureConfig, featureNames } from '../signal/features';
import type { StoredModel } from '../model/record';
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
    artifacts: await modelArtifacts(network),
  };
  network.dispose();
});

/** The exported file as an object, to damage one part of it. */
const exported = () => JSON.parse(exportModel(model)) as { format: string; version: number; model: Record<string, unknown> & { preprocessing: Record<string, unknown> & { stats: { mean: number[] } }; artifacts: { weightData: string } } };

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
      artifacts: await modelArtifacts(network),
    };
    network.dispose();
    const result = parseModelFile('cnn.json', exportModel(cnn));
    if (!result.ok) throw result.error;
    expect(result.model.preprocessing.features.input).toBe('channels');
    const malformed = JSON.parse(exportModel(cnn)) as { model: { artifacts: { modelTopology: { config: { layers: { config: { padding?: string } }[] } } } } };
    malformed.model.artifacts.modelTopology.config.layers[1]!.config.padding = 'same';
    const refused = parseModelFile('cnn.json', JSON.stringify(malformed));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/Conv1D with padding same/);
  });
});
