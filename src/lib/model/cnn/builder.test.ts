import * as tf from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { startBackend } from '../../compute/backend';
import { defaultFeatureConfig, featureNames, type FeatureConfig } from '../../signal/features';
import type { LabelledRecording } from '../../train/activity-dataset';
import { modelArtifacts } from '../../train/model-artifacts';
import { trainActivityModel } from '../../train/train-activity';
import { defaultTrainingSettings } from '../../train/training-settings';
import { readNetwork } from '../network-kinds';
import { buildCnnModel } from './builder';

beforeAll(async () => {
  // The wasm backend as the worker and the CLI run it, from the installed package's binaries.
  const wasmDir = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
  await startBackend({ plain: join(wasmDir, 'tfjs-backend-wasm.wasm'), simd: join(wasmDir, 'tfjs-backend-wasm-simd.wasm') });
});

/** Rows of 40 samples × 4 channels whose label is which channel carries a 5-sample pulse. */
function examples(): { x: tf.Tensor2D; y: tf.Tensor1D } {
  const rows = Array.from({ length: 96 }, (_, r) => Array.from({ length: 160 }, (_, i) => (i % 4 === r % 3 && Math.floor(i / 4) % 10 < 5 ? 1 : 0)));
  return { x: tf.tensor2d(rows), y: tf.tensor1d(rows.map((_, r) => r % 3)) };
}

describe('buildCnnModel on the wasm backend', () => {
  test('a stock conv1d cannot learn there, the CNN’s Conv1D does, and nothing leaks', async () => {
    expect(tf.getBackend()).toBe('wasm');
    const { x, y } = examples();
    const stock = tf.sequential({ layers: [tf.layers.reshape({ targetShape: [40, 4], inputShape: [160] }), tf.layers.conv1d({ filters: 4, kernelSize: 3 }), tf.layers.flatten(), tf.layers.dense({ units: 3, activation: 'softmax' })] });
    stock.compile({ optimizer: 'adam', loss: 'sparseCategoricalCrossentropy' });
    await expect(stock.fit(x, y, { epochs: 1, batchSize: 32, verbose: 0 })).rejects.toThrow(/Conv2DBackpropFilter' not registered for backend 'wasm'/);
    stock.dispose();

    const before = tf.memory().numTensors;
    const model = buildCnnModel({ inputSize: 160, channels: 4, classes: 3, dropout: 0, learningRate: 0.01, seed: 1 });
    const optimizer = tf.train.adam(0.01);
    model.compile({ optimizer, loss: 'sparseCategoricalCrossentropy' });
    const history = await model.fit(x, y, { epochs: 15, batchSize: 32, verbose: 0, shuffle: false });
    const losses = history.history.loss as number[];
    expect(losses.at(-1)!).toBeLessThan(losses[0]! / 2);
    model.dispose();
    optimizer.dispose();
    tf.dispose([x, y]);
    expect(tf.memory().numTensors).toBe(before - 2);
  });

  test('trainActivityModel trains the CNN when the settings pick it, on the channels input', async () => {
    const recordings: LabelledRecording[] = ['ana', 'ben', 'cai', 'dee', 'eli', 'fay', 'gus', 'hal'].flatMap((person, p) =>
      (['walking', 'running'] as const).map((label, l) => {
        const hz = (l === 0 ? 1.8 : 2.8) + p * 0.03;
        const n = 12 * 50;
        const t = Float64Array.from({ length: n }, (_, i) => i * 20);
        const acc = Float32Array.from({ length: n * 3 }, (_, at) => (at % 3 === 2 ? 9.81 : 0) + (1 + 3 * l) * Math.sin(2 * Math.PI * hz * Math.floor(at / 3) / 50 + (at % 3)));
        return { recording: { id: `${person}-${label}`, name: `${label}.${person}`, label, group: person, speedFixes: [] }, samples: { t, acc, gyro: null } };
      }),
    );
    const features: FeatureConfig = { ...defaultFeatureConfig, input: 'channels' };
    const result = await trainActivityModel(recordings, { features, training: { ...defaultTrainingSettings, network: 'cnn', epochs: 3 } });
    const network = readNetwork(await modelArtifacts(result.model));
    result.model.dispose();
    expect([network.kind, network.inputs, network.outputs]).toEqual(['cnn', featureNames(features).length, 2]);
    expect(result.preprocessing.featureNames.slice(0, 4)).toEqual(['x[0]', 'y[0]', 'z[0]', 'mag[0]']);
  });
});
