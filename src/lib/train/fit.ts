import * as tf from '@tensorflow/tfjs';
import { DenseEngine } from './dense-engine';
import type { EngineLayer } from './dense-kernels';
import { probeRows, runFit, type Examples, type FitEngine, type FitOptions, type FitResult } from './fit-loop';

export { balancedClassWeights, nextTask, TRAIN_PROBE_ROWS, type EpochLog, type Examples, type FitOptions, type FitResult } from './fit-loop';

const EPSILON = 1e-7;

/** A set on the backend: inputs, one-hot targets, each row's class weight, and the label indices. */
interface TensorSet {
  x: tf.Tensor2D;
  targets: tf.Tensor2D;
  rowWeights: tf.Tensor1D;
  labels: tf.Tensor1D;
}

function toTensors(examples: Examples, classes: number, classWeights: Float32Array): TensorSet {
  const targets = new Float32Array(examples.rows * classes);
  const rowWeights = new Float32Array(examples.rows);
  examples.y.forEach((label, row) => {
    targets[row * classes + label] = 1;
    rowWeights[row] = classWeights[label] ?? 0;
  });
  return {
    x: tf.tensor2d(examples.x, [examples.rows, examples.cols]),
    targets: tf.tensor2d(targets, [examples.rows, classes]),
    rowWeights: tf.tensor1d(rowWeights),
    labels: tf.tensor1d(Int32Array.from(examples.y), 'int32'),
  };
}

/**
 * Class-weighted cross-entropy of softmax outputs. Targets and weights are prepared once per set
 * (toTensors), so a training step adds only the few operations of the loss itself.
 */
function weightedCrossEntropy(probabilities: tf.Tensor, targets: tf.Tensor, rowWeights: tf.Tensor1D): tf.Scalar {
  const picked = tf.sum(tf.mul(probabilities, targets), 1);
  return tf.div(tf.neg(tf.sum(tf.mul(tf.log(tf.add(picked, EPSILON)), rowWeights))), tf.sum(rowWeights));
}

/** The rows `rows` of a set, as a set of its own. */
function rowsOf(set: TensorSet, rows: Int32Array): TensorSet {
  return tf.tidy(() => {
    const indices = tf.tensor1d(rows, 'int32');
    return {
      x: tf.gather(set.x, indices),
      targets: tf.gather(set.targets, indices),
      rowWeights: tf.gather(set.rowWeights, indices),
      labels: tf.gather(set.labels, indices),
    };
  });
}

/** Loss and accuracy of the model on a whole set, in one pass. */
function evaluateSet(model: tf.LayersModel, set: TensorSet): [number, number] {
  const [loss, accuracy] = tf.tidy(() => {
    // In one batch: predict's default, batches of 32, costs tfjs's overhead per batch, 0.7 s an
    // epoch on SisFall's probe and validation rows, where one batch takes milliseconds.
    const probabilities = model.predict(set.x, { batchSize: set.x.shape[0] }) as tf.Tensor2D;
    const lossValue = weightedCrossEntropy(probabilities, set.targets, set.rowWeights);
    const correct = tf.mean(tf.cast(tf.equal(tf.argMax(probabilities, 1), set.labels), 'float32'));
    return [lossValue, correct];
  });
  const values = [loss.dataSync()[0] ?? NaN, accuracy.dataSync()[0] ?? NaN] as [number, number];
  loss.dispose();
  accuracy.dispose();
  return values;
}

const classesOf = (model: tf.LayersModel): number => (model.outputs[0]?.shape[1] as number | undefined) ?? 0;

/**
 * tfjs as the engine, in a lean loop: the data go to the backend once, each batch is a gather of
 * its shuffled rows, and nothing is read back per batch. The reference the lean engine is checked
 * against, and the engine of any network the lean one cannot train.
 */
function tfjsEngine(model: tf.LayersModel, train: Examples, validation: Examples, options: FitOptions): FitEngine & { dispose(): void } {
  const classes = classesOf(model);
  const classWeights = options.classWeights ?? new Float32Array(classes).fill(1);
  const optimizer = tf.train.adam(options.learningRate);
  const trainSet = toTensors(train, classes, classWeights);
  const validationSet = toTensors(validation, classes, classWeights);
  const probeAt = probeRows(train.rows, options.seed);
  const probe = probeAt ? rowsOf(trainSet, probeAt) : trainSet;
  let best: tf.Tensor[] = [];
  return {
    step(rows) {
      // Each batch is gathered from the whole set by its indices (32 integers uploaded). Not a
      // slice of a shuffled copy: on the wasm backend a slice costs as much as its whole
      // source (24 ms per batch on 8,000 MNIST rows, against 0.7 ms for a gather).
      tf.tidy(() => {
        const batch = rowsOf(trainSet, rows);
        optimizer.minimize(() => weightedCrossEntropy(model.apply(batch.x, { training: true }) as tf.Tensor, batch.targets, batch.rowWeights));
      });
    },
    score: (side) => evaluateSet(model, side === 'probe' ? probe : validationSet),
    saveBest() {
      tf.dispose(best);
      best = model.getWeights().map((tensor) => tensor.clone());
    },
    restoreBest: () => model.setWeights(best),
    dispose() {
      tf.dispose(best);
      for (const set of new Set([trainSet, validationSet, probe])) tf.dispose(Object.values(set));
      optimizer.dispose();
    },
  };
}

/**
 * Trains a tfjs model with adam on the (class-weighted) sparse categorical cross-entropy, with
 * tfjs itself doing the maths (fitLean computes the same without it, many times faster).
 * After every epoch the validation set decides early stopping, and the best weights are
 * restored at the end.
 */
export async function fitModel(model: tf.LayersModel, train: Examples, validation: Examples, options: FitOptions): Promise<FitResult> {
  const engine = tfjsEngine(model, train, validation, options);
  try {
    return await runFit(engine, train.rows, options);
  } finally {
    engine.dispose();
  }
}

/** The layers of a Sequential of Dense and Dropout layers as the lean engine takes them, or undefined for any other network. */
function engineLayers(model: tf.LayersModel): EngineLayer[] | undefined {
  const layers: EngineLayer[] = [];
  for (const layer of model.layers) {
    const config = layer.getConfig();
    if (layer.getClassName() === 'Dropout' && layers.length > 0) {
      (layers.at(-1) as EngineLayer).dropout = Number(config['rate']);
      continue;
    }
    const activation = config['activation'];
    if (layer.getClassName() !== 'Dense' || config['useBias'] === false || (activation !== 'relu' && activation !== 'linear' && activation !== 'softmax')) return undefined;
    const [kernel, bias] = layer.getWeights();
    const [inputs, units] = kernel?.shape ?? [];
    if (!bias || inputs === undefined || units === undefined) return undefined;
    // The sizes straight from the shape, small integers: computed as kernel.length / units they
    // would be stored as doubles, and every index in the engine's loops with them (2× slower).
    layers.push({ inputs, units, kernel: Float32Array.from(kernel!.dataSync()), bias: Float32Array.from(bias.dataSync()), activation, dropout: 0 });
  }
  // The engine's backward pass takes a softmax as the last layer only, where the loss reads it.
  return layers.findIndex((layer) => layer.activation === 'softmax') === layers.length - 1 ? layers : undefined;
}

/**
 * fitModel's training, same loop, loss, adam and early stopping, computed by the lean engine over
 * plain arrays (dense-engine.ts) and the trained weights put back into `model`: tfjs's fixed cost
 * per operation, about 1 ms a step, was most of the time. A network that is not a stack of Dense
 * (and Dropout) layers ending in a softmax trains through tfjs, with fitModel.
 */
export async function fitLean(model: tf.LayersModel, train: Examples, validation: Examples, options: FitOptions): Promise<FitResult> {
  const layers = engineLayers(model);
  if (!layers) return fitModel(model, train, validation, options);
  const engine = new DenseEngine(layers, train, validation, options);
  const result = await runFit(engine, train.rows, options);
  const trained = layers.flatMap((layer) => [tf.tensor2d(layer.kernel, [layer.inputs, layer.units]), tf.tensor1d(layer.bias)]);
  model.setWeights(trained);
  tf.dispose(trained);
  return result;
}
