import type { TrainingSettings } from '../model/record';

/** The activity network's defaults: the Dense(32) → Dropout → Dense(16), adam, early stopping. Free of tfjs, so pages can show them without loading it. */
export const defaultTrainingSettings: TrainingSettings = {
  hidden: [32, 16],
  dropout: 0.2,
  learningRate: 0.003,
  epochs: 60,
  batchSize: 32,
  classWeights: true,
  patience: 10,
  seed: 1,
};

/** Cross-validation by person: k-fold over people (k is capped at the number of people), or leave-one-person-out. */
export type FoldCount = number | 'loso';
export const defaultFoldCount = 5;
