import { activationHelpers, denseFunction, lastHiddenC, floatDenseCalls, floatDenseTables, int8DenseCalls, int8DenseTables, QUANTIZE_FUNCTION } from '../dense/c-network';
import type { QuantizedLayer } from '../dense/quantize';
import type { CNetwork, CWriter, Precision } from '../network-kind';
import { outputSamples, type CnnNetwork, type ConvLayer } from './network';
import { quantizeCnn, type QuantizedConv } from './quantize';

/**
 * The CNN in C: `static void ml_network(const float *scaled, float *probabilities)`, float32
 * (sums in double precision, as cnnForward takes them) or int8 (quantize.ts, its scales read from
 * `calibration`: standardised training rows), with its RAM and flash counted on `c`; and its
 * shape in words, for the header. Each conv layer pools in place, in its own output buffer: a
 * pooled sample t is written where sample t was, after every sample it reads.
 *
 * @example
 * const { code, description } = cnnNetworkC(network, 'int8', rows, writer);
 */
export function cnnNetworkC(network: CnnNetwork, precision: Precision, calibration: Float32Array | undefined, c: CWriter): CNetwork {
  const shape = [
    `${network.samples} samples × ${network.channels} channels`,
    ...network.convs.map((layer) => `Conv1D(${layer.filters}, k${layer.width}${layer.relu ? ', relu' : ''})${layer.pool > 1 ? ` → MaxPool(${layer.pool})` : ''}`),
    'average over time',
    ...network.head.layers.map((layer) => `Dense(${layer.units}, ${layer.activation})`),
  ].join(' → ');
  const hidden = lastHiddenC(network.head.layers, 'ml_average');
  if (precision === 'float32') return { code: floatNetwork(network, c), description: `${shape}, float32`, hidden };
  const quantized = quantizeCnn(network, calibration ?? new Float32Array(0));
  return { code: int8Network(network, quantized.convs, quantized.head.layers, c), description: `${shape}, int8 weights and activations, per-layer scales from the training data`, hidden };
}

type ConvShape = Pick<ConvLayer, 'samples' | 'width' | 'filters' | 'pool'>;

/** Values a conv layer's output buffer holds before its pool. */
const convValues = (layer: ConvShape) => (layer.samples - layer.width + 1) * layer.filters;

function floatNetwork(network: CnnNetwork, c: CWriter): string {
  const { convs, head } = network;
  const tables = convs.map((layer, l) => {
    c.constant(`conv ${l + 1} weights (${layer.width} × ${layer.channels} × ${layer.filters}, float32)`, (layer.kernel.length + layer.bias.length) * 4);
    c.ram(`conv ${l + 1} outputs`, convValues(layer) * 8);
    return `static const float ml_conv_kernel_${l}[${layer.kernel.length}] = {${Array.from(layer.kernel, (w) => c.float(w)).join(', ')}};
static const float ml_conv_bias_${l}[${layer.filters}] = {${Array.from(layer.bias, (b) => c.float(b)).join(', ')}};
static double ml_conv_${l}[${convValues(layer)}];`;
  });
  c.ram('network input and average as doubles', (network.samples * network.channels + head.inputs) * 8);
  const last = head.layers.length - 1;
  return `static double ml_input[ML_FEATURES];
static double ml_average[${head.inputs}];
${tables.join('\n')}
${floatDenseTables(head.layers, c)}

/* convolve() of model/cnn/network.ts: 'valid', stride 1, sums in double precision. */
static void ml_conv(const double *in, int length, int channels, int width, int filters, const float *kernel, const float *bias, int relu, double *out) {
  int t, j, c, f;
  for (t = 0; t < length; t++) {
    double *row = out + t * filters;
    for (f = 0; f < filters; f++) row[f] = bias[f];
    for (j = 0; j < width; j++) {
      for (c = 0; c < channels; c++) {
        const double x = in[(t + j) * channels + c];
        const float *w = kernel + (j * channels + c) * filters;
        if (x == 0) continue;
        for (f = 0; f < filters; f++) row[f] += x * w[f];
      }
    }
    if (relu) for (f = 0; f < filters; f++) if (row[f] < 0) row[f] = 0;
  }
}
${poolFunction('double')}${averageFunction('double')}
${denseFunction('double', 'float', 'float', 'double')}${activationHelpers(head.layers, 'double')}
static void ml_network(const float *scaled, float *probabilities) {
  int i;
  for (i = 0; i < ML_FEATURES; i++) ml_input[i] = scaled[i];
${convs
  .map((layer, l) => {
    const input = l === 0 ? 'ml_input' : `ml_conv_${l - 1}`;
    return `  ml_conv(${input}, ${layer.samples - layer.width + 1}, ${layer.channels}, ${layer.width}, ${layer.filters}, ml_conv_kernel_${l}, ml_conv_bias_${l}, ${layer.relu ? 1 : 0}, ml_conv_${l});${poolCall(layer, `ml_conv_${l}`)}`;
  })
  .join('\n')}
  ml_average_over_time(ml_conv_${convs.length - 1}, ${outputSamples(convs.at(-1)!)}, ${head.inputs}, ml_average);
${floatDenseCalls(head.layers, 'ml_average')}
  for (i = 0; i < MOTION_MODEL_LABELS; i++) probabilities[i] = (float)ml_layer_${last}[i];
}
`;
}

function int8Network(network: CnnNetwork, convs: readonly QuantizedConv[], head: readonly QuantizedLayer[], c: CWriter): string {
  const last = head.length - 1;
  const tables = convs.map((layer, l) => {
    c.constant(`conv ${l + 1} weights (${layer.width} × ${layer.channels} × ${layer.filters}, int8; int32 bias)`, layer.kernel.length + layer.bias.length * 4 + 8);
    c.ram(`conv ${l + 1} outputs`, convValues(layer) * 4);
    const next = convs[l + 1] ?? head[0]!;
    c.ram(`conv ${l + 1} outputs, quantised`, l < convs.length - 1 ? outputSamples(layer) * layer.filters : 0);
    return `static const signed char ml_conv_kernel_${l}[${layer.kernel.length}] = {${Array.from(layer.kernel).join(', ')}};
static const long ml_conv_bias_${l}[${layer.filters}] = {${Array.from(layer.bias, (b) => `${b}L`).join(', ')}};
/* Real value of a sum: inputScale ${layer.inputScale.toPrecision(6)} × weightScale ${layer.weightScale.toPrecision(6)}. */
static const float ml_conv_dequantize_${l} = ${c.float(layer.inputScale * layer.weightScale)};
static const float ml_conv_requantize_${l} = ${c.float(1 / next.inputScale)};
static float ml_conv_${l}[${convValues(layer)}];${l < convs.length - 1 ? `\nstatic signed char ml_conv_q_${l}[${outputSamples(layer) * layer.filters}];` : ''}`;
  });
  c.ram('quantised network input, average', network.samples * network.channels + head[0]!.inputs * 5);
  return `/* Inputs are quantised at 1 / ${convs[0]!.inputScale.toPrecision(6)} per step, from the training data's range. */
static const float ml_quantize_input = ${c.float(1 / convs[0]!.inputScale)};
static signed char ml_input[ML_FEATURES];
static float ml_average[${head[0]!.inputs}];
static signed char ml_average_q[${head[0]!.inputs}];
${tables.join('\n')}
${int8DenseTables(head, c)}
${QUANTIZE_FUNCTION}
/* Integer sums of int8 inputs × int8 weights + the bias at the sums' scale, then their real value. */
static void ml_conv(const signed char *in, int length, int channels, int width, int filters, const signed char *kernel, const long *bias, float dequantize, int relu, float *out) {
  int t, j, c, f;
  long sums[${Math.max(...convs.map((layer) => layer.filters))}];
  for (t = 0; t < length; t++) {
    for (f = 0; f < filters; f++) sums[f] = bias[f];
    for (j = 0; j < width; j++) {
      for (c = 0; c < channels; c++) {
        const long x = in[(t + j) * channels + c];
        const signed char *w = kernel + (j * channels + c) * filters;
        if (x == 0) continue;
        for (f = 0; f < filters; f++) sums[f] += x * w[f];
      }
    }
    for (f = 0; f < filters; f++) {
      const float value = (float)sums[f] * dequantize;
      out[t * filters + f] = relu && value < 0 ? 0 : value;
    }
  }
}
${poolFunction('float')}${averageFunction('float')}
${denseFunction('signed char', 'signed char', 'long', 'long')}${activationHelpers(head, 'float')}
static void ml_network(const float *scaled, float *probabilities) {
  int i;
  for (i = 0; i < ML_FEATURES; i++) ml_input[i] = ml_quantize(scaled[i], ml_quantize_input);
${convs
  .map((layer, l) => {
    const input = l === 0 ? 'ml_input' : `ml_conv_q_${l - 1}`;
    const requantize = l < convs.length - 1 ? `\n  for (i = 0; i < ${outputSamples(layer) * layer.filters}; i++) ml_conv_q_${l}[i] = ml_quantize(ml_conv_${l}[i], ml_conv_requantize_${l});` : '';
    return `  ml_conv(${input}, ${layer.samples - layer.width + 1}, ${layer.channels}, ${layer.width}, ${layer.filters}, ml_conv_kernel_${l}, ml_conv_bias_${l}, ml_conv_dequantize_${l}, ${layer.relu ? 1 : 0}, ml_conv_${l});${poolCall(layer, `ml_conv_${l}`)}${requantize}`;
  })
  .join('\n')}
  ml_average_over_time(ml_conv_${convs.length - 1}, ${outputSamples(convs.at(-1)!)}, ${head[0]!.inputs}, ml_average);
  for (i = 0; i < ${head[0]!.inputs}; i++) ml_average_q[i] = ml_quantize(ml_average[i], ml_conv_requantize_${convs.length - 1});
${int8DenseCalls(head, 'ml_average_q')}
  for (i = 0; i < MOTION_MODEL_LABELS; i++) probabilities[i] = ml_layer_${last}[i];
}
`;
}

/** maxPool() of model/cnn/network.ts, in place: `length` pooled samples of `filters` values. */
function poolFunction(real: 'double' | 'float'): string {
  return `
static void ml_max_pool(${real} *values, int length, int filters, int pool) {
  int t, f, p;
  for (t = 0; t < length; t++) {
    for (f = 0; f < filters; f++) {
      ${real} max = values[t * pool * filters + f];
      for (p = 1; p < pool; p++) if (values[(t * pool + p) * filters + f] > max) max = values[(t * pool + p) * filters + f];
      values[t * filters + f] = max;
    }
  }
}
`;
}

function poolCall(layer: ConvShape, buffer: string): string {
  return layer.pool > 1 ? `\n  ml_max_pool(${buffer}, ${outputSamples(layer)}, ${layer.filters}, ${layer.pool});` : '';
}

function averageFunction(real: 'double' | 'float'): string {
  return `
/* Each filter's mean over the last layer's samples: the head's inputs. */
static void ml_average_over_time(const ${real} *values, int length, int filters, ${real} *out) {
  int t, f;
  for (f = 0; f < filters; f++) out[f] = 0;
  for (t = 0; t < length; t++) for (f = 0; f < filters; f++) out[f] += values[t * filters + f];
  for (f = 0; f < filters; f++) out[f] /= length;
}
`;
}
