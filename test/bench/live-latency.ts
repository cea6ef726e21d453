import { withBenchPage } from './bench-page';
import { reloadCrossOriginIsolated } from './cross-origin-isolated';
import type { LiveBench } from './pages/live';
import { BATCH_SAMPLES, STREAM_RATE_HZ } from '../../src/lib/demo/synthetic-motion';
import { percentile } from './stats';
import type { Benchmark, BenchOutput } from './types';

const streamS = 600;

/**
 * Sample → label latency of the Live page's classifier: the real LiveClassifier, with a model
 * trained on 10 minutes of synthetic recordings, fed 10 minutes of an unseen person's 100 Hz
 * stream in the sources' batches of 10 samples (every 100 ms on a device; here one after
 * another, as fast as they go). Each push that completes a window (one in five, at a 0.5 s
 * stride) is timed from the `push` call to its predictions: resampling, features,
 * standardisation, the network, the unknown score (the model's statistics passed, as the Live
 * page passes them) and the rules. p50 and p99 of those; the page is reloaded cross-origin
 * isolated for a clock in 5 µs steps rather than 100 µs.
 */
export const liveLatency: Benchmark = {
  name: 'live.latency',
  needs: 'browser',
  async run({ chromiumPath }) {
    return withBenchPage<LiveBench, BenchOutput>(new URL('./pages/live.ts', import.meta.url), chromiumPath, async ({ page, call }) => {
      await reloadCrossOriginIsolated(page);
      const model = await call('prepare', streamS);
      const times = await call('pushLatency');
      // A cheap phone: the same stream with the page's CPU slowed 6× (the DevTools protocol's throttling).
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
      const slow = await call('pushLatency').finally(() => cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 }));
      const round = (ms: number) => Math.round(ms * 1000) / 1000;
      return {
        results: [
          { name: 'live.latency.p50', value: round(percentile(times.labelledMs, 50)), unit: 'ms' },
          { name: 'live.latency.p99', value: round(percentile(times.labelledMs, 99)), unit: 'ms', goal: '<= 16' },
          { name: 'live.latency.p99-6x-cpu', value: round(percentile(slow.labelledMs, 99)), unit: 'ms', baseline: round(percentile(times.labelledMs, 99)), goal: '<= 8' },
        ],
        notes: [
          `${model.streamSamples} samples (${streamS} s at ${STREAM_RATE_HZ} Hz) in pushes of ${BATCH_SAMPLES}; ` +
            `${times.labelledMs.length} pushes gave ${times.predictions} predictions (${times.confident} confident), max ${round(Math.max(...times.labelledMs))} ms; ` +
            `the ${times.otherMs.length} other pushes p50 ${round(percentile(times.otherMs, 50))} ms, p99 ${round(percentile(times.otherMs, 99))} ms`,
          `with the CPU slowed 6×: p50 ${round(percentile(slow.labelledMs, 50))} ms, p99 ${round(percentile(slow.labelledMs, 99))} ms, max ${round(Math.max(...slow.labelledMs))} ms (baseline: the same stream at full speed)`,
          `model: ${model.labels.join(', ')} on ${model.backend}, test accuracy ${model.testAccuracy.toFixed(3)}`,
        ],
      };
    });
  },
};
