import { withBenchPage } from './bench-page';
import type { FrameTimes, PlotBench } from './pages/plot.svelte';
import { percentile } from './stats';
import type { Benchmark, BenchOutput } from './types';

const durationMs = 10_000;

/**
 * ms of main-thread time the live plot costs per animation frame while a 100 Hz source streams:
 * the real MotionPlot in Chromium over a full 1000-sample RollingWindow, fed 10 samples every
 * 100 ms for 10 s as the Record page feeds it, one redraw per batch. Each update is timed from
 * MotionPlot asking for the columns to the first task after that frame was rendered, so it
 * counts uPlot's redraw (a microtask after `setData`) and the style, layout, paint and commit of
 * the canvas that Chromium does for it, not only `columns()` and `setData`. p50 and p99, to
 * the 0.1 ms that `performance.now()` gives a page that is not cross-origin isolated. Headless
 * Chromium here draws the canvas in software; a phone's GPU canvas spends its time differently.
 *
 * Baseline: the same plot fed from a plain array of `{ t, x, y, z }` objects whose columns are
 * rebuilt with Array.from every frame: what the RollingWindow's reused typed arrays are for.
 */
export const plotFrameTime: Benchmark = {
  name: 'plot.frame-time',
  needs: 'browser',
  async run({ chromiumPath }) {
    return withBenchPage<PlotBench, BenchOutput>(new URL('./pages/plot.svelte.ts', import.meta.url), chromiumPath, async ({ call }) => {
      const plot = await call('measure', { durationMs, naive: false });
      const naive = await call('measure', { durationMs, naive: true });
      return {
        results: [50, 99].map((p) => ({
          name: `plot.frame-time.p${p}`,
          value: round(percentile(plot.renderedMs, p)),
          unit: 'ms',
          baseline: round(percentile(naive.renderedMs, p)),
          goal: '<= 8',
        })),
        notes: [`plot: ${describe(plot)}`, `plot fed by Array.from: ${describe(naive)}`],
      };
    });
  },
};

function describe(times: FrameTimes): string {
  const longFrames = times.longFrameMs.length === 0 ? 'none' : times.longFrameMs.map(round).join(', ');
  return (
    `${times.renderedMs.length} frames; uPlot update alone (columns to end of redraw) ` +
    `p50 ${round(percentile(times.updateMs, 50))} ms, p99 ${round(percentile(times.updateMs, 99))} ms; ` +
    `animation frames ≥ 50 ms: ${longFrames}`
  );
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
