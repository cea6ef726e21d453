import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { describeInBrowser, openApp, useBrowser, waitForReady } from './fixture';

/** Presses Tab until focus lands in the page's content or in the main navigation, and says which came first. */
async function firstReached(page: Page): Promise<'main' | 'nav'> {
  for (let press = 0; press < 30; press += 1) {
    await page.keyboard.press('Tab');
    const where = await page.evaluate(() => {
      const focused = document.activeElement;
      if (focused?.closest('main')) return 'main';
      if (focused?.closest('nav.tab-bar')) return 'nav';
      return undefined;
    });
    if (where) return where;
  }
  throw new Error('Thirty Tab presses reached neither the content nor the tabs');
}

describeInBrowser('the shell and the lessons, polished', () => {
  const browser = useBrowser();

  for (const [locale, weight, bias] of [
    ['en-US', 'Weight w', 'Bias b'],
    ['es-CO', 'Peso w', 'Sesgo b'],
  ] as const) {
    test(`${locale}, 390 px: the regression's w and b boxes are labelled, and on a phone focus reaches the content before the tabs`, async () => {
      const { context, page, errors } = await openApp(browser(), '#/learn/regression', { locale });
      for (const name of [weight, bias]) {
        expect(await page.getByRole('spinbutton', { name, exact: true }).count()).toBe(1);
        expect(await page.getByRole('slider', { name, exact: true }).count()).toBe(1);
      }
      await page.getByRole('spinbutton', { name: weight, exact: true }).fill('2');
      expect(await page.getByTestId('guess-w').inputValue()).toBe('2');

      // Tabbing from the top of a freshly loaded page, as a keyboard user starts.
      await page.reload();
      await waitForReady(page);
      expect(await firstReached(page)).toBe('main');
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.reload();
      await waitForReady(page);
      // Wide: the tabs sit under the header, and focus meets them there, before the content.
      expect(await firstReached(page)).toBe('nav');
      expect(errors).toEqual([]);
      await context.close();
    });

    test(`${locale}, 390 px: “ready to work offline” floats above the tabs, moves nothing on the page, leaves the page's end room, and goes by itself`, async () => {
      const { context, page, errors } = await openApp(browser(), '#/data', { locale });
      const heading = page.locator('main h1');
      await heading.waitFor();
      const headingBefore = await heading.boundingBox();
      const notice = page.getByTestId('offline-ready');
      await notice.waitFor();
      const box = await notice.boundingBox();
      const tabs = await page.locator('nav.tab-bar').boundingBox();
      expect(box && tabs && headingBefore).toBeTruthy();
      if (!box || !tabs || !headingBefore) return;
      expect(box.y + box.height).toBeLessThanOrEqual(tabs.y);
      // Coming late, it pushes nothing down: the page's heading stays where it was read.
      expect((await heading.boundingBox())?.y).toBe(headingBefore.y);
      // Scrolled to the end, the page's last line clears it: main keeps room for it.
      const paddingBottom = await page.locator('main').evaluate((element) => parseFloat(getComputedStyle(element).paddingBottom));
      expect(paddingBottom).toBeGreaterThanOrEqual(box.height + (844 - tabs.y));
      await notice.waitFor({ state: 'detached', timeout: 15_000 });
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  test('390 px: the microcontroller zip downloads in one click, and its sizes show after', { timeout: 180_000 }, async () => {
    const { context, page, errors } = await openApp(browser(), '#/train');
    await page.getByTestId('guide').getByRole('button', { name: 'Load the demo examples' }).click();
    await expect.poll(() => page.getByTestId('guide').getAttribute('data-step'), { timeout: 60_000 }).toBe('train');
    await page.getByText('Advanced settings').click();
    await page.getByLabel('Epochs', { exact: true }).fill('3');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByTestId('train-results').waitFor({ timeout: 120_000 });

    const deploy = page.getByTestId('deploy');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      deploy.getByRole('button', { name: 'Download for a microcontroller' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('motion-model.zip');
    expect(((await download.path()) ?? '').length).toBeGreaterThan(0);
    await deploy.getByTestId('deploy-sizes').waitFor();
    expect(await deploy.getByTestId('deploy-sizes').innerText()).toMatch(/float32/);
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const [locale, guessed] of [
    ['en-US', /^guess: (\d)$/],
    ['es-CO', /^respuesta: (\d)$/],
  ] as const) {
    test(`${locale}, 390 px: each digit in the “got wrong” grid shows what the network guessed`, { timeout: 180_000 }, async () => {
      const { context, page, errors } = await openApp(browser(), '#/learn/digits', { locale });
      await page.getByTestId('digits-epochs').fill('1');
      await page.getByTestId('digits-train').click();
      const wrong = page.getByTestId('wrong-digits').getByRole('button');
      await wrong.first().waitFor({ timeout: 120_000 });
      const count = await wrong.count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < Math.min(count, 5); i += 1) {
        const digit = wrong.nth(i);
        const shown = guessed.exec((await digit.innerText()).trim());
        expect(shown).not.toBeNull();
        // The name says the true label and the guess, and they differ: it is a mistake.
        const name = (await digit.getAttribute('aria-label')) ?? '';
        const [, label, guess] = /(\d)\D+(\d)\D*$/.exec(name) ?? [];
        expect(guess).toBe(shown?.[1]);
        expect(label).not.toBe(guess);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
