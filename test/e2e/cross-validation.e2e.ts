import { expect, test } from 'vitest';
import { describeInBrowser, openApp, useBrowser } from './fixture';
import { activityCsv, importSyntheticActivities } from './seed';

describeInBrowser('cross-validation by person on the Train page', () => {
  const browser = useBrowser();

  test('measures the model on someone new: the mean over folds beside the rules, each fold and each person, on a phone', { timeout: 120_000 }, async () => {
    const { context, page, errors } = await openApp(browser(), '#/train');
    await importSyntheticActivities(page);
    await page.evaluate(() => (location.hash = '#/train'));
    await page.getByText('Advanced settings').click();
    await page.getByLabel('Epochs', { exact: true }).fill('5');
    await page.getByLabel('Folds').selectOption('3');
    await page.getByRole('button', { name: 'Measure on someone new' }).click();
    const mean = page.getByTestId('cv-mean');
    await mean.waitFor({ timeout: 90_000 });
    const percent = Number((await mean.innerText()).replace(/[^\d.]/g, ''));
    // Six people with two clearly different synthetic activities: a model that never saw them still tells them apart.
    expect(percent).toBeGreaterThan(80);
    expect(percent).toBeLessThanOrEqual(100);
    expect(await page.getByTestId('cv-baseline').innerText()).toMatch(/%/);
    // The tables come a task after the mean.
    await page.getByTestId('cv-people').waitFor();
    expect(await page.getByTestId('cv-folds').locator('tbody tr').count()).toBe(3);
    expect(await page.getByTestId('cv-people').locator('tbody tr').count()).toBe(6);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('says that cross-validation by person needs who recorded each recording', { timeout: 60_000 }, async () => {
    const { context, page } = await openApp(browser(), '#/data');
    const picker = page.getByRole('group', { name: 'Drop files here to import them' }).locator('input[type=file]');
    await picker.setInputFiles([
      { name: 'walking.1.csv', mimeType: 'text/csv', buffer: Buffer.from(activityCsv(1.8, 2, 16, 0)) },
      { name: 'running.1.csv', mimeType: 'text/csv', buffer: Buffer.from(activityCsv(2.8, 6, 16, 0)) },
    ]);
    await page.getByTestId('import-summary').getByText('2 imported, 0 not imported.').waitFor();
    await page.evaluate(() => (location.hash = '#/train'));
    const message = page.getByTestId('cv-need-people');
    await message.waitFor();
    expect(await message.innerText()).toContain('needs to know who recorded each recording');
    expect(await page.getByRole('button', { name: 'Measure on someone new' }).isDisabled()).toBe(true);
    await context.close();
  });

  test('with two people, training splits by recording and warns that the score is optimistic', { timeout: 60_000 }, async () => {
    const { context, page } = await openApp(browser(), '#/data');
    const picker = page.getByRole('group', { name: 'Drop files here to import them' }).locator('input[type=file]');
    await page.getByLabel('Who recorded it, from the file name (regular expression, one group)').fill('^\\w+\\.(\\w+)-');
    await picker.setInputFiles(
      ['ana', 'ben'].flatMap((person, p) =>
        [1, 2].flatMap((take) => [
          { name: `walking.${person}-${take}.csv`, mimeType: 'text/csv', buffer: Buffer.from(activityCsv(1.8 + p * 0.04, 2, 16, take)) },
          { name: `running.${person}-${take}.csv`, mimeType: 'text/csv', buffer: Buffer.from(activityCsv(2.8 + p * 0.04, 6, 16, take)) },
        ]),
      ),
    );
    await page.getByTestId('import-summary').getByText('8 imported, 0 not imported.').waitFor();
    await page.evaluate(() => (location.hash = '#/train'));
    await page.getByText('Advanced settings').click();
    await page.getByLabel('Epochs', { exact: true }).fill('2');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    const warning = page.getByTestId('split-optimistic');
    await warning.waitFor({ timeout: 30_000 });
    expect(await warning.innerText()).toContain('Too few people for a split by person (2:');
    expect(await warning.innerText()).toContain('the test score is optimistic');
    await context.close();
  });
});
