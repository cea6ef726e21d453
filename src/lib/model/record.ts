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

export interface TrainingSettings {
  hidden: number[];
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

/** A trained model as stored: weights, how to feed it, how it did, and what it learnt from. */
export interface StoredModel {
  id: string;
  name: string;
  createdAt: number;
  preprocessing: Preprocessing;
  training: TrainingSettings;
  metrics: ModelMetrics;
  /** A hash of the recordings (ids, sample counts, labels) it was trained on. */
  dataFingerprint: string;
  artifacts: ModelArtifacts;
}
