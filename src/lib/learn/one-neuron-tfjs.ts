import * as tf from '@tensorflow/tfjs';
import type { NeuronOptions, NeuronResult } from './one-neuron';
import type { Point } from './regression';

/**
 * The lesson's one-neuron regression, line by line as its Keras code: one Dense unit with one
 * input, stochastic gradient descent on the mean squared error, all points in one batch per
 * epoch. It runs in the lesson worker, on the same TensorFlow.js backend as the digits.
 */
export async function trainOneNeuron(points: readonly Point[], options: NeuronOptions): Promise<NeuronResult> {
  const layer = tf.layers.dense({ units: 1, inputShape: [1], kernelInitializer: tf.initializers.glorotUniform({ seed: options.seed }) });
  const model = tf.sequential({ layers: [layer] });
  model.compile({ optimizer: tf.train.sgd(options.learningRate), loss: 'meanSquaredError' });
  const xs = tf.tensor2d(points.map(({ x }) => x), [points.length, 1]);
  const ys = tf.tensor2d(points.map(({ y }) => y), [points.length, 1]);
  const losses: number[] = [];
  try {
    await model.fit(xs, ys, {
      epochs: options.epochs,
      batchSize: 32,
      shuffle: false,
      verbose: 0,
      callbacks: {
        onEpochEnd: (epoch, logs) => {
          const loss = Number(logs?.loss ?? NaN);
          losses.push(loss);
          options.onEpoch?.(epoch + 1, loss);
          if (options.signal?.aborted) model.stopTraining = true;
        },
      },
    });
    const [kernel, bias] = layer.getWeights();
    const w = (await (kernel as tf.Tensor).data())[0] ?? NaN;
    const b = (await (bias as tf.Tensor).data())[0] ?? NaN;
    const prediction = tf.tidy(() => model.predict(tf.tensor2d([10], [1, 1])) as tf.Tensor);
    const predictTen = (await prediction.data())[0] ?? NaN;
    prediction.dispose();
    return { w, b, losses, predictTen };
  } finally {
    xs.dispose();
    ys.dispose();
    model.optimizer.dispose();
    model.dispose();
  }
}
