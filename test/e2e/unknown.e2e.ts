import { expect, test } from 'vitest';
import { describeInBrowser, openApp, useBrowser } from './fixture';

describeInBrowser('an honest unknown', () => {
  const browser = useBrowser();

  test('a model trained without golfing says a replayed golf swing is unknown, and why, in English and Spanish, on a phone', { timeout: 300_000 }, async () => {
    const { context, page, errors } = await openApp(browser(), '#/data');
    const load = page.getByRole('button', { name: 'Load the demo dataset' });
    await load.click();
    await page.getByTestId('demo-status').getByText('48 of 48 recordings added').waitFor({ timeout: 60_000 });

    // Golfing leaves the dataset before training: the model never sees it.
    await page.getByLabel('Show').selectOption('golfing');
    const golfing = page.getByTestId('recordings').locator('li');
    await expect.poll(() => golfing.count()).toBe(12);
    while ((await golfing.count()) > 0) {
      const before = await golfing.count();
      await golfing.first().locator('button.summary').click();
      await golfing.first().getByRole('button', { name: 'Delete' }).click();
      await expect.poll(() => golfing.count()).toBe(before - 1);
    }

    await page.evaluate(() => (location.hash = '#/train'));
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByTestId('train-results').waitFor({ timeout: 180_000 });

    // The demo loads again what is missing: the golf swings come back, to be replayed.
    await page.evaluate(() => (location.hash = '#/data'));
    await load.click();
    await page.getByTestId('demo-status').getByText('12 of 48 recordings added', { exact: false }).waitFor({ timeout: 60_000 });

    await page.evaluate(() => (location.hash = '#/live'));
    await page.getByLabel('Replay of a stored recording').check();
    await page.getByLabel('Recording to replay').selectOption('demo-ana-golfing-1');
    await page.getByText('Advanced settings').click();
    // On by default: nothing to tick.
    expect(await page.getByLabel('Say “unknown” for motion unlike anything the model was trained on').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Start' }).click();
    const label = page.getByTestId('live-label');
    const reason = page.getByTestId('unknown-reason');
    await expect.poll(async () => label.innerText(), { timeout: 60_000 }).toBe('unknown');
    await expect.poll(async () => reason.innerText(), { timeout: 30_000 }).toBe('Unlike anything it was trained on');

    await page.getByLabel('Language').selectOption('es');
    await expect.poll(async () => reason.innerText(), { timeout: 30_000 }).toBe('No se parece a nada de lo que aprendió');
    await page.getByRole('button', { name: 'Detener' }).click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await context.close();
  });
});
