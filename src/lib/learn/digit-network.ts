import { adamUpdate, tfjsAdam, type AdamSettings } from '../train/adam';
import { mulberry32 } from '../train/random';
import type { LabelledImages } from './idx';

/**
 * The lesson's digit network, Flatten → Dense(hidden, relu) → Dense(10, softmax), trained with
 * adam on the sparse categorical cross-entropy, written out by hand. Most of an MNIST image is
 * background: about one pixel in five has ink, so the first layer, which holds almost all of the
 * work, only visits the pixels that do. That is what takes a batch-32 step from about 2 ms with
 * TensorFlow.js on wasm to a fraction of a millisecond. It computes exactly what the tfjs model
 * computes, which a test checks against tfjs on the same weights and batches.
 */

export interface DigitWeights {
  inputs: number;
  hidden: number;
  classes: number;
  /** First layer kernel, `inputs × hidden`, row-major: the layout of a tfjs Dense kernel. */
  w1: Float32Array;
  b1: Float32Array;
  /** Second layer kernel, `hidden × classes`. */
  w2: Float32Array;
  b2: Float32Array;
}

/**
 * Starting weights as Keras and tfjs make them for Dense layers: Glorot-uniform kernels (uniform
 * in ±√(6 / (fan in + fan out))), zero biases; seeded, so a run can be repeated.
 */
export function initialWeights(inputs: number, hidden: number, classes: number, seed: number): DigitWeights {
  const random = mulberry32(seed);
  const glorot = (fanIn: number, fanOut: number) => {
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    return Float32Array.from({ length: fanIn * fanOut }, () => (2 * random() - 1) * limit);
  };
  return { inputs, hidden, classes, w1: glorot(inputs, hidden), b1: new Float32Array(hidden), w2: glorot(hidden, classes), b2: new Float32Array(classes) };
}

/**
 * Images with only their inked pixels kept (compressed sparse rows), scaled to [0, 1] as the
 * lesson divides by 255: built once per set, read by every step.
 */
export interface SparseImages {
  count: number;
  inputs: number;
  /** Row r's pixels are entries rowStart[r] to rowStart[r + 1]. */
  rowStart: Int32Array;
  pixel: Uint16Array;
  value: Float32Array;
  labels: Uint8Array;
}

export function sparseImages(set: LabelledImages): SparseImages {
  const inputs = set.rows * set.cols;
  let inked = 0;
  for (const byte of set.images) if (byte !== 0) inked += 1;
  const rowStart = new Int32Array(set.count + 1);
  const pixel = new Uint16Array(inked);
  const value = new Float32Array(inked);
  let entry = 0;
  for (let row = 0; row < set.count; row += 1) {
    rowStart[row] = entry;
    const base = row * inputs;
    for (let column = 0; column < inputs; column += 1) {
      const byte = set.images[base + column] as number;
      if (byte === 0) continue;
      pixel[entry] = column;
      value[entry] = byte / 255;
      entry += 1;
    }
  }
  rowStart[set.count] = entry;
  return { count: set.count, inputs, rowStart, pixel, value, labels: set.labels };
}

/** Adam's settings, tfjs's defaults (its epsilon is 1e-7, as Keras's). */
export const defaultAdam: AdamSettings = { ...tfjsAdam, learningRate: 0.001 };

/** Keeps tfjs's clipping of probabilities in the cross-entropy, so the losses read alike. */
const PROBABILITY_FLOOR = 1e-7;

/**
 * Class probabilities of one image of a set into `into` (length `classes`), leaving the hidden
 * layer's activations in `h` for a backward pass. Only the image's inked pixels are visited.
 */
function forward(weights: DigitWeights, set: SparseImages, row: number, h: Float64Array, into: Float64Array): void {
  const { hidden, classes, w1, b1, w2, b2 } = weights;
  const { rowStart, pixel, value } = set;
  for (let unit = 0; unit < hidden; unit += 1) h[unit] = b1[unit] as number;
  for (let entry = rowStart[row] as number, end = rowStart[row + 1] as number; entry < end; entry += 1) {
    const x = value[entry] as number;
    const base = (pixel[entry] as number) * hidden;
    for (let unit = 0; unit < hidden; unit += 1) h[unit] = (h[unit] as number) + x * (w1[base + unit] as number);
  }
  for (let unit = 0; unit < hidden; unit += 1) if ((h[unit] as number) < 0) h[unit] = 0;
  let largest = -Infinity;
  for (let label = 0; label < classes; label += 1) {
    let logit = b2[label] as number;
    for (let unit = 0; unit < hidden; unit += 1) logit += (h[unit] as number) * (w2[unit * classes + label] as number);
    into[label] = logit;
    if (logit > largest) largest = logit;
  }
  let total = 0;
  for (let label = 0; label < classes; label += 1) {
    const e = Math.exp((into[label] as number) - largest);
    into[label] = e;
    total += e;
  }
  for (let label = 0; label < classes; label += 1) into[label] = (into[label] as number) / total;
}

/** A network being trained: its weights, their gradients, adam's moments and the scratch rows a step needs. */
export class DigitNetwork {
  readonly weights: DigitWeights;
  readonly #adam: AdamSettings;
  readonly #params: Float32Array[];
  readonly #grads: Float32Array[];
  readonly #first: Float32Array[];
  readonly #second: Float32Array[];
  #beta1Power: number;
  #beta2Power: number;
  readonly #hiddenRow: Float64Array;
  readonly #hiddenGrad: Float64Array;
  readonly #output: Float64Array;

  constructor(weights: DigitWeights, adam: AdamSettings = defaultAdam) {
    this.weights = weights;
    this.#adam = adam;
    this.#params = [weights.w1, weights.b1, weights.w2, weights.b2];
    this.#grads = this.#params.map((param) => new Float32Array(param.length));
    this.#first = this.#params.map((param) => new Float32Array(param.length));
    this.#second = this.#params.map((param) => new Float32Array(param.length));
    this.#beta1Power = adam.beta1;
    this.#beta2Power = adam.beta2;
    this.#hiddenRow = new Float64Array(weights.hidden);
    this.#hiddenGrad = new Float64Array(weights.hidden);
    this.#output = new Float64Array(weights.classes);
  }

  /**
   * One adam step on the rows `order[from]` to `order[to - 1]`: the mean cross-entropy's
   * gradients, then every weight updated. Returns the batch's mean loss and how many of its
   * digits were right, both before the update (as Keras's running training figures).
   */
  trainBatch(set: SparseImages, order: ArrayLike<number>, from: number, to: number): { loss: number; correct: number } {
    const { hidden, classes, w2 } = this.weights;
    const { rowStart, pixel, value } = set;
    const [gw1, gb1, gw2, gb2] = this.#grads as [Float32Array, Float32Array, Float32Array, Float32Array];
    for (const grad of this.#grads) grad.fill(0);
    const size = to - from;
    const p = this.#output;
    const h = this.#hiddenRow;
    const dh = this.#hiddenGrad;
    let loss = 0;
    let correct = 0;
    for (let position = from; position < to; position += 1) {
      const row = order[position] as number;
      forward(this.weights, set, row, h, p);
      const label = set.labels[row] as number;
      if (argMax(p) === label) correct += 1;
      loss -= Math.log(Math.min(Math.max(p[label] as number, PROBABILITY_FLOOR), 1 - PROBABILITY_FLOOR));
      // Softmax and cross-entropy together have the simplest of gradients: p − one-hot.
      p[label] = (p[label] as number) - 1;
      for (let k = 0; k < classes; k += 1) p[k] = (p[k] as number) / size;
      for (let unit = 0; unit < hidden; unit += 1) {
        const activation = h[unit] as number;
        let back = 0;
        for (let k = 0; k < classes; k += 1) {
          const g = p[k] as number;
          gw2[unit * classes + k] = (gw2[unit * classes + k] as number) + activation * g;
          back += g * (w2[unit * classes + k] as number);
        }
        dh[unit] = activation > 0 ? back : 0;
      }
      for (let k = 0; k < classes; k += 1) gb2[k] = (gb2[k] as number) + (p[k] as number);
      for (let unit = 0; unit < hidden; unit += 1) gb1[unit] = (gb1[unit] as number) + (dh[unit] as number);
      for (let entry = rowStart[row] as number, end = rowStart[row + 1] as number; entry < end; entry += 1) {
        const x = value[entry] as number;
        const base = (pixel[entry] as number) * hidden;
        for (let unit = 0; unit < hidden; unit += 1) gw1[base + unit] = (gw1[base + unit] as number) + x * (dh[unit] as number);
      }
    }
    this.#adamStep();
    return { loss: loss / size, correct };
  }

  /** Adam exactly as tfjs writes it: moments, bias correction by β^t, then the step. */
  #adamStep(): void {
    this.#params.forEach((param, which) => {
      adamUpdate(param, this.#grads[which] as Float32Array, this.#first[which] as Float32Array, this.#second[which] as Float32Array, this.#adam, this.#beta1Power, this.#beta2Power);
    });
    this.#beta1Power *= this.#adam.beta1;
    this.#beta2Power *= this.#adam.beta2;
  }

  /** Class probabilities of every image of a set, `count × classes`. */
  predict(set: SparseImages): Float32Array {
    const { classes } = this.weights;
    const all = new Float32Array(set.count * classes);
    const p = new Float64Array(classes);
    for (let row = 0; row < set.count; row += 1) {
      forward(this.weights, set, row, this.#hiddenRow, p);
      all.set(p, row * classes);
    }
    return all;
  }
}

export interface SetScore {
  loss: number;
  accuracy: number;
}

/** Mean cross-entropy and accuracy of probabilities (`count × classes`) against labels. */
export function scoreProbabilities(probabilities: Float32Array, labels: ArrayLike<number>, classes: number): SetScore {
  let loss = 0;
  let correct = 0;
  for (let row = 0; row < labels.length; row += 1) {
    const label = labels[row] as number;
    loss -= Math.log(Math.min(Math.max(probabilities[row * classes + label] as number, PROBABILITY_FLOOR), 1 - PROBABILITY_FLOOR));
    if (argMax(probabilities, row * classes, classes) === label) correct += 1;
  }
  return { loss: loss / Math.max(1, labels.length), accuracy: correct / Math.max(1, labels.length) };
}

/** The index of the largest of `count` values from `offset`, relative to `offset`. */
export function argMax(values: ArrayLike<number>, offset = 0, count = values.length - offset): number {
  let best = 0;
  for (let index = 1; index < count; index += 1) if ((values[offset + index] as number) > (values[offset + best] as number)) best = index;
  return best;
}

/**
 * Class probabilities of one image given as `inputs` values in [0, 1] (the drawing pad's), with
 * the same forward pass as training.
 */
export function classifyImage(weights: DigitWeights, image: ArrayLike<number>): Float32Array {
  const pixels = Uint8Array.from(image, (value) => Math.round(Math.min(1, Math.max(0, value)) * 255));
  const set = sparseImages({ count: 1, rows: 1, cols: weights.inputs, images: pixels, labels: new Uint8Array(1) });
  const probabilities = new Float64Array(weights.classes);
  forward(weights, set, 0, new Float64Array(weights.hidden), probabilities);
  return Float32Array.from(probabilities);
}
