import { denseOperators, TfliteModel } from '../tflite-writer';
import type { DenseNetwork } from './network';

/**
 * The Dense network as a TensorFlow Lite flatbuffer, for TensorFlow Lite Micro users:
 * FULLY_CONNECTED per layer (its relu fused), SOFTMAX at the end, float32 weights. It takes the
 * standardised feature row, [1, inputs], as the network does: the features and their
 * standardisation are the C library's part, not TFLite's.
 */
export function tfliteModel(network: DenseNetwork, description: string): Uint8Array {
  const model = new TfliteModel();
  const input = model.tensor('features', [1, network.inputs]);
  const output = network.layers.reduce((previous, layer, l) => denseOperators(model, layer, previous, `dense_${l}`), input);
  return model.finish(input, output, description);
}
