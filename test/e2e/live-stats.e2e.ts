import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { describeInBrowser, openApp, useBrowser } from './fixture';
import { trainSyntheticModel } from './seed';

interface ShownStats {
  windows: number;
  p50: number;
  p99: number;
}

/** The Live page's stats line, read in English or (decimal commas) in Spanish; undefined while it is not shown. */
async function shownStats(page: Page): Promise<ShownStats | undefined> {
  const stats = page.locator('.now .stats');
  if ((await stats.count()) === 0) return undefined;
  const text = await stats.innerText();
  const read = /^(\d+) (?:windows · latency|ventanas · latencia) p50 ([\d.,]+) ms, p99 ([\d.,]+) ms$/.exec(text);
  if (!read) throw new Error(`the Live page's stats line reads “${text}”`);
  const number = (shown: string) => Number(shown.replace(',', '.'));
  return { windows: Number(read[1]), p50: number(read[2]!), p99: number(read[3]!) };
}

describeInBrowser('Live timing figures', () => {
  const browser = useBrowser();

  test('while a recording replays, Live shows how many windows it classified and their latency p50 ≤ p99, counted anew at each start, in English and Spanish', { timeout: 180_000 }, async () => {
    const { context, page, errors } = await openApp(browser(), '#/data');
    await trainSyntheticModel(page, 10);
    await page.evaluate(() => (location.hash = '#/live'));
    await page.getByLabel('Replay of a stored recording').check();
    await page.getByLabel('Recording to replay').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Start' }).click();

    await expect.poll(async () => (await shownStats(page))?.windows ?? 0, { timeout: 60_000 }).toBeGreaterThanOrEqual(12);
    const first = (await shownStats(page))!;
    expect(Number.isFinite(first.p50) && Number.isFinite(first.p99)).toBe(true);
    expect(first.p50).toBeGreaterThanOrEqual(0);
    expect(first.p99).toBeGreaterThanOrEqual(first.p50);
    await expect.poll(async () => (await shownStats(page))!.windows, { timeout: 30_000 }).toBeGreaterThan(first.windows);

    // A new start forgets the last run's windows and latencies.
    await page.getByRole('button', { name: 'Stop' }).click();
    const stopped = (await shownStats(page))!;
    await page.getByRole('button', { name: 'Start' }).click();
    await expect.poll(async () => (await shownStats(page))?.windows ?? Infinity, { timeout: 30_000 }).toBeLessThan(stopped.windows);

    await page.getByLabel('Language').selectOption('es');
    await expect.poll(async () => (await page.locator('.now .stats').innerText()).includes('ventanas · latencia p50'), { timeout: 30_000 }).toBe(true);
    const spanish = (await shownStats(page))!;
    expect(Number.isFinite(spanish.p50) && Number.isFinite(spanish.p99)).toBe(true);
    expect(spanish.p99).toBeGreaterThanOrEqual(spanish.p50);
    await page.getByRole('button', { name: 'Detener' }).click();
    expect(errors).toEqual([]);
    await context.close();
  });
});
