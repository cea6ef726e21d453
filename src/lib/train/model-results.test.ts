import { describe, expect, test } from 'vitest';
import { bestEpochOf, runFit, type EpochLog, type FitEngine } from './fit-loop';
import { evaluate } from './metrics';
import { foldedResults, heldOutResults, type TrainedRun } from './model-results';
import { splitRecordings } from './split';

const log = (epoch: number, valLoss: number): EpochLog => ({ epoch, loss: 1 / epoch, accuracy: 0.5, valLoss, valAccuracy: 0.6, elapsedMs: epoch * 10 });

/** An engine whose validation loss follows `losses`, epoch by epoch, and that records which epoch's weights it holds. */
function scriptedEngine(losses: readonly number[]): FitEngine & { held: number; saved: number } {
  let epoch = 0;
  return {
    held: 0,
    saved: 0,
    step() {},
    score(side) {
      if (side === 'probe') epoch += 1;
      return [side === 'probe' ? 1 : losses[epoch - 1]!, 0.5];
    },
    saveBest() {
      this.saved = epoch;
    },
    restoreBest() {
      this.held = this.saved;
    },
  };
}

describe('the kept epoch', () => {
  test('is the first with the lowest validation loss', () => {
    expect(bestEpochOf([])).toBe(0);
    expect(bestEpochOf([log(1, 0.9), log(2, 0.5), log(3, 0.6), log(4, 0.5)])).toBe(2);
    expect(bestEpochOf([log(1, NaN), log(2, 0.5)])).toBe(1);
  });

  test('early stopping ends `patience` epochs after it, holds its weights and names it', async () => {
    const losses = [1, 0.8, 0.6, 0.65, 0.7, 0.62, 0.9, 0.5];
    const engine = scriptedEngine(losses);
    const fit = await runFit(engine, 4, { epochs: 8, batchSize: 2, learningRate: 0.01, patience: 3 });
    expect(fit.stopped).toBe('early');
    expect(fit.history).toHaveLength(6);
    expect(fit.bestEpoch).toBe(3);
    expect(bestEpochOf(fit.history)).toBe(fit.bestEpoch);
    expect(engine.held).toBe(3);
  });
});

describe('results kept with a model', () => {
  const recordings = [
    { id: 'w1', name: 'walk ana', label: 'walking', group: 'ana' },
    { id: 'w2', name: 'walk ben', label: 'walking', group: '' },
    { id: 'w3', name: 'walk cai', label: 'walking', group: 'cai' },
    { id: 'r1', name: 'run ana', label: 'running', group: 'ana' },
    { id: 'r2', name: 'run ben', label: 'running', group: '' },
    { id: 'r3', name: 'run cai', label: 'running', group: 'cai' },
  ];
  const labels = ['running', 'walking'];
  const run: TrainedRun = {
    history: [log(1, 0.9), log(2, 0.4), log(3, 0.5)],
    stopped: 'early',
    bestEpoch: 2,
    preprocessing: { features: {} as never, featureNames: [], stats: { mean: [], std: [] }, labels },
    testRecordings: [
      { recording: 1, truth: 1, predicted: 0, windows: 8, windowAccuracy: 0.375, correct: false },
      { recording: 2, truth: 0, predicted: 0, windows: 6, windowAccuracy: 1, correct: true },
    ],
    windows: { train: 20, validation: 6, test: 14 },
    split: splitRecordings(recordings, { seed: 1 }).summary,
    test: evaluate(labels, [1, 1, 0, 0], [0, 1, 0, 0]),
    baseline: evaluate(labels, [1, 1, 0, 0], [1, 1, 1, 1]),
  };

  test('a run on a split keeps its curves, how it stopped, its test side and the recordings it got wrong, by name', () => {
    const results = heldOutResults(run, recordings);
    expect(results.curves).toEqual(run.history.map(({ loss, accuracy, valLoss, valAccuracy }) => ({ loss, accuracy, valLoss, valAccuracy })));
    expect(results.stop).toEqual({ stopped: 'early', epochs: 3, keptEpoch: 2 });
    expect(results.test.macroF1).toEqual({ test: run.test.macroF1, baseline: run.baseline.macroF1 });
    expect(results.test.windows).toEqual({ train: 20, validation: 6, test: 14 });
    const { sides } = run.split;
    expect(results.test.recordings).toEqual({ train: sides.train.recordings, validation: sides.validation.recordings, test: sides.test.recordings });
    expect(run.split.byGroup).toBe(true);
    expect(results.test.caution).toEqual({ kind: 'people-unknown', unknown: 2, recordings: 6 });
    expect(results.test.wrong).toEqual([{ name: 'walk ben', truth: 'walking', predicted: 'running', windows: 8, wrongWindows: 5 }]);
    // Kept as structured data, it survives the store's structured clone and a JSON file alike.
    expect(structuredClone(results)).toEqual(results);
  });

  test('a model the search trained on everyone keeps its curves and the folds that scored it', () => {
    const fold = { groups: ['ana'], net: { accuracy: 0.9, macroF1: 0.85 }, baseline: { accuracy: 0.4, macroF1: 0.3 }, windows: 40, epochs: 5 };
    expect(foldedResults(run, [fold])).toEqual({
      curves: heldOutResults(run, recordings).curves,
      stop: { stopped: 'early', epochs: 3, keptEpoch: 2 },
      folds: [{ people: ['ana'], accuracy: 0.9, macroF1: 0.85, baselineAccuracy: 0.4 }],
    });
  });
});
