import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withBenchPage } from './bench-page';
import type { LearnBench } from './pages/learn';
import type { Benchmark, BenchOutput } from './types';

/** The built digit asset, read from dist/assets as the app serves it. */
function builtDigits(dist: string): { images: string; labels: string } {
  const assets = join(dist, 'assets');
  const file = (prefix: string) => {
    const name = readdirSync(assets).find((entry) => entry.startsWith(prefix) && entry.endsWith('.bin'));
    if (!name) throw new Error(`no ${prefix}*.bin in ${assets}: build the app first`);
    return readFileSync(join(assets, name)).toString('base64');
  };
  return { images: file('mnist-digits-images-'), labels: file('mnist-digits-labels-') };
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

/**
 * ms per training step (a batch of 32 forward, backward and adam) of the lesson's 784-20-10
 * network on the 8,000 shipped training digits in headless Chromium: the app's hand-written
 * engine, which visits only inked pixels, timed over 2 epochs after one to warm up.
 *
 * Baseline: stock tfjs `model.fit` on the wasm backend, as the lesson's code calls it (adam,
 * sparse categorical cross-entropy, validation data), 1 epoch after a short warm-up, in the same
 * page and run. The notes add the same on the cpu backend and the app's lean tfjs loop (fit.ts).
 */
export const learnDigitsStep: Benchmark = {
  name: 'learn.digits-step',
  needs: 'browser',
  async run({ chromiumPath, dist }) {
    const { images, labels } = builtDigits(dist);
    return withBenchPage<LearnBench, BenchOutput>(new URL('./pages/learn.ts', import.meta.url), chromiumPath, async ({ call }) => {
      const data = await call('loadDigits', images, labels);
      const sparse = await call('sparseSteps', 2);
      const stockWasm = await call('stockFitSteps', 'wasm', 1);
      const stockCpu = await call('stockFitSteps', 'cpu', 1);
      const lean = await call('leanTfjsSteps', 2);
      return {
        results: [{ name: 'learn.digits-step', value: round(sparse.msPerStep), unit: 'ms', baseline: round(stockWasm.msPerStep), goal: '<= 1' }],
        notes: [
          `${data.train} training digits, ${data.inkedPerImage.toFixed(0)} inked pixels of 784 per digit on average`,
          `hand-written engine ${round(sparse.msPerStep)} ms per step (${sparse.steps} steps, ${sparse.note}); its forward pass alone ${round(sparse.forwardMsPer32)} ms per 32 digits`,
          `stock model.fit: wasm ${round(stockWasm.msPerStep)} ms, cpu ${round(stockCpu.msPerStep)} ms per step (${stockWasm.note})`,
          `the app's lean tfjs loop on wasm ${round(lean.msPerStep)} ms per step (${lean.note})`,
        ],
      };
    });
  },
};
