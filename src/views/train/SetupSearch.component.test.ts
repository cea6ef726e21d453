import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { ComputeClient, ComputeRun } from '../../lib/compute/compute-client';
import type { SearchOutcome } from '../../lib/compute/messages';
import type { ModelArtifacts, StoredModel } from '../../lib/model/record';
import type { Setup } from '../../lib/train/search-setups';
import { setupSearch } from '../../state/setup-search.svelte';
import SetupSearch from './SetupSearch.svelte';

/** The compute client and the store, faked: the view and its state are real. */
const { search, saved } = vi.hoisted(() => ({ search: vi.fn<ComputeClient['search']>(), saved: [] as StoredModel[] }));
vi.mock('../../state/compute-client', () => ({ computeClient: { search } }));
vi.mock('../../state/dataset.svelte', () => ({
  dataset: {
    loaded: true,
    recordings: [{ group: 'ana' }, { group: 'ben' }, { group: 'cai' }],
    store: async () => ({ name: 'motion-lab-test', models: { save: async (model: StoredModel) => void saved.push(model), list: async () => saved } }),
  },
}));

const dense: Setup = { network: 'dense', windowS: 2, groups: ['spectrum', 'vertical'], augment: 0 };
const cnn: Setup = { network: 'cnn', windowS: 2, groups: [], augment: 0 };
const spread = (mean: number) => ({ mean, sd: 0.01, min: mean - 0.01, max: mean + 0.01 });
const fold = (groups: string[]) => ({ groups, net: { accuracy: 0.9, macroF1: 0.88 }, baseline: { accuracy: 0.4, macroF1: 0.3 }, windows: 10, epochs: 5, setup: dense });
const outcome: SearchOutcome = {
  labels: ['running', 'walking'],
  budgetS: 30,
  candidates: [
    { setup: dense, accuracy: 0.95, macroF1: 0.94, innerAccuracy: [0.95, 0.95, 0.95], picked: 3, ms: 4000 },
    { setup: { ...dense, windowS: 30 }, accuracy: NaN, macroF1: NaN, innerAccuracy: [], picked: 0, ms: 10, refused: { kind: 'catalog', code: 'error.training.no-windows-train', facts: { windowS: 30 } } },
  ],
  notTried: [cnn],
  chosen: dense,
  folds: [fold(['ana']), fold(['ben']), fold(['cai'])],
  net: { accuracy: spread(0.9), macroF1: spread(0.88) },
  baseline: { accuracy: spread(0.4), macroF1: spread(0.3) },
  cancelled: false,
  elapsedMs: 20_000,
  kept: {
    artifacts: {} as ModelArtifacts,
    preprocessing: { features: { rateHz: 50, windowS: 2, strideS: 0.5, input: 'features', groups: dense.groups, rawMagnitudeOnly: false }, featureNames: [], stats: { mean: [], std: [] }, labels: ['running', 'walking'] },
    metrics: { train: { accuracy: 1, f1: [] }, validation: { accuracy: 1, f1: [] }, test: { accuracy: 0.9, f1: [] }, baseline: { accuracy: 0.4, f1: [] }, confusion: [], epochs: 5, trainMs: 10 },
    trainedOn: { train: [], validation: [], test: [], fingerprint: '' },
    training: { network: 'dense', augment: 0, hidden: [32, 16], dropout: 0.2, learningRate: 0.003, epochs: 60, batchSize: 32, classWeights: true, patience: 10, seed: 1 },
    results: { curves: [], stop: { stopped: 'completed', epochs: 5, keptEpoch: 5 }, folds: [{ people: ['ana'], accuracy: 0.9, macroF1: 0.88, baselineAccuracy: 0.4 }] },
  },
};

describe('SetupSearch', () => {
  let component: ReturnType<typeof mount> | undefined;
  afterEach(() => {
    if (component) unmount(component);
    document.body.innerHTML = '';
    search.mockReset();
  });

  const button = (name: string) => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  const text = (testid: string) => document.querySelector(`[data-testid="${testid}"]`)?.textContent?.replace(/\s+/g, ' ').trim();

  test('runs with the budget given, follows each step, then shows the honest score, the candidates and the model kept', async () => {
    component = mount(SetupSearch, { target: document.body, props: { disabled: false } });
    let finish: (value: SearchOutcome) => void = () => undefined;
    const run: ComputeRun<SearchOutcome> = { id: 1, backend: new Promise(() => undefined), done: new Promise((resolve) => (finish = resolve)), cancel: vi.fn() };
    search.mockReturnValueOnce(run);
    const budget = document.querySelector<HTMLInputElement>('input[type="number"]')!;
    budget.value = '30';
    budget.dispatchEvent(new Event('input'));
    button('Find the best setup')!.click();
    await vi.waitFor(() => expect(search).toHaveBeenCalledOnce());
    expect(search.mock.lastCall?.[0]).toMatchObject({ database: 'motion-lab-test', budgetS: 30, training: { network: 'dense' } });
    const on = search.mock.lastCall?.[1];
    on?.progress?.({ stage: 'candidate', candidate: 1, candidates: 6, setup: cnn });
    on?.epoch?.({ epoch: 3, loss: 1, accuracy: 0.5, valLoss: 1, valAccuracy: 0.5, elapsedMs: 10 });
    flushSync();
    expect(text('search-status')).toBe('Setup 2 of 6: 1-D CNN · 2 s · x, y, z, |a| · Epoch 3 of 60');
    button('Cancel')!.click();
    expect(run.cancel).toHaveBeenCalledOnce();

    finish(outcome);
    await vi.waitFor(() => expect(setupSearch.state).toBe('done'));
    flushSync();
    expect(text('search-score')).toBe('90.0 %');
    const rows = [...document.querySelectorAll('[data-testid="search-candidates"] tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent?.trim()));
    expect(rows).toEqual([
      ['dense net · 2 s · spectrum, vertical', '95.0\u00a0%', '94.0\u00a0%', '3', '4.0 s'],
      ['dense net · 30 s · spectrum, vertical', 'Could not train: The train split has no window of 30 s: record longer recordings, or more of them.', '0.0 s'],
    ]);
    expect(text('search-not-tried')).toBe('Not tried, for lack of time: 1-D CNN · 2 s · x, y, z, |a|.');
    expect(text('search-chosen')).toBe('Kept: dense net · 2 s · spectrum, vertical');
    expect(saved).toHaveLength(1);
    expect(saved[0]!.name).toMatch(/^Found by search: dense net · 2 s · spectrum, vertical$/);
    expect(saved[0]!.metrics.test.accuracy).toBe(0.9);
    expect(saved[0]!.results).toEqual(outcome.kept!.results);
    expect(document.body.textContent).toContain(`Saved as “${saved[0]!.name}” and made the active model.`);
  });

  test('cannot start while the page trains, and with three people asks for no more', () => {
    component = mount(SetupSearch, { target: document.body, props: { disabled: true } });
    expect(text('search-need-people')).toBeUndefined();
    expect(button('Find the best setup')!.disabled).toBe(true);
  });
});
