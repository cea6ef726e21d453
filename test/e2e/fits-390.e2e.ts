import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { hrefFor, routeIds } from '../../src/shell/route';
import { describeInBrowser, openApp, useBrowser } from './fixture';
import { trainSyntheticModel } from './seed';

/**
 * Every select and button on the page whose text does not fit it, said as "select “…”". Whether
 * a control is reached without scrolling sideways is layout.e2e.ts's question; this is whether
 * its words are cut.
 *
 * A button's text overflows it when its content is wider than its box (scrollWidth). A select
 * cuts its chosen option where the option is wider than the select: each is measured as the
 * browser would draw it, by a copy of the select beside it (same styles) at its natural width,
 * holding only that option, arrow and padding included. Every option is measured, not only the
 * one chosen now: each can be chosen.
 */
async function clippedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const shown = (element: Element) => element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
    const clipped: string[] = [];
    for (const button of document.querySelectorAll<HTMLElement>('button, .file-button')) {
      if (!shown(button)) continue;
      if (button.scrollWidth > button.clientWidth + 1) clipped.push(`button “${button.innerText.replace(/\s+/g, ' ').trim()}” (${button.scrollWidth} px in ${button.clientWidth})`);
    }
    for (const select of document.querySelectorAll('select')) {
      if (!shown(select)) continue;
      const { width } = select.getBoundingClientRect();
      for (const option of select.options) {
        const copy = document.createElement('select');
        copy.className = select.className;
        copy.style.cssText = 'position: absolute; visibility: hidden; width: auto; min-width: 0; max-width: none;';
        copy.append(option.cloneNode(true));
        select.after(copy);
        const needed = copy.getBoundingClientRect().width;
        copy.remove();
        if (needed > width + 0.5) clipped.push(`select “${option.text}” (${Math.ceil(needed)} px in ${Math.floor(width)})`);
      }
    }
    return clipped;
  });
}

describeInBrowser('every select and button fits a 390 px phone', () => {
  const browser = useBrowser();

  test('on every page, in English and in Spanish, training results included', { timeout: 120_000 }, async () => {
    const { context, page, errors } = await openApp(browser(), '#/train');
    await trainSyntheticModel(page, 3);

    const clipped: string[] = [];
    for (const locale of ['en', 'es']) {
      await page.getByRole('combobox').first().selectOption(locale);
      for (const hash of routeIds.map(hrefFor)) {
        await page.evaluate((to) => (location.hash = to), hash);
        await page.locator('main h1').first().waitFor();
        // Pages settle (lazy chunks, stored lists) within a moment.
        await page.waitForTimeout(300);
        // Folded parts show their controls too.
        for (const details of await page.locator('main details:not([open]) > summary').all()) await details.click();
        clipped.push(...(await clippedControls(page)).map((control) => `${locale} ${hash}: ${control}`));
        // The sources that show their own selects (Record, Live): each in turn, then the phone again.
        const sources = page.locator('main input[type=radio][value=serial], main input[type=radio][value=replay]');
        for (const source of await sources.all()) {
          await source.check();
          const kind = await source.getAttribute('value');
          clipped.push(...(await clippedControls(page)).map((control) => `${locale} ${hash} (${kind}): ${control}`));
        }
        if ((await sources.count()) > 0) await page.locator('main input[type=radio][value=phone]').check();
      }
    }
    expect(clipped).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
