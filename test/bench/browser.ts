import type { Page } from 'playwright-core';
import { waitForReady } from '../support/app-page';

/** ms from navigation start to the app's `motion-lab:interactive` mark, in the current document. */
export async function interactiveTime(page: Page): Promise<number> {
  await waitForReady(page);
  const time = await page.evaluate(
    () => performance.getEntriesByName('motion-lab:interactive', 'mark')[0]?.startTime,
  );
  if (time === undefined) throw new Error('the page is ready but has no motion-lab:interactive mark');
  return time;
}
