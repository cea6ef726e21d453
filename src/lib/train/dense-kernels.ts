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

/** A matrix read through strides, so a transposed operand costs no copy: element (p, q) is values[p · row + q · col]. */
interface Strided {
  values: Float32Array | Float64Array;
  row: number;
  col: number;
}

/**
 * A fresh copy of `product` (below). V8 keeps its type feedback per function object, so each use
 * (a Float32Array kernel or Float64Array gradients as `b`, a bias or none) gets a copy of its own
 * and stays monomorphic: one copy shared by all three ran about a quarter slower.
 */
function productCopy() {
  /**
   * out[p, q] = start[q] + Σₖ a[p, k] · b[k, q] for p < rows, q < cols, k < depth, `out` row-major
   * (`rows × cols`), `start` 0 when not given. Two rows by four columns at a time, the eight sums
   * in registers: each value loaded serves two or four products, and each output is written once
   * (summing one output at a time, or adding into `out` for each k, took two to three times as long).
   */
  return function product(out: Float64Array, rows: number, cols: number, depth: number, a: Strided, b: Strided, start?: Float32Array): void {
    const { values: av, row: aRow, col: aStep } = a;
    const { values: bv, row: bStep, col: bCol } = b;
    const pairs = rows - (rows % 2);
    const blocked = cols - (cols % 4);
    for (let p = 0; p < pairs; p += 2) {
      for (let q = 0; q < blocked; q += 4) {
        let a0 = start ? (start[q] as number) : 0;
        let a1 = start ? (start[q + 1] as number) : 0;
        let a2 = start ? (start[q + 2] as number) : 0;
        let a3 = start ? (start[q + 3] as number) : 0;
        let b0 = a0;
        let b1 = a1;
        let b2 = a2;
        let b3 = a3;
        for (let k = 0, x = p * aRow, y = q * bCol; k < depth; k += 1, x += aStep, y += bStep) {
          const u = av[x] as number;
          const v = av[x + aRow] as number;
          const w0 = bv[y] as number;
          const w1 = bv[y + bCol] as number;
          const w2 = bv[y + 2 * bCol] as number;
          const w3 = bv[y + 3 * bCol] as number;
          a0 += u * w0;
          a1 += u * w1;
          a2 += u * w2;
          a3 += u * w3;
          b0 += v * w0;
          b1 += v * w1;
          b2 += v * w2;
          b3 += v * w3;
        }
        const first = p * cols + q;
        const second = first + cols;
        out[first] = a0;
        out[first + 1] = a1;
        out[first + 2] = a2;
        out[first + 3] = a3;
        out[second] = b0;
        out[second + 1] = b1;
        out[second + 2] = b2;
        out[second + 3] = b3;
      }
    }
    // The rest one sum at a time: the last row when their number is odd, the last columns when theirs is not a multiple of 4.
    for (let p = 0; p < rows; p += 1) {
      for (let q = p < pairs ? blocked : 0; q < cols; q += 1) {
        let sum = start ? (start[q] as number) : 0;
        for (let k = 0, x = p * aRow, y = q * bCol; k < depth; k += 1, x += aStep, y += bStep) sum += (av[x] as number) * (bv[y] as number);
        out[p * cols + q] = sum;
      }
    }
  };
}

const layerProduct = productCopy();
const gradientProduct = productCopy();
const backProduct = productCopy();

/** after[r, u] = bias[u] + Σᵢ before[r, i] · kernel[i, u] for `count` rows: a layer's outputs before its activation. */
export function affine(before: Float64Array, after: Float64Array, { inputs, units, kernel, bias }: EngineLayer, count: number): void {
  layerProduct(after, count, units, inputs, { values: before, row: inputs, col: 1 }, { values: kernel, row: units, col: 1 }, bias);
}

/** The kernel's gradient Σᵣ before[r, i] · delta[r, u] and the bias's Σᵣ delta[r, u] over a batch of `count` rows. */
export function weightGradients(before: Float64Array, delta: Float64Array, kernelGrad: Float64Array, biasGrad: Float64Array, inputs: number, units: number, count: number): void {
  gradientProduct(kernelGrad, inputs, units, count, { values: before, row: 1, col: inputs }, { values: delta, row: units, col: 1 });
  for (let u = 0; u < units; u += 1) {
    let sum = 0;
    for (let r = 0, d = u; r < count; r += 1, d += units) sum += delta[d] as number;
    biasGrad[u] = sum;
  }
}

/** The gradient with respect to a layer's inputs, Σᵤ delta[r, u] · kernel[i, u]. */
export function backThrough(delta: Float64Array, into: Float64Array, { inputs, units, kernel }: EngineLayer, count: number): void {
  backProduct(into, count, inputs, units, { values: delta, row: units, col: 1 }, { values: kernel, row: 1, col: units });
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

