import type { Page } from 'playwright-core';

/**
 * Reloads a bench page cross-origin isolated (COOP and COEP headers added to every response it
 * loads), for a benchmark that times single calls: there Chromium's `performance.now()` counts
 * in 5 µs steps, where a page that is not isolated, like the app's, gets 100 µs steps, too
 * coarse for work that takes a fraction of a millisecond. The code under test runs the same.
 */
export async function reloadCrossOriginIsolated(page: Page): Promise<void> {
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: { ...response.headers(), 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' },
    });
  });
  await page.reload();
  await page.waitForFunction(() => 'bench' in window);
  if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error('the bench page did not become cross-origin isolated');
}
