import { nextTask, type EpochLog } from '../learn/fit';
import { mulberry32, shuffle } from '../learn/random';
import { defaultAdam, DigitNetwork, initialWeights, scoreProbabilities, sparseImages, type DigitWeights, type SetScore } from './digit-network';
import type { LabelledImages } from './idx';
import { sliceImages, type DigitSplit } from './shipped-digits';

/** What a digits run can change: the lesson's network is 20 hidden units, 20 epochs, batches of 32. */
export interface DigitSettings {
  hidden: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  seed: number;
  /**
   * `sparse`: the hand-written network that skips blank pixels (digit-network.ts);
   * `tfjs`: the same network as a TensorFlow.js model on the wasm backend, in the app's lean loop.
   */
  engine: 'sparse' | 'tfjs';
  /** Train on only the first this many training digits (the overfitting lab's "little data"). */
  trainRows?: number;
}

export const lessonDigitSettings: DigitSettings = { hidden: 20, epochs: 20, batchSize: 32, learningRate: 0.001, seed: 1, engine: 'sparse' };

/** The whole numbers the page accepts for the settings a user types. */
export const digitSettingLimits = { hidden: { min: 1, max: 256 }, epochs: { min: 1, max: 200 } } as const;

export interface DigitSettingProblem {
  field: keyof typeof digitSettingLimits;
  min: number;
  max: number;
}

/**
 * The first typed setting that is not a whole number within its limits (an emptied field reads
 * as null), or undefined when the network can be trained.
 */
export function checkDigitSettings(settings: { hidden: unknown; epochs: unknown }): DigitSettingProblem | undefined {
  for (const field of ['hidden', 'epochs'] as const) {
    const value = settings[field];
    const { min, max } = digitSettingLimits[field];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) return { field, min, max };
  }
  return undefined;
}

export interface DigitOutcome {
  weights: DigitWeights;
  history: EpochLog[];
  stopped: 'completed' | 'cancelled';
  /** Scores of the final weights on every row of each set. */
  train: SetScore;
  validation: SetScore;
  test: SetScore;
  /** The test digits' class probabilities, `count × 10`, for the page to show any of them. */
  testProbabilities: Float32Array;
  trainRows: number;
  /** The training loop alone: steps and per-epoch validation. */
  trainMs: number;
  /** The training loop's time per step (a batch forward, backward and adam update), per-epoch validation included. */
  stepMs: number;
}

export interface DigitProgress {
  signal?: AbortSignal;
  onEpoch?: (log: EpochLog) => void;
}

/** Trains the lesson's network on a split with the engine the settings name. */
export async function trainDigits(split: DigitSplit, settings: DigitSettings, progress: DigitProgress = {}): Promise<DigitOutcome> {
  const trainImages = sliceImages(split.train, 0, Math.min(settings.trainRows ?? split.train.count, split.train.count));
  if (settings.engine === 'tfjs') {
    const { trainDigitsTfjs } = await import('./train-digits-tfjs');
    return trainDigitsTfjs({ ...split, train: trainImages }, settings, progress);
  }
  return trainDigitsSparse({ ...split, train: trainImages }, settings, progress);
}

/**
 * The hand-written engine, as Keras's `model.fit(…, validation_data=…)` trains: shuffled batches
 * every epoch, the epoch's running training loss and accuracy, validation after every epoch.
 * The data go into sparse rows once; after that a step touches only the numbers it needs, with
 * no per-batch callbacks, awaits or copies.
 */
async function trainDigitsSparse(split: DigitSplit, settings: DigitSettings, progress: DigitProgress): Promise<DigitOutcome> {
  const train = sparseImages(split.train);
  const validation = sparseImages(split.validation);
  const network = new DigitNetwork(initialWeights(train.inputs, settings.hidden, 10, settings.seed), { ...defaultAdam, learningRate: settings.learningRate });
  const random = mulberry32(settings.seed + 1);
  const order = Int32Array.from({ length: train.count }, (_, row) => row);
  const history: EpochLog[] = [];
  let stopped: DigitOutcome['stopped'] = 'completed';
  const started = performance.now();
  for (let epoch = 1; epoch <= settings.epochs; epoch += 1) {
    if (progress.signal?.aborted) {
      stopped = 'cancelled';
      break;
    }
    shuffle(order, random);
    let lossSum = 0;
    let correct = 0;
    for (let from = 0; from < train.count; from += settings.batchSize) {
      const to = Math.min(train.count, from + settings.batchSize);
      const step = network.trainBatch(train, order, from, to);
      lossSum += step.loss * (to - from);
      correct += step.correct;
    }
    const validationScore = scoreProbabilities(network.predict(validation), validation.labels, 10);
    const log: EpochLog = {
      epoch,
      loss: lossSum / train.count,
      accuracy: correct / train.count,
      valLoss: validationScore.loss,
      valAccuracy: validationScore.accuracy,
      elapsedMs: performance.now() - started,
    };
    history.push(log);
    progress.onEpoch?.(log);
    await nextTask();
  }
  return finalScores(network.weights, split, { history, stopped, trainMs: performance.now() - started, batchSize: settings.batchSize });
}

/** The final weights scored on every row of each set, the same way whichever engine trained them. */
export function finalScores(
  weights: DigitWeights,
  split: DigitSplit,
  run: { history: EpochLog[]; stopped: DigitOutcome['stopped']; trainMs: number; batchSize: number },
): DigitOutcome {
  const scorer = new DigitNetwork(weights);
  const score = (set: LabelledImages) => {
    const probabilities = scorer.predict(sparseImages(set));
    return { probabilities, score: scoreProbabilities(probabilities, set.labels, 10) };
  };
  const test = score(split.test);
  const steps = run.history.length * Math.ceil(split.train.count / run.batchSize);
  return {
    weights,
    history: run.history,
    stopped: run.stopped,
    train: score(split.train).score,
    validation: score(split.validation).score,
    test: test.score,
    testProbabilities: test.probabilities,
    trainRows: split.train.count,
    trainMs: run.trainMs,
    stepMs: steps > 0 ? run.trainMs / steps : NaN,
  };
}
