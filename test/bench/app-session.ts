import type { Browser, BrowserContext, Page } from 'playwright-core';
import { waitForReady } from '../support/app-page';
import { launchChromium } from '../support/chromium';

export interface AppSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/**
 * The built app in a fresh Chromium profile at phone size (390 × 844), opened at `hash` and
 * rendered; `prepare` runs on the context before the page opens (an init script, say). The
 * browser is closed whatever `use` does.
 */
export async function withAppSession<T>(
  { url, chromiumPath, hash, prepare }: { url: string; chromiumPath: string; hash: string; prepare?: (context: BrowserContext) => Promise<void> },
  use: (session: AppSession) => Promise<T>,
): Promise<T> {
  const browser = await launchChromium(chromiumPath);
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await prepare?.(context);
    const page = await context.newPage();
    await page.goto(`${url}/${hash}`);
    await waitForReady(page);
    return await use({ browser, context, page });
  } finally {
    await browser.close();
  }
}
