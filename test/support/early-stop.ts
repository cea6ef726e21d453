import type { EpochScores, TrainingStop } from '../../src/lib/model/record';

/**
 * Three epochs whose validation loss is lowest at the second: early stopping with patience 1
 * stops at the third and keeps the second's weights. Results kept with a model start from these
 * in the tests that store, export and show them.
 */
export const earlyStopCurves: EpochScores[] = [
  { loss: 1.2, accuracy: 0.5, valLoss: 1.1, valAccuracy: 0.55 },
  { loss: 0.6, accuracy: 0.8, valLoss: 0.7, valAccuracy: 0.75 },
  { loss: 0.4, accuracy: 0.9, valLoss: 0.8, valAccuracy: 0.7 },
];

export const earlyStop: TrainingStop = { stopped: 'early', epochs: 3, keptEpoch: 2 };
