import { expect, test } from 'vitest';
import { describeInBrowser, openApp, useBrowser } from './fixture';
import { importSyntheticActivities } from './seed';

describeInBrowser('finding the best setup and training the 1-D CNN on the Train page', () => {
  const browser = useBrowser();

  test('finds the best setup within the time given, shows the honest score and the candidates, and keeps the model', { timeout: 180_000 }, async () => {
    const { context, page, errors } = await openApp(browser(), '#/train');
    await importSyntheticActivities(page);
    await page.evaluate(() => (location.hash = '#/train'));
    await page.getByText('Advanced settings').click();
    await page.getByLabel('Epochs', { exact: true }).fill('5');
    // A budget too short for more than the first setup, which always runs to the end.
    await page.getByLabel('Time to compare (s)').fill('5');
    await page.getByRole('button', { name: 'Find the best setup' }).click();
    const score = page.getByTestId('search-score');
    await score.waitFor({ timeout: 150_000 });
    expect(Number((await score.innerText()).replace(/[^\d.]/g, ''))).toBeGreaterThan(80);
    expect(await page.getByTestId('search-candidates').locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId('search-chosen').innerText()).toMatch(/^Kept: /);
    await page.getByTestId('models').getByText(/^Found by search: /).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('trains the 1-D CNN when it is the network chosen', { timeout: 120_000 }, async () => {
    const { context, page, errors } = await openApp(browser(), '#/train');
    await importSyntheticActivities(page);
    await page.evaluate(() => (location.hash = '#/train'));
    await page.getByTestId('network-kind').selectOption('cnn');
    await page.getByText('Advanced settings').click();
    await page.getByLabel('Epochs', { exact: true }).fill('3');
    // The CNN reads the window itself: there is no input or feature group to choose.
    expect(await page.getByLabel('Network input').count()).toBe(0);
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByTestId('train-results').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('test-accuracy').innerText()).toMatch(/%/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
