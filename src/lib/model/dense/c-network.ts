import type { CNetwork, CWriter, Precision } from '../network-kind';
import type { DenseLayer, DenseNetwork } from './network';
import { quantizeNetwork, type QuantizedLayer, type QuantizedNetwork } from './quantize';

/**
 * The dense network in C: `static void ml_network(const float *scaled, float *probabilities)`,
 * float32 (sums in double precision, as forward() takes them) or int8 (quantize.ts, its scales
 * read from `calibration`: standardised training rows), with what it takes of RAM and flash
 * counted on `c`; and the network's shape in words, for the header.
 *
 * @example
 * const { code, description } = denseNetworkC(network, 'int8', rows, writer);
 */
export function denseNetworkC(network: DenseNetwork, precision: Precision, calibration: Float32Array | undefined, c: CWriter): CNetwork {
  const quantized = precision === 'int8' ? quantizeNetwork(network, calibration ?? new Float32Array(0)) : undefined;
  const dense = (quantized ?? network).layers.map((layer) => `Dense(${layer.units}, ${layer.activation})`).join(' → ');
  const hidden = lastHiddenC(network.layers, 'ml_scaled');
  return quantized
    ? { code: int8Network(quantized, c), description: `${dense}, int8 weights and activations, per-layer scales from the training data`, hidden }
    : { code: floatNetwork(network, c), description: `${dense}, float32`, hidden };
}

/**
 * The C array holding the last hidden layer of these Dense layers (real values, float or double,
 * after its activation, in either precision): the one before the last layer, or `input` when there
 * is only one layer.
 */
export function lastHiddenC(layers: readonly unknown[], input: string): string {
  return layers.length > 1 ? `ml_layer_${layers.length - 2}` : input;
}

function floatNetwork(network: DenseNetwork, c: CWriter): string {
  const layers = network.layers;
  c.ram('network input as doubles', network.inputs * 8);
  return `static double ml_input[ML_FEATURES];
${floatDenseTables(layers, c)}

/* forward() of model/dense/network.ts: sums in double precision, float32 weights. */
${denseFunction('double', 'float', 'float', 'double')}${activationHelpers(layers, 'double')}
static void ml_network(const float *scaled, float *probabilities) {
  int i;
  for (i = 0; i < ML_FEATURES; i++) ml_input[i] = scaled[i];
${floatDenseCalls(layers, 'ml_input')}
  for (i = 0; i < MOTION_MODEL_LABELS; i++) probabilities[i] = (float)ml_layer_${layers.length - 1}[i];
}
`;
}

function int8Network(network: QuantizedNetwork, c: CWriter): string {
  const layers = network.layers;
  c.ram('quantised network input', network.inputs);
  return `/* Inputs are quantised at 1 / ${layers[0]!.inputScale.toPrecision(6)} per step, from the training data's range. */
static const float ml_quantize_input = ${c.float(1 / layers[0]!.inputScale)};
static signed char ml_input[ML_FEATURES];
${int8DenseTables(layers, c)}
${QUANTIZE_FUNCTION}
/* Integer sums: int8 inputs × int8 weights + the bias at the sums' scale. */
${denseFunction('signed char', 'signed char', 'long', 'long')}${activationHelpers(layers, 'float')}
static void ml_network(const float *scaled, float *probabilities) {
  int i;
  for (i = 0; i < ML_FEATURES; i++) ml_input[i] = ml_quantize(scaled[i], ml_quantize_input);
${int8DenseCalls(layers, 'ml_input')}
  for (i = 0; i < MOTION_MODEL_LABELS; i++) probabilities[i] = ml_layer_${layers.length - 1}[i];
}
`;
}

/** The float32 layers' weights and output buffers (ml_kernel_l, ml_bias_l, ml_layer_l), counted on `c`. */
export function floatDenseTables(layers: readonly DenseLayer[], c: CWriter): string {
  return layers
    .map((layer, l) => {
      c.constant(`layer ${l + 1} weights (${layer.inputs} × ${layer.units}, float32)`, (layer.kernel.length + layer.bias.length) * 4);
      c.ram(`layer ${l + 1} outputs`, layer.units * 8);
      return `static const float ml_kernel_${l}[${layer.kernel.length}] = {${Array.from(layer.kernel, (w) => c.float(w)).join(', ')}};
static const float ml_bias_${l}[${layer.units}] = {${Array.from(layer.bias, (b) => c.float(b)).join(', ')}};
static double ml_layer_${l}[${layer.units}];`;
    })
    .join('\n');
}

/** The float32 layers run on `input` (doubles), the last one's outputs left in ml_layer_(last). */
export function floatDenseCalls(layers: readonly DenseLayer[], input: string): string {
  return layers
    .map((layer, l) => `  ml_dense(${l === 0 ? input : `ml_layer_${l - 1}`}, ${layer.inputs}, ${layer.units}, ml_kernel_${l}, ml_bias_${l}, ml_layer_${l});${activationCall(layer, `ml_layer_${l}`)}`)
    .join('\n');
}

/** The int8 layers' weights, scales, sums and output buffers, counted on `c`. */
export function int8DenseTables(layers: readonly QuantizedLayer[], c: CWriter): string {
  const last = layers.length - 1;
  return layers
    .map((layer, l) => {
      c.constant(`layer ${l + 1} weights (${layer.inputs} × ${layer.units}, int8; int32 bias)`, layer.kernel.length + layer.bias.length * 4 + 8);
      c.ram(`layer ${l + 1} sums and outputs`, layer.units * 4 + layer.units * 4 + (l < last ? layer.units : 0));
      const requantize = l < last ? `static const float ml_requantize_${l} = ${c.float(1 / layers[l + 1]!.inputScale)};\n` : '';
      return `static const signed char ml_kernel_${l}[${layer.kernel.length}] = {${Array.from(layer.kernel).join(', ')}};
static const long ml_bias_${l}[${layer.units}] = {${Array.from(layer.bias, (b) => `${b}L`).join(', ')}};
/* Real value of a sum: inputScale ${layer.inputScale.toPrecision(6)} × weightScale ${layer.weightScale.toPrecision(6)}. */
static const float ml_dequantize_${l} = ${c.float(layer.inputScale * layer.weightScale)};
${requantize}static long ml_sum_${l}[${layer.units}];
static float ml_layer_${l}[${layer.units}];${l < last ? `\nstatic signed char ml_q_${l}[${layer.units}];` : ''}`;
    })
    .join('\n');
}

/** The int8 layers run on `input` (int8 at the first layer's scale), the last one's real outputs left in ml_layer_(last). */
export function int8DenseCalls(layers: readonly QuantizedLayer[], input: string): string {
  const last = layers.length - 1;
  return layers
    .map((layer, l) => {
      const requantize = l < last ? `\n  for (i = 0; i < ${layer.units}; i++) ml_q_${l}[i] = ml_quantize(ml_layer_${l}[i], ml_requantize_${l});` : '';
      return `  ml_dense(${l === 0 ? input : `ml_q_${l - 1}`}, ${layer.inputs}, ${layer.units}, ml_kernel_${l}, ml_bias_${l}, ml_sum_${l});
  for (i = 0; i < ${layer.units}; i++) ml_layer_${l}[i] = (float)ml_sum_${l}[i] * ml_dequantize_${l};${activationCall(layer, `ml_layer_${l}`)}${requantize}`;
    })
    .join('\n');
}

/** ml_quantize, the one rounding of every int8 C network: as quantize() in quantize.ts. */
export const QUANTIZE_FUNCTION = `
/* round(value / scale) clamped to ±127, halves rounded up as Math.round does. */
static signed char ml_quantize(float value, float inverse_scale) {
  const float q = (float)floor(value * inverse_scale + 0.5f);
  return (signed char)(q > 127.0f ? 127 : q < -127.0f ? -127 : (int)q);
}
`;

/** One Dense layer's sums, bias first, an input of 0 skipped as forward() skips it. */
export function denseFunction(input: string, weight: string, bias: string, sum: 'double' | 'long'): string {
  return `static void ml_dense(const ${input} *in, int inputs, int units, const ${weight} *kernel, const ${bias} *bias, ${sum} *out) {
  int i, u;
  for (u = 0; u < units; u++) out[u] = bias[u];
  for (i = 0; i < inputs; i++) {
    const ${sum} x = in[i];
    if (x == 0) continue;
    for (u = 0; u < units; u++) out[u] += x * kernel[i * units + u];
  }
}
`;
}

type Real = 'double' | 'float';

/** relu and softmax, emitted only when a layer uses them (gcc -Wall rejects unused functions). */
export function activationHelpers(layers: readonly Pick<DenseLayer, 'activation'>[], real: Real): string {
  const used = new Set(layers.map((layer) => layer.activation));
  const exp = real === 'double' ? 'exp' : '(float)exp';
  const relu = `
static void ml_relu(${real} *values, int count) {
  int i;
  for (i = 0; i < count; i++) if (values[i] < 0) values[i] = 0;
}
`;
  const softmax = `
/* Softmax with the largest value subtracted first, so exp never overflows. */
static void ml_softmax(${real} *values, int count) {
  ${real} max = values[0], sum = 0;
  int i;
  for (i = 1; i < count; i++) if (values[i] > max) max = values[i];
  for (i = 0; i < count; i++) {
    values[i] = ${exp}(values[i] - max);
    sum += values[i];
  }
  for (i = 0; i < count; i++) values[i] /= sum;
}
`;
  return `${used.has('relu') ? relu : ''}${used.has('softmax') ? softmax : ''}`;
}

function activationCall(layer: Pick<DenseLayer, 'activation' | 'units'>, buffer: string): string {
  if (layer.activation === 'relu') return `\n  ml_relu(${buffer}, ${layer.units});`;
  if (layer.activation === 'softmax') return `\n  ml_softmax(${buffer}, ${layer.units});`;
  return '';
}
