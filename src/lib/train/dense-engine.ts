import { affine, backThrough, relu, softmaxRows, weightGradients, type EngineLayer } from './dense-kernels';
import { probeRows, type Examples, type FitEngine, type FitOptions } from './fit-loop';
import { mulberry32 } from './random';
import { adamUpdate, tfjsAdam } from './adam';

/**
 * The dense network's training written out over plain arrays: forward, backward, dropout, the
 * class-weighted cross-entropy and adam, exactly as tfjs computes them (a test checks the two end
 * on the same weights and losses from the same start and batches). tfjs spends about 1 ms a step
 * on bookkeeping, tape, scopes, tensor tracking and kernel calls, for a network whose step of 32
 * rows is about 100,000 multiply-adds (a tenth of that time); here a step is the arithmetic.
 */


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
  #beta1Power = tfjsAdam.beta1;
  #beta2Power = tfjsAdam.beta2;
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
    const adam = { ...tfjsAdam, learningRate: this.#learningRate };
    this.#layers.forEach((layer, l) => {
      const { kernel, bias } = this.#moments[l] as { kernel: Moments; bias: Moments };
      adamUpdate(layer.kernel, this.#kernelGrads[l] as Float64Array, ...kernel, adam, this.#beta1Power, this.#beta2Power);
      adamUpdate(layer.bias, this.#biasGrads[l] as Float64Array, ...bias, adam, this.#beta1Power, this.#beta2Power);
    });
    this.#beta1Power *= tfjsAdam.beta1;
    this.#beta2Power *= tfjsAdam.beta2;
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
