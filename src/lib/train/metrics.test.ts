import { describe, expect, it } from 'vitest';
import { diagnose, evaluate, recordingResults } from './metrics';

const labels = ['walking', 'running', 'biking'];
// Worked by hand below; -1 is a label outside the list (the rules' "golfing" was never in it).
const truth = [0, 0, 0, 0, 1, 1, 1, 2, 2, 2];
const predicted = [0, 0, 1, -1, 1, 1, 0, 2, 2, 1];

describe('evaluate', () => {
  const result = evaluate(labels, truth, predicted);

  it('counts the confusion matrix, with a column for labels outside the list', () => {
    expect(result.confusion.counts).toEqual([
      [2, 1, 0, 1],
      [1, 2, 0, 0],
      [0, 1, 2, 0],
    ]);
    expect(result.normalized[0]).toEqual([0.5, 0.25, 0, 0.25]);
    expect(result.accuracy).toBe(0.6);
  });

  it('scores each label: precision TP/(TP+FP), recall TP/(TP+FN), F1 their harmonic mean', () => {
    const scores = result.perLabel;
    // walking: 2 right of 3 predicted, of 4 windows; running: 2 of 4, of 3; biking: 2 of 2, of 3.
    expect(scores.map((s) => [s.precision, s.recall, s.support])).toEqual([
      [2 / 3, 0.5, 4],
      [0.5, 2 / 3, 3],
      [1, 2 / 3, 3],
    ]);
    expect(scores[0]!.f1).toBeCloseTo(4 / 7, 12);
    expect(scores[1]!.f1).toBeCloseTo(4 / 7, 12);
    expect(scores[2]!.f1).toBeCloseTo(0.8, 12);
    expect(result.macroF1).toBeCloseTo((4 / 7 + 4 / 7 + 0.8) / 3, 12);
  });

  it('gives 0 for ratios with nothing to divide by, and leaves an untested label out of the macro F1', () => {
    const some = evaluate(['a', 'b', 'c'], [0, 0, 1], [1, 1, 1]);
    expect(some.perLabel.map((s) => [s.precision, s.recall, s.f1])).toEqual([
      [0, 0, 0],
      [1 / 3, 1, 0.5],
      [0, 0, 0],
    ]);
    expect(some.macroF1).toBe(0.25); // a and b; c neither occurs nor is predicted
    expect(evaluate(labels, [], []).accuracy).toBeNaN();
  });
});

describe('recordingResults', () => {
  it('gives each recording the label most of its windows got', () => {
    const { recordings, accuracy } = recordingResults(truth, predicted, [0, 0, 0, 0, 1, 1, 1, 2, 2, 2], 3);
    expect(recordings.map((r) => [r.recording, r.truth, r.predicted, r.windows, r.correct])).toEqual([
      [0, 0, 0, 4, true],
      [1, 1, 1, 3, true],
      [2, 2, 2, 3, true],
    ]);
    expect(recordings[0]!.windowAccuracy).toBe(0.5);
    expect(accuracy).toBe(1);
  });

  it('breaks ties toward the lowest label, and a majority outside the list is wrong', () => {
    const { recordings, accuracy } = recordingResults([1, 1, 0, 0, 0], [0, 1, -1, -1, 0], [5, 5, 9, 9, 9], 2);
    expect(recordings.map((r) => [r.recording, r.predicted, r.correct])).toEqual([
      [5, 0, false],
      [9, -1, false],
    ]);
    expect(accuracy).toBe(0);
  });
});

describe('diagnose', () => {
  it("reads the lesson's three models", () => {
    expect(diagnose(0.999, 0.96, 0.95).verdict).toBe('good'); // A
    expect(diagnose(0.87, 0.87, 0.87).verdict).toBe('good'); // B
    const c = diagnose(0.999, 0.5, 0.45);
    expect(c.verdict).toBe('overfitting');
    expect(c.hints).toEqual(['more-data', 'fewer-units-or-more-dropout']);
    expect(c.gap).toBeCloseTo(0.549, 12);
  });

  it('calls low training accuracy underfitting, before any gap', () => {
    const d = diagnose(0.6, 0.3, 0.3);
    expect(d.verdict).toBe('underfitting');
    expect(d.hints).toEqual(['more-epochs-or-bigger-model']);
    expect(d.message).toMatch(/only 60 % of its own training windows/);
  });

  it('takes the worse held-out side, and ignores a side left out', () => {
    expect(diagnose(0.95, 0.8, 0.94).verdict).toBe('overfitting');
    expect(diagnose(0.95, NaN, 0.9).verdict).toBe('good');
    expect(diagnose(0.95, NaN, 0.8).gap).toBeCloseTo(0.15, 12);
  });
});
