import { expect, test } from 'vitest';
import { typescriptProducts, type EngineLayer } from './dense-kernels';
import { SimdArena } from './dense-kernels-simd';

// On the page's main thread Chromium compiles a module synchronously only under 4 KB: this is
// where the engine's SIMD path would be refused first.
test('Chromium compiles the SIMD products synchronously on the page, and they give TypeScript’s outputs', () => {
  const arena = SimdArena.create(256);
  expect(arena).toBeDefined();
  const filled = (length: number, from: number) => {
    const values = arena!.allocate(length);
    values.forEach((_, at) => (values[at] = Math.sin(from + at)));
    return values;
  };
  const layer: EngineLayer = { inputs: 5, units: 6, kernel: filled(30, 1), bias: filled(6, 2), activation: 'linear', dropout: 0 };
  const before = filled(15, 3);
  const simd = arena!.allocate(18);
  const reference = new Float32Array(18);
  arena!.affine(before, simd, layer, 3);
  typescriptProducts.affine(before, reference, layer, 3);
  simd.forEach((value, at) => expect(value).toBeCloseTo(reference[at]!, 5));
  expect(simd.some((value) => value !== 0)).toBe(true);
});
