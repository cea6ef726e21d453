import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { describeInBrowser, openApp, useBrowser } from './fixture';

/** What IndexedDB holds of each recording, by name: its sample count and duration. */
async function stored(page: Page): Promise<Record<string, { sampleCount: number; durationMs: number }>> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('motion-lab');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('recordings').objectStore('recordings').getAll();
          request.onsuccess = () => {
            const rows = request.result as { name: string; sampleCount: number; durationMs: number }[];
            open.result.close();
            resolve(Object.fromEntries(rows.map((row) => [row.name, { sampleCount: row.sampleCount, durationMs: row.durationMs }])));
          };
        };
      }),
  );
}

/** Opens a recording on the Data page and downloads it as CSV: the app's own reading of its samples. */
async function exportCsv(page: Page, name: string): Promise<{ fileName: string; text: string }> {
  await page.getByRole('button', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')} `) }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const text = readFileSync((await download.path()) ?? '', 'utf8');
  await page.getByRole('button', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')} `) }).click();
  return { fileName: download.suggestedFilename(), text };
}

function csv(count: number, rateHz: number): string {
  const rows = Array.from({ length: count }, (_, i) => {
    const t = (i * 1000) / rateHz;
    return `${t},${(Math.sin(i / 4) * 3).toFixed(3)},${(Math.cos(i / 9) * 2).toFixed(3)},${(9.81 + Math.sin(i) / 10).toFixed(4)}`;
  });
  return ['timestamp,accX,accY,accZ', ...rows].join('\n');
}

describeInBrowser('the Data page', () => {
  const browser = useBrowser();

  test('imports files, reports a bad one by name and line, exports CSV that re-imports identically', async () => {
    const { context, page, errors } = await openApp(browser(), '#/data', { acceptDownloads: true });
    const picker = page.getByRole('group', { name: 'Drop files here to import them' }).locator('input[type=file]');
    await picker.setInputFiles([
      { name: 'walking.ana-1.csv', mimeType: 'text/csv', buffer: Buffer.from(csv(500, 50)) },
      { name: 'running.ana-2.csv', mimeType: 'text/csv', buffer: Buffer.from(`${csv(20, 50)}\n420,1.0,two,9.8\n`) },
    ]);
    await page.getByTestId('import-summary').getByText('1 imported, 1 not imported.').waitFor();
    const failure = await page.getByTestId('import-failures').innerText();
    expect(failure).toContain('running.ana-2.csv, line 22');
    expect(failure).toContain('two');
    // The failed file wrote nothing: one recording, one label total changed.
    expect(Object.keys(await stored(page))).toEqual(['ana-1']);
    await page.getByTestId('recordings').getByText('ana-1').waitFor();

    const exported = await exportCsv(page, 'ana-1');
    expect(exported.fileName).toBe('walking.ana-1.csv');
    await picker.setInputFiles([{ name: 'walking.again.csv', mimeType: 'text/csv', buffer: Buffer.from(exported.text) }]);
    await page.getByTestId('import-summary').getByText('1 imported, 0 not imported.').waitFor();
    // Export writes the fewest digits that read back as the same float32: equal text, equal samples.
    expect((await exportCsv(page, 'again')).text).toBe(exported.text);
    expect(exported.text.trim().split('\n')).toHaveLength(501);
    expect((await stored(page)).again).toEqual((await stored(page))['ana-1']);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('trim, split and delete with undo, all kept across a reload', async () => {
    const { context, page } = await openApp(browser(), '#/data', { acceptDownloads: true });
    const picker = page.getByRole('group', { name: 'Drop files here to import them' }).locator('input[type=file]');
    await picker.setInputFiles([{ name: 'golfing.swing.csv', mimeType: 'text/csv', buffer: Buffer.from(csv(1001, 100)) }]);
    await page.getByRole('button', { name: /^swing/ }).click();

    await page.getByLabel('Keep from (s)').fill('1');
    await page.getByLabel('to (s)').fill('9');
    await page.getByRole('button', { name: 'Trim' }).click();
    await page.getByRole('button', { name: /^swing.*801 samples/ }).waitFor();

    await page.getByRole('button', { name: /^swing/ }).click();
    await page.getByRole('button', { name: /^swing/ }).click();
    await page.getByLabel('Split at (s)').fill('3');
    await page.getByRole('button', { name: 'Split in two' }).click();
    await page.getByRole('button', { name: /^swing \(2\)/ }).waitFor();
    const afterSplit = await stored(page);
    expect(afterSplit.swing?.sampleCount).toBe(300);
    expect(afterSplit['swing (2)']?.sampleCount).toBe(501);
    const secondHalf = await exportCsv(page, 'swing (2)');

    await page.getByRole('button', { name: /^swing \(2\)/ }).click();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('Deleted “swing (2)”.').waitFor();
    expect(Object.keys(await stored(page))).toEqual(['swing']);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('button', { name: /^swing \(2\)/ }).waitFor();

    await page.reload();
    await page.getByRole('button', { name: /^swing \(2\)/ }).waitFor();
    expect((await exportCsv(page, 'swing (2)')).text).toBe(secondHalf.text);
    await context.close();
  });
});
