import { basename } from 'node:path';
import { hasSisfall, sisfallDir } from '../support/shared-data';
import { withSisfallInBrowser } from './sisfall-browser';
import { watchThreadCpu } from './thread-cpu';
import type { Benchmark, BenchOutput } from './types';

/**
 * One-split training on the whole SisFall set (458 files) with the app's defaults, in the
 * browser, on the Train page's path: a fresh compute worker reads the recordings from IndexedDB
 * and runs `trainActivityModel`. The figure is its training loop (ModelMetrics.trainMs: the lean
 * engine, early stopping, best weights back into the tfjs model); the windows and features stage
 * is timed apart, from the worker's stage reports, and the whole request in the notes, each with
 * the worker thread's CPU time beside it (on a machine shared with other work the clock's time
 * also counts theirs).
 *
 * Baseline, in the same browser run: tfjs's stock `model.fit` on the page's wasm backend, on the
 * same rows (the stored recordings read back as the worker reads them, same split, windows,
 * features and standardisation), for as many epochs as the app trained, with the same batch size,
 * class weights and validation set. Without ../shared/data/sisfall the benchmark reports no figure
 * and says why.
 */
export const trainSisfallSplitBrowser: Benchmark = {
  name: 'train.sisfall-split-browser',
  needs: 'browser',
  async run({ chromiumPath }): Promise<BenchOutput> {
    if (!hasSisfall()) return { results: [], notes: [`train.sisfall-split-browser skipped: ${sisfallDir} not found`] };
    return withSisfallInBrowser(chromiumPath, async ({ call }) => {
      const worker = watchThreadCpu('DedicatedWorker');
      const app = await call('trainSplit').finally(() => worker?.stop());
      // A process's main thread bears its executable's name (cut to 15 characters, as Linux keeps
      // it): the page's, and the browser's and helpers' mostly idle ones beside it.
      const page = watchThreadCpu(basename(chromiumPath).slice(0, 15));
      const stock = await call('fitStock', app.epochs).finally(() => page?.stop());
      const { at } = app;
      const cpu = (from: number, to: number) => (worker ? ` (worker CPU ${Math.round(worker.at(to) - worker.at(from))} ms)` : '');
      const perEpoch = (ms: number, epochs: number) => (ms / Math.max(1, epochs)).toFixed(0);
      const windowsMs = at.training - at.windows;
      return {
        results: [
          { name: 'train.sisfall-split-browser', value: Math.round(app.trainMs), unit: 'ms', baseline: Math.round(stock.ms), goal: '<= 3000' },
          { name: 'train.sisfall-split-browser.windows', value: Math.round(windowsMs), unit: 'ms' },
        ],
        notes: [
          `Chromium, worker on ${app.backend}; ${app.windows.train}/${app.windows.validation}/${app.windows.test} train/validation/test windows`,
          `lean engine: ${app.epochs} epochs (${app.stopped}) in ${Math.round(app.trainMs)} ms${cpu(at.training, at.evaluating)}, ${perEpoch(app.trainMs, app.epochs)} ms per epoch; test accuracy ${app.testAccuracy.toFixed(3)}`,
          `stock model.fit on the page: ${stock.epochs} epochs on ${stock.trainRows} rows in ${Math.round(stock.ms)} ms` +
            `${page ? ` (main threads' CPU ${Math.round(page.at(stock.at.done) - page.at(stock.at.started))} ms)` : ''}, ${perEpoch(stock.ms, stock.epochs)} ms per epoch; final validation accuracy ${stock.finalValAccuracy.toFixed(3)}`,
          `request to reply: ${at.done - at.requested} ms${cpu(at.requested, at.done)} = worker start and reading IndexedDB ${at.windows - at.requested} + windows and features ${windowsMs}${cpu(at.windows, at.training)} + ` +
            `training ${at.evaluating - at.training} + scoring and weights back ${at.done - at.evaluating}${cpu(at.evaluating, at.done)}`,
          ...(worker ? [] : ['no CPU times: reading a thread\'s CPU time needs Linux']),
        ],
      };
    });
  },
};
