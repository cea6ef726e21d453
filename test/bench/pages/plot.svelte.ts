/**
 * Bench page for the live plot: the real LivePlot (drawn in a worker, the Record page's) or
 * MotionPlot (uPlot on the page) component, fed the way the Record page feeds it (a batch of 10
 * samples every 100 ms from a 100 Hz source, into a RollingWindow of 1000 samples, and a new
 * `revision` for each batch).
 */
import { flushSync, mount, unmount } from 'svelte';
import '../../../src/app.css';
import { PLOT_SAMPLES, RollingWindow, type PlotColumns } from '../../../src/lib/plot/rolling-window';
import type { MotionSamples } from '../../../src/lib/sensors/samples';
import LivePlot from '../../../src/views/components/LivePlot.svelte';
import MotionPlot from '../../../src/views/components/MotionPlot.svelte';
import { expose } from './expose';
import { syntheticMotion } from './synthetic-motion';

const RATE_HZ = 100;
/** What the sources' SampleBatcher hands on every 100 ms at 100 Hz. */
const BATCH_SAMPLES = 10;
const BATCH_MS = 100;

/** Where the plot's columns come from. */
interface PlotFeed {
  push(batch: MotionSamples): void;
  columns(): PlotColumns;
}

export interface FrameTimes {
  /**
   * Per update, ms from MotionPlot asking for the columns to the end of uPlot's redraw: uPlot
   * draws in a microtask after `setData` returns, so timing `setData` alone would miss the drawing.
   */
  updateMs: number[];
  /** Per update, ms from the same start to the first task after that frame was rendered. */
  renderedMs: number[];
  /** Animation frames of 50 ms or more while the plot ran (Long Animation Frames API). */
  longFrameMs: number[];
}

/** The app's way: a ring of typed arrays whose columns are copied into reused arrays. */
function rollingWindowFeed(): PlotFeed {
  const rolling = new RollingWindow(PLOT_SAMPLES);
  return { push: (batch) => rolling.push(batch), columns: () => rolling.columns() };
}

/** The naive way: one object per sample in a plain array, columns rebuilt with Array.from every frame. */
function arrayFromFeed(): PlotFeed {
  let history: { t: number; x: number; y: number; z: number }[] = [];
  return {
    push(batch) {
      for (let i = 0; i < batch.t.length; i += 1) {
        const [t = 0, x = 0, y = 0, z = 0] = [batch.t[i], batch.acc[i * 3], batch.acc[i * 3 + 1], batch.acc[i * 3 + 2]];
        history.push({ t: t / 1000, x, y, z });
      }
      if (history.length > PLOT_SAMPLES) history = history.slice(-PLOT_SAMPLES);
    },
    columns: () =>
      [
        Array.from(history, (sample) => sample.t),
        Array.from(history, (sample) => sample.x),
        Array.from(history, (sample) => sample.y),
        Array.from(history, (sample) => sample.z),
      ] as unknown as PlotColumns,
  };
}

/**
 * Which plot: the Record page's, drawn in a worker; uPlot on the page, as the Record page draws
 * where a canvas cannot be handed to a worker; the same fed columns rebuilt with Array.from.
 */
export type PlotKind = 'worker' | 'uplot' | 'uplot-array-from';

/**
 * Mounts the plot over a full window (the steady state of any recording longer than ten
 * seconds) and feeds it for `durationMs`, timing every update.
 */
async function measure({ durationMs, kind }: { durationMs: number; kind: PlotKind }): Promise<FrameTimes> {
  const naive = kind === 'uplot-array-from';
  const feed = naive ? arrayFromFeed() : rollingWindowFeed();
  let nextT = 0;
  const feedOne = (count: number) => {
    feed.push(syntheticMotion(count, RATE_HZ, nextT));
    nextT += (count * 1000) / RATE_HZ;
  };
  feedOne(PLOT_SAMPLES);

  let updateStarted: number | undefined;
  const props = $state({
    columns: () => {
      updateStarted = performance.now();
      return feed.columns();
    },
    revision: 0,
    label: 'benchmark plot',
  });
  const target = document.createElement('main');
  document.body.append(target);
  const plot = mount(kind === 'worker' ? LivePlot : MotionPlot, { target, props });
  const times: FrameTimes = { updateMs: [], renderedMs: [], longFrameMs: [] };
  const longFrames = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) times.longFrameMs.push(entry.duration);
  });
  const afterRendering = new MessageChannel();
  try {
    // Let the first draw (mount, sizing) pass before timing anything.
    await new Promise((resolve) => setTimeout(resolve, 500));
    longFrames.observe({ type: 'long-animation-frame' });
    const timer = setInterval(() => {
      feedOne(BATCH_SAMPLES);
      // The frame's start, asked for before the plot's own animation frame (MotionPlot's), so it runs first.
      let frameStarted = NaN;
      requestAnimationFrame(() => (frameStarted = performance.now()));
      props.revision += 1;
      // MotionPlot's effect asks for its animation frame now, so the one below runs after it,
      // in the same frame, once uPlot's redraw microtask has run; LivePlot posts the columns now.
      const flushStarted = performance.now();
      flushSync();
      const flushMs = performance.now() - flushStarted;
      requestAnimationFrame(() => {
        if (updateStarted === undefined) return;
        const started = updateStarted;
        updateStarted = undefined;
        // The page's part: the flush that posts or asks for the drawing, then the frame up to here.
        const pageMs = flushMs + performance.now() - Math.max(frameStarted, started);
        times.updateMs.push(pageMs);
        // A message is delivered as a task of its own, after this frame's style, layout and paint.
        afterRendering.port1.onmessage = () => times.renderedMs.push(flushMs + performance.now() - frameStarted);
        afterRendering.port2.postMessage(null);
      });
    }, BATCH_MS);
    await new Promise((resolve) => setTimeout(resolve, durationMs));
    clearInterval(timer);
    await new Promise((resolve) => setTimeout(resolve, 2 * BATCH_MS));
    return times;
  } finally {
    longFrames.disconnect();
    afterRendering.port1.close();
    await unmount(plot);
    target.remove();
  }
}

const api = { measure };
export type PlotBench = typeof api;
expose(api);
