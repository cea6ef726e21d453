import { withBenchPage } from './bench-page';
import type { LiveBench } from './pages/live';
import type { Benchmark, BenchOutput } from './types';

const windows = 10_000;

/**
 * ms per window of the network part of a live prediction: features, standardisation with the
 * training statistics, and the forward pass in plain TypeScript (model/dense/network.ts), as
 * LiveClassifier runs them, averaged over 10,000 windows of a replayed stream, one after another.
 *
 * Baseline: the same, with tfjs `model.predict` on one row as the forward pass, on the wasm
 * backend in the same page, each result read back and disposed: what LiveClassifier would
 * cost if it ran the trained tfjs model instead of its own copy of the weights.
 */
export const liveInferencePerWindow: Benchmark = {
  name: 'live.inference-per-window',
  needs: 'browser',
  async run({ chromiumPath }) {
    return withBenchPage<LiveBench, BenchOutput>(new URL('./pages/live.ts', import.meta.url), chromiumPath, async ({ call }) => {
      const model = await call('prepare', 600);
      const times = await call('inferencePerWindow', windows);
      const round = (ms: number) => Math.round(ms * 1000) / 1000;
      return {
        results: [{ name: 'live.inference-per-window', value: round(times.appMs), unit: 'ms', baseline: round(times.tfjsMs), goal: '<= 0.2' }],
        notes: [
          `${times.windows} windows on ${model.backend}: features and standardisation ${round(times.featuresMs)} ms, ` +
            `so the forward pass ${round(times.appMs - times.featuresMs)} ms in TypeScript, ${round(times.tfjsMs - times.featuresMs)} ms through tfjs`,
          `largest difference between the two networks' probabilities ${times.maxDifference.toExponential(1)}; tensors left by the tfjs loop: ${times.tensorsLeft}`,
        ],
      };
    });
  },
};
