import { biasGradients, relu, softmaxRows, typescriptProducts, type DenseProducts, type EngineLayer } from './dense-kernels';
import { SimdArena } from './dense-kernels-simd';
import { probeRows, type Examples, type FitEngine, type FitOptions } from './fit-loop';
import { tfjsAdam, type AdamSettings } from './adam';

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
  readonly #adam: AdamSettings;
  /** The dropout draws' mulberry32 state, in the arena where the WebAssembly reads it. */
  readonly #dropoutState: Uint32Array;
  /** Per layer: kernel gradient, bias gradient, the moments of each, the best weights. */
  readonly #kernelGrads: Float32Array[];
  readonly #biasGrads: Float32Array[];
  readonly #moments: { kernel: Moments; bias: Moments }[];
  readonly #best: LayerWeights[];
  #beta1Power = tfjsAdam.beta1;
  #beta2Power = tfjsAdam.beta2;
  /** The matrix products: WebAssembly SIMD where available, over arrays in its memory, else TypeScript. */
  readonly #products: DenseProducts;
  /** The most rows a step or a score chunk takes at once. */
  readonly #capacity: number;
  /** activations[0] holds the batch's inputs, activations[l + 1] layer l's outputs (after dropout); `rows × units`. */
  readonly #activations: Float32Array[];
  /** Layer l's dropout multiplier per output (0 or 1 / keep), `rows × units`. */
  readonly #dropScales: Float32Array[];
  /** The loss's gradient with respect to each layer's pre-activation, `rows × units`. */
  readonly #deltas: Float32Array[];

  /**
   * @param layers the starting weights (e.g. a freshly built tfjs model's), trained in place: each
   * layer's kernel and bias are moved into the engine's memory, the layer pointing at them
   * The dropout masks are drawn from mulberry32(seed + 2): uniform in [0, 1), a unit kept when
   * the draw is at least the rate, as tfjs's dropout; one draw per row of the batch, then per unit.
   */
  constructor(layers: EngineLayer[], train: Examples, validation: Examples, options: Pick<FitOptions, 'classWeights' | 'learningRate' | 'seed'> & Partial<Pick<FitOptions, 'batchSize'>>) {
    this.#layers = layers;
    const classes = layers.at(-1)?.units ?? 0;
    const classWeights = options.classWeights ?? new Float32Array(classes).fill(1);
    this.#train = engineSet(train, classWeights);
    this.#validation = engineSet(validation, classWeights);
    this.#probe = probeRows(train.rows, options.seed) ?? Int32Array.from({ length: train.rows }, (_, row) => row);
    this.#validationRows = Int32Array.from({ length: validation.rows }, (_, row) => row);
    this.#cols = train.cols;
    this.#adam = { ...tfjsAdam, learningRate: options.learningRate };
    this.#capacity = Math.max(SCORE_CHUNK, options.batchSize ?? 0);
    // Every array the products, dropout and adam read or write lives in one memory, sized once:
    // weights, gradients and adam's moments, then `capacity` rows of activations, deltas and dropout multipliers, and the
    // dropout's state (each array padded to 4 floats).
    const rowFloats = this.#cols + 3 * layers.reduce((sum, layer) => sum + layer.units, 0);
    const weightFloats = layers.reduce((sum, layer) => sum + 4 * (layer.kernel.length + layer.units), 0);
    const arena = SimdArena.create(weightFloats + this.#capacity * rowFloats + 4 * 8 * (layers.length + 1));
    this.#products = arena ?? typescriptProducts;
    const allocate = (length: number) => arena?.allocate(length) ?? new Float32Array(length);
    const moved = (values: Float32Array) => {
      const into = allocate(values.length);
      into.set(values);
      return into;
    };
    for (const layer of layers) {
      layer.kernel = moved(layer.kernel);
      layer.bias = moved(layer.bias);
    }
    this.#kernelGrads = layers.map((layer) => allocate(layer.kernel.length));
    this.#biasGrads = layers.map((layer) => allocate(layer.units));
    this.#activations = [allocate(this.#capacity * this.#cols), ...layers.map((layer) => allocate(this.#capacity * layer.units))];
    this.#deltas = layers.map((layer) => allocate(this.#capacity * layer.units));
    this.#dropScales = layers.map((layer) => allocate(layer.dropout > 0 ? this.#capacity * layer.units : 0));
    const stateFloat = allocate(1);
    this.#dropoutState = new Uint32Array(stateFloat.buffer, stateFloat.byteOffset, 1);
    this.#dropoutState[0] = (options.seed ?? 1) + 2;
    this.#moments = layers.map((layer) => ({
      kernel: [allocate(layer.kernel.length), allocate(layer.kernel.length)],
      bias: [allocate(layer.units), allocate(layer.units)],
    }));
    this.#best = layers.map((layer) => ({ kernel: layer.kernel.slice(), bias: layer.bias.slice() }));
  }

  /** Every layer on `rows` of `set`, leaving each layer's outputs in #activations; dropout only while training. */
  #forward(set: EngineSet, rows: ArrayLike<number>, training: boolean): void {
    const count = rows.length;
    if (count > this.#capacity) throw new RangeError(`DenseEngine: ${count} rows at once, more than the batch size given (${this.#capacity})`);
    const cols = this.#cols;
    const input = this.#activations[0] as Float32Array;
    for (let r = 0; r < count; r += 1) {
      const from = (rows[r] as number) * cols;
      for (let c = 0; c < cols; c += 1) input[r * cols + c] = set.x[from + c] as number;
    }
    for (let l = 0; l < this.#layers.length; l += 1) {
      const layer = this.#layers[l] as EngineLayer;
      const after = this.#activations[l + 1] as Float32Array;
      this.#products.affine(this.#activations[l] as Float32Array, after, layer, count);
      const size = count * layer.units;
      if (layer.activation === 'relu') relu(after, size);
      else if (layer.activation === 'softmax') softmaxRows(after, layer.units, count);
      if (training && layer.dropout > 0) this.#products.dropOut(after, this.#dropScales[l] as Float32Array, size, layer.dropout, this.#dropoutState);
    }
  }

  step(rows: Int32Array): void {
    const count = rows.length;
    this.#forward(this.#train, rows, true);
    const layers = this.#layers;
    const last = layers.length - 1;
    const classes = (layers[last] as EngineLayer).units;
    const probabilities = this.#activations[last + 1] as Float32Array;
    const { labels, rowWeights } = this.#train;
    let weightSum = 0;
    for (let r = 0; r < count; r += 1) weightSum += rowWeights[rows[r] as number] as number;
    // The loss is −Σ w·log(p_label + ε) / Σ w. Through the softmax its gradient with respect to
    // the logits is w / Σw · p_label / (p_label + ε) · (p − one-hot): the ε kept, as tfjs has it.
    const outputDelta = this.#deltas[last] as Float32Array;
    for (let r = 0; r < count; r += 1) {
      const row = rows[r] as number;
      const label = labels[row] as number;
      const picked = probabilities[r * classes + label] as number;
      const factor = (((rowWeights[row] as number) / weightSum) * picked) / (picked + LOG_EPSILON);
      for (let k = 0; k < classes; k += 1) outputDelta[r * classes + k] = factor * ((probabilities[r * classes + k] as number) - (k === label ? 1 : 0));
    }
    for (let l = last; l >= 0; l -= 1) {
      const layer = layers[l] as EngineLayer;
      const before = this.#activations[l] as Float32Array;
      const delta = this.#deltas[l] as Float32Array;
      this.#products.weightGradients(before, delta, this.#kernelGrads[l] as Float32Array, layer.inputs, layer.units, count);
      biasGradients(delta, this.#biasGrads[l] as Float32Array, layer.units, count);
      if (l === 0) continue;
      const below = layers[l - 1] as EngineLayer;
      const belowDelta = this.#deltas[l - 1] as Float32Array;
      this.#products.backThrough(delta, belowDelta, layer, count);
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
    for (let l = 0; l < this.#layers.length; l += 1) {
      const layer = this.#layers[l] as EngineLayer;
      const { kernel, bias } = this.#moments[l] as { kernel: Moments; bias: Moments };
      this.#products.adam(layer.kernel, this.#kernelGrads[l] as Float32Array, ...kernel, this.#adam, this.#beta1Power, this.#beta2Power);
      this.#products.adam(layer.bias, this.#biasGrads[l] as Float32Array, ...bias, this.#adam, this.#beta1Power, this.#beta2Power);
    }
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
      const probabilities = this.#activations.at(-1) as Float32Array;
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
