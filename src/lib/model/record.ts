import type { FeatureConfig } from '../signal/features';
import type { FeatureStats } from '../signal/standardize';

/** The weights of a tfjs model as `tf.io` hands them over: JSON topology, manifest, one buffer. */
export interface ModelArtifacts {
  modelTopology: object;
  weightSpecs: { name: string; shape: number[]; dtype: 'float32' | 'int32' | 'bool' | 'string' | 'complex64' }[];
  weightData: ArrayBuffer;
}

/**
 * Everything that turns samples into this model's inputs. A model never travels without it: the
 * same weights fed differently resampled, windowed or scaled inputs compute something else.
 */
export interface Preprocessing {
  features: FeatureConfig;
  /** Names of the input columns, in order (checked against the feature code on load). */
  featureNames: string[];
  /** Standardisation statistics from the training split only. */
  stats: FeatureStats;
  /** Output index → label. */
  labels: string[];
}

/**
 * The kinds of network a model can hold. Each kind is one folder of model/ (model/dense/,
 * model/cnn/) with everything it takes: reading and checking its stored weights, its forward pass
 * in plain TypeScript, its C and .tflite writers (network-kinds.ts lists them), and its tfjs
 * builder (network-builders.ts: the worker's side, the only one that loads TensorFlow.js).
 */
export type NetworkKindName = 'dense' | 'cnn';

export interface TrainingSettings {
  /** Which kind of network to train: 'cnn' reads a 'channels' input. Absent in models saved before the CNN: those are dense. */
  network?: NetworkKindName;
  hidden: number[];
  /**
   * Made-up placements per training recording: copies turned, scaled and stretched at random
   * (signal/augment.ts), seeded, on the training side only. 0 or absent: none.
   */
  augment?: number;
  dropout: number;
  learningRate: number;
  epochs: number;
  batchSize: number;
  classWeights: boolean;
  patience: number;
  seed: number;
}

export interface SplitScores {
  accuracy: number;
  /** F1 per label, in label order. */
  f1: number[];
}

export interface ModelMetrics {
  train: SplitScores;
  validation: SplitScores;
  test: SplitScores;
  /** The rule baseline on the same test windows. */
  baseline: SplitScores;
  /** Test confusion matrix: rows true label, columns predicted. */
  confusion: number[][];
  epochs: number;
  trainMs: number;
}

/** The three sides of a dataset split: train, validation, test. */
export type SplitName = 'train' | 'validation' | 'test';

/** A recording on the training side, as it was when the model learnt from it. */
export interface TrainedRecording {
  id: string;
  name: string;
  label: string;
  sampleCount: number;
}

/**
 * Which recordings the model learnt from, was stopped by and was tested on. The int8 export
 * calibrates on exactly the training side, and refuses, naming them, when those recordings are
 * gone or changed: scales read from other data would fit other inputs.
 */
export interface TrainedOn {
  train: TrainedRecording[];
  /** Ids of the validation side's recordings. */
  validation: string[];
  /** Ids of the test side's recordings. */
  test: string[];
  /** dataFingerprint of `train`: compared with the recordings on the device before calibrating. */
  fingerprint: string;
}

/** The training and validation loss and accuracy after one epoch: a point of the curves. */
export interface EpochScores {
  loss: number;
  accuracy: number;
  valLoss: number;
  valAccuracy: number;
}

/**
 * How training ended, to say it in words: every epoch run, stopped early because the validation
 * loss stopped improving, or cancelled; and whose weights the model kept.
 */
export interface TrainingStop {
  stopped: 'completed' | 'early' | 'cancelled';
  /** Epochs run. */
  epochs: number;
  /** The epoch whose weights the model holds: the one with the lowest validation loss. */
  keptEpoch: number;
}

/** A test recording most of whose windows the network labelled wrong. */
export interface WrongRecording {
  name: string;
  truth: string;
  /** The label most of its windows got. */
  predicted: string;
  /** Its test windows, and how many of them were labelled wrong. */
  windows: number;
  wrongWindows: number;
}

/**
 * Why a split's test score is optimistic, named so the Train page can say how to fix it: no
 * recording says who made it, some do not, or too few people for a split by person.
 */
export type SplitCaution = { kind: 'no-people' } | { kind: 'people-unknown'; unknown: number; recordings: number } | { kind: 'too-few-people'; people: number };

/** What the test side of a split showed, beyond the scores of `ModelMetrics`. */
export interface TestResults {
  /** Macro-F1 on the test windows, of the network and of the rules. */
  macroF1: { test: number; baseline: number };
  windows: Record<SplitName, number>;
  recordings: Record<SplitName, number>;
  /** Why its test score is optimistic; absent when the split was by person. */
  caution?: SplitCaution;
  wrong: WrongRecording[];
}

/** One fold of a cross-validation by person: the people held out and how the network and the rules did on them. */
export interface FoldScore {
  people: string[];
  accuracy: number;
  macroF1: number;
  baselineAccuracy: number;
}

/**
 * What the Train page showed when the model was trained, kept with it to show again: the
 * curves, how training stopped, and either its test side (a model trained on a split) or the
 * cross-validation folds that scored it (a model the setup search trained on every recording).
 */
export interface ModelResults {
  curves: EpochScores[];
  stop: TrainingStop;
  test?: TestResults;
  folds?: FoldScore[];
}

/** The results of a model trained on a split, with its test side. */
export type HeldOutResults = ModelResults & { test: TestResults };

/**
 * What the unknown score (model/unknown-score.ts) needs: where in the last hidden layer each
 * activity sits, how the layer varies around them, and the score above which a window is unlike
 * anything the model was trained on.
 */
export interface UnknownStats {
  /**
   * Whether the score reads the network's standardised inputs before its last hidden layer
   * (model/unknown-score.ts `scoredValues`); absent in models whose score reads the hidden layer alone.
   */
  withInputs?: true;
  /** Each label's mean of the values scored over its training windows, in label order. */
  means: number[][];
  /**
   * The inverse of each label's covariance around its mean, row-major [values × values], one after
   * another in label order; models saved before `logDeterminants` hold one matrix shared by every label.
   */
  precision: number[];
  /**
   * The log-determinant of each label's covariance, added to its distance (model/unknown-score.ts
   * `unknownScore`); absent in models saved before, whose one covariance is shared.
   */
  logDeterminants?: number[];
  /** A window scoring above this is unknown, as `npm run evaluate -- --unknown` measures it. */
  threshold: number;
  /**
   * The stricter threshold Live and the board use (model/unknown-score.ts `liveThresholdOf`),
   * calling at most `liveFalseUnknownRate` of each validation person's windows unknown; absent in
   * models saved before it, which use `threshold`.
   */
  liveThreshold?: number;
  /** The share of each validation person's windows (of trained activities) at most that scored above `threshold`, as chosen. */
  falseUnknownRate: number;
}

/** A trained model as stored: weights, how to feed it, how it did, and what it learnt from. */
export interface StoredModel {
  id: string;
  name: string;
  createdAt: number;
  preprocessing: Preprocessing;
  training: TrainingSettings;
  metrics: ModelMetrics;
  /** The recordings on each side of its split; absent in models saved before it was kept. */
  trainedOn?: TrainedOn;
  /** What training showed, to show again; absent in models saved before results were kept. */
  results?: ModelResults;
  /** The unknown score's statistics; absent in models saved before it: their unknown is a probability under Live's threshold. */
  unknown?: UnknownStats;
  artifacts: ModelArtifacts;
}
