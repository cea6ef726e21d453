import { expect, test } from 'vitest';
import { describeInBrowser, openApp, useBrowser, waitForReady } from './fixture';
import { activityCsv } from './seed';

/** A class: 30 people × 4 activities, one short recording each (120 files named `walking.p01-walking.csv`, …). */
const people = Array.from({ length: 30 }, (_, i) => `p${String(i + 1).padStart(2, '0')}`);
const activities = ['walking', 'running', 'stairs', 'jumping'];

describeInBrowser('a class-sized Data list on a phone', () => {
  const browser = useBrowser();

  test('120 recordings appear a batch at a time after a reload, each reachable by scrolling, and the filters narrow and widen the list', { timeout: 180_000 }, async () => {
    const { context, page, errors } = await openApp(browser(), '#/data');
    // Every change to the list's length, as the page saw it: the rows come in batches, never go.
    await context.addInitScript(() => {
      const counts: number[] = [];
      (window as unknown as { rowCounts: number[] }).rowCounts = counts;
      new MutationObserver(() => {
        const count = document.querySelectorAll('[data-testid=recordings] li').length;
        if (count !== counts.at(-1)) counts.push(count);
      }).observe(document, { childList: true, subtree: true });
    });
    await page.getByLabel('Who recorded it, from the file name (regular expression, one group)').fill('^\\w+\\.(\\w+)-');
    await page.getByTestId('import-files').setInputFiles(
      people.flatMap((person, p) =>
        activities.map((activity, a) => ({ name: `${activity}.${person}-${activity}.csv`, mimeType: 'text/csv', buffer: Buffer.from(activityCsv(1.5 + a * 0.5, 2 + a, 4, p)) })),
      ),
    );
    await page.getByTestId('import-summary').getByText('120 imported, 0 not imported.').waitFor({ timeout: 120_000 });

    await page.reload();
    await waitForReady(page);
    const rows = page.getByTestId('recordings').locator('li');
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(120);
    const counts = await page.evaluate(() => (window as unknown as { rowCounts: number[] }).rowCounts);
    const growing = counts.filter((count) => count > 0);
    expect(growing[0]).toBeLessThan(120);
    expect(growing.at(-1)).toBe(120);
    expect(growing).toEqual([...growing].sort((a, b) => a - b));

    // Every recording is in the list once, and the last one can be scrolled to, opened and read.
    const names = await rows.locator('.name').allTextContents();
    expect(new Set(names).size).toBe(120);
    const last = rows.last();
    await last.scrollIntoViewIfNeeded();
    await last.locator('.summary').click();
    expect(await last.locator('.summary').getAttribute('aria-expanded')).toBe('true');
    expect(await last.locator('.name').innerText()).toBe(names.at(-1));

    // One person's four; then everyone again.
    const count = page.getByTestId('shown-count');
    await page.getByLabel('Person', { exact: true }).selectOption('p17');
    await expect.poll(() => count.innerText()).toBe('4 of 120 recordings shown');
    expect(await rows.locator('.meta').allTextContents()).toSatisfy((metas: string[]) => metas.length === 4 && metas.every((meta) => meta.includes('p17')));
    await page.getByLabel('Person', { exact: true }).selectOption({ index: 0 });
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(120);
    await page.getByLabel('Search by name').fill('stairs');
    await expect.poll(() => count.innerText()).toBe('30 of 120 recordings shown');
    await expect.poll(() => rows.count()).toBe(30);
    expect(errors).toEqual([]);
    await context.close();
  });
});
