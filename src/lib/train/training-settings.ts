import type { TrainingSettings } from '../model/record';

/**
 * The activity network's defaults: the Dense(32) → Dropout → Dense(16), adam, early
 * stopping. Free of tfjs, so pages can show them without loading it. Dropout 0.3 rather than 0.2:
 * with the default features, 5-fold cross-validation by person on SisFall gave 0.972 and 0.970
 * (folds seeded 1 and 2) against 0.970 and 0.967; a wider net (64, 32) did worse (0.964), a
 * patience of 20 the same.
 */
export const defaultTrainingSettings: TrainingSettings = {
  network: 'dense',
  hidden: [32, 16],
  dropout: 0.3,
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
