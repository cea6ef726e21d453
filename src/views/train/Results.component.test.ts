import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { earlyStop, earlyStopCurves } from '../../../test/support/early-stop';
import type { ModelMetrics, ModelResults } from '../../lib/model/record';
import { settings } from '../../state/settings.svelte';
import type { ShownResults } from '../../state/trainer.svelte';
import { nextTask } from '../../state/next-task';
import Results from './Results.svelte';
import TrainingWatch from './TrainingWatch.svelte';

const labels = ['running', 'walking'];
const metrics: ModelMetrics = {
  train: { accuracy: 0.99, f1: [1, 0.98] },
  validation: { accuracy: 0.95, f1: [0.95, 0.95] },
  test: { accuracy: 0.875, f1: [0.8, 0.9] },
  baseline: { accuracy: 0.5, f1: [0.4, 0.6] },
  confusion: [
    [6, 2],
    [0, 8],
  ],
  epochs: 3,
  trainMs: 900,
};
const results: ModelResults = {
  curves: earlyStopCurves,
  stop: earlyStop,
  test: {
    macroF1: { test: 0.86, baseline: 0.5 },
    windows: { train: 70, validation: 15, test: 16 },
    recordings: { train: 8, validation: 2, test: 2 },
    caution: { kind: 'people-unknown', unknown: 3, recordings: 12 },
    wrong: [{ name: 'run ben', truth: 'running', predicted: 'walking', windows: 8, wrongWindows: 5 }],
  },
};
const preprocessing = { features: {}, featureNames: [], stats: { mean: [], std: [] }, labels } as unknown as ShownResults['preprocessing'];

/** Mounts the results and lets the task pass after which the curves and tables come. */
async function mountResults(props: { shown: ShownResults }): Promise<ReturnType<typeof mount>> {
  const mounted = mount(Results, { target: document.body, props });
  flushSync();
  await nextTask();
  flushSync();
  return mounted;
}

describe('Results', () => {
  let component: ReturnType<typeof mount> | undefined;
  afterEach(() => {
    if (component) unmount(component);
    document.body.innerHTML = '';
  });
  const text = (testid: string) => document.querySelector(`[data-testid="${testid}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
  const cells = (testid: string, row: number) => [...document.querySelectorAll(`[data-testid="${testid}"] tr`)][row]!.querySelectorAll('th, td');

  test('shows what training kept: how it stopped, curves with legend and axis titles, Test first, F1, the matrix, the recordings it got wrong, and the caution', async () => {
    component = await mountResults({ shown: { name: 'running, walking · today', metrics, preprocessing, results } });
    expect(text('results-of')).toBe('Results of “running, walking · today”');
    expect(text('training-stop')).toBe('Stopped at epoch 3: the validation loss stopped improving after epoch 2; kept epoch 2’s weights.');
    const charts = [...document.querySelectorAll('svg[role="img"]')];
    expect(charts.map((chart) => chart.getAttribute('aria-label'))).toEqual(['Loss per epoch', 'Accuracy per epoch']);
    for (const chart of charts) {
      expect([...chart.querySelectorAll('[data-testid="curves-legend"] text')].map((label) => label.textContent)).toEqual(['Training', 'Validation']);
      expect(chart.querySelector('[data-testid="x-title"]')?.textContent).toBe('Epoch');
    }
    expect(charts.map((chart) => chart.querySelector('[data-testid="y-title"]')?.textContent)).toEqual(['Loss', 'Accuracy']);
    expect([...cells('accuracy-table', 0)].map((cell) => cell.textContent)).toEqual(['', 'Test', 'Validation', 'Training']);
    expect([...cells('accuracy-table', 1)].map((cell) => cell.textContent)).toEqual(['Network', '87.5\u00a0%', '95.0\u00a0%', '99.0\u00a0%']);
    expect(text('test-macro-f1')).toBe('86.0 %');
    expect([...cells('per-label-f1', 2)].map((cell) => cell.textContent)).toEqual(['walking', '90.0\u00a0%', '60.0\u00a0%']);
    expect(text('confusion')).toContain('Predicted →');
    expect([...cells('confusion', 2)].map((cell) => cell.textContent)).toEqual(['running', '675.0\u00a0%', '225.0\u00a0%']);
    expect(text('wrong-recordings')).toBe('run ben: is running, it said walking; 5 of its 8 test windows wrong.');
    expect(text('split-optimistic')).toContain('3 of 12 recordings do not say who recorded them');
    expect(document.querySelector<HTMLAnchorElement>('[data-testid="split-optimistic"] a')?.getAttribute('href')).toBe('#/data');
    expect(text('rules-speed')).toContain('otherwise from the step cadence');
    expect(text('results-not-kept')).toBeUndefined();
  });

  test('a model saved before results were kept still shows its scores, and says the rest was not kept', async () => {
    component = await mountResults({ shown: { name: 'old', metrics, preprocessing } });
    expect(text('results-not-kept')).toContain('saved before results were kept');
    expect(text('test-accuracy')).toBe('87.5 %');
    expect(text('training-stop')).toBeUndefined();
    expect(document.querySelector('svg')).toBeNull();
    expect(text('wrong-recordings')).toBeUndefined();
  });

  test('a model the search found shows the folds that scored it', async () => {
    const folds = [{ people: ['ana', 'ben'], accuracy: 0.9, macroF1: 0.88, baselineAccuracy: 0.4 }];
    component = await mountResults({ shown: { metrics, preprocessing, results: { curves: results.curves, stop: { stopped: 'completed', epochs: 3, keptEpoch: 2 }, folds } } });
    expect(text('training-stop')).toBe('Ran all 3 epochs; kept epoch 2’s weights, those with the lowest validation loss.');
    expect([...cells('results-folds', 1)].map((cell) => cell.textContent)).toEqual(['1', '90.0\u00a0%', '88.0\u00a0%', '40.0\u00a0%', 'ana, ben']);
    expect(text('accuracy-table')).toBeUndefined();
  });

  test('while training runs, it names the epoch it would keep and how close early stopping is', () => {
    component = mount(TrainingWatch, { target: document.body, props: { epochs: 12, kept: 9, patience: 6 } });
    expect(text('training-watch')).toBe('Lowest validation loss so far: epoch 9. Training stops early after 6 epochs in a row without improvement (3 so far).');
  });

  test('in Spanish', async () => {
    settings.locale = 'es';
    // The Spanish catalog is a chunk of its own, loaded on the switch: slow on a busy machine.
    await vi.waitFor(() => expect(settings.locale).toBe('es'), { timeout: 15_000 });
    component = await mountResults({ shown: { metrics, preprocessing, results } });
    flushSync();
    expect(text('training-stop')).toBe('Se detuvo en la época 3: la pérdida de validación dejó de mejorar después de la época 2; se quedó con los pesos de la época 2.');
    expect([...cells('accuracy-table', 0)].map((cell) => cell.textContent)).toEqual(['', 'Prueba', 'Validación', 'Entrenamiento']);
    expect(text('rules-speed')).toContain('cadencia de pasos');
    settings.locale = 'en';
    await vi.waitFor(() => expect(settings.locale).toBe('en'), { timeout: 15_000 });
  });
});
