import * as tf from '@tensorflow/tfjs';
import { mulberry32, shuffle } from './random';

/** Rows of features (row-major, `rows × cols`) and their label indices. */
export interface Examples {
  x: Float32Array;
  /** Label index per row, as float32: tfjs's sparse losses want floats. */
  y: Float32Array;
  rows: number;
  cols: number;
}

export interface FitOptions {
  epochs: number;
  batchSize: number;
  learningRate: number;
  /** Weight of each class in the loss, e.g. inverse frequency, so a rare label still counts. */
  classWeights?: Float32Array;
  /** Stop after this many epochs without a better validation loss, and keep the best weights. */
  patience?: number;
  seed?: number;
  signal?: AbortSignal;
  onEpoch?: (log: EpochLog) => void;
}

export interface EpochLog {
  epoch: number;
  loss: number;
  accuracy: number;
  valLoss: number;
  valAccuracy: number;
  elapsedMs: number;
}

export interface FitResult {
  history: EpochLog[];
  /** The epoch whose weights the model holds now (the best validation loss). */
  bestEpoch: number;
  stopped: 'completed' | 'early' | 'cancelled';
}

const EPSILON = 1e-7;

/** Inverse-frequency class weights, scaled so an evenly balanced set gets weight 1 everywhere. */
export function balancedClassWeights(y: Float32Array, classes: number): Float32Array {
  const counts = new Float32Array(classes);
  for (const label of y) counts[label] = (counts[label] ?? 0) + 1;
  const present = counts.filter((count) => count > 0).length;
  return counts.map((count) => (count > 0 ? y.length / (present * count) : 0));
}

function weightedCrossEntropy(probabilities: tf.Tensor, labels: tf.Tensor1D, weights: tf.Tensor1D, classes: number): tf.Scalar {
  const oneHot = tf.oneHot(tf.cast(labels, 'int32'), classes);
  const picked = tf.sum(tf.mul(probabilities, oneHot), 1);
  const perRow = tf.neg(tf.log(tf.add(picked, EPSILON)));
  const rowWeights = tf.gather(weights, tf.cast(labels, 'int32'));
  return tf.div(tf.sum(tf.mul(perRow, rowWeights)), tf.sum(rowWeights));
}

/** Loss and accuracy of the model on a whole set, in one pass. */
function evaluateSet(model: tf.LayersModel, x: tf.Tensor2D, y: tf.Tensor1D, weights: tf.Tensor1D, classes: number): [number, number] {
  const [loss, accuracy] = tf.tidy(() => {
    const probabilities = model.predict(x) as tf.Tensor2D;
    const lossValue = weightedCrossEntropy(probabilities, y, weights, classes);
    const correct = tf.mean(tf.cast(tf.equal(tf.argMax(probabilities, 1), tf.cast(y, 'int32')), 'float32'));
    return [lossValue, correct];
  });
  const values = [loss.dataSync()[0] ?? NaN, accuracy.dataSync()[0] ?? NaN] as [number, number];
  loss.dispose();
  accuracy.dispose();
  return values;
}

/**
 * Trains with adam on the (class-weighted) sparse categorical cross-entropy, in a lean loop:
 * the data go to the backend once, each epoch is one shuffle (a single gather) and plain
 * slices, and nothing is read back per batch, so the time goes to the maths, not to overhead.
 * After every epoch the validation set decides early stopping, and the best weights are
 * restored at the end.
 */
export async function fitModel(model: tf.LayersModel, train: Examples, validation: Examples, options: FitOptions): Promise<FitResult> {
  const classes = (model.outputs[0]?.shape[1] as number | undefined) ?? 0;
  const random = mulberry32(options.seed ?? 1);
  const optimizer = tf.train.adam(options.learningRate);
  const xs = tf.tensor2d(train.x, [train.rows, train.cols]);
  const ys = tf.tensor1d(train.y, 'float32');
  const valXs = tf.tensor2d(validation.x, [validation.rows, validation.cols]);
  const valYs = tf.tensor1d(validation.y, 'float32');
  const weights = tf.tensor1d(options.classWeights ?? new Float32Array(classes).fill(1));
  const order = new Int32Array(train.rows).map((_, i) => i);
  const history: EpochLog[] = [];
  let best: { loss: number; epoch: number; weights: tf.Tensor[] } | undefined;
  let stopped: FitResult['stopped'] = 'completed';
  const started = performance.now();
  try {
    for (let epoch = 1; epoch <= options.epochs; epoch += 1) {
      if (options.signal?.aborted) {
        stopped = 'cancelled';
        break;
      }
      shuffle(order, random);
      const shuffled = tf.tidy(() => {
        const indices = tf.tensor1d(order, 'int32');
        return [tf.gather(xs, indices), tf.gather(ys, indices)] as [tf.Tensor2D, tf.Tensor1D];
      });
      for (let from = 0; from < train.rows; from += options.batchSize) {
        const size = Math.min(options.batchSize, train.rows - from);
        tf.tidy(() => {
          const batchX = shuffled[0].slice([from, 0], [size, train.cols]);
          const batchY = shuffled[1].slice([from], [size]);
          optimizer.minimize(() => weightedCrossEntropy(model.apply(batchX, { training: true }) as tf.Tensor, batchY, weights, classes));
        });
      }
      shuffled.forEach((tensor) => tensor.dispose());
      const [loss, accuracy] = evaluateSet(model, xs, ys, weights, classes);
      const [valLoss, valAccuracy] = evaluateSet(model, valXs, valYs, weights, classes);
      const log = { epoch, loss, accuracy, valLoss, valAccuracy, elapsedMs: performance.now() - started };
      history.push(log);
      options.onEpoch?.(log);
      if (!best || valLoss < best.loss) {
        best?.weights.forEach((tensor) => tensor.dispose());
        best = { loss: valLoss, epoch, weights: model.getWeights().map((tensor) => tensor.clone()) };
      } else if (options.patience !== undefined && epoch - best.epoch >= options.patience) {
        stopped = 'early';
        break;
      }
      // Let the worker's message loop run (cancel requests, progress) between epochs.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    if (best) model.setWeights(best.weights);
    return { history, bestEpoch: best?.epoch ?? 0, stopped };
  } finally {
    best?.weights.forEach((tensor) => tensor.dispose());
    [xs, ys, valXs, valYs, weights].forEach((tensor) => tensor.dispose());
    optimizer.dispose();
  }
}
