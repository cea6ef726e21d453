import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ComputeClient, ComputeRun } from '../lib/compute/compute-client';
import { CodedError } from '../lib/i18n/coded-error';
import type { CrossValidation } from '../lib/train/cross-validation';
import { busy } from './busy.svelte';
import { personCrossValidation } from './person-cross-validation.svelte';

/** The compute client, faked: each test says how the run it starts goes. */
const { crossValidate } = vi.hoisted(() => ({ crossValidate: vi.fn<ComputeClient['crossValidate']>() }));
vi.mock('./compute-client', () => ({ computeClient: { crossValidate } }));
vi.mock('./dataset.svelte', () => ({
  dataset: { store: async () => ({ name: 'motion-lab-test' }), recordings: [{ group: 'ana' }, { group: 'ben' }, { group: 'ana' }, { group: '' }] },
}));

function runEnding(done: Promise<CrossValidation>): ComputeRun<CrossValidation> {
  return { id: 1, backend: new Promise(() => undefined), done, cancel: vi.fn() };
}

const spread = { mean: 0.9, sd: 0.05, min: 0.85, max: 0.95 };
const result: CrossValidation = {
  labels: ['running', 'walking'],
  folds: [],
  net: { accuracy: spread, macroF1: spread },
  baseline: { accuracy: spread, macroF1: spread },
  perPerson: [],
  cancelled: false,
};

afterEach(() => crossValidate.mockReset());

describe('personCrossValidation', () => {
  it('counts the people named, sends the folds asked for, follows each fold and keeps the result', async () => {
    expect(personCrossValidation.people).toBe(2);
    let finish: (value: CrossValidation) => void = () => undefined;
    const run = runEnding(new Promise((resolve) => (finish = resolve)));
    crossValidate.mockReturnValueOnce(run);
    personCrossValidation.folds = 'loso';
    const running = personCrossValidation.run();
    expect(personCrossValidation.state).toBe('running');
    expect(busy.reason).toBe('busy.training');
    await vi.waitFor(() => expect(crossValidate).toHaveBeenCalledOnce());
    expect(crossValidate.mock.lastCall?.[0]).toMatchObject({ database: 'motion-lab-test', folds: 'loso' });
    const on = crossValidate.mock.lastCall?.[1];
    on?.fold?.(1, 2);
    on?.epoch?.({ epoch: 4, loss: 1, accuracy: 0.5, valLoss: 1, valAccuracy: 0.5, elapsedMs: 10 });
    expect(personCrossValidation.progress).toEqual({ fold: 2, folds: 2, epoch: 4 });
    personCrossValidation.cancel();
    expect(run.cancel).toHaveBeenCalledOnce();
    finish(result);
    await running;
    expect(personCrossValidation.state).toBe('done');
    expect(personCrossValidation.result).toEqual(result);
    expect(personCrossValidation.progress).toBeUndefined();
    expect(busy.reason).toBeUndefined();
  });

  it('shows a refusal worded with its hint', async () => {
    crossValidate.mockReturnValueOnce(runEnding(Promise.reject(new CodedError('error.cross-validation.one-person', { person: 'ana' }))));
    await personCrossValidation.run();
    expect(personCrossValidation.state).toBe('failed');
    expect(personCrossValidation.error).toEqual({
      message: 'Cross-validation by person needs recordings of at least two people; all of these are by ana.',
      hint: 'Record the activities with someone else too.',
    });
  });
});
