import { mulberry32, shuffle } from './random';

/**
 * The training loop shared by both engines (tfjs's in fit.ts, the lean one in dense-engine.ts):
 * shuffled batches, a per-epoch score, early stopping and the best weights restored. Free of
 * TensorFlow.js, so the lean engine runs anywhere.
 */

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
  /**
   * Keep the weights of the epoch with the best validation loss (the default), or, as Keras's
   * plain `fit`, those of the last epoch: the lesson's overfitting has to be seen, not undone.
   */
  keepBest?: boolean;
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
  /** The epoch whose weights the model holds now (the best validation loss, or the last one). */
  bestEpoch: number;
  stopped: 'completed' | 'early' | 'cancelled';
}

/** What the loop asks of an engine; the engine holds the sets, the weights and the optimizer. */
export interface FitEngine {
  /** One optimizer step on these rows of the training set. */
  step(rows: Int32Array): void;
  /** Class-weighted loss and accuracy on the training probe (see probeRows) or on the validation set. */
  score(side: 'probe' | 'validation'): [loss: number, accuracy: number];
  /** Copies the weights aside as the best so far. */
  saveBest(): void;
  /** Puts the weights saveBest copied back. */
  restoreBest(): void;
}

/** Inverse-frequency class weights, scaled so an evenly balanced set gets weight 1 everywhere. */
export function balancedClassWeights(y: Float32Array, classes: number): Float32Array {
  const counts = new Float32Array(classes);
  for (const label of y) counts[label] = (counts[label] ?? 0) + 1;
  const present = counts.filter((count) => count > 0).length;
  return counts.map((count) => (count > 0 ? y.length / (present * count) : 0));
}

/**
 * Lets a worker's message loop run (cancel requests, progress) between epochs. Through a
 * MessageChannel, not setTimeout(0): browsers stretch nested timeouts to 4 ms each.
 */
export function nextTask(): Promise<void> {
  return new Promise<void>((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/** Training rows the per-epoch training loss and accuracy are read on. */
export const TRAIN_PROBE_ROWS = 2048;

/**
 * The training rows the per-epoch training curve is read on, a fixed random sample, or
 * undefined for all of them when the set is small: the sample tells the same story as the whole
 * set at a fraction of the cost per epoch (the final scores use every row).
 */
export function probeRows(rows: number, seed = 1): Int32Array | undefined {
  if (rows <= TRAIN_PROBE_ROWS) return undefined;
  const order = new Int32Array(rows).map((_, i) => i);
  shuffle(order, mulberry32(seed + 1));
  return order.slice(0, TRAIN_PROBE_ROWS);
}

/**
 * Trains `engine` on `trainRows` rows: every epoch the rows are shuffled and cut into batches,
 * then scored; the validation loss decides early stopping, and the best weights are restored at
 * the end.
 */
export async function runFit(engine: FitEngine, trainRows: number, options: FitOptions): Promise<FitResult> {
  const random = mulberry32(options.seed ?? 1);
  const order = new Int32Array(trainRows).map((_, i) => i);
  const history: EpochLog[] = [];
  let bestEpoch = 0;
  let stopped: FitResult['stopped'] = 'completed';
  const started = performance.now();
  for (let epoch = 1; epoch <= options.epochs; epoch += 1) {
    if (options.signal?.aborted) {
      stopped = 'cancelled';
      break;
    }
    shuffle(order, random);
    for (let from = 0; from < trainRows; from += options.batchSize) engine.step(order.subarray(from, Math.min(trainRows, from + options.batchSize)));
    const [loss, accuracy] = engine.score('probe');
    const [valLoss, valAccuracy] = engine.score('validation');
    const log = { epoch, loss, accuracy, valLoss, valAccuracy, elapsedMs: performance.now() - started };
    history.push(log);
    options.onEpoch?.(log);
    if (options.keepBest === false) {
      bestEpoch = epoch;
    } else if (bestEpochOf(history) === epoch) {
      bestEpoch = epoch;
      engine.saveBest();
    } else if (options.patience !== undefined && epoch - bestEpoch >= options.patience) {
      stopped = 'early';
      break;
    }
    await nextTask();
  }
  if (bestEpoch > 0 && options.keepBest !== false) engine.restoreBest();
  return { history, bestEpoch, stopped };
}

/**
 * The epoch with the lowest validation loss so far, the first of equals (0 before any): the
 * weights early stopping keeps, and what the Train page names while training runs.
 *
 * @example
 * bestEpochOf([{ epoch: 1, valLoss: 0.9, ... }, { epoch: 2, valLoss: 0.5, ... }, { epoch: 3, valLoss: 0.6, ... }]) // 2
 */
export function bestEpochOf(history: readonly Pick<EpochLog, 'epoch' | 'valLoss'>[]): number {
  let best: Pick<EpochLog, 'epoch' | 'valLoss'> | undefined;
  for (const log of history) if (!best || log.valLoss < best.valLoss) best = log;
  return best?.epoch ?? 0;
}
