import { fileURLToPath } from 'node:url';
import type { Response } from 'playwright-core';
import { buildInMemory, contentOf } from './build-in-memory';
import { launchChromium } from '../support/chromium';
import { waitForReady } from '../support/app-page';
import { gzipSize, kib } from './stats';
import type { Benchmark } from './types';

const budget = 60 * 1024;

/**
 * The JS and CSS a first visit to the default page (#/record) loads, gzip-compressed.
 * Measured by loading the page rather than by reading dist/index.html: that also counts the
 * lazily loaded page chunk and whatever it imports, which no static reading of the HTML sees.
 * Counted up to network idle after the app is interactive, not just up to interactive: the
 * service-worker helper (workbox-window) is fetched alongside the page chunk and lands before
 * or after it by chance, and a benchmark must not change with a race. The service worker's own
 * fetches (its script, the precache) are not the page's and are not counted; see
 * `shell.precache-bytes`. `vite preview` does not compress, so the served bytes are compressed here.
 *
 * Baseline: the same measure for a bare Svelte app (test/bench/bare/) built with the same
 * compiler, the floor the framework alone sets, so the figure shows what the app adds.
 */
export const firstLoadGzip: Benchmark = {
  name: 'shell.first-load-gzip',
  needs: 'browser',
  async run({ url, chromiumPath }) {
    const files = await firstLoadFiles(url, chromiumPath);
    const total = files.reduce((sum, file) => sum + file.gzip, 0);
    const bare = await bareSvelteGzip();
    return {
      results: [{ name: 'shell.first-load-gzip', value: total, unit: 'bytes', baseline: bare, goal: `<= ${budget}` }],
      notes: [`first load: ${files.map((file) => `${file.path} ${kib(file.gzip)}`).join(', ')} (gzip)`],
    };
  },
};

async function firstLoadFiles(url: string, chromiumPath: string): Promise<{ path: string; gzip: number }[]> {
  const browser = await launchChromium(chromiumPath);
  try {
    const page = await browser.newPage();
    const responses: Response[] = [];
    page.on('response', (response) => {
      const type = response.request().resourceType();
      if (type === 'script' || type === 'stylesheet') responses.push(response);
    });
    await page.goto(`${url}/#/record`);
    await waitForReady(page);
    await page.waitForLoadState('networkidle');
    return await Promise.all(
      responses.map(async (response) => ({
        path: new URL(response.url()).pathname,
        gzip: gzipSize(await response.body()),
      })),
    );
  } finally {
    await browser.close();
  }
}

/** gzip size of all the JS and CSS of the bare Svelte app, built in memory (dist/ is untouched). */
async function bareSvelteGzip(): Promise<number> {
  const files = await buildInMemory(fileURLToPath(new URL('./bare/main.ts', import.meta.url)));
  return files
    .filter((file) => /\.(js|css)$/.test(file.fileName))
    .reduce((sum, file) => sum + gzipSize(Buffer.from(contentOf(file))), 0);
}
