import type { Page } from 'playwright-core';

/** Resolves once the app has rendered its first page (App.svelte sets this with its performance mark). */
export async function waitForReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
}
