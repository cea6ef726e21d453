import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { describeInBrowser, openApp, useBrowser } from './fixture';

/** The activities the Record page offers, in order. */
async function recordActivities(page: Page): Promise<string[]> {
  await page.evaluate(() => (location.hash = '#/record'));
  const chips = page.locator('main [role=radiogroup] .chip');
  await chips.first().waitFor();
  return chips.allInnerTexts();
}

describeInBrowser('a Spanish user’s activities are in Spanish', () => {
  const browser = useBrowser();

  test('a fresh Spanish profile sees Spanish activities on Record, in the Data totals, the confusion matrix and Live, on a phone', { timeout: 180_000 }, async () => {
    const { context, page, errors } = await openApp(browser(), '#/record', { locale: 'es-CO' });
    expect(await recordActivities(page)).toEqual(['caminar', 'correr', 'bicicleta', 'golf']);

    await page.evaluate(() => (location.hash = '#/data'));
    await page.getByRole('button', { name: 'Cargar los datos de demostración' }).click();
    await page.getByTestId('demo-status').getByText('48 de 48 grabaciones añadidas').waitFor({ timeout: 60_000 });
    const totals = page.getByTestId('label-totals').locator('tbody th');
    await expect.poll(() => totals.allInnerTexts()).toEqual(['caminar', 'correr', 'bicicleta', 'golf', 'escaleras']);

    await page.evaluate(() => (location.hash = '#/train'));
    await page.getByRole('button', { name: 'Entrenar', exact: true }).click();
    await page.getByTestId('train-results').waitFor({ timeout: 120_000 });
    const matrix = await page.getByTestId('confusion').innerText();
    for (const activity of ['caminar', 'correr', 'escaleras', 'golf']) expect(matrix).toContain(activity);
    expect(matrix).not.toMatch(/walking|running|stairs|golfing/);
    // The model's date in Spanish: day first, a 24-hour clock.
    await expect.poll(() => page.getByTestId('models').innerText()).toMatch(/caminar, correr, escaleras, golf · \d{1,2}\/\d{1,2}\/\d{2}, \d{1,2}:\d{2}(?!\s?[ap]\.?\s?m)/i);

    await page.evaluate(() => (location.hash = '#/live'));
    await page.getByLabel('Reproducción de una grabación guardada').check();
    await page.getByLabel('Grabación a reproducir').selectOption('demo-ana-running-1');
    await page.getByRole('button', { name: 'Iniciar' }).click();
    await expect.poll(async () => page.getByTestId('live-label').innerText(), { timeout: 30_000 }).toMatch(/^(caminar|correr|escaleras|golf)$/);
    await expect.poll(async () => page.getByTestId('rule-label').innerText()).toMatch(/^(caminar|correr|bicicleta)$/);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('English starting activities follow a switch to Spanish before the first recording, and back', { timeout: 60_000 }, async () => {
    const { context, page, errors } = await openApp(browser(), '#/record');
    expect(await recordActivities(page)).toEqual(['walking', 'running', 'biking', 'golfing']);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await expect.poll(() => recordActivities(page)).toEqual(['caminar', 'correr', 'bicicleta', 'golf']);
    await page.getByRole('combobox', { name: 'Idioma' }).selectOption('en');
    await expect.poll(() => recordActivities(page)).toEqual(['walking', 'running', 'biking', 'golfing']);
    expect(errors).toEqual([]);
    await context.close();
  });
});
