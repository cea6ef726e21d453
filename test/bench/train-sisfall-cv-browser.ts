import { hasSisfall, sisfallDir } from '../support/shared-data';
import { withSisfallInBrowser } from './sisfall-browser';
import { watchThreadCpu } from './thread-cpu';
import type { Benchmark, BenchOutput } from './types';

/**
 * Cross-validation by person on the whole SisFall set with the app's defaults (5 folds), in the
 * browser, on the Train page's "on someone new" path: a fresh compute worker reads the recordings
 * from IndexedDB and runs `crossValidate`. The figure is `crossValidate` whole, from the first
 * fold's start to the reply (windows and features, five trainings, scoring), as train.sisfall-cv
 * times it in Node; the whole request, worker start and reading IndexedDB included, is in the
 * notes, with the worker thread's CPU time beside each (on a machine shared with other work the
 * clock's time also counts theirs).
 *
 * Baseline, in the same browser run: tfjs's stock `model.fit` on the page's wasm backend on the
 * rows of one split of the same recordings (a fold's training side is about as large), for the
 * folds' mean number of epochs, times the number of folds: what the trainings alone would cost
 * the stock way, measured once as it takes minutes. Without ../shared/data/sisfall the benchmark
 * reports no figure and says why.
 */
export const trainSisfallCvBrowser: Benchmark = {
  name: 'train.sisfall-cv-browser',
  needs: 'browser',
  async run({ chromiumPath }): Promise<BenchOutput> {
    if (!hasSisfall()) return { results: [], notes: [`train.sisfall-cv-browser skipped: ${sisfallDir} not found`] };
    return withSisfallInBrowser(chromiumPath, async ({ call }) => {
      const worker = watchThreadCpu('DedicatedWorker');
      const cv = await call('crossValidate').finally(() => worker?.stop());
      const folds = cv.epochs.length;
      const stock = await call('fitStock', Math.round(cv.epochs.reduce((a, b) => a + b, 0) / folds));
      const { at } = cv;
      const started = at.folds[0] ?? NaN;
      const cpu = (from: number, to: number) => (worker ? ` (worker CPU ${Math.round(worker.at(to) - worker.at(from))} ms)` : '');
      const foldMs = at.folds.map((from, f) => `${(at.folds[f + 1] ?? at.done) - from}${cpu(from, at.folds[f + 1] ?? at.done)}`);
      return {
        results: [{ name: 'train.sisfall-cv-browser', value: at.done - started, unit: 'ms', baseline: Math.round(stock.ms * folds), goal: '<= 15000' }],
        notes: [
          `Chromium, worker on ${cv.backend}; ${folds} folds by person in ${at.done - started} ms${cpu(started, at.done)}; request to reply ${at.done - at.requested} ms${cpu(at.requested, at.done)}`,
          `per fold ${foldMs.join(', ')} ms (the first computes every recording's windows and features, the others reuse them), epochs ${cv.epochs.join(', ')}; ` +
            `accuracy ${cv.accuracy.mean.toFixed(3)} ± ${cv.accuracy.sd.toFixed(3)}`,
          `stock model.fit on the page: ${stock.epochs} epochs on one split's ${stock.trainRows} training rows in ${Math.round(stock.ms)} ms, × ${folds} folds = ${Math.round(stock.ms * folds)} ms for the trainings alone`,
          ...(worker ? [] : ['no CPU times: reading a thread\'s CPU time needs Linux']),
        ],
      };
    });
  },
};
