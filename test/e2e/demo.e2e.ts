import { expect, test } from 'vitest';
import { describeInBrowser, openApp, useBrowser } from './fixture';

describeInBrowser('the demo dataset', () => {
  const browser = useBrowser();

  test('a student with no sensor loads the demo, trains on it split by person, and watches a demo recording classified live, on a phone', { timeout: 180_000 }, async () => {
    const { context, page, errors } = await openApp(browser(), '#/data');
    await page.getByRole('button', { name: 'Load the demo dataset' }).click();
    await page.getByTestId('demo-status').getByText('48 of 48 recordings added').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('demo').innerText()).toContain('synthetic');
    // The list refreshes from the store's change notice, a moment after the status.
    await expect.poll(() => page.getByTestId('recordings').locator('li').count()).toBe(48);

    await page.evaluate(() => (location.hash = '#/train'));
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByTestId('train-results').waitFor({ timeout: 120_000 });
    // Six named people: the split is by person, with no warning that the score is optimistic.
    expect(await page.getByTestId('split-optimistic').count()).toBe(0);
    const accuracy = Number((await page.getByTestId('test-accuracy').innerText()).replace(/[^\d.]/g, ''));
    expect(accuracy).toBeGreaterThan(80);

    await page.evaluate(() => (location.hash = '#/live'));
    await page.getByLabel('Replay of a stored recording').check();
    await page.getByLabel('Recording to replay').selectOption('demo-ana-running-1');
    await page.getByRole('button', { name: 'Start' }).click();
    const label = page.getByTestId('live-label');
    await expect.poll(async () => label.innerText(), { timeout: 30_000 }).toMatch(/^(walking|running|stairs|golfing)$/);
    await page.getByRole('button', { name: 'Stop' }).click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await context.close();
  });
});
