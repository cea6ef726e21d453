import { describe, expect, test } from 'vitest';
import { dropOut, typescriptProducts, type DenseProducts, type EngineLayer } from './dense-kernels';
import { SimdArena } from './dense-kernels-simd';
import { adamUpdate, tfjsAdam } from './adam';
import { mulberry32 } from './random';

/** Sizes with remainders: widths not multiples of 4, odd batch sizes, a single row and unit. */
const shapes: [inputs: number, units: number, count: number][] = [
  [22, 32, 32],
  [32, 16, 256],
  [16, 5, 31],
  [7, 9, 3],
  [1, 1, 1],
  [5, 3, 17],
  [33, 13, 2],
];

/** The three products on random arrays in one arena, each beside TypeScript's on copies of the same values. */
function products(products: DenseProducts, allocate: (length: number) => Float32Array, [inputs, units, count]: (typeof shapes)[number], seed: number, magnitudes: boolean) {
  const random = mulberry32(seed);
  const filled = (length: number) => {
    const values = allocate(length);
    for (let at = 0; at < length; at += 1) {
      const value = random() * 4 - 2;
      values[at] = magnitudes ? Math.abs(value) : value;
    }
    return values;
  };
  const layer: EngineLayer = { inputs, units, kernel: filled(inputs * units), bias: filled(units), activation: 'relu', dropout: 0 };
  const before = filled(count * inputs);
  const delta = filled(count * units);
  const after = allocate(count * units);
  const kernelGrad = allocate(inputs * units);
  const into = allocate(count * inputs);
  products.affine(before, after, layer, count);
  products.weightGradients(before, delta, kernelGrad, inputs, units, count);
  products.backThrough(delta, into, layer, count);
  return { after: after.slice(), kernelGrad: kernelGrad.slice(), into: into.slice() };
}

describe('the WebAssembly SIMD products', () => {
  test('Node has WebAssembly SIMD, so the engine takes this path there', () => {
    expect(SimdArena.create(16)).toBeDefined();
  });

  test.each(shapes)('equal TypeScript’s to 1e-5 of the sum of magnitudes, %i inputs × %i units × %i rows', (inputs, units, count) => {
    const arena = SimdArena.create(4 * (inputs * units + units + 2 * count * (inputs + units) + inputs * units) + 64)!;
    const simd = products(arena, (length) => arena.allocate(length), [inputs, units, count], inputs * 100 + units, false);
    const reference = products(typescriptProducts, (length) => new Float32Array(length), [inputs, units, count], inputs * 100 + units, false);
    // A bound from the same products of every value's magnitude: float32 sums in another order
    // differ by a few ulps of the largest partial sum, not of a result that cancels to near 0.
    const bound = products(typescriptProducts, (length) => new Float32Array(length), [inputs, units, count], inputs * 100 + units, true);
    const absolute = (values: Float32Array) => values.map(Math.abs);
    for (const key of ['after', 'kernelGrad', 'into'] as const) {
      const scale = absolute(bound[key]);
      expect(simd[key]).toHaveLength(reference[key].length);
      simd[key].forEach((value, at) => expect(Math.abs(value - reference[key][at]!)).toBeLessThanOrEqual(1e-5 * Math.max(1, scale[at]!)));
      expect(simd[key].some((value) => value !== 0)).toBe(true);
    }
  });

  test.each([
    [0.3, 32 * 32, 1],
    [0.5, 31 * 7, 0x7fff_fff0],
    [0.05, 3, 4_000_000_000],
  ])('drop out to the last bit as TypeScript does, from the same mulberry32 draws: rate %f, %i values, seed %i', (rate, size, seed) => {
    const arena = SimdArena.create(2 * size + 16)!;
    const [values, scales] = [arena.allocate(size), arena.allocate(size)];
    const stateFloat = arena.allocate(1);
    const state = new Uint32Array(stateFloat.buffer, stateFloat.byteOffset, 1);
    const random = mulberry32(5);
    for (let at = 0; at < size; at += 1) values[at] = random() * 4 - 2;
    const [expected, expectedScales, expectedState] = [values.slice(), new Float32Array(size), Uint32Array.of(seed)];
    state[0] = seed;
    // tf.dropout's rule on mulberry32's draws: kept when the draw is at least the rate; twice, the state carried on.
    const draws = mulberry32(seed);
    for (let pass = 0; pass < 2; pass += 1) {
      arena.dropOut(values, scales, size, rate, state);
      dropOut(expected, expectedScales, size, rate, expectedState);
      expect(values).toEqual(expected);
      expect(scales).toEqual(expectedScales);
      expect(state[0]).toBe(expectedState[0]);
      expect(Array.from(scales, (scale) => scale !== 0)).toEqual(Array.from({ length: size }, () => draws() >= rate));
    }
  });

  test('steps adam to the last bit as adamUpdate does, over many steps', () => {
    const size = 37;
    const arena = SimdArena.create(4 * size + 16)!;
    const random = mulberry32(8);
    const [param, grad, first, second] = [arena.allocate(size), arena.allocate(size), arena.allocate(size), arena.allocate(size)];
    const expected = { param: param.map(() => random() - 0.5), first: new Float32Array(size), second: new Float32Array(size) };
    param.set(expected.param);
    const settings = { ...tfjsAdam, learningRate: 0.003 };
    let [beta1Power, beta2Power] = [tfjsAdam.beta1, tfjsAdam.beta2];
    for (let step = 0; step < 50; step += 1) {
      for (let at = 0; at < size; at += 1) grad[at] = (random() - 0.5) * 10 ** (step % 5 - 2);
      arena.adam(param, grad, first, second, settings, beta1Power, beta2Power);
      adamUpdate(expected.param, grad, expected.first, expected.second, settings, beta1Power, beta2Power);
      expect(param).toEqual(expected.param);
      expect(first).toEqual(expected.first);
      expect(second).toEqual(expected.second);
      beta1Power *= tfjsAdam.beta1;
      beta2Power *= tfjsAdam.beta2;
    }
  });

  test('hands out no more than it was sized for, and refuses an array from outside it', () => {
    const arena = SimdArena.create(8)!;
    const inside = arena.allocate(5);
    expect(() => arena.allocate(1)).toThrow(RangeError);
    const layer: EngineLayer = { inputs: 1, units: 1, kernel: inside.subarray(0, 1), bias: inside.subarray(1, 2), activation: 'linear', dropout: 0 };
    expect(() => arena.affine(inside.subarray(2, 3), new Float32Array(1), layer, 1)).toThrow(RangeError);
  });
});
