import { withBenchPage } from './bench-page';
import type { FrameTimes, PlotBench } from './pages/plot.svelte';
import { percentile } from './stats';
import type { Benchmark, BenchOutput } from './types';

const durationMs = 10_000;

/**
 * ms of main-thread time the live plot costs per animation frame while a 100 Hz source streams:
 * the Record page's LivePlot in Chromium over a full 1000-sample RollingWindow, fed 10 samples
 * every 100 ms for 10 s as the Record page feeds it, one redraw per batch. Each update is timed
 * from the plot asking for the columns to the first task after that frame was rendered, so it
 * counts the style, layout, paint and commit Chromium does for it, not only `columns()`. p50 and
 * p99, to the 0.1 ms that `performance.now()` gives a page that is not cross-origin isolated.
 * Headless Chromium here draws the canvas in software; a phone's GPU canvas spends its time
 * differently.
 *
 * Baseline: MotionPlot, uPlot drawing on the page (its redraw a microtask after `setData`), as
 * the Record page drew before LivePlot and still draws where a canvas cannot be handed to a
 * worker. The notes add uPlot fed from a plain array of `{ t, x, y, z }` objects whose columns
 * are rebuilt with Array.from every frame: what the RollingWindow's reused typed arrays are for.
 */
export const plotFrameTime: Benchmark = {
  name: 'plot.frame-time',
  needs: 'browser',
  async run({ chromiumPath }) {
    return withBenchPage<PlotBench, BenchOutput>(new URL('./pages/plot.svelte.ts', import.meta.url), chromiumPath, async ({ call }) => {
      const plot = await call('measure', { durationMs, kind: 'worker' });
      const uplot = await call('measure', { durationMs, kind: 'uplot' });
      const naive = await call('measure', { durationMs, kind: 'uplot-array-from' });
      return {
        results: [50, 99].map((p) => ({
          name: `plot.frame-time.p${p}`,
          value: round(percentile(plot.renderedMs, p)),
          unit: 'ms',
          baseline: round(percentile(uplot.renderedMs, p)),
          goal: '<= 8',
        })),
        notes: [`drawn in a worker: ${describe(plot)}`, `uPlot on the page: ${describe(uplot)}`, `uPlot fed by Array.from: ${describe(naive)}`],
      };
    });
  },
};

function describe(times: FrameTimes): string {
  const longFrames = times.longFrameMs.length === 0 ? 'none' : times.longFrameMs.map(round).join(', ');
  return (
    `${times.renderedMs.length} frames; the update alone (columns to end of the page's part) ` +
    `p50 ${round(percentile(times.updateMs, 50))} ms, p99 ${round(percentile(times.updateMs, 99))} ms; ` +
    `animation frames ≥ 50 ms: ${longFrames}`
  );
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
