import type { Page } from 'playwright-core';
import { trainSyntheticModel } from '../e2e/seed';
import { withAppSession } from './app-session';
import { percentile } from './stats';
import type { Benchmark } from './types';

/** Long enough for the page's stats (its last 200 windows, one every 0.5 s) to cover the steady state. */
const seconds = 105;

/**
 * Live in the app itself, as a student on a cheap phone sees it: a model trained on the Train page
 * from synthetic recordings, then the Live page classifying a replayed recording (the demo without
 * hardware) with the page's CPU slowed 6× (the DevTools protocol's throttling), its strip, bars and
 * stats redrawn at every answer. The figure is the page's own latency line (p99 of its last 200
 * windows, from the samples' arrival to the answer), read after `seconds`, so that it covers the
 * steady state rather than the first windows' warm-up; the baseline is the same run at full speed.
 */
export const livePageLatency: Benchmark = {
  name: 'live.page-latency',
  needs: 'browser',
  async run({ url, chromiumPath }) {
    return withAppSession({ url, chromiumPath, hash: '#/data' }, async ({ page }) => {
      await trainSyntheticModel(page, 20);
      const full = await liveLatency(page, 1);
      const slow = await liveLatency(page, 6);
      const [quietFull, quietSlow] = [await fixedWorkP99(page, 1), await fixedWorkP99(page, 6)];
      return {
        results: [{ name: 'live.page-latency.p99-6x-cpu', value: slow.p99, unit: 'ms', baseline: full.p99, goal: '<= 8' }],
        notes: [
          `the Live page replaying a recording for ${seconds} s: at full speed ${full.windows} windows, p50 ${full.p50} ms, p99 ${full.p99} ms; ` +
            `with the CPU slowed 6× ${slow.windows} windows, p50 ${slow.p50} ms, p99 ${slow.p99} ms (the page's own stats line)`,
          `control, the same page right after: a fixed loop (no allocation) run 200 times 10 ms apart, p50 / p99 ${quietFull.p50} / ${quietFull.p99} ms at full speed, ` +
            `${quietSlow.p50} / ${quietSlow.p99} ms slowed 6×: what the machine's other work alone adds to a p99`,
        ],
      };
    });
  },
};

/** Runs Live on a replayed recording for `seconds` with the CPU slowed `rate` times; reads the page's stats line. */
async function liveLatency(page: Page, rate: number): Promise<{ windows: number; p50: number; p99: number }> {
  await page.evaluate(() => (location.hash = '#/live'));
  await page.getByLabel('Replay of a stored recording').check();
  await page.getByLabel('Recording to replay').selectOption({ index: 1 });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  try {
    await page.getByRole('button', { name: 'Start' }).click();
    await page.waitForTimeout(seconds * 1000);
    const stats = await page.locator('.now .stats').innerText();
    await page.getByRole('button', { name: 'Stop' }).click();
    const read = /^(\d+) windows · latency p50 ([\d.]+) ms, p99 ([\d.]+) ms$/.exec(stats);
    if (!read) throw new Error(`the Live page's stats line reads “${stats}”`);
    return { windows: Number(read[1]), p50: Number(read[2]), p99: Number(read[3]) };
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
  }
}

/**
 * p50 and p99 of a fixed piece of work (a loop of square roots, no allocation, so no garbage
 * collection) timed 200 times 10 ms apart in the page, its CPU slowed `rate` times: on a machine
 * shared with other work, the spread of this alone shows how much of the Live page's p99 is the
 * machine's rather than the page's.
 */
async function fixedWorkP99(page: Page, rate: number): Promise<{ p50: number; p99: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  try {
    // A string, evaluated as written: a function would reach the page with the bundler's helpers in it.
    const times = (await page.evaluate(`(async () => {
      const work = () => { let sum = 0; for (let i = 0; i < 100000; i += 1) sum += Math.sqrt(i); return sum; };
      for (let i = 0; i < 50; i += 1) work();
      const times = [];
      for (let i = 0; i < 200; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        const started = performance.now();
        work();
        times.push(performance.now() - started);
      }
      return times;
    })()`)) as number[];
    const round = (ms: number) => Math.round(ms * 100) / 100;
    return { p50: round(percentile(times, 50)), p99: round(percentile(times, 99)) };
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
  }
}
