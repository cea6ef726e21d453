import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { interactiveTime } from './browser';
import { readPrecacheUrls } from './precache';
import { median, percentile } from './stats';
import type { Benchmark } from './types';

const reloads = 12;

/**
 * How soon the app is usable when reopened with no network: the service worker serves the
 * whole shell from its precache. Measured as the app's `motion-lab:interactive` mark on each
 * of `reloads` offline reloads.
 *
 * Baseline: the same reloads online in a fresh context whose service worker is blocked, i.e.
 * a plain browser with its HTTP cache revalidating against `vite preview` on localhost. It is
 * what the app would cost without the service worker, on a network that costs nothing, so the
 * offline figure should be about as fast; if it is much slower, the worker is in the way.
 */
export const offlineReloadInteractive: Benchmark = {
  name: 'shell.offline-reload-interactive',
  needs: 'browser',
  async run({ dist, url, chromiumPath }) {
    const browser = await launchChromium(chromiumPath);
    try {
      const offline = await offlineReloadTimes(browser, url, readPrecacheUrls(dist).urls.length);
      const online = await onlineReloadTimes(browser, url);
      const name = 'shell.offline-reload-interactive';
      return {
        results: [
          { name, value: round(median(offline)), unit: 'ms', baseline: round(median(online)), goal: '<= 500' },
          { name: `${name}.p90`, value: round(percentile(offline, 90)), unit: 'ms', baseline: round(percentile(online, 90)) },
        ],
        notes: [
          `offline reloads (ms): ${offline.map(round).join(', ')}`,
          `online reloads, service worker blocked (ms): ${online.map(round).join(', ')}`,
        ],
      };
    } finally {
      await browser.close();
    }
  },
};

async function offlineReloadTimes(browser: Browser, url: string, precacheEntries: number): Promise<number[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${url}/#/record`);
    // `ready` resolves once a worker is active, and a worker activates only after its install
    // step, which is the precache download, has succeeded.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const cached = await cachedRequestCount(page);
    if (cached < precacheEntries) {
      throw new Error(`the service worker is active but cached ${cached} of ${precacheEntries} precache entries`);
    }
    // Without clientsClaim the first page stays uncontrolled: the worker serves it from the next load on.
    await page.reload();
    if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
      throw new Error('the page is not controlled by the service worker after a reload');
    }
    await context.setOffline(true);
    return await timeReloads(page);
  } finally {
    await context.close();
  }
}

async function onlineReloadTimes(browser: Browser, url: string): Promise<number[]> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto(`${url}/#/record`);
    return await timeReloads(page);
  } finally {
    await context.close();
  }
}

async function timeReloads(page: Page): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < reloads; run++) {
    await page.reload();
    times.push(await interactiveTime(page));
  }
  return times;
}

/** Requests stored in all of the origin's caches (Workbox keeps one precache). */
function cachedRequestCount(page: Page): Promise<number> {
  return page.evaluate(async () => {
    let count = 0;
    for (const name of await caches.keys()) count += (await (await caches.open(name)).keys()).length;
    return count;
  });
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
