import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { waitForReady } from '../support/app-page';
import { launchChromium } from '../support/chromium';

export { waitForReady };

export const baseUrl = inject('baseUrl');
const chromiumPath = inject('chromiumPath');

/** `describe` for tests that need a real browser: skipped (said once by the setup) without one. */
export const describeInBrowser = describe.skipIf(chromiumPath === '');

/** One Chromium per test file, closed after it. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium(chromiumPath);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('The browser is not launched yet (use it inside a test).');
    return browser;
  };
}

export interface AppPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and console errors from the page, in order. */
  errors: string[];
  /** Every request made to an origin other than the app's own. */
  foreignRequests: string[];
}

/**
 * Opens the app in a fresh profile and watches it: errors and requests to other origins (data
 * must never leave the device) are collected for the test to assert on; CSP violations are
 * collected in the page (`readCspViolations`).
 */
export async function openApp(
  browser: Browser,
  hash = '',
  options: BrowserContextOptions = {},
): Promise<AppPage> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, ...options });
  const origin = new URL(baseUrl).origin;
  const foreignRequests: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (/^(data|blob):/.test(url)) return;
    if (new URL(url).origin !== origin) foreignRequests.push(url);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const list = ((window as unknown as { __cspViolations?: string[] }).__cspViolations ??= []);
      list.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await page.goto(`${baseUrl}/${hash}`);
  await waitForReady(page);
  return { context, page, errors, foreignRequests };
}


/** Content-Security-Policy violations the page reported since it loaded. */
export async function readCspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}

/** Waits until the service worker is active and controls the page (after one reload if needed). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
  if (!controlled) {
    await page.reload();
    await waitForReady(page);
  }
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}
