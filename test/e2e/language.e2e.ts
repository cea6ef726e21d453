import { expect, test } from 'vitest';
import { describeInBrowser, openApp, useBrowser, waitForReady } from './fixture';

describeInBrowser('language', () => {
  const browser = useBrowser();

  test('follows the browser, can be switched, and is remembered', async () => {
    const { context, page } = await openApp(browser(), '', { locale: 'es-CO' });
    await page.getByRole('heading', { level: 1, name: 'Grabar' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    const nav = page.getByRole('navigation', { name: 'Principal' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Grabar', 'Datos', 'Entrenar', 'En vivo', 'Aprender']);

    await page.getByLabel('Idioma').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Record' }).waitFor();
    await page.reload();
    await waitForReady(page);
    expect(await page.locator('main h1').innerText()).toBe('Record');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await context.close();
  });

  test('the theme can be switched and is remembered', async () => {
    const { context, page } = await openApp(browser(), '', { colorScheme: 'light' });
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await page.getByLabel('Theme').selectOption('dark');
    const dark = await background();
    expect(dark).not.toBe(light);
    await page.reload();
    await waitForReady(page);
    expect(await background()).toBe(dark);
    await context.close();
  });
});
