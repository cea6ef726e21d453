import { forward, type Activation, type DenseNetwork } from './network';

/**
 * Int8 quantisation of a Dense network, for boards where flash is tight: each weight becomes one
 * byte instead of four. Symmetric and per layer, as TensorFlow Lite does it for int8:
 *
 * - a layer's weights are w ≈ q · weightScale, weightScale = max|w| / 127;
 * - a layer's inputs are x ≈ q · inputScale, with inputScale = max|x| / 127 read from the
 *   training data run through the float network (the calibration), so the range covers what the
 *   layer really sees and no more;
 * - sums are exact in 32-bit integers, the bias is stored at their scale
 *   (inputScale · weightScale), and one multiplication per unit brings them back to real values.
 *
 * The last layer's outputs are left real, so the softmax reads them unrounded.
 */
export interface QuantizedLayer {
  inputs: number;
  units: number;
  /** Row-major [inputs × units]. */
  kernel: Int8Array;
  /** At the scale of the sums: inputScale · weightScale. */
  bias: Int32Array;
  inputScale: number;
  weightScale: number;
  activation: Activation;
}

export interface QuantizedNetwork {
  inputs: number;
  layers: QuantizedLayer[];
}

const LEVELS = 127;

/**
 * Quantises `network` with activation ranges read from `calibration`: standardised training rows,
 * one after another (rows × network.inputs values).
 *
 * @example
 * const quantized = quantizeNetwork(network, trainingRows);
 */
export function quantizeNetwork(network: DenseNetwork, calibration: Float32Array): QuantizedNetwork {
  const width = network.inputs;
  const rows = calibration.length / width;
  // The C library checks this first and words it for the user (DeployError 'calibration-size').
  if (!Number.isInteger(rows) || rows === 0) throw new RangeError(`quantizeNetwork: ${calibration.length} values do not make rows of ${width}`);
  // The input range of layer l is the output range of the network cut after layer l − 1.
  const inputRange = network.layers.map(() => 0);
  const prefixes = network.layers.map((_, l) => ({ inputs: width, layers: network.layers.slice(0, l) }));
  const outputs = network.layers.map((layer) => new Float32Array(layer.inputs));
  for (let r = 0; r < rows; r += 1) {
    const row = calibration.subarray(r * width, (r + 1) * width);
    network.layers.forEach((_, l) => {
      const values = l === 0 ? row : forward(prefixes[l]!, row, outputs[l]!);
      for (const value of values) inputRange[l] = Math.max(inputRange[l]!, Math.abs(value));
    });
  }
  return {
    inputs: width,
    layers: network.layers.map((layer, l) => {
      return { inputs: layer.inputs, units: layer.units, ...quantizeWeights(layer, inputRange[l]!), activation: layer.activation };
    }),
  };
}

/**
 * One layer's weights in int8 at one scale (max|w| / 127), and its bias at the scale of its sums,
 * given the range of its inputs: what every kind's int8 layer stores.
 */
export function quantizeWeights(layer: { kernel: Float32Array; bias: Float32Array }, inputRange: number): { kernel: Int8Array; bias: Int32Array; inputScale: number; weightScale: number } {
  const inputScale = scaleFor(inputRange);
  let largest = 0;
  for (const w of layer.kernel) largest = Math.max(largest, Math.abs(w));
  const weightScale = scaleFor(largest);
  return {
    kernel: Int8Array.from(layer.kernel, (w) => quantize(w, weightScale)),
    bias: Int32Array.from(layer.bias, (b) => Math.round(b / (inputScale * weightScale))),
    inputScale,
    weightScale,
  };
}

/** A scale that maps [−range, range] onto [−127, 127]; 1 for a range of 0 (all values 0). */
function scaleFor(range: number): number {
  return range > 0 ? Math.fround(range / LEVELS) : 1;
}

/** q = round(value / scale), clamped to ±127: the same rounding the generated C uses. */
export function quantize(value: number, scale: number): number {
  return Math.max(-LEVELS, Math.min(LEVELS, Math.round(value / scale)));
}
