import type { ModelArtifacts } from '../record';
import { UnsupportedModelError } from '../network-kind';
import { excerpt } from '../../i18n/excerpt';
import { sequentialWeights, type TopologyLayer, type Weight } from '../weights';

export type Activation = 'relu' | 'softmax' | 'linear';

export interface DenseLayer {
  inputs: number;
  units: number;
  /** Row-major [inputs × units], as Keras and tfjs store a Dense kernel. */
  kernel: Float32Array;
  bias: Float32Array;
  activation: Activation;
}

/** A stack of Dense layers (Dropout is a no-op at inference), runnable without TensorFlow.js. */
export interface DenseNetwork {
  inputs: number;
  layers: DenseLayer[];
}

/**
 * Reads a Dense/Dropout network out of its tfjs artifacts. Live classification runs it in plain
 * TypeScript: for a network this small, one window costs microseconds, where a tfjs call costs a
 * fraction of a millisecond in overhead alone, and the Live page does not load TensorFlow.js.
 *
 * @example
 * const network = denseNetworkFrom(model.artifacts);
 * forward(network, features, probabilities);
 */
export function denseNetworkFrom(artifacts: ModelArtifacts): DenseNetwork {
  const { layers: described, weight, allRead } = sequentialWeights(artifacts);
  const layers: DenseLayer[] = [];
  for (const layer of described) {
    if (layer.class_name === 'Dropout') continue;
    if (layer.class_name !== 'Dense') throw new UnsupportedModelError(`Layer ${excerpt(layer.config.name)} is a ${excerpt(layer.class_name)}; only Dense and Dropout layers are supported.`);
    layers.push(readDenseLayer(layer, weight, layers.at(-1)?.units));
  }
  const first = layers[0];
  if (!first) throw new UnsupportedModelError('The model has no Dense layer.');
  allRead();
  return { inputs: first.inputs, layers };
}

/**
 * One Dense layer out of its topology entry and its weights, checked whole (the dense kind and
 * the CNN's head both read theirs with it): an activation this code runs, a kernel
 * [inputs × units] that takes what the layer before gives (`before`, unless it is the first), the
 * units its config names, and one bias per unit. Throws UnsupportedModelError naming the layer.
 */
export function readDenseLayer(layer: TopologyLayer, weight: (name: string) => Weight, before: number | undefined): DenseLayer {
  const name = excerpt(layer.config.name);
  const activation = layer.config.activation ?? 'linear';
  if (activation !== 'relu' && activation !== 'softmax' && activation !== 'linear') {
    throw new UnsupportedModelError(`Layer ${name} uses ${excerpt(String(activation))}; only relu, softmax and linear are supported.`);
  }
  const kernel = weight(`${layer.config.name}/kernel`);
  if (kernel.shape.length !== 2) throw new UnsupportedModelError(`Layer ${name} has a kernel of shape [${kernel.shape.join(', ')}]; a Dense kernel is [inputs, units].`);
  const [inputs, units] = kernel.shape as [number, number];
  if (before !== undefined && inputs !== before) throw new UnsupportedModelError(`Layer ${name} takes ${inputs} inputs but the layer before gives ${before}.`);
  if (layer.config.units !== undefined && layer.config.units !== units) {
    throw new UnsupportedModelError(`Layer ${name} says it has ${excerpt(String(layer.config.units))} units but its kernel gives ${units}.`);
  }
  const bias = layer.config.use_bias === false ? new Float32Array(units) : weight(`${layer.config.name}/bias`).values;
  if (bias.length !== units) throw new UnsupportedModelError(`Layer ${name} has ${bias.length} biases for ${units} units.`);
  return { inputs, units, kernel: kernel.values, bias, activation };
}

/**
 * Scratch per network, so `forward` allocates nothing per window: each layer's outputs, and the
 * input row they were computed from, with how many layers were run on it.
 */
interface Scratch {
  layers: Float64Array[];
  input: Float64Array;
  ran: number;
}

const scratch = new WeakMap<DenseNetwork, Scratch>();

/**
 * Runs the network on one input row and writes the last layer's outputs (the probabilities, for a
 * softmax) into `out`. Sums are taken in double precision.
 */
export function forward(network: DenseNetwork, input: ArrayLike<number>, out: Float32Array): Float32Array {
  const values = runLayers(network, input, network.layers.length);
  for (let u = 0; u < out.length; u += 1) out[u] = values[u] ?? 0;
  return out;
}

/**
 * The last hidden layer: what the last Dense layer takes (the input row itself when there is no
 * other layer), as `forward` computes it. The unknown score measures distances there. Scratch,
 * overwritten by the next call.
 */
export function lastHidden(network: DenseNetwork, input: ArrayLike<number>): ArrayLike<number> {
  return runLayers(network, input, network.layers.length - 1);
}

/** The input through the first `count` layers; their output (the input when `count` is 0). */
function runLayers(network: DenseNetwork, input: ArrayLike<number>, count: number): ArrayLike<number> {
  let kept = scratch.get(network);
  if (!kept) {
    kept = { layers: network.layers.map((layer) => new Float64Array(layer.units)), input: new Float64Array(network.inputs), ran: 0 };
    scratch.set(network, kept);
  }
  const buffers = kept.layers;
  // The unknown score asks for the hidden layer of the row `forward` has just run: the layers kept
  // from it serve, where running them again cost a third of the score (compared value by value,
  // as a caller reuses one row for every window).
  if (count > 0 && count <= kept.ran && sameValues(kept.input, input)) return buffers[count - 1] as Float64Array;
  kept.ran = 0;
  if (count === 0) return input;
  for (let i = 0; i < kept.input.length; i += 1) kept.input[i] = input[i] ?? 0;
  let values: ArrayLike<number> = input;
  for (let l = 0; l < count; l += 1) {
    const layer = network.layers[l] as DenseLayer;
    const result = buffers[l] as Float64Array;
    const { inputs, units, kernel, bias } = layer;
    for (let u = 0; u < units; u += 1) result[u] = bias[u] ?? 0;
    for (let i = 0; i < inputs; i += 1) {
      const x = values[i] ?? 0;
      if (x === 0) continue;
      const row = i * units;
      for (let u = 0; u < units; u += 1) result[u] = (result[u] ?? 0) + x * (kernel[row + u] ?? 0);
    }
    if (layer.activation === 'relu') {
      for (let u = 0; u < units; u += 1) if ((result[u] ?? 0) < 0) result[u] = 0;
    } else if (layer.activation === 'softmax') {
      let max = -Infinity;
      for (let u = 0; u < units; u += 1) max = Math.max(max, result[u] ?? 0);
      let sum = 0;
      for (let u = 0; u < units; u += 1) {
        result[u] = Math.exp((result[u] ?? 0) - max);
        sum += result[u] ?? 0;
      }
      for (let u = 0; u < units; u += 1) result[u] = (result[u] ?? 0) / sum;
    }
    values = result;
  }
  kept.ran = count;
  return values;
}

function sameValues(kept: Float64Array, input: ArrayLike<number>): boolean {
  if (input.length !== kept.length) return false;
  for (let i = 0; i < kept.length; i += 1) if (kept[i] !== input[i]) return false;
  return true;
}
