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

/**
 * after[r, u] = bias[u] + Σᵢ before[r, i] · kernel[i, u] for `count` rows. Two rows by four
 * outputs at a time, the eight sums in registers: each kernel value loaded serves two rows, each
 * input four outputs, and each output is written once. Adding into `after` input by input spent
 * the time on loads and stores (3× slower); skipping the inputs a relu left at 0 saved less than
 * the blocks do.
 */
export function affine(before: Float64Array, after: Float64Array, { inputs, units, kernel, bias }: EngineLayer, count: number): void {
  const pairs = count - (count % 2);
  const blocked = units - (units % 4);
  for (let r = 0; r < pairs; r += 2) {
    const a = r * inputs;
    const b = a + inputs;
    const outA = r * units;
    const outB = outA + units;
    for (let u = 0; u < blocked; u += 4) {
      let a0 = bias[u] as number;
      let a1 = bias[u + 1] as number;
      let a2 = bias[u + 2] as number;
      let a3 = bias[u + 3] as number;
      let b0 = a0;
      let b1 = a1;
      let b2 = a2;
      let b3 = a3;
      for (let i = 0, k = u; i < inputs; i += 1, k += units) {
        const k0 = kernel[k] as number;
        const k1 = kernel[k + 1] as number;
        const k2 = kernel[k + 2] as number;
        const k3 = kernel[k + 3] as number;
        const x = before[a + i] as number;
        const y = before[b + i] as number;
        a0 += x * k0;
        a1 += x * k1;
        a2 += x * k2;
        a3 += x * k3;
        b0 += y * k0;
        b1 += y * k1;
        b2 += y * k2;
        b3 += y * k3;
      }
      after[outA + u] = a0;
      after[outA + u + 1] = a1;
      after[outA + u + 2] = a2;
      after[outA + u + 3] = a3;
      after[outB + u] = b0;
      after[outB + u + 1] = b1;
      after[outB + u + 2] = b2;
      after[outB + u + 3] = b3;
    }
  }
  // The rest one sum at a time: the last row when their number is odd, the last outputs when theirs is not a multiple of 4.
  for (let r = 0; r < count; r += 1) {
    for (let u = r < pairs ? blocked : 0; u < units; u += 1) {
      let sum = bias[u] as number;
      for (let i = 0, k = u; i < inputs; i += 1, k += units) sum += (before[r * inputs + i] as number) * (kernel[k] as number);
      after[r * units + u] = sum;
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

/**
 * The kernel's gradient Σᵣ before[r, i] · delta[r, u] and the bias's Σᵣ delta[r, u] over a batch
 * of `count` rows, two inputs by four units at a time as in affine.
 */
export function weightGradients(before: Float64Array, delta: Float64Array, kernelGrad: Float64Array, biasGrad: Float64Array, inputs: number, units: number, count: number): void {
  const pairs = inputs - (inputs % 2);
  const blocked = units - (units % 4);
  for (let i = 0; i < pairs; i += 2) {
    for (let u = 0; u < blocked; u += 4) {
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let b0 = 0;
      let b1 = 0;
      let b2 = 0;
      let b3 = 0;
      for (let r = 0, at = i, d = u; r < count; r += 1, at += inputs, d += units) {
        const x = before[at] as number;
        const y = before[at + 1] as number;
        const d0 = delta[d] as number;
        const d1 = delta[d + 1] as number;
        const d2 = delta[d + 2] as number;
        const d3 = delta[d + 3] as number;
        a0 += x * d0;
        a1 += x * d1;
        a2 += x * d2;
        a3 += x * d3;
        b0 += y * d0;
        b1 += y * d1;
        b2 += y * d2;
        b3 += y * d3;
      }
      const rowA = i * units + u;
      const rowB = rowA + units;
      kernelGrad[rowA] = a0;
      kernelGrad[rowA + 1] = a1;
      kernelGrad[rowA + 2] = a2;
      kernelGrad[rowA + 3] = a3;
      kernelGrad[rowB] = b0;
      kernelGrad[rowB + 1] = b1;
      kernelGrad[rowB + 2] = b2;
      kernelGrad[rowB + 3] = b3;
    }
  }
  // The rest one sum at a time: the last input when their number is odd, the last units when theirs is not a multiple of 4.
  for (let i = 0; i < inputs; i += 1) {
    for (let u = i < pairs ? blocked : 0; u < units; u += 1) {
      let sum = 0;
      for (let r = 0, at = i, d = u; r < count; r += 1, at += inputs, d += units) sum += (before[at] as number) * (delta[d] as number);
      kernelGrad[i * units + u] = sum;
    }
  }
  for (let u = 0; u < units; u += 1) {
    let sum = 0;
    for (let r = 0, d = u; r < count; r += 1, d += units) sum += delta[d] as number;
    biasGrad[u] = sum;
  }
}

/** The gradient with respect to a layer's inputs, Σᵤ delta[r, u] · kernel[i, u], two rows by four inputs at a time as in affine. */
export function backThrough(delta: Float64Array, into: Float64Array, { inputs, units, kernel }: EngineLayer, count: number): void {
  const pairs = count - (count % 2);
  const blocked = inputs - (inputs % 4);
  for (let r = 0; r < pairs; r += 2) {
    const outA = r * units;
    const outB = outA + units;
    for (let i = 0; i < blocked; i += 4) {
      const k = i * units;
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let b0 = 0;
      let b1 = 0;
      let b2 = 0;
      let b3 = 0;
      for (let u = 0; u < units; u += 1) {
        const x = delta[outA + u] as number;
        const y = delta[outB + u] as number;
        const k0 = kernel[k + u] as number;
        const k1 = kernel[k + units + u] as number;
        const k2 = kernel[k + 2 * units + u] as number;
        const k3 = kernel[k + 3 * units + u] as number;
        a0 += x * k0;
        a1 += x * k1;
        a2 += x * k2;
        a3 += x * k3;
        b0 += y * k0;
        b1 += y * k1;
        b2 += y * k2;
        b3 += y * k3;
      }
      const atA = r * inputs + i;
      const atB = atA + inputs;
      into[atA] = a0;
      into[atA + 1] = a1;
      into[atA + 2] = a2;
      into[atA + 3] = a3;
      into[atB] = b0;
      into[atB + 1] = b1;
      into[atB + 2] = b2;
      into[atB + 3] = b3;
    }
  }
  // The rest one sum at a time: the last row when their number is odd, the last inputs when theirs is not a multiple of 4.
  for (let r = 0; r < count; r += 1) {
    for (let i = r < pairs ? blocked : 0; i < inputs; i += 1) {
      let sum = 0;
      for (let u = 0; u < units; u += 1) sum += (delta[r * units + u] as number) * (kernel[i * units + u] as number);
      into[r * inputs + i] = sum;
    }
  }
}
