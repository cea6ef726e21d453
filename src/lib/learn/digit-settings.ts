import type { EpochLog } from '../train/fit';
import { DigitNetwork, scoreProbabilities, sparseImages, type DigitWeights, type SetScore } from './digit-network';
import type { LabelledImages } from './idx';
import type { DigitSplit } from './shipped-digits';

// What a digits run is asked and what it gives back, for the page, the worker and both engines;
// no engine here, so the page can read the settings without loading one.

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
