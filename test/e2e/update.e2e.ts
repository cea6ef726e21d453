import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { root, startPreview } from '../support/preview';
import { describeInBrowser, useBrowser, waitForReady, waitForServiceWorker } from './fixture';

describeInBrowser('a new version', () => {
  const browser = useBrowser();
  // A copy of the build, so the test can publish a "new version" without touching dist/.
  const copy = mkdtempSync(join(tmpdir(), 'motion-lab-build-'));
  let server: PreviewServer;
  let url: string;

  beforeAll(async () => {
    cpSync(join(root, 'dist'), copy, { recursive: true });
    ({ server, url } = await startPreview(copy));
  });

  afterAll(async () => {
    await server.close();
    rmSync(copy, { recursive: true, force: true });
  });

  test('is offered with a prompt and only activates when the user reloads', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(`${url}/#/data`);
    await waitForReady(page);
    await waitForServiceWorker(page);
    const firstWorker = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);

    // Publish a new version: any byte change to the service worker is an update.
    appendFileSync(join(copy, 'sw.js'), '\n// next version\n');
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    await page.evaluate(async () => (await navigator.serviceWorker.ready).update());

    const notice = page.getByTestId('update-notice');
    await notice.getByText('An update of Motion Lab is available.').waitFor();
    // Nothing reloaded by itself, and the new worker is waiting, not in control.
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).waiting !== null)).toBe(true);

    await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload' }).click()]);
    await waitForReady(page);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBeUndefined();
    const after = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return { waiting: registration.waiting !== null, active: registration.active?.scriptURL };
    });
    expect(after).toEqual({ waiting: false, active: firstWorker });
    // The user is still where they were.
    expect(new URL(page.url()).hash).toBe('#/data');
    await context.close();
  });
});
