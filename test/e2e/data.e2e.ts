import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { describeInBrowser, openApp, useBrowser } from './fixture';

/** A recording's samples as stored, read by the page from IndexedDB, keyed by recording name. */
async function storedSamples(page: Page): Promise<Record<string, { t: number[]; acc: number[] }>> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('motion-lab');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['recordings', 'chunks']);
          const recordings = tx.objectStore('recordings').getAll();
          const chunks = tx.objectStore('chunks').getAll();
          tx.oncomplete = () => {
            const out: Record<string, { t: number[]; acc: number[] }> = {};
            for (const recording of recordings.result as { id: string; name: string }[]) {
              const mine = (chunks.result as { recordingId: string; index: number; t0: number; dt: Float32Array; acc: Float32Array }[])
                .filter((chunk) => chunk.recordingId === recording.id)
                .sort((a, b) => a.index - b.index);
              out[recording.name] = {
                t: mine.flatMap((chunk) => [...chunk.dt].map((dt) => chunk.t0 + dt)),
                acc: mine.flatMap((chunk) => [...chunk.acc]),
              };
            }
            open.result.close();
            resolve(out);
          };
        };
      }),
  );
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
    expect(Object.keys(await storedSamples(page))).toEqual(['ana-1']);
    await page.getByTestId('recordings').getByText('ana-1').waitFor();

    await page.getByRole('button', { name: /^ana-1/ }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('walking.ana-1.csv');
    const exported = readFileSync((await download.path()) ?? '', 'utf8');
    await picker.setInputFiles([{ name: 'walking.again.csv', mimeType: 'text/csv', buffer: Buffer.from(exported) }]);
    await page.getByTestId('import-summary').getByText('1 imported, 0 not imported.').waitFor();
    const stored = await storedSamples(page);
    expect(stored.again?.acc).toEqual(stored['ana-1']?.acc);
    expect(stored.again?.t).toEqual(stored['ana-1']?.t);
    expect(stored.again?.acc).toHaveLength(1500);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('trim, split and delete with undo, all kept across a reload', async () => {
    const { context, page } = await openApp(browser(), '#/data');
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
    const afterSplit = await storedSamples(page);
    expect(afterSplit.swing?.t).toHaveLength(300);
    expect(afterSplit['swing (2)']?.t).toHaveLength(501);

    await page.getByRole('button', { name: /^swing \(2\)/ }).click();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('Deleted “swing (2)”.').waitFor();
    expect(Object.keys(await storedSamples(page))).toEqual(['swing']);
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('button', { name: /^swing \(2\)/ }).waitFor();

    await page.reload();
    await page.getByRole('button', { name: /^swing \(2\)/ }).waitFor();
    expect((await storedSamples(page))['swing (2)']?.t).toEqual(afterSplit['swing (2)']?.t);
    await context.close();
  });
});
