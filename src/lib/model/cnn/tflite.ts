import { CONV_2D, CONV_2D_OPTIONS, denseOperators, MAX_POOL_2D, MEAN, NONE, POOL_2D_OPTIONS, REDUCER_OPTIONS, RELU, RESHAPE, RESHAPE_OPTIONS, scalar, TfliteModel, VALID, vector } from '../tflite-writer';
import { outputSamples, type CnnNetwork } from './network';

/**
 * The CNN as a TensorFlow Lite flatbuffer: the standardised row, [1, samples × channels], reshaped
 * to an image one pixel high ([1, 1, samples, channels]), each Conv1D as CONV_2D with a [1, k]
 * kernel (relu fused) and its pool as MAX_POOL_2D of [1, p], MEAN over the samples, then the head
 * as the dense kind writes it. TFLite Micro has 2-D kernels for all of these, no 1-D ones.
 */
export function cnnTfliteModel(network: CnnNetwork, description: string): Uint8Array {
  const model = new TfliteModel();
  const input = model.tensor('features', [1, network.samples * network.channels]);
  const imageShape = [1, 1, network.samples, network.channels];
  let previous = model.tensor('window', imageShape);
  model.operator(RESHAPE, [input, model.tensor('window/shape', [4], Int32Array.from(imageShape))], [previous], RESHAPE_OPTIONS, [[0, vector('i32', imageShape)]]);
  network.convs.forEach((layer, l) => {
    // TFLite's filters are [filters, 1, k, channels]; Keras's Conv1D kernel is [k, channels, filters].
    const weights = new Float32Array(layer.kernel.length);
    for (let j = 0; j < layer.width; j += 1) {
      for (let c = 0; c < layer.channels; c += 1) {
        for (let f = 0; f < layer.filters; f += 1) weights[(f * layer.width + j) * layer.channels + c] = layer.kernel[(j * layer.channels + c) * layer.filters + f]!;
      }
    }
    const kernel = model.tensor(`conv_${l}/kernel`, [layer.filters, 1, layer.width, layer.channels], weights);
    const bias = model.tensor(`conv_${l}/bias`, [layer.filters], layer.bias);
    const convolved = model.tensor(`conv_${l}`, [1, 1, layer.samples - layer.width + 1, layer.filters]);
    model.operator(CONV_2D, [previous, kernel, bias], [convolved], CONV_2D_OPTIONS, [
      [0, scalar('u8', VALID)],
      [1, scalar('i32', 1)],
      [2, scalar('i32', 1)],
      [3, scalar('u8', layer.relu ? RELU : NONE)],
      [4, scalar('i32', 1)],
      [5, scalar('i32', 1)],
    ]);
    previous = convolved;
    if (layer.pool > 1) {
      const pooled = model.tensor(`conv_${l}/pool`, [1, 1, outputSamples(layer), layer.filters]);
      model.operator(MAX_POOL_2D, [previous], [pooled], POOL_2D_OPTIONS, [
        [0, scalar('u8', VALID)],
        [1, scalar('i32', layer.pool)],
        [2, scalar('i32', 1)],
        [3, scalar('i32', layer.pool)],
        [4, scalar('i32', 1)],
        [5, scalar('u8', NONE)],
      ]);
      previous = pooled;
    }
  });
  const average = model.tensor('average', [1, network.head.inputs]);
  model.operator(MEAN, [previous, model.tensor('average/axes', [2], Int32Array.from([1, 2]))], [average], REDUCER_OPTIONS, [[0, scalar('u8', 0)]]);
  const output = network.head.layers.reduce((before, layer, l) => denseOperators(model, layer, before, `dense_${l}`), average);
  return model.finish(input, output, description);
}
