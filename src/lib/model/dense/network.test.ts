import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildActivityModel } from './builder';
import { modelArtifacts } from '../../train/model-artifacts';
import { UnsupportedModelError } from '../network-kind';
import { denseNetworkFrom, forward, lastHidden } from './network';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('denseNetworkFrom + forward', () => {
  test('computes what tfjs computes, to 1e-6', async () => {
    const model = buildActivityModel({ inputSize: 38, classes: 4, hidden: [32, 16], dropout: 0.2, learningRate: 0.01 });
    const network = denseNetworkFrom(await modelArtifacts(model));
    expect(network.layers.map((layer) => [layer.inputs, layer.units, layer.activation])).toEqual([
      [38, 32, 'relu'],
      [32, 16, 'relu'],
      [16, 4, 'softmax'],
    ]);
    const rows = Array.from({ length: 20 }, (_, r) => Float32Array.from({ length: 38 }, (_, i) => Math.sin(r * 38 + i) * 2));
    const expected = tf.tidy(() => (model.predict(tf.tensor2d(rows.map((row) => [...row]))) as tf.Tensor2D).arraySync());
    const out = new Float32Array(4);
    rows.forEach((row, r) => {
      forward(network, row, out);
      (expected[r] ?? []).forEach((p, i) => expect(out[i]).toBeCloseTo(p, 6));
    });
    model.dispose();
  });

  test('the last hidden layer after forward on the same row is the one a fresh network computes, and follows a row changed in place', async () => {
    const model = buildActivityModel({ inputSize: 6, classes: 3, hidden: [8, 5], dropout: 0, learningRate: 0.01 });
    const artifacts = await modelArtifacts(model);
    const network = denseNetworkFrom(artifacts);
    const row = Float32Array.of(0.5, -1, 2, 0, 1.5, -0.25);
    const truth = (values: Float32Array) => Array.from(lastHidden(denseNetworkFrom(artifacts), values));
    const expected = truth(row);
    forward(network, row, new Float32Array(3));
    expect(Array.from(lastHidden(network, row))).toEqual(expected);
    expect(Array.from(lastHidden(network, Float32Array.from(row)))).toEqual(expected);
    row[2] = -3; // the caller's one row, reused for the next window
    expect(Array.from(lastHidden(network, row))).toEqual(truth(row));
    expect(Array.from(lastHidden(network, row))).not.toEqual(expected);
    model.dispose();
  });

  test('refuses what it cannot run, saying what it found', async () => {
    const model = buildActivityModel({ inputSize: 3, classes: 2, hidden: [4], dropout: 0, learningRate: 0.01 });
    const artifacts = await modelArtifacts(model);
    const topology = artifacts.modelTopology as { config: { layers: { class_name: string; config: { activation?: string } }[] } };
    const conv = structuredClone(topology);
    (conv.config.layers[0] as { class_name: string }).class_name = 'Conv1D';
    expect(() => denseNetworkFrom({ ...artifacts, modelTopology: conv })).toThrow(UnsupportedModelError);
    expect(() => denseNetworkFrom({ ...artifacts, weightData: artifacts.weightData.slice(4) })).toThrow(/bytes where the manifest needs/);
    const tanh = structuredClone(topology);
    (tanh.config.layers[0] as { config: { activation?: string } }).config.activation = 'tanh';
    expect(() => denseNetworkFrom({ ...artifacts, modelTopology: tanh })).toThrow(/only relu, softmax and linear/);
    model.dispose();
  });
});
