import { expect, test } from 'vitest';
import { importSyntheticActivities } from './seed';
import { describeInBrowser, openApp, readCspViolations, useBrowser, waitForReady, waitForServiceWorker } from './fixture';

/** Every page, how to reach it from the navigation, and the heading it shows. */
const pages = [
  { nav: 'Record', heading: 'Record' },
  { nav: 'Data', heading: 'Data' },
  { nav: 'Train', heading: 'Train' },
  { nav: 'Live', heading: 'Live' },
  { nav: 'Learn', heading: 'Matching X to Y' },
];

describeInBrowser('offline after the first visit', () => {
  const browser = useBrowser();

  test('the service worker activates, then every page renders and navigates offline', async () => {
    const { context, page, errors } = await openApp(browser());
    await page.getByTestId('offline-ready').waitFor();
    await waitForServiceWorker(page);

    await context.setOffline(true);
    await page.reload();
    await waitForReady(page);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);

    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const { nav: label, heading } of pages) {
      await nav.getByRole('link', { name: label }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    }
    await page.getByRole('navigation', { name: 'Lessons' }).getByRole('link', { name: 'Digits' }).click();
    await page.getByRole('heading', { level: 1, name: 'Classifying handwritten digits' }).waitFor();

    // Import and train while offline: the worker, TensorFlow.js and its wasm binary all come
    // from the precache.
    await importSyntheticActivities(page);
    await nav.getByRole('link', { name: 'Train' }).click();
    await page.getByText('Advanced settings').click();
    await page.getByLabel('Epochs', { exact: true }).fill('5');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByTestId('train-results').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('backend-status').getAttribute('data-backend')).toBe('wasm');

    // A deep link opened while offline is served by the service worker as well.
    await page.goto(page.url().replace(/#.*$/, '#/learn/digits'));
    await page.reload();
    await waitForReady(page);
    await page.getByRole('heading', { level: 1, name: 'Classifying handwritten digits' }).waitFor();

    expect(await readCspViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
