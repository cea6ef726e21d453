import { expect, test } from 'vitest';
import { en } from '../../src/lib/i18n/messages.en';
import { describeInBrowser, openApp, useBrowser } from './fixture';
import { importSomeoneNew, trainSyntheticModel } from './seed';

describeInBrowser('calibrate to me', () => {
  const browser = useBrowser();

  test('a model trained on six people is calibrated to a seventh who was held back, with the scores before and after, and both models kept', { timeout: 180_000 }, async () => {
    const { context, page, errors } = await openApp(browser(), '#/train');
    await trainSyntheticModel(page, 15);

    // Gus records after the model was trained: it never saw him. His walk is stronger and his run slower than anyone's in the class.
    await importSomeoneNew(page, 'gus', 0.3);

    await page.evaluate(() => (location.hash = '#/train'));
    const section = page.getByTestId('calibrate');
    await section.getByLabel('Person').selectOption('gus');
    await section.getByLabel('Seconds of each activity').fill('20');
    await section.getByRole('button', { name: 'Calibrate to gus' }).click();
    await section.getByTestId('calibrate-scores').waitFor({ timeout: 60_000 });
    const percent = /^\d{1,3}(\.\d)?\s?%$/;
    expect(await section.getByTestId('calibrate-before').innerText()).toMatch(percent);
    expect(await section.getByTestId('calibrate-after').innerText()).toMatch(percent);
    expect(await section.getByTestId('calibrate-kept').innerText()).toMatch(/calibrated to gus.*running, walking/);

    const models = page.getByTestId('models').locator('li');
    // The list refreshes from the store's change notice, a moment after the scores.
    await expect.poll(() => models.count()).toBe(2);
    await expect.poll(() => page.getByTestId('models').innerText()).toContain('calibrated to gus');

    // The calibrated model, now the active one, learnt from Gus's take: Live says so when it is replayed.
    await page.evaluate(() => (location.hash = '#/live'));
    await page.getByLabel(en['record.source.replay']).check();
    const pick = page.getByLabel(en['record.replayPick']);
    await pick.selectOption((await pick.locator('option', { hasText: 'gus-1 (walking)' }).getAttribute('value'))!);
    await page.getByTestId('replay-seen').waitFor();
    expect(await page.getByTestId('replay-seen').innerText()).toBe(en['people.trainedOn'].replace('{recording}', 'gus-1'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await context.close();
  });
});
