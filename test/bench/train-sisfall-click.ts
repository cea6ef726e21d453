import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { waitForReady } from '../support/app-page';
import { launchPersistentChromium } from '../support/chromium';
import { hasSisfall, sisfallDir } from '../support/shared-data';
import { cheapPhoneSlowdown as slowRate, workerThrottle, type WorkerThrottle } from './slow-worker-threads';
import type { Benchmark, BenchOutput } from './types';

/** Eight people, each walking, running and four times on stairs: 64 files, as the end-to-end test imports them. */
const subjects = ['SA01', 'SA02', 'SA03', 'SA04', 'SA05', 'SA06', 'SA07', 'SA08'];

function files(): string[] {
  const names = readdirSync(sisfallDir).sort();
  const of = (label: string, subject: string) => names.filter((name) => name.startsWith(`${label}.${subject}-`)).map((name) => join(sisfallDir, name));
  return subjects.flatMap((subject) => [...of('walking', subject), ...of('running', subject), ...of('stairs', subject).slice(0, 4)]);
}

interface ClickRun {
  ms: number;
  testAccuracy: string;
  /** Worker threads moved into the slow group during the run. */
  slowedWorkers: number;
}

/**
 * ms from clicking Train to the results on the Train page, in the app itself (its production
 * build, a profile on disk), with 64 SisFall files imported through the Data page and the app's
 * default settings: the compute worker starts (tfjs, wasm), reads the recordings from IndexedDB,
 * cuts windows, computes features, trains, scores and sends the model back, and the page shows it.
 * Once at full speed (the baseline) and once as on a cheap phone, the CPU slowed 6×: the page
 * with the DevTools protocol's throttling, the worker, which that protocol cannot slow, by a
 * cgroup that gives its thread a sixth of a core (slow-worker-threads.ts; where that cannot be
 * done, the note says that only the page was slowed). Each run in a freshly loaded page, so each
 * starts a new worker, as the first training of a visit does.
 */
export const trainSisfallClick: Benchmark = {
  name: 'train.sisfall-click',
  needs: 'browser',
  async run({ url, chromiumPath }): Promise<BenchOutput> {
    if (!hasSisfall()) return { results: [], notes: [`train.sisfall-click skipped: ${sisfallDir} not found`] };
    const profile = mkdtempSync(join(tmpdir(), 'motion-lab-bench-profile-'));
    const context = await launchPersistentChromium(chromiumPath, profile);
    const throttle = workerThrottle(slowRate);
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${url}/#/data`);
      await waitForReady(page);
      const imported = files();
      await page.getByLabel('Who recorded it, from the file name (regular expression, one group)').fill('\\.(S[AE]\\d+)-');
      await page.getByRole('group', { name: 'Drop files here to import them' }).locator('input[type=file]').setInputFiles(imported);
      await page.getByTestId('import-summary').getByText(`${imported.length} imported, 0 not imported.`).waitFor({ timeout: 120_000 });

      const full = await clickToResults(page, 1, undefined);
      const slow = await clickToResults(page, slowRate, typeof throttle === 'string' ? undefined : throttle);
      const workerNote =
        typeof throttle === 'string'
          ? `only the page was slowed: the worker ran at full speed (${throttle})`
          : `page slowed by the DevTools protocol, the worker's thread by a cgroup quota of 1/${slowRate} core (${slow.slowedWorkers} worker thread${slow.slowedWorkers === 1 ? '' : 's'})`;
      return {
        results: [{ name: 'train.sisfall-click.6x-cpu', value: Math.round(slow.ms), unit: 'ms', baseline: Math.round(full.ms), goal: '<= 10000' }],
        notes: [
          `${imported.length} SisFall files (${subjects.length} people), app defaults: click → results ${Math.round(full.ms)} ms at full speed (test accuracy ${full.testAccuracy}), ` +
            `${Math.round(slow.ms)} ms with the CPU slowed ${slowRate}× (test accuracy ${slow.testAccuracy}); ${workerNote}`,
        ],
      };
    } finally {
      if (typeof throttle !== 'string') throttle.release();
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  },
};

/** One click on Train in a freshly loaded Train page, the page's CPU slowed `rate` times and the worker's by `throttle` when given. */
async function clickToResults(page: Page, rate: number, throttle: WorkerThrottle | undefined): Promise<ClickRun> {
  await page.goto(page.url().replace(/#.*$/, '#/train'));
  await page.reload();
  await waitForReady(page);
  const train = page.getByRole('button', { name: 'Train', exact: true });
  await train.waitFor();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  let slowedWorkers = 0;
  // The worker starts with the request: its thread is caught within a few milliseconds of the
  // click, and the watch ends there (reading /proc takes CPU from the run being timed).
  const watch =
    throttle &&
    setInterval(() => {
      slowedWorkers += throttle.slowNewWorkers();
      if (slowedWorkers > 0) clearInterval(watch);
    }, 5);
  try {
    const started = performance.now();
    await train.click();
    await page.getByTestId('train-results').waitFor({ timeout: 600_000 });
    const ms = performance.now() - started;
    return { ms, testAccuracy: await page.getByTestId('test-accuracy').innerText(), slowedWorkers };
  } finally {
    if (watch) clearInterval(watch);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
  }
}
