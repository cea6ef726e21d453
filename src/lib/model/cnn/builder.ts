import * as tf from '@tensorflow/tfjs';
import { cnnShape } from './shape';

export interface CnnModelConfig {
  /** Values of one input row: samples × channels, sample after sample (channels fastest). */
  inputSize: number;
  /** Values per sample (x, y, z, |a|: 4). */
  channels: number;
  classes: number;
  /** Dropout before the last layer. */
  dropout: number;
  learningRate: number;
  /** Seeds the initial weights, so one seed trains the same network twice. */
  seed?: number;
}

type Conv1DLayer = ReturnType<typeof tf.layers.conv1d>;
type Conv1DClass = new (args: Parameters<typeof tf.layers.conv1d>[0]) => Conv1DLayer;

/**
 * A Keras Conv1D whose forward pass is written as one matrix product over the k shifted copies
 * of its input (im2col), so it trains on tfjs-backend-wasm: wasm 4.22 registers no
 * Conv2DBackpropFilter kernel, so a stock conv1d cannot learn there ("Kernel
 * 'Conv2DBackpropFilter' not registered for backend 'wasm'"), and conv3d, which can, ran 22 s an
 * epoch for 3k windows in Node. Its weights, config and class name are the stock layer's, so the
 * saved model loads as a plain Conv1D anywhere.
 */
let shiftedConv1D: Conv1DClass | undefined;
function conv1DClass(): Conv1DClass {
  if (shiftedConv1D) return shiftedConv1D;
  const Stock = tf.layers.conv1d({ filters: 1, kernelSize: 1 }).constructor as Conv1DClass;
  shiftedConv1D = class extends Stock {
    override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
      return tf.tidy(() => {
        const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
        const [batch, samples, channels] = x.shape;
        const kernel = this.kernel.read() as tf.Tensor3D;
        const [width, , filters] = kernel.shape;
        const length = samples - width + 1;
        const shifted = Array.from({ length: width }, (_, j) => x.slice([0, j, 0], [batch, length, channels]));
        const columns = tf.concat(shifted, 2).reshape([batch * length, width * channels]);
        let y = tf.matMul(columns, kernel.reshape([width * channels, filters]));
        if (this.bias) y = y.add(this.bias.read());
        return this.activation.apply(y.reshape([batch, length, filters]));
      });
    }
  };
  return shiftedConv1D;
}

/**
 * The 1-D CNN: Conv1D(16, k5, relu) → MaxPool(2) → Conv1D(32, k5, relu) → MaxPool(2) →
 * Conv1D(32, k3, relu) → global average → Dropout → Dense(k, softmax), about 6k weights for 4
 * channels. It reads the window's own samples, so it finds its own features.
 */
export function buildCnnModel(config: CnnModelConfig): tf.Sequential {
  if (config.channels < 1) throw new RangeError("The CNN reads the window's samples: its input must be 'channels' (or 'raw'), not features.");
  const samples = config.inputSize / config.channels;
  if (!Number.isInteger(samples)) throw new RangeError(`${config.inputSize} inputs do not make samples of ${config.channels} channels.`);
  const Conv1D = conv1DClass();
  const model = tf.sequential();
  model.add(tf.layers.reshape({ targetShape: [samples, config.channels], inputShape: [config.inputSize] }));
  let length = samples;
  cnnShape.forEach((layer, index) => {
    length -= layer.kernel - 1;
    if (length < 1) throw new RangeError(`A window of ${samples} samples is too short for the CNN's layers: make it longer.`);
    model.add(
      new Conv1D({
        filters: layer.filters,
        kernelSize: layer.kernel,
        activation: 'relu',
        kernelInitializer: config.seed === undefined ? 'heNormal' : tf.initializers.heNormal({ seed: config.seed + index }),
      }),
    );
    if (layer.pool > 1) {
      model.add(tf.layers.maxPooling1d({ poolSize: layer.pool }));
      length = Math.floor(length / layer.pool);
    }
  });
  model.add(tf.layers.globalAveragePooling1d({}));
  if (config.dropout > 0) model.add(tf.layers.dropout({ rate: config.dropout }));
  model.add(
    tf.layers.dense({
      units: config.classes,
      activation: 'softmax',
      ...(config.seed !== undefined && { kernelInitializer: tf.initializers.glorotUniform({ seed: config.seed + cnnShape.length }) }),
    }),
  );
  return model;
}
