import { probeRows, type Examples, type FitEngine, type FitOptions } from './fit-loop';
import { mulberry32 } from './random';

/**
 * The dense network's training written out over plain arrays: forward, backward, dropout, the
 * class-weighted cross-entropy and adam, exactly as tfjs computes them (a test checks the two end
 * on the same weights and losses from the same start and batches). tfjs spends about 1 ms a step
 * on bookkeeping, tape, scopes, tensor tracking and kernel calls, for a network whose step is
 * a few microseconds of arithmetic; here a step is the arithmetic and nothing else.
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

/** Adam's constants as tfjs uses them (its epsilon is the backend's, 1e-7 on cpu and wasm). */
const BETA1 = 0.9;
const BETA2 = 0.999;
const ADAM_EPSILON = 1e-7;
/** Added to the picked probability before its log, as the tfjs loss in fit.ts does. */
const LOG_EPSILON = 1e-7;
/** Rows scored at once: bounds the scratch memory whatever the size of a set. */
const SCORE_CHUNK = 256;

/** Adam's first and second moments of one array of weights. */
type Moments = [first: Float32Array, second: Float32Array];

/** A layer's weights, as copied aside. */
interface LayerWeights {
  kernel: Float32Array;
  bias: Float32Array;
}

/** A set as the engine reads it: inputs, labels and each row's class weight. */
interface EngineSet {
  x: Float32Array;
  labels: Int32Array;
  rowWeights: Float32Array;
}

function engineSet(examples: Examples, classWeights: Float32Array): EngineSet {
  const labels = Int32Array.from(examples.y);
  return { x: examples.x, labels, rowWeights: Float32Array.from(labels, (label) => classWeights[label] ?? 0) };
}

/**
 * A dense network's training state: weights (the layers given, updated in place), gradients,
 * adam's moments, the best weights so far, and the scratch rows a batch needs, all allocated once.
 */
export class DenseEngine implements FitEngine {
  readonly #layers: EngineLayer[];
  readonly #train: EngineSet;
  readonly #validation: EngineSet;
  readonly #probe: Int32Array;
  readonly #validationRows: Int32Array;
  readonly #cols: number;
  readonly #learningRate: number;
  readonly #dropoutRandom: () => number;
  /** Per layer: kernel gradient, bias gradient, the moments of each, the best weights. */
  readonly #kernelGrads: Float64Array[];
  readonly #biasGrads: Float64Array[];
  readonly #moments: { kernel: Moments; bias: Moments }[];
  readonly #best: LayerWeights[];
  #beta1Power = BETA1;
  #beta2Power = BETA2;
  /** activations[0] holds the batch's inputs, activations[l + 1] layer l's outputs (after dropout); `rows × units`. */
  #activations: Float64Array[] = [];
  /** Layer l's dropout multiplier per output (0 or 1 / keep), `rows × units`. */
  #dropScales: Float32Array[] = [];
  /** The loss's gradient with respect to each layer's pre-activation, `rows × units`. */
  #deltas: Float64Array[] = [];
  #capacity = 0;

  /**
   * @param layers the starting weights (e.g. a freshly built tfjs model's), trained in place
   * @param dropoutRandom draws the dropout masks: uniform in [0, 1), a unit kept when the draw is
   * at least the rate, as tfjs's dropout; one draw per row of the batch, then per unit
   */
  constructor(layers: EngineLayer[], train: Examples, validation: Examples, options: Pick<FitOptions, 'classWeights' | 'learningRate' | 'seed'>, dropoutRandom?: () => number) {
    this.#layers = layers;
    const classes = layers.at(-1)?.units ?? 0;
    const classWeights = options.classWeights ?? new Float32Array(classes).fill(1);
    this.#train = engineSet(train, classWeights);
    this.#validation = engineSet(validation, classWeights);
    this.#probe = probeRows(train.rows, options.seed) ?? Int32Array.from({ length: train.rows }, (_, row) => row);
    this.#validationRows = Int32Array.from({ length: validation.rows }, (_, row) => row);
    this.#cols = train.cols;
    this.#learningRate = options.learningRate;
    this.#dropoutRandom = dropoutRandom ?? mulberry32((options.seed ?? 1) + 2);
    this.#kernelGrads = layers.map((layer) => new Float64Array(layer.kernel.length));
    this.#biasGrads = layers.map((layer) => new Float64Array(layer.units));
    this.#moments = layers.map((layer) => ({
      kernel: [new Float32Array(layer.kernel.length), new Float32Array(layer.kernel.length)],
      bias: [new Float32Array(layer.units), new Float32Array(layer.units)],
    }));
    this.#best = layers.map((layer) => ({ kernel: layer.kernel.slice(), bias: layer.bias.slice() }));
  }

  /** Scratch rows for `rows` rows at once, grown when needed. */
  #reserve(rows: number): void {
    if (rows <= this.#capacity) return;
    this.#capacity = rows;
    this.#activations = [new Float64Array(rows * this.#cols), ...this.#layers.map((layer) => new Float64Array(rows * layer.units))];
    this.#dropScales = this.#layers.map((layer) => new Float32Array(layer.dropout > 0 ? rows * layer.units : 0));
    this.#deltas = this.#layers.map((layer) => new Float64Array(rows * layer.units));
  }

  /** Every layer on `rows` of `set`, leaving each layer's outputs in #activations; dropout only while training. */
  #forward(set: EngineSet, rows: ArrayLike<number>, training: boolean): void {
    const count = rows.length;
    this.#reserve(count);
    const cols = this.#cols;
    const input = this.#activations[0] as Float64Array;
    for (let r = 0; r < count; r += 1) {
      const from = (rows[r] as number) * cols;
      for (let c = 0; c < cols; c += 1) input[r * cols + c] = set.x[from + c] as number;
    }
    for (let l = 0; l < this.#layers.length; l += 1) {
      const layer = this.#layers[l] as EngineLayer;
      const after = this.#activations[l + 1] as Float64Array;
      affine(this.#activations[l] as Float64Array, after, layer, count);
      const size = count * layer.units;
      if (layer.activation === 'relu') relu(after, size);
      else if (layer.activation === 'softmax') softmaxRows(after, layer.units, count);
      if (training && layer.dropout > 0) this.#dropOut(after, this.#dropScales[l] as Float32Array, layer.dropout, size);
    }
  }

  /** Multiplies each value by 0 (a drawn fraction `rate` of them) or by 1 / (1 − rate), as tf.dropout does, keeping the multipliers for the backward pass. */
  #dropOut(values: Float64Array, scales: Float32Array, rate: number, size: number): void {
    const kept = 1 / (1 - rate);
    for (let at = 0; at < size; at += 1) {
      const scale = this.#dropoutRandom() >= rate ? kept : 0;
      scales[at] = scale;
      values[at] = (values[at] as number) * scale;
    }
  }

  step(rows: Int32Array): void {
    const count = rows.length;
    this.#forward(this.#train, rows, true);
    const layers = this.#layers;
    const last = layers.length - 1;
    const classes = (layers[last] as EngineLayer).units;
    const probabilities = this.#activations[last + 1] as Float64Array;
    const { labels, rowWeights } = this.#train;
    let weightSum = 0;
    for (let r = 0; r < count; r += 1) weightSum += rowWeights[rows[r] as number] as number;
    // The loss is −Σ w·log(p_label + ε) / Σ w. Through the softmax its gradient with respect to
    // the logits is w / Σw · p_label / (p_label + ε) · (p − one-hot): the ε kept, as tfjs has it.
    const outputDelta = this.#deltas[last] as Float64Array;
    for (let r = 0; r < count; r += 1) {
      const row = rows[r] as number;
      const label = labels[row] as number;
      const picked = probabilities[r * classes + label] as number;
      const factor = (((rowWeights[row] as number) / weightSum) * picked) / (picked + LOG_EPSILON);
      for (let k = 0; k < classes; k += 1) outputDelta[r * classes + k] = factor * ((probabilities[r * classes + k] as number) - (k === label ? 1 : 0));
    }
    for (let l = last; l >= 0; l -= 1) {
      const layer = layers[l] as EngineLayer;
      const before = this.#activations[l] as Float64Array;
      const delta = this.#deltas[l] as Float64Array;
      weightGradients(before, delta, this.#kernelGrads[l] as Float64Array, this.#biasGrads[l] as Float64Array, layer.inputs, layer.units, count);
      if (l === 0) continue;
      const below = layers[l - 1] as EngineLayer;
      const belowDelta = this.#deltas[l - 1] as Float64Array;
      backThrough(delta, belowDelta, layer, count);
      // Then back through the layer below's dropout and relu: an output that was dropped, or cut
      // to 0 by the relu, passes no gradient (a dropped one is 0 in `before` too).
      const size = count * layer.inputs;
      if (below.dropout > 0) {
        const scales = this.#dropScales[l - 1] as Float32Array;
        for (let at = 0; at < size; at += 1) belowDelta[at] = (belowDelta[at] as number) * (scales[at] as number);
      }
      if (below.activation === 'relu') for (let at = 0; at < size; at += 1) if ((before[at] as number) <= 0) belowDelta[at] = 0;
    }
    this.#adamStep();
  }

  /** Adam exactly as tfjs writes it: moments, bias correction by β^t, then the step. */
  #adamStep(): void {
    const correction1 = 1 - this.#beta1Power;
    const correction2 = 1 - this.#beta2Power;
    const rate = this.#learningRate;
    const update = (param: Float32Array, grad: Float64Array, [first, second]: Moments) => {
      for (let i = 0; i < param.length; i += 1) {
        const g = grad[i] as number;
        const m = BETA1 * (first[i] as number) + (1 - BETA1) * g;
        const v = BETA2 * (second[i] as number) + (1 - BETA2) * g * g;
        first[i] = m;
        second[i] = v;
        param[i] = (param[i] as number) - (rate * (m / correction1)) / (Math.sqrt(v / correction2) + ADAM_EPSILON);
      }
    };
    this.#layers.forEach((layer, l) => {
      const moments = this.#moments[l] as { kernel: Moments; bias: Moments };
      update(layer.kernel, this.#kernelGrads[l] as Float64Array, moments.kernel);
      update(layer.bias, this.#biasGrads[l] as Float64Array, moments.bias);
    });
    this.#beta1Power *= BETA1;
    this.#beta2Power *= BETA2;
  }

  score(side: 'probe' | 'validation'): [loss: number, accuracy: number] {
    const set = side === 'probe' ? this.#train : this.#validation;
    const rows = side === 'probe' ? this.#probe : this.#validationRows;
    const classes = this.#layers.at(-1)?.units ?? 0;
    let loss = 0;
    let weightSum = 0;
    let correct = 0;
    for (let from = 0; from < rows.length; from += SCORE_CHUNK) {
      const chunk = rows.subarray(from, Math.min(rows.length, from + SCORE_CHUNK));
      this.#forward(set, chunk, false);
      const probabilities = this.#activations.at(-1) as Float64Array;
      for (let r = 0; r < chunk.length; r += 1) {
        const row = chunk[r] as number;
        const label = set.labels[row] as number;
        const weight = set.rowWeights[row] as number;
        loss -= weight * Math.log((probabilities[r * classes + label] as number) + LOG_EPSILON);
        weightSum += weight;
        let predicted = 0;
        for (let k = 1; k < classes; k += 1) if ((probabilities[r * classes + k] as number) > (probabilities[r * classes + predicted] as number)) predicted = k;
        if (predicted === label) correct += 1;
      }
    }
    return [loss / weightSum, correct / rows.length];
  }

  saveBest(): void {
    this.#layers.forEach((layer, l) => {
      const best = this.#best[l] as LayerWeights;
      best.kernel.set(layer.kernel);
      best.bias.set(layer.bias);
    });
  }

  restoreBest(): void {
    this.#layers.forEach((layer, l) => {
      const best = this.#best[l] as LayerWeights;
      layer.kernel.set(best.kernel);
      layer.bias.set(best.bias);
    });
  }
}

/**
 * after[r, u] = bias[u] + Σᵢ before[r, i] · kernel[i, u] for `count` rows. Two rows by four
 * outputs at a time, the eight sums in registers: each kernel value loaded serves two rows, each
 * input four outputs, and each output is written once. Adding into `after` input by input spent
 * the time on loads and stores (3× slower); skipping the inputs a relu left at 0 saved less than
 * the blocks do.
 */
function affine(before: Float64Array, after: Float64Array, { inputs, units, kernel, bias }: EngineLayer, count: number): void {
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

function relu(values: Float64Array, size: number): void {
  for (let at = 0; at < size; at += 1) if ((values[at] as number) < 0) values[at] = 0;
}

/** Softmax of each row of `units` values, in place, the largest subtracted first so no exp overflows. */
function softmaxRows(values: Float64Array, units: number, count: number): void {
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
function weightGradients(before: Float64Array, delta: Float64Array, kernelGrad: Float64Array, biasGrad: Float64Array, inputs: number, units: number, count: number): void {
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
function backThrough(delta: Float64Array, into: Float64Array, { inputs, units, kernel }: EngineLayer, count: number): void {
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
