import { loadAndCompile, loadLiteRt, Tensor } from '@litertjs/core';
import { beforeAll, describe, expect, test } from 'vitest';
import type { DenseLayer } from '../dense/network';
import { cnnForward, type CnnNetwork, type ConvLayer } from './network';
import { cnnTfliteModel } from './tflite';

/** A CNN of the app's default shape on 100 samples of 4 channels, weights from a fixed sequence. */
function network(): CnnNetwork {
  let seed = 9;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5) * 0.6;
  const conv = (samples: number, channels: number, filters: number, width: number, pool: number): ConvLayer => ({
    samples,
    channels,
    filters,
    width,
    kernel: Float32Array.from({ length: width * channels * filters }, next),
    bias: Float32Array.from({ length: filters }, next),
    relu: true,
    pool,
  });
  const head: DenseLayer = { inputs: 32, units: 4, kernel: Float32Array.from({ length: 128 }, next), bias: Float32Array.from({ length: 4 }, next), activation: 'softmax' };
  return { samples: 100, channels: 4, convs: [conv(100, 4, 16, 5, 2), conv(48, 16, 32, 5, 2), conv(22, 32, 32, 3, 1)], head: { inputs: 32, layers: [head] } };
}

beforeAll(async () => {
  // The runtime's wasm files, served from the installed package: nothing is fetched from elsewhere.
  await loadLiteRt(new URL('../../../../node_modules/@litertjs/core/wasm/', import.meta.url).href);
});

describe('the CNN’s .tflite model in LiteRT (TensorFlow Lite for the web)', () => {
  test('gives the probabilities of the app’s own CNN on the same rows', async () => {
    const cnn = network();
    const model = await loadAndCompile(cnnTfliteModel(cnn, 'test'), { accelerator: 'wasm' });
    let worst = 0;
    for (let r = 0; r < 20; r += 1) {
      const row = Float32Array.from({ length: 400 }, (_, i) => Math.sin(r * 7 + i * 0.3) * 2 + Math.cos(i * r) * 0.5);
      const input = new Tensor(row, [1, 400]);
      const [output] = await model.run([input]);
      const got = output!.toTypedArray() as Float32Array;
      const want = cnnForward(cnn, row, new Float32Array(4));
      want.forEach((p, i) => (worst = Math.max(worst, Math.abs(p - got[i]!))));
      input.delete();
      output!.delete();
    }
    expect(worst).toBeLessThan(1e-5);
  });
});
