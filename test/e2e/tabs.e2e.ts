import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { baseUrl, describeInBrowser, openApp, useBrowser, waitForReady } from './fixture';
import { readStored, startRecording, upgradeDatabase } from './two-tabs';

/** A recording's row and what its stored chunks hold, read by the page from IndexedDB. */
interface StoredState {
  rows: { id: string; name: string; sampleCount: number; interrupted: boolean; lostSamples: number; gaps: { durationMs: number; lostSamples?: number }[] }[];
  chunkSamples: Record<string, number>;
  version: number;
}

async function stored(page: Page): Promise<StoredState> {
  const { rows, version } = await readStored<{ recordings: StoredState['rows']; chunks: { recordingId: string; count: number }[] }>(page, ['recordings', 'chunks']);
  const chunkSamples: Record<string, number> = {};
  for (const chunk of rows.chunks) chunkSamples[chunk.recordingId] = (chunkSamples[chunk.recordingId] ?? 0) + chunk.count;
  return { rows: rows.recordings, chunkSamples, version };
}

describeInBrowser('two tabs of the app', () => {
  const browser = useBrowser();

  test('a recording in progress in one tab is shown as such in the other, which offers no edits on it', async () => {
    const { context, page: recordingTab, errors } = await openApp(browser(), '#/record');
    const { stopSway } = await startRecording(context, recordingTab);
    await recordingTab.waitForTimeout(2000);

    const otherTab = await context.newPage();
    await otherTab.goto(`${baseUrl}/#/data`);
    await waitForReady(otherTab);
    const row = otherTab.getByRole('button', { name: /walking 1/ });
    await row.getByText('recording in another tab').waitFor();
    await row.click();
    await otherTab.getByText('This recording is still being made in another tab').waitFor();
    expect(await otherTab.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    expect(await otherTab.getByRole('button', { name: 'Trim' }).count()).toBe(0);

    await recordingTab.getByRole('button', { name: 'Stop' }).click();
    await recordingTab.getByTestId('record-saved').waitFor();
    await stopSway();
    // Stopped there: the other tab lists it again, finished, and offers its edits.
    await row.getByText('recording in another tab').waitFor({ state: 'detached' });
    await otherTab.getByRole('button', { name: 'Delete' }).waitFor();
    const { rows, chunkSamples } = await stored(otherTab);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ interrupted: false });
    expect(rows[0]?.sampleCount).toBe(chunkSamples[rows[0]?.id ?? '']);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  test('a newer version opened in another tab lets the running recording finish whole, then the old tab asks to reload', async () => {
    const { context, page: recordingTab, errors } = await openApp(browser(), '#/record');
    const { stopSway } = await startRecording(context, recordingTab);
    // 2.5 s of the sway received, however slowly a loaded machine replays it.
    await recordingTab.waitForFunction(() => Number(document.querySelector('[data-testid="sample-count"]')?.textContent) >= 125);

    // The newer app: the same database, one version up, opened in a second tab of the origin.
    const newerTab = await context.newPage();
    await newerTab.goto(`${baseUrl}/#/record`);
    await waitForReady(newerTab);
    const upgradedTo = await upgradeDatabase(newerTab);
    await stopSway();

    await recordingTab.getByText('A newer version of Motion Lab was opened in another tab, so this recording was stopped and saved.').waitFor();
    await recordingTab.getByRole('button', { name: 'Reload' }).waitFor();
    expect(errors).toEqual([]);
    const { rows, chunkSamples, version } = await stored(newerTab);
    expect(version).toBe(upgradedTo);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'walking 1', interrupted: false });
    expect(rows[0]?.sampleCount).toBeGreaterThan(100);
    expect(rows[0]?.sampleCount).toBe(chunkSamples[rows[0]?.id ?? '']);
    await context.close();
  }, 90_000);

  test('an older app meeting a newer database says so and what to do, in English and in Spanish', async () => {
    for (const [locale, says, hint] of [
      ['en-US', 'The data on this device was saved by a newer version of Motion Lab', 'Reload the page to get the newer version.'],
      ['es-CO', 'Los datos de este dispositivo los guardó una versión de Motion Lab más nueva', 'Recarga la página para obtener la versión nueva.'],
    ] as const) {
      const { context, page, errors } = await openApp(browser(), '#/data', { locale });
      // A newer app upgraded the database: this one's tab closes its connection and reloads.
      await upgradeDatabase(page, 50);
      await page.reload();
      await waitForReady(page);
      const notice = page.getByRole('alert').filter({ hasText: says });
      await notice.waitFor();
      expect(await notice.innerText()).toContain(hint);
      await notice.getByRole('button', { name: locale === 'en-US' ? 'Reload' : 'Recargar' }).waitFor();
      // Said on the page, not as a crash.
      expect(errors).toEqual([]);
      expect(await page.getByText('VersionError').count()).toBe(0);
      await context.close();
    }
  }, 90_000);

  test('a page that stalls for 2 s while recording counts the readings it missed as lost', async () => {
    const { context, page } = await openApp(browser(), '#/record');
    const { stopSway } = await startRecording(context, page);
    await page.waitForTimeout(1500);
    await page.evaluate(() => {
      const until = performance.now() + 2000;
      while (performance.now() < until) {
        // The page's thread is busy: the sensor's readings go on without it.
      }
    });
    await page.waitForTimeout(1500);
    const shownLost = Number(await page.getByTestId('record-stats').locator('div', { hasText: 'Lost' }).locator('dd').innerText());
    expect(shownLost).toBeGreaterThan(80);
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByTestId('record-saved').waitFor();
    await stopSway();
    const [row] = (await stored(page)).rows;
    // 2 s of a 50 Hz sway: about 100 readings, in one gap (and any others this loaded machine missed).
    const stall = row?.gaps.find((gap) => gap.durationMs >= 1900);
    expect(stall?.lostSamples).toBeGreaterThan(80);
    expect(stall?.lostSamples).toBeLessThan(130);
    expect(row?.lostSamples).toBeGreaterThanOrEqual(stall?.lostSamples ?? Infinity);
    await page.goto(`${baseUrl}/#/data`);
    await page.getByText(`${row?.lostSamples} lost`).waitFor();
    await context.close();
  }, 90_000);
});
