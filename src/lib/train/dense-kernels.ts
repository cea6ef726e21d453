/**
 * The arithmetic of the lean engine's steps over a batch of rows (row-major `rows × units`
 * Float32Arrays, as tfjs keeps them, kernels row-major `inputs × units` as tfjs stores them).
 * The three matrix products, dropout and adam run in WebAssembly (dense-kernels-simd.ts) wherever its
 * SIMD exists; the plain loops here are the reference those are checked against, and the fallback.
 */
import { adamUpdate, type AdamSettings } from './adam';
import { mulberry32Next } from './random';

/** One Dense layer being trained; its kernel and bias are updated in place. */
export interface EngineLayer {
  inputs: number;
  units: number;
  /** Row-major [inputs × units], the layout of a tfjs Dense kernel. */
  kernel: Float32Array;
  bias: Float32Array;
  activation: 'relu' | 'linear' | 'softmax';
  /** Fraction of this layer's outputs dropped at each training step (a Dropout layer after it), 0 for none. */
  dropout: number;
}

/** The three matrix products of a step, its dropout and adam's update; dense-kernels-simd.ts has them in WebAssembly. */
export interface DenseProducts {
  affine(before: Float32Array, after: Float32Array, layer: EngineLayer, count: number): void;
  weightGradients(before: Float32Array, delta: Float32Array, kernelGrad: Float32Array, inputs: number, units: number, count: number): void;
  backThrough(delta: Float32Array, into: Float32Array, layer: EngineLayer, count: number): void;
  dropOut(values: Float32Array, scales: Float32Array, size: number, rate: number, state: Uint32Array): void;
  /** adam.ts's `adamUpdate`. */
  adam(param: Float32Array, grad: Float32Array, first: Float32Array, second: Float32Array, settings: AdamSettings, beta1Power: number, beta2Power: number): void;
}

/** after[r, u] = bias[u] + Σᵢ before[r, i] · kernel[i, u] for `count` rows: a layer's outputs before its activation. */
export function affine(before: Float32Array, after: Float32Array, { inputs, units, kernel, bias }: EngineLayer, count: number): void {
  for (let r = 0; r < count; r += 1) {
    for (let u = 0; u < units; u += 1) {
      let sum = bias[u] as number;
      for (let i = 0, x = r * inputs, k = u; i < inputs; i += 1, k += units) sum += (before[x + i] as number) * (kernel[k] as number);
      after[r * units + u] = sum;
    }
  }
}

/** The kernel's gradient Σᵣ before[r, i] · delta[r, u] over a batch of `count` rows. */
export function weightGradients(before: Float32Array, delta: Float32Array, kernelGrad: Float32Array, inputs: number, units: number, count: number): void {
  for (let i = 0; i < inputs; i += 1) {
    for (let u = 0; u < units; u += 1) {
      let sum = 0;
      for (let r = 0, x = i, d = u; r < count; r += 1, x += inputs, d += units) sum += (before[x] as number) * (delta[d] as number);
      kernelGrad[i * units + u] = sum;
    }
  }
}

/** The bias's gradient Σᵣ delta[r, u] over a batch of `count` rows. */
export function biasGradients(delta: Float32Array, biasGrad: Float32Array, units: number, count: number): void {
  for (let u = 0; u < units; u += 1) {
    let sum = 0;
    for (let r = 0, d = u; r < count; r += 1, d += units) sum += delta[d] as number;
    biasGrad[u] = sum;
  }
}

/** The gradient with respect to a layer's inputs, Σᵤ delta[r, u] · kernel[i, u]. */
export function backThrough(delta: Float32Array, into: Float32Array, { inputs, units, kernel }: EngineLayer, count: number): void {
  for (let r = 0; r < count; r += 1) {
    for (let i = 0; i < inputs; i += 1) {
      let sum = 0;
      for (let u = 0, d = r * units, k = i * units; u < units; u += 1) sum += (delta[d + u] as number) * (kernel[k + u] as number);
      into[r * inputs + i] = sum;
    }
  }
}

/**
 * Multiplies each of `size` values by 0 (a drawn fraction `rate` of them) or by 1 / (1 − rate),
 * as tf.dropout does, keeping the multipliers in `scales` for the backward pass: a value is kept
 * when its draw, the next of the mulberry32 generator whose state is `state[0]`, is at least `rate`.
 */
export function dropOut(values: Float32Array, scales: Float32Array, size: number, rate: number, state: Uint32Array): void {
  const kept = 1 / (1 - rate);
  for (let at = 0; at < size; at += 1) {
    const scale = mulberry32Next(state) >= rate ? kept : 0;
    scales[at] = scale;
    values[at] = (values[at] as number) * scale;
  }
}

/** The products, dropout and adam in TypeScript: the fallback where WebAssembly SIMD is missing, and the reference. */
export const typescriptProducts: DenseProducts = { affine, weightGradients, backThrough, dropOut, adam: adamUpdate };

export function relu(values: Float32Array, size: number): void {
  for (let at = 0; at < size; at += 1) if ((values[at] as number) < 0) values[at] = 0;
}

/** Softmax of each row of `units` values, in place, the largest subtracted first so no exp overflows. */
export function softmaxRows(values: Float32Array, units: number, count: number): void {
  for (let r = 0; r < count; r += 1) {
    const out = r * units;
    let largest = -Infinity;
    for (let u = 0; u < units; u += 1) largest = Math.max(largest, values[out + u] as number);
    let total = 0;
    for (let u = 0; u < units; u += 1) {
      const e = Math.exp((values[out + u] as number) - largest);
      values[out + u] = e;
      total += e;
    }
    for (let u = 0; u < units; u += 1) values[out + u] = (values[out + u] as number) / total;
  }
}

