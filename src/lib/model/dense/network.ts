import type { ModelArtifacts } from '../record';
import { UnsupportedModelError } from '../network-kind';
import { sequentialWeights } from '../weights';

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
  const { layers: described, weight: read } = sequentialWeights(artifacts);
  const layers: DenseLayer[] = [];
  for (const layer of described) {
    if (layer.class_name === 'Dropout') continue;
    if (layer.class_name !== 'Dense') throw new UnsupportedModelError(`Layer ${layer.config.name} is a ${layer.class_name}; only Dense and Dropout layers are supported.`);
    const activation = layer.config.activation ?? 'linear';
    if (activation !== 'relu' && activation !== 'softmax' && activation !== 'linear') {
      throw new UnsupportedModelError(`Layer ${layer.config.name} uses ${activation}; only relu, softmax and linear are supported.`);
    }
    const kernel = read(`${layer.config.name}/kernel`);
    const [inputs = 0, units = 0] = kernel.shape;
    const bias = layer.config.use_bias === false ? { values: new Float32Array(units), shape: [units] } : read(`${layer.config.name}/bias`);
    const previous = layers.at(-1);
    if (previous && previous.units !== inputs) {
      throw new UnsupportedModelError(`Layer ${layer.config.name} takes ${inputs} inputs but the layer before gives ${previous.units}.`);
    }
    layers.push({ inputs, units, kernel: kernel.values, bias: bias.values, activation });
  }
  const first = layers[0];
  if (!first) throw new UnsupportedModelError('The model has no Dense layer.');
  return { inputs: first.inputs, layers };
}

/** Scratch buffers per network, so `forward` allocates nothing per window. */
const scratch = new WeakMap<DenseNetwork, Float64Array[]>();

/**
 * Runs the network on one input row and writes the last layer's outputs (the probabilities, for a
 * softmax) into `out`. Sums are taken in double precision.
 */
export function forward(network: DenseNetwork, input: ArrayLike<number>, out: Float32Array): Float32Array {
  let buffers = scratch.get(network);
  if (!buffers) {
    buffers = network.layers.map((layer) => new Float64Array(layer.units));
    scratch.set(network, buffers);
  }
  let values: ArrayLike<number> = input;
  network.layers.forEach((layer, l) => {
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
  });
  for (let u = 0; u < out.length; u += 1) out[u] = values[u] ?? 0;
  return out;
}
