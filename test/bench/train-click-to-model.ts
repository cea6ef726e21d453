import { withBenchPage } from './bench-page';
import type { TrainBench, WorkerRun } from './pages/train';
import type { StockFit } from './stock-fit';
import { tenMinutesOfRecordings } from '../../src/lib/demo/synthetic-motion';
import { median } from './stats';
import type { Benchmark, BenchOutput } from './types';

const runs = 3;

/**
 * ms from clicking Train to an evaluated model, on the app's real path: a fresh compute worker
 * (as on the first training of a visit) reads the recordings from IndexedDB while it starts the
 * wasm backend, cuts windows, computes features, standardises, trains with the app's settings
 * (60 epochs at most, early stopping), scores the test split and the rules, and sends the weights
 * back. Median of 3 runs, each on a new worker.
 *
 * Baseline: the same click with tfjs's stock `model.fit` in place of the app's training loop:
 * the run's own time with its loop's time (ModelMetrics.trainMs) swapped for the time `model.fit`
 * takes for as many epochs, at the same batch size, on the same rows, on the wasm backend of
 * this page (see `fitStock` in pages/train.ts). What the lean loop buys is the difference.
 */
export const trainClickToModel: Benchmark = {
  name: 'train.click-to-model',
  needs: 'browser',
  async run({ chromiumPath }) {
    return withBenchPage<TrainBench, BenchOutput>(new URL('./pages/train.ts', import.meta.url), chromiumPath, async ({ call }) => {
      const runsDone: { app: WorkerRun; stock: StockFit }[] = [];
      for (let run = 0; run < runs; run += 1) {
        const app = await call('trainInWorker', tenMinutesOfRecordings);
        runsDone.push({ app, stock: await call('fitStock', tenMinutesOfRecordings, app.epochs) });
      }
      const totalMs = median(runsDone.map(({ app }) => app.totalMs));
      const typical = runsDone.find(({ app }) => app.totalMs === totalMs)?.app ?? (runsDone[0] as { app: WorkerRun }).app;
      return {
        results: [
          {
            name: 'train.click-to-model',
            value: Math.round(totalMs),
            unit: 'ms',
            baseline: Math.round(median(runsDone.map(({ app, stock }) => app.totalMs - app.trainMs + stock.ms))),
            goal: '<= 3000',
          },
        ],
        notes: [
          `${typical.backend}; ${typical.windows.train}/${typical.windows.validation}/${typical.windows.test} train/validation/test windows`,
          ...runsDone.map(
            ({ app, stock }, run) =>
              `run ${run + 1}: ${Math.round(app.totalMs)} ms = worker up (tfjs, wasm) ${Math.round(app.backendMs)} + ` +
              `training loop ${Math.round(app.trainMs)} (${app.epochs} epochs, ${app.stopped}, ${perEpoch(app.trainMs, app.epochs)} ms per epoch) + ` +
              `windows, features, scoring, weights back ${Math.round(app.totalMs - app.backendMs - app.trainMs)}; test accuracy ${app.testAccuracy.toFixed(3)}; ` +
              `stock model.fit ${Math.round(stock.ms)} ms (${perEpoch(stock.ms, stock.epochs)} ms per epoch, validation accuracy ${stock.finalValAccuracy.toFixed(3)})`,
          ),
        ],
      };
    });
  },
};

function perEpoch(ms: number, epochs: number): string {
  return (ms / Math.max(1, epochs)).toFixed(1);
}
