import { excerpt } from '../../i18n/excerpt';
import { forward as denseForward, lastHidden, readDenseLayer, type DenseLayer, type DenseNetwork } from '../dense/network';
import { UnsupportedModelError } from '../network-kind';
import type { ModelArtifacts } from '../record';
import { layerClasses, sequentialWeights } from '../weights';

/** One Conv1D layer ('valid' padding, stride 1) and the max-pool after it (1: none). */
export interface ConvLayer {
  /** Input samples and channels. */
  samples: number;
  channels: number;
  filters: number;
  /** Kernel length in samples. */
  width: number;
  /** [width × channels × filters], as Keras and tfjs store a Conv1D kernel. */
  kernel: Float32Array;
  bias: Float32Array;
  relu: boolean;
  pool: number;
}

/**
 * A 1-D CNN runnable without TensorFlow.js: the row (samples × channels, channels fastest) through
 * Conv1D layers, each with relu and an optional max-pool, then the average over time, then the
 * Dense head (dense/network.ts runs it).
 */
export interface CnnNetwork {
  samples: number;
  channels: number;
  convs: ConvLayer[];
  head: DenseNetwork;
}

/** Samples a conv layer's output holds after its pool. */
export function outputSamples(layer: Pick<ConvLayer, 'samples' | 'width' | 'pool'>): number {
  return Math.floor((layer.samples - layer.width + 1) / layer.pool);
}

/** Whether the artifacts are meant as a CNN (a Conv1D layer in them): then the CNN's refusal is the one that says what is wrong. */
export function looksLikeCnn(artifacts: ModelArtifacts): boolean {
  return layerClasses(artifacts).includes('Conv1D');
}

const single = (value: number | number[] | undefined): number | undefined => (Array.isArray(value) ? (value.length === 1 ? value[0] : undefined) : value);

/**
 * Reads a Reshape → (Conv1D → MaxPooling1D?)+ → GlobalAveragePooling1D → Dropout? → Dense+
 * network out of its tfjs artifacts (cnn/builder.ts makes them), checking every shape, and throws
 * UnsupportedModelError naming the layer and what is wrong with it.
 *
 * @example
 * const network = cnnNetworkFrom(model.artifacts);
 * cnnForward(network, row, probabilities);
 */
export function cnnNetworkFrom(artifacts: ModelArtifacts): CnnNetwork {
  const { layers, weight, allRead } = sequentialWeights(artifacts);
  const [reshape, ...rest] = layers;
  const target = reshape?.class_name === 'Reshape' ? reshape.config.target_shape : undefined;
  if (!Array.isArray(target) || target.length !== 2 || !target.every((size) => Number.isSafeInteger(size) && size > 0)) {
    throw new UnsupportedModelError(`The CNN must start with a Reshape to [samples, channels]; found ${reshape ? `a ${excerpt(reshape.class_name)}` : 'no layer'}.`);
  }
  const [samples = 0, channels = 0] = target;
  let length = samples;
  let width = channels;
  const convs: ConvLayer[] = [];
  let at = 0;
  for (; at < rest.length && rest[at]!.class_name === 'Conv1D'; at += 1) {
    const { name: stored, activation = 'linear', padding = 'valid', strides, dilation_rate: dilation, use_bias: useBias } = rest[at]!.config;
    const name = excerpt(stored);
    if (padding !== 'valid' || (single(strides) ?? 1) !== 1 || (single(dilation) ?? 1) !== 1) {
      throw new UnsupportedModelError(`Layer ${name} is a Conv1D with padding ${excerpt(String(padding))}, strides ${excerpt(String(strides))}, dilation ${excerpt(String(dilation))}; only 'valid' padding with stride 1 and no dilation is supported.`);
    }
    if (activation !== 'relu' && activation !== 'linear') throw new UnsupportedModelError(`Layer ${name} uses ${excerpt(String(activation))}; a Conv1D may only use relu or linear.`);
    const kernel = weight(`${stored}/kernel`);
    const [kernelWidth = 0, kernelChannels = 0, filters = 0] = kernel.shape;
    if (kernel.shape.length !== 3 || kernelChannels !== width) {
      throw new UnsupportedModelError(`Layer ${name} has a kernel of shape [${kernel.shape.join(', ')}] but the layer before gives ${width} channels.`);
    }
    if (kernelWidth > length) throw new UnsupportedModelError(`Layer ${name} has a kernel of ${kernelWidth} samples but its input holds only ${length}.`);
    const bias = useBias === false ? new Float32Array(filters) : weight(`${stored}/bias`).values;
    if (bias.length !== filters) throw new UnsupportedModelError(`Layer ${name} has ${bias.length} biases for ${filters} filters.`);
    const next = rest[at + 1];
    let pool = 1;
    if (next?.class_name === 'MaxPooling1D') {
      pool = single(next.config.pool_size) ?? 0;
      if (!Number.isSafeInteger(pool) || pool < 1 || (single(next.config.strides) ?? pool) !== pool || (next.config.padding ?? 'valid') !== 'valid') {
        throw new UnsupportedModelError(`Layer ${excerpt(next.config.name)} pools ${excerpt(String(next.config.pool_size))} with strides ${excerpt(String(next.config.strides))}; only a whole pool whose stride is its size, 'valid' padding, is supported.`);
      }
      at += 1;
    }
    const layer: ConvLayer = { samples: length, channels: width, filters, width: kernelWidth, kernel: kernel.values, bias, relu: activation === 'relu', pool };
    length = outputSamples(layer);
    if (length < 1) throw new UnsupportedModelError(`Layer ${name} leaves no sample after its pool of ${pool}.`);
    convs.push(layer);
    width = filters;
  }
  if (convs.length === 0) throw new UnsupportedModelError('The CNN has no Conv1D layer after its Reshape.');
  const average = rest[at];
  if (average?.class_name !== 'GlobalAveragePooling1D') {
    throw new UnsupportedModelError(`The CNN's convolutions must end in a GlobalAveragePooling1D; found ${average ? `${excerpt(average.config.name)}, a ${excerpt(average.class_name)}` : 'nothing'}.`);
  }
  const dense: DenseLayer[] = [];
  for (const layer of rest.slice(at + 1)) {
    if (layer.class_name === 'Dropout') continue;
    if (layer.class_name !== 'Dense') throw new UnsupportedModelError(`Layer ${excerpt(layer.config.name)} is a ${excerpt(layer.class_name)}; after the average the CNN takes only Dense and Dropout layers.`);
    dense.push(readDenseLayer(layer, weight, dense.at(-1)?.units ?? width));
  }
  if (dense.length === 0) throw new UnsupportedModelError('The CNN has no Dense layer after its average.');
  allRead();
  return { samples, channels, convs, head: { inputs: width, layers: dense } };
}

/** Scratch buffers per network (the row as doubles, the kernels filter by filter, each conv's output before and after its pool, the average), so a pass allocates nothing per window. */
const scratch = new WeakMap<CnnNetwork, { input: Float64Array; kernels: Float64Array[]; sums: Float64Array[]; pooled: Float64Array[]; average: Float64Array }>();

/**
 * The row through the convolutions: each conv layer's output after its pool, and their average
 * over time (the head's input). The arrays are scratch, overwritten by the next call.
 */
export function convStages(network: CnnNetwork, input: ArrayLike<number>): { pooled: readonly Float64Array[]; average: Float64Array } {
  let buffers = scratch.get(network);
  if (!buffers) {
    buffers = {
      input: new Float64Array(network.samples * network.channels),
      kernels: network.convs.map(kernelByFilter),
      sums: network.convs.map((layer) => new Float64Array((layer.samples - layer.width + 1) * layer.filters)),
      pooled: network.convs.map((layer) => new Float64Array(outputSamples(layer) * layer.filters)),
      average: new Float64Array(network.head.inputs),
    };
    scratch.set(network, buffers);
  }
  // One array type through every layer keeps the loops monomorphic.
  let values = buffers.input;
  for (let i = 0; i < values.length; i += 1) values[i] = input[i]!;
  network.convs.forEach((layer, l) => {
    const sums = buffers.sums[l]!;
    convolve(layer, buffers.kernels[l]!, values, sums);
    const pooled = buffers.pooled[l]!;
    maxPool(sums, layer.filters, layer.pool, pooled);
    values = pooled;
  });
  const average = buffers.average;
  const filters = average.length;
  const samples = values.length / filters;
  average.fill(0);
  for (let t = 0; t < samples; t += 1) for (let f = 0; f < filters; f += 1) average[f] = average[f]! + values[t * filters + f]!;
  for (let f = 0; f < filters; f += 1) average[f] = average[f]! / samples;
  return { pooled: buffers.pooled, average };
}

/**
 * Runs the CNN on one row (samples × channels) and writes the head's outputs (the probabilities)
 * into `out`, allocating nothing. Sums are taken in double precision, as the dense kind's.
 */
export function cnnForward(network: CnnNetwork, input: ArrayLike<number>, out: Float32Array): Float32Array {
  return denseForward(network.head, convStages(network, input).average, out);
}

/** The head's last hidden layer (the average over time when the head is one layer): where the unknown score measures. Scratch. */
export function cnnLastHidden(network: CnnNetwork, input: ArrayLike<number>): ArrayLike<number> {
  return lastHidden(network.head, convStages(network, input).average);
}

/**
 * out[t][f] = bias[f] + Σ_j Σ_c in[t + j][c] · kernel[j][c][f], then relu. The inputs under the
 * kernel at t are the `width × channels` values from in[t][0] on, one run in memory, and with the
 * kernel laid out filter by filter (`byFilter`) each output is a dot product of two runs. They are
 * taken two times by four filters at once, the eight sums in registers: each input loaded serves
 * four filters and each weight two times (1.0 ms a window adding each input into every filter's
 * output, 0.6 ms one dot product at a time, in Node), and Live runs it every stride.
 */
function convolve(layer: ConvLayer, byFilter: Float64Array, input: Float64Array, out: Float64Array): void {
  const { channels, filters, bias, relu } = layer;
  const span = layer.width * channels;
  const length = out.length / filters;
  const pairs = length - (length % 2);
  const quads = filters - (filters % 4);
  const put = (at: number, sum: number) => (out[at] = relu && sum < 0 ? 0 : sum);
  for (let t = 0; t < pairs; t += 2) {
    const from = t * channels;
    const next = from + channels;
    for (let f = 0; f < quads; f += 4) {
      const w = f * span;
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let b0 = 0;
      let b1 = 0;
      let b2 = 0;
      let b3 = 0;
      for (let i = 0; i < span; i += 1) {
        const x = input[from + i]!;
        const y = input[next + i]!;
        const k0 = byFilter[w + i]!;
        const k1 = byFilter[w + span + i]!;
        const k2 = byFilter[w + 2 * span + i]!;
        const k3 = byFilter[w + 3 * span + i]!;
        a0 += x * k0;
        a1 += x * k1;
        a2 += x * k2;
        a3 += x * k3;
        b0 += y * k0;
        b1 += y * k1;
        b2 += y * k2;
        b3 += y * k3;
      }
      const at = t * filters + f;
      put(at, bias[f]! + a0);
      put(at + 1, bias[f + 1]! + a1);
      put(at + 2, bias[f + 2]! + a2);
      put(at + 3, bias[f + 3]! + a3);
      put(at + filters, bias[f]! + b0);
      put(at + filters + 1, bias[f + 1]! + b1);
      put(at + filters + 2, bias[f + 2]! + b2);
      put(at + filters + 3, bias[f + 3]! + b3);
    }
  }
  // The rest one output at a time: the last time step when their number is odd, the last filters when theirs is not a multiple of 4.
  for (let t = 0; t < length; t += 1) {
    for (let f = t < pairs ? quads : 0; f < filters; f += 1) {
      let sum = 0;
      for (let i = 0, from = t * channels, w = f * span; i < span; i += 1) sum += input[from + i]! * byFilter[w + i]!;
      put(t * filters + f, bias[f]! + sum);
    }
  }
}

/** A Keras kernel [width × channels × filters] laid out filter by filter, [filters × width × channels], as doubles. */
function kernelByFilter(layer: ConvLayer): Float64Array {
  const span = layer.width * layer.channels;
  const byFilter = new Float64Array(layer.kernel.length);
  for (let i = 0; i < span; i += 1) for (let f = 0; f < layer.filters; f += 1) byFilter[f * span + i] = layer.kernel[i * layer.filters + f]!;
  return byFilter;
}

/** The largest of each `pool` consecutive samples, per filter; a tail shorter than the pool is dropped, as tfjs's 'valid' pooling does. */
function maxPool(input: Float64Array, filters: number, pool: number, out: Float64Array): void {
  const length = out.length / filters;
  for (let t = 0; t < length; t += 1) {
    for (let f = 0; f < filters; f += 1) {
      let max = -Infinity;
      for (let p = 0; p < pool; p += 1) max = Math.max(max, input[(t * pool + p) * filters + f]!);
      out[t * filters + f] = max;
    }
  }
}
