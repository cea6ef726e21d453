import { loadAndCompile, loadLiteRt, Tensor } from '@litertjs/core';
import { beforeAll, describe, expect, test } from 'vitest';
import { cnnForward, type CnnNetwork, type ConvLayer } from './cnn/network';
import { cnnTfliteModel } from './cnn/tflite';
import { forward, type DenseLayer, type DenseNetwork } from './dense/network';
import { tfliteModel } from './dense/tflite';

/** Weights from a fixed sequence. */
function weights(seed: number): (length: number) => Float32Array {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5) * 0.6;
  return (length) => Float32Array.from({ length }, next);
}

/** A dense network of the app's default shape. */
function denseNetwork(): DenseNetwork {
  const values = weights(5);
  const layer = (inputs: number, units: number, activation: DenseLayer['activation']): DenseLayer => ({ inputs, units, kernel: values(inputs * units), bias: values(units), activation });
  return { inputs: 53, layers: [layer(53, 32, 'relu'), layer(32, 16, 'relu'), layer(16, 4, 'softmax')] };
}

/** A CNN of the app's default shape on 100 samples of 4 channels. */
function cnnNetwork(): CnnNetwork {
  const values = weights(9);
  const conv = (samples: number, channels: number, filters: number, width: number, pool: number): ConvLayer => ({
    samples,
    channels,
    filters,
    width,
    kernel: values(width * channels * filters),
    bias: values(filters),
    relu: true,
    pool,
  });
  const head: DenseLayer = { inputs: 32, units: 4, kernel: values(128), bias: values(4), activation: 'softmax' };
  return { samples: 100, channels: 4, convs: [conv(100, 4, 16, 5, 2), conv(48, 16, 32, 5, 2), conv(22, 32, 32, 3, 1)], head: { inputs: 32, layers: [head] } };
}

/** The largest difference between LiteRT's probabilities and the app's, over 20 rows of `inputs` values. */
async function worstDifference(bytes: Uint8Array, inputs: number, app: (row: Float32Array) => Float32Array): Promise<number> {
  const model = await loadAndCompile(bytes, { accelerator: 'wasm' });
  let worst = 0;
  for (let r = 0; r < 20; r += 1) {
    const row = Float32Array.from({ length: inputs }, (_, i) => Math.sin(r * 7 + i * 0.3) * 2 + Math.cos(i * r) * 0.5);
    const input = new Tensor(row, [1, inputs]);
    const [output] = await model.run([input]);
    const got = output!.toTypedArray() as Float32Array;
    app(row).forEach((p, i) => (worst = Math.max(worst, Math.abs(p - got[i]!))));
    input.delete();
    output!.delete();
  }
  return worst;
}

beforeAll(async () => {
  // The runtime's wasm files, served from the installed package: nothing is fetched from elsewhere.
  await loadLiteRt(new URL('../../../node_modules/@litertjs/core/wasm/', import.meta.url).href);
});

describe('the .tflite models in LiteRT (TensorFlow Lite for the web)', () => {
  test('the dense network gives the probabilities of the app’s own on the same rows', async () => {
    const dense = denseNetwork();
    expect(await worstDifference(tfliteModel(dense, 'test'), 53, (row) => forward(dense, row, new Float32Array(4)))).toBeLessThan(1e-5);
  });

  test('the CNN gives the probabilities of the app’s own on the same rows', async () => {
    const cnn = cnnNetwork();
    expect(await worstDifference(cnnTfliteModel(cnn, 'test'), 400, (row) => cnnForward(cnn, row, new Float32Array(4)))).toBeLessThan(1e-5);
  });
});
