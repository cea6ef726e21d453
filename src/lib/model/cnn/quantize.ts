import { quantizeNetwork, quantizeWeights, type QuantizedNetwork } from '../dense/quantize';
import { convStages, type CnnNetwork, type ConvLayer } from './network';

/** A conv layer in int8: w ≈ q · weightScale, its input x ≈ q · inputScale, sums at inputScale · weightScale. */
export interface QuantizedConv extends Omit<ConvLayer, 'kernel' | 'bias'> {
  kernel: Int8Array;
  bias: Int32Array;
  inputScale: number;
  weightScale: number;
}

export interface QuantizedCnn {
  convs: QuantizedConv[];
  /** The Dense head, quantised as the dense kind does (dense/quantize.ts) on the averages of the calibration rows. */
  head: QuantizedNetwork;
}

/**
 * Int8 quantisation of the CNN, symmetric and per layer as the dense kind's (dense/quantize.ts
 * explains the scheme): each conv layer's input range is read from the calibration rows
 * (standardised training rows, rows × inputs values) run through the float network, and the
 * head is quantised on those rows' averages over time. Pooling and the average run on dequantised
 * values, so only the products are in integers.
 *
 * @example
 * const quantized = quantizeCnn(network, trainingRows);
 */
export function quantizeCnn(network: CnnNetwork, calibration: Float32Array): QuantizedCnn {
  const width = network.samples * network.channels;
  const rows = calibration.length / width;
  // The C library checks this first and words it for the user (DeployError 'calibration-size').
  if (!Number.isInteger(rows) || rows === 0) throw new RangeError(`quantizeCnn: ${calibration.length} values do not make rows of ${width}`);
  const inputRange = network.convs.map(() => 0);
  const averages = new Float32Array(rows * network.head.inputs);
  for (let r = 0; r < rows; r += 1) {
    const row = calibration.subarray(r * width, (r + 1) * width);
    const { pooled, average } = convStages(network, row);
    for (const value of row) inputRange[0] = Math.max(inputRange[0]!, Math.abs(value));
    for (let l = 1; l < network.convs.length; l += 1) for (const value of pooled[l - 1]!) inputRange[l] = Math.max(inputRange[l]!, Math.abs(value));
    averages.set(average, r * network.head.inputs);
  }
  return {
    convs: network.convs.map((layer, l) => ({ ...layer, ...quantizeWeights(layer, inputRange[l]!) })),
    head: quantizeNetwork(network.head, averages),
  };
}
