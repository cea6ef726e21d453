/**
 * The arithmetic of the lean engine's steps over a batch of rows (row-major `rows × units`
 * Float64Arrays, kernels row-major `inputs × units` as tfjs stores them). Written for V8: small
 * integer sizes, sums kept in local variables, blocks of two rows by four units so each value
 * loaded serves several products. A plain loop nest (one sum at a time, or adding into the
 * output input by input) took two to three times as long.
 */

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

/*
 * Each product below is written out for its own layout rather than shared through strides: with
 * the steps along a row known to be 1, V8 keeps the indices in registers and the three ran 1.6×
 * faster than one strided product serving all three. Each works on two rows by four columns at a
 * time, the eight sums in registers, so each value loaded serves two or four products and each
 * output is written once; the sums run over k in ascending order from the bias (or 0), the rest
 * (an odd last row, columns beyond a multiple of 4) one sum at a time in the same order.
 */

/** after[r, u] = bias[u] + Σᵢ before[r, i] · kernel[i, u] for `count` rows: a layer's outputs before its activation. */
export function affine(before: Float64Array, after: Float64Array, { inputs, units, kernel, bias }: EngineLayer, count: number): void {
  const pairs = count - (count % 2);
  const quads = units - (units % 4);
  for (let r = 0; r < pairs; r += 2) {
    const x0 = r * inputs;
    const x1 = x0 + inputs;
    for (let u = 0; u < quads; u += 4) {
      let a0 = bias[u] as number;
      let a1 = bias[u + 1] as number;
      let a2 = bias[u + 2] as number;
      let a3 = bias[u + 3] as number;
      let b0 = a0;
      let b1 = a1;
      let b2 = a2;
      let b3 = a3;
      for (let i = 0, k = u; i < inputs; i += 1, k += units) {
        const p = before[x0 + i] as number;
        const q = before[x1 + i] as number;
        const w0 = kernel[k] as number;
        const w1 = kernel[k + 1] as number;
        const w2 = kernel[k + 2] as number;
        const w3 = kernel[k + 3] as number;
        a0 += p * w0;
        a1 += p * w1;
        a2 += p * w2;
        a3 += p * w3;
        b0 += q * w0;
        b1 += q * w1;
        b2 += q * w2;
        b3 += q * w3;
      }
      const o = r * units + u;
      after[o] = a0;
      after[o + 1] = a1;
      after[o + 2] = a2;
      after[o + 3] = a3;
      after[o + units] = b0;
      after[o + units + 1] = b1;
      after[o + units + 2] = b2;
      after[o + units + 3] = b3;
    }
  }
  for (let r = 0; r < count; r += 1) {
    for (let u = r < pairs ? quads : 0; u < units; u += 1) {
      let sum = bias[u] as number;
      for (let i = 0, x = r * inputs, k = u; i < inputs; i += 1, k += units) sum += (before[x + i] as number) * (kernel[k] as number);
      after[r * units + u] = sum;
    }
  }
}

/** The kernel's gradient Σᵣ before[r, i] · delta[r, u] and the bias's Σᵣ delta[r, u] over a batch of `count` rows. */
export function weightGradients(before: Float64Array, delta: Float64Array, kernelGrad: Float64Array, biasGrad: Float64Array, inputs: number, units: number, count: number): void {
  const pairs = inputs - (inputs % 2);
  const quads = units - (units % 4);
  for (let i = 0; i < pairs; i += 2) {
    for (let u = 0; u < quads; u += 4) {
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let b0 = 0;
      let b1 = 0;
      let b2 = 0;
      let b3 = 0;
      for (let r = 0, x = i, d = u; r < count; r += 1, x += inputs, d += units) {
        const p = before[x] as number;
        const q = before[x + 1] as number;
        const g0 = delta[d] as number;
        const g1 = delta[d + 1] as number;
        const g2 = delta[d + 2] as number;
        const g3 = delta[d + 3] as number;
        a0 += p * g0;
        a1 += p * g1;
        a2 += p * g2;
        a3 += p * g3;
        b0 += q * g0;
        b1 += q * g1;
        b2 += q * g2;
        b3 += q * g3;
      }
      const o = i * units + u;
      kernelGrad[o] = a0;
      kernelGrad[o + 1] = a1;
      kernelGrad[o + 2] = a2;
      kernelGrad[o + 3] = a3;
      kernelGrad[o + units] = b0;
      kernelGrad[o + units + 1] = b1;
      kernelGrad[o + units + 2] = b2;
      kernelGrad[o + units + 3] = b3;
    }
  }
  for (let i = 0; i < inputs; i += 1) {
    for (let u = i < pairs ? quads : 0; u < units; u += 1) {
      let sum = 0;
      for (let r = 0, x = i, d = u; r < count; r += 1, x += inputs, d += units) sum += (before[x] as number) * (delta[d] as number);
      kernelGrad[i * units + u] = sum;
    }
  }
  for (let u = 0; u < units; u += 1) {
    let sum = 0;
    for (let r = 0, d = u; r < count; r += 1, d += units) sum += delta[d] as number;
    biasGrad[u] = sum;
  }
}

/** The gradient with respect to a layer's inputs, Σᵤ delta[r, u] · kernel[i, u]. */
export function backThrough(delta: Float64Array, into: Float64Array, { inputs, units, kernel }: EngineLayer, count: number): void {
  const pairs = count - (count % 2);
  const quads = inputs - (inputs % 4);
  for (let r = 0; r < pairs; r += 2) {
    const d0 = r * units;
    const d1 = d0 + units;
    for (let i = 0; i < quads; i += 4) {
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let b0 = 0;
      let b1 = 0;
      let b2 = 0;
      let b3 = 0;
      for (let u = 0, k = i * units; u < units; u += 1, k += 1) {
        const p = delta[d0 + u] as number;
        const q = delta[d1 + u] as number;
        const w0 = kernel[k] as number;
        const w1 = kernel[k + units] as number;
        const w2 = kernel[k + 2 * units] as number;
        const w3 = kernel[k + 3 * units] as number;
        a0 += p * w0;
        a1 += p * w1;
        a2 += p * w2;
        a3 += p * w3;
        b0 += q * w0;
        b1 += q * w1;
        b2 += q * w2;
        b3 += q * w3;
      }
      const o = r * inputs + i;
      into[o] = a0;
      into[o + 1] = a1;
      into[o + 2] = a2;
      into[o + 3] = a3;
      into[o + inputs] = b0;
      into[o + inputs + 1] = b1;
      into[o + inputs + 2] = b2;
      into[o + inputs + 3] = b3;
    }
  }
  for (let r = 0; r < count; r += 1) {
    for (let i = r < pairs ? quads : 0; i < inputs; i += 1) {
      let sum = 0;
      for (let u = 0, d = r * units, k = i * units; u < units; u += 1) sum += (delta[d + u] as number) * (kernel[k + u] as number);
      into[r * inputs + i] = sum;
    }
  }
}

export function relu(values: Float64Array, size: number): void {
  for (let at = 0; at < size; at += 1) if ((values[at] as number) < 0) values[at] = 0;
}

/** Softmax of each row of `units` values, in place, the largest subtracted first so no exp overflows. */
export function softmaxRows(values: Float64Array, units: number, count: number): void {
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

