import { loadAndCompile, loadLiteRt, Tensor } from '@litertjs/core';
import { beforeAll, describe, expect, test } from 'vitest';
import { forward, type DenseLayer, type DenseNetwork } from './network';
import { tfliteModel } from './tflite';

/** A network of the app's default shape with weights from a fixed sequence. */
function network(): DenseNetwork {
  let seed = 5;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5) * 0.6;
  const layer = (inputs: number, units: number, activation: DenseLayer['activation']): DenseLayer => ({
    inputs,
    units,
    kernel: Float32Array.from({ length: inputs * units }, next),
    bias: Float32Array.from({ length: units }, next),
    activation,
  });
  return { inputs: 53, layers: [layer(53, 32, 'relu'), layer(32, 16, 'relu'), layer(16, 4, 'softmax')] };
}

beforeAll(async () => {
  // The runtime's wasm files, served from the installed package: nothing is fetched from elsewhere.
  await loadLiteRt(new URL('../../../../node_modules/@litertjs/core/wasm/', import.meta.url).href);
});

describe('the .tflite model in LiteRT (TensorFlow Lite for the web)', () => {
  test('gives the probabilities of the app’s own network on the same rows', async () => {
    const dense = network();
    const model = await loadAndCompile(tfliteModel(dense, 'test'), { accelerator: 'wasm' });
    let worst = 0;
    for (let r = 0; r < 20; r += 1) {
      const row = Float32Array.from({ length: 53 }, (_, i) => Math.sin(r * 7 + i) * 2);
      const input = new Tensor(row, [1, 53]);
      const [output] = await model.run([input]);
      const got = output!.toTypedArray() as Float32Array;
      const want = forward(dense, row, new Float32Array(4));
      want.forEach((p, i) => (worst = Math.max(worst, Math.abs(p - got[i]!))));
      input.delete();
      output!.delete();
    }
    expect(worst).toBeLessThan(1e-5);
  });
});
