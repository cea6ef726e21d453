import type { EpochScores, FoldScore, HeldOutResults, ModelResults, TrainingStop, WrongRecording } from '../model/record';
import type { Recording } from '../store/recording';
import type { FoldResult } from './cross-validation';
import type { EpochLog } from './fit-loop';
import { splitCaution } from './split-caution';
import type { TrainedActivityModel } from './train-activity';

/** What of a finished run the results need: everything but the network itself. */
export type TrainedRun = Pick<TrainedActivityModel, 'history' | 'stopped' | 'bestEpoch' | 'preprocessing' | 'testRecordings' | 'windows' | 'split' | 'test' | 'baseline'>;

/** The curves' points: the loss and accuracy of each epoch, without the clock. */
export function curvesOf(history: readonly EpochLog[]): EpochScores[] {
  return history.map(({ loss, accuracy, valLoss, valAccuracy }) => ({ loss, accuracy, valLoss, valAccuracy }));
}

/** How a run ended and whose weights it kept. */
export function trainingStopOf(run: Pick<TrainedRun, 'history' | 'stopped' | 'bestEpoch'>): TrainingStop {
  return { stopped: run.stopped, epochs: run.history.length, keptEpoch: run.bestEpoch };
}

/**
 * The results of a run on a train / validation / test split, to keep with its model: the
 * curves, how it stopped, the test side's macro-F1, sizes and caution, and the test recordings
 * most of whose windows it got wrong, by name.
 *
 * @example
 * const results = heldOutResults(trained, recordings.map(({ recording }) => recording));
 */
export function heldOutResults(run: TrainedRun, recordings: readonly Pick<Recording, 'id' | 'name' | 'label' | 'group'>[]): HeldOutResults {
  const labels = run.preprocessing.labels;
  const wrong: WrongRecording[] = run.testRecordings
    .filter((result) => !result.correct)
    .map((result) => ({
      name: recordings[result.recording]?.name ?? '',
      truth: labels[result.truth] ?? '',
      predicted: labels[result.predicted] ?? '?',
      windows: result.windows,
      wrongWindows: Math.round(result.windows * (1 - result.windowAccuracy)),
    }));
  const sides = run.split.sides;
  const caution = splitCaution(recordings, run.split);
  return {
    curves: curvesOf(run.history),
    stop: trainingStopOf(run),
    test: {
      macroF1: { test: run.test.macroF1, baseline: run.baseline.macroF1 },
      windows: { ...run.windows },
      recordings: { train: sides.train.recordings, validation: sides.validation.recordings, test: sides.test.recordings },
      ...(caution && { caution }),
      wrong,
    },
  };
}

/**
 * The results of a model trained on every recording, scored by cross-validation by person (the
 * setup search's): the curves and stop of its own training, and the folds' scores.
 */
export function foldedResults(run: Pick<TrainedRun, 'history' | 'stopped' | 'bestEpoch'>, folds: readonly FoldResult[]): ModelResults {
  const scores: FoldScore[] = folds.map((fold) => ({ people: [...fold.groups], accuracy: fold.net.accuracy, macroF1: fold.net.macroF1, baselineAccuracy: fold.baseline.accuracy }));
  return { curves: curvesOf(run.history), stop: trainingStopOf(run), folds: scores };
}
