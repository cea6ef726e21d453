import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadModelArtifacts, modelArtifacts } from '../../train/model-artifacts';
import { UnsupportedModelError } from '../network-kind';
import { readNetwork } from '../network-kinds';
import { buildCnnModel } from './builder';
import { cnnForward, cnnNetworkFrom } from './network';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Random weights in place of the initial ones: biases too, so a wrong bias or layout shows. */
function randomize(model: tf.LayersModel, seed: number): void {
  const values = model.getWeights().map((weight, i) => tf.randomUniform(weight.shape, -0.5, 0.5, 'float32', seed + i));
  model.setWeights(values);
  tf.dispose(values);
}

describe('cnnNetworkFrom + cnnForward', () => {
  test('compute what tfjs computes, to 1e-5, on random weights and windows; the builder leaks nothing', async () => {
    const before = tf.memory().numTensors;
    const model = buildCnnModel({ inputSize: 100 * 4, channels: 4, classes: 5, dropout: 0.2, learningRate: 0.003, seed: 3 });
    randomize(model, 11);
    const network = cnnNetworkFrom(await modelArtifacts(model));
    expect(network.convs.map((layer) => [layer.samples, layer.channels, layer.filters, layer.width, layer.pool])).toEqual([
      [100, 4, 16, 5, 2],
      [48, 16, 32, 5, 2],
      [22, 32, 32, 3, 1],
    ]);
    expect(model.countParams()).toBeLessThanOrEqual(30_000);
    const rows = Array.from({ length: 30 }, (_, r) => Float32Array.from({ length: 400 }, () => (Math.random() - 0.5) * 4 + (r % 3)));
    const expected = tf.tidy(() => (model.predict(tf.tensor2d(rows.map((row) => [...row]))) as tf.Tensor2D).arraySync());
    const out = new Float32Array(5);
    let worst = 0;
    rows.forEach((row, r) => {
      cnnForward(network, row, out);
      out.forEach((p, i) => (worst = Math.max(worst, Math.abs(p - expected[r]![i]!))));
    });
    expect(worst).toBeLessThan(1e-5);
    // Saved, it loads as a stock Conv1D anywhere (the deploy bundle's model.json) and computes the same.
    const stock = await loadModelArtifacts(await modelArtifacts(model));
    const reloaded = tf.tidy(() => (stock.predict(tf.tensor2d(rows.map((row) => [...row]))) as tf.Tensor2D).arraySync());
    reloaded.forEach((probabilities, r) => probabilities.forEach((p, i) => expect(Math.abs(p - expected[r]![i]!)).toBeLessThan(1e-5)));
    stock.dispose();
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  test('the file-format check reads it as a CNN and refuses a malformed one, naming what is wrong', async () => {
    const model = buildCnnModel({ inputSize: 60 * 4, channels: 4, classes: 3, dropout: 0, learningRate: 0.003, seed: 1 });
    const artifacts = await modelArtifacts(model);
    model.dispose();
    const network = readNetwork(artifacts);
    expect([network.kind, network.inputs, network.outputs]).toEqual(['cnn', 240, 3]);
    const topology = artifacts.modelTopology as { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
    const edited = (edit: (layers: { class_name: string; config: Record<string, unknown> }[]) => void) => {
      const copy = structuredClone(topology);
      edit(copy.config.layers);
      return { ...artifacts, modelTopology: copy };
    };
    const refusal = (changed: typeof artifacts) => () => readNetwork(changed);
    expect(refusal(edited((layers) => (layers[1]!.config.padding = 'same')))).toThrow(/Conv1D with padding same.*only 'valid'/);
    expect(refusal(edited((layers) => (layers[1]!.config.activation = 'tanh')))).toThrow(/uses tanh; a Conv1D may only use relu or linear/);
    expect(refusal(edited((layers) => (layers[0]!.config.target_shape = [80, 3])))).toThrow(/kernel of shape \[5, 4, 16\] but the layer before gives 3 channels/);
    expect(refusal(edited((layers) => layers.splice(layers.findIndex((layer) => layer.class_name === 'GlobalAveragePooling1D'), 1)))).toThrow(/must end in a GlobalAveragePooling1D; found .*a Dense/);
    expect(refusal({ ...artifacts, weightData: artifacts.weightData.slice(8) })).toThrow(/bytes where the manifest needs/);
    expect(refusal(edited((layers) => (layers[1]!.config.name = 'renamed')))).toThrow(UnsupportedModelError);
    expect(refusal(edited((layers) => (layers[1]!.config.name = 'renamed')))).toThrow(/lacks the weight renamed\/kernel/);
  });
});

describe('buildCnnModel', () => {
  test('refuses a feature row and a window too short for its layers', () => {
    expect(() => buildCnnModel({ inputSize: 22, channels: 0, classes: 3, dropout: 0, learningRate: 0.01 })).toThrow(/must be 'channels'/);
    expect(() => buildCnnModel({ inputSize: 10 * 4, channels: 4, classes: 3, dropout: 0, learningRate: 0.01 })).toThrow(/10 samples is too short/);
  });
});
