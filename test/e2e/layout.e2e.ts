import { expect, test } from 'vitest';
import { hrefFor, routeIds } from '../../src/shell/route';
import { describeInBrowser, openApp, useBrowser } from './fixture';
import { trainSyntheticModel } from './seed';

/** Every page of the app, as its hash link. */
const pages = routeIds.map(hrefFor);

describeInBrowser('layout on a phone', () => {
  const browser = useBrowser();

  test('no page is wider than a 390 px phone, in English or in Spanish, training results included', { timeout: 90_000 }, async () => {
    const { context, page, errors } = await openApp(browser(), '#/train');
    await trainSyntheticModel(page, 3);

    const tooWide: string[] = [];
    for (const locale of ['en', 'es']) {
      await page.getByRole('combobox').first().selectOption(locale);
      for (const hash of pages) {
        await page.evaluate((to) => (location.hash = to), hash);
        await page.locator('main h1').first().waitFor();
        // Pages settle (lazy chunks, stored lists) within a moment.
        await page.waitForTimeout(300);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 390) {
          // The widest offenders, to say what to fix.
          const culprits = await page.evaluate(() =>
            [...document.querySelectorAll('body *')]
              .filter((element) => element.getBoundingClientRect().right > 391 && getComputedStyle(element).position !== 'fixed')
              .filter((element) => ![...element.children].some((child) => child.getBoundingClientRect().right > 391))
              .slice(0, 4)
              .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} “${(element.textContent ?? '').trim().slice(0, 30)}”`),
          );
          tooWide.push(`${locale} ${hash}: ${width} px (${culprits.join('; ')})`);
        }
      }
    }
    expect(tooWide).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
