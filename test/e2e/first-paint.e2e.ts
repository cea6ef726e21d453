import { expect, test } from 'vitest';
import { describeInBrowser, openApp, useBrowser } from './fixture';

/**
 * A first visit on a phone: nothing on screen moves once painted. The guide comes with the first
 * page, and the notices that come later (“ready to work offline”) float above the tabs rather than
 * push the page down. Layout shifts are read from the browser's own record of them, from the start.
 */
describeInBrowser('the first visit holds still', () => {
  const browser = useBrowser();

  for (const locale of ['en', 'es']) {
    for (const hash of ['#/record', '#/data']) {
      test(`${locale}, 390 px, ${hash}: no layout shift while the guide, the page and the offline notice arrive`, async () => {
        const { context, page, errors } = await openApp(browser(), hash, { locale });
        await page.getByTestId('offline-ready').waitFor();
        await page.getByTestId('guide').waitFor();
        const shifts = await page.evaluate(
          () =>
            new Promise<string[]>((resolve) => {
              new PerformanceObserver((list) => {
                const entries = list.getEntries() as (PerformanceEntry & { value: number; sources: { node?: Node }[] })[];
                resolve(entries.map((entry) => `${entry.value.toFixed(4)} ${entry.sources.map((source) => source.node?.nodeName).join(',')}`));
              }).observe({ type: 'layout-shift', buffered: true });
              // With no shift recorded the observer never calls back.
              setTimeout(() => resolve([]), 500);
            }),
        );
        expect(shifts).toEqual([]);
        expect(errors).toEqual([]);
        await context.close();
      });
    }
  }
});
