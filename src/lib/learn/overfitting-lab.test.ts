import { describe, expect, it } from 'vitest';
import { labRowResult } from './overfitting-lab';
import type { DigitOutcome } from './digit-settings';

function outcome(stopped: DigitOutcome['stopped'], train: number, test: number): DigitOutcome {
  return {
    weights: {} as DigitOutcome['weights'],
    history: [],
    stopped,
    train: { loss: 0.1, accuracy: train },
    validation: { loss: 0.5, accuracy: test },
    test: { loss: 0.5, accuracy: test },
    testProbabilities: new Float32Array(0),
    trainRows: 300,
    trainMs: 10,
    stepMs: 1,
  };
}

describe('labRowResult', () => {
  it('keeps a completed run with the lesson’s verdict on it', () => {
    const done = outcome('completed', 0.999, 0.45);
    const row = labRowResult(done);
    expect(row.state).toBe('done');
    expect(row.outcome).toBe(done);
    expect(row.diagnosis?.verdict).toBe('overfitting');
  });

  it('keeps nothing of a cancelled run, neither its scores nor a verdict', () => {
    expect(labRowResult(outcome('cancelled', 0.999, 0.45))).toEqual({ state: 'idle', outcome: undefined, diagnosis: undefined });
  });
});
