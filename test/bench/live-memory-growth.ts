import { withBenchPage } from './bench-page';
import type { LiveBench } from './pages/live';
import type { Benchmark, BenchOutput } from './types';

const minutes = 10;

/**
 * Whether the Live page's classifier leaks: the real LiveClassifier fed 10 minutes of a replayed
 * 100 Hz stream (as fast as it goes), with the JavaScript heap and tfjs's tensor count read at
 * every minute of stream time after a full garbage collection. The figures are the growth from
 * minute 1 (the classifier's buffers filled, the code compiled) to minute 10.
 *
 * The heap is `performance.memory.usedJSHeapSize`, after a full collection asked for through the
 * DevTools protocol (HeapProfiler.collectGarbage, what `gc()` does with --expose-gc, a flag bench
 * pages are launched without). LiveClassifier runs its own forward pass and makes no tensors;
 * tfjs is loaded in the page, so a tensor made anywhere on the live path would show in the count.
 */
export const liveMemoryGrowth: Benchmark = {
  name: 'live.memory-growth',
  needs: 'browser',
  async run({ chromiumPath }) {
    return withBenchPage<LiveBench, BenchOutput>(new URL('./pages/live.ts', import.meta.url), chromiumPath, async ({ page, call }) => {
      await call('prepare', minutes * 60);
      const devtools = await page.context().newCDPSession(page);
      const heapBytes = async () => {
        await devtools.send('HeapProfiler.collectGarbage');
        return call('usedJSHeapSize');
      };
      await call('startFeed');
      const readings: { heap: number; tensors: number; predictions: number }[] = [];
      for (let minute = 1; minute <= minutes; minute += 1) {
        const predictions = await call('feedUntil', minute * 60);
        readings.push({ heap: await heapBytes(), tensors: await call('numTensors'), predictions });
      }
      const first = readings[0] as (typeof readings)[number];
      const last = readings.at(-1) as (typeof readings)[number];
      return {
        results: [
          { name: 'live.memory-growth', value: last.heap - first.heap, unit: 'bytes', goal: '<= 1048576' },
          { name: 'live.tensor-growth', value: last.tensors - first.tensors, unit: 'tensors', goal: '<= 0' },
        ],
        notes: [
          `heap after each minute (KiB): ${readings.map(({ heap }) => (heap / 1024).toFixed(0)).join(', ')}`,
          `tensors after each minute: ${readings.map(({ tensors }) => tensors).join(', ')}; ` +
            `predictions per minute: ${readings.map(({ predictions }) => predictions).join(', ')}`,
        ],
      };
    });
  },
};
