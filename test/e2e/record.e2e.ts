import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { hasSisfall, sisfallDir } from '../support/shared-data';
import { baseUrl, describeInBrowser, openApp, useBrowser, waitForReady } from './fixture';
import { recordUntilDiskFull } from './full-disk';
import { EmulatedMotionSensor, parseMotionCsv } from './motion-sensor';
import { startRecording } from './two-tabs';

interface StoredRecording {
  name: string;
  label: string;
  sampleCount: number;
  durationMs: number;
  rateHz: number;
  interrupted: boolean;
  source: string;
}

/** The recordings as IndexedDB holds them, read by the page itself. */
async function storedRecordings(page: Page): Promise<StoredRecording[]> {
  return page.evaluate(
    () =>
      new Promise<StoredRecording[]>((resolve, reject) => {
        const open = indexedDB.open('motion-lab');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('recordings').objectStore('recordings').getAll();
          request.onsuccess = () => {
            resolve(request.result as StoredRecording[]);
            open.result.close();
          };
        };
      }),
  );
}

function sisfallFile(prefix: string): string {
  const file = readdirSync(sisfallDir).find((name) => name.startsWith(prefix));
  if (!file) throw new Error(`no ${prefix} recording in ${sisfallDir}`);
  return join(sisfallDir, file);
}

describeInBrowser('recording from the phone’s motion sensors', () => {
  const browser = useBrowser();

  test.skipIf(!hasSisfall())('20 s of a replayed SisFall walk are stored and survive a reload', { timeout: 90_000 }, async () => {
    const samples = parseMotionCsv(readFileSync(sisfallFile('walking.'), 'utf8'));
    const { context, page, errors } = await openApp(browser(), '#/record');
    const sensor = await EmulatedMotionSensor.attach(context, page);
    await page.getByRole('radio', { name: 'walking' }).check();
    await page.getByLabel('Countdown').selectOption('0');
    await page.getByLabel('Duration').selectOption('20');
    const playing = new AbortController();
    const replay = sensor.replay(samples, { signal: playing.signal });
    // Keep the time of every reading the browser delivers: the truth the recording must match,
    // whatever pace the replay managed on this machine.
    await page.evaluate(() => {
      const times: number[] = [];
      (window as unknown as { __readings: number[] }).__readings = times;
      const accelerometer = new Accelerometer({ frequency: 100 });
      accelerometer.addEventListener('reading', () => times.push(accelerometer.timestamp ?? NaN));
      accelerometer.start();
    });
    const clickedAt = await page.evaluate(() => performance.now());
    await page.getByRole('button', { name: 'Record' }).click();
    await page.getByTestId('record-stats').waitFor();
    await page.getByTestId('record-saved').waitFor({ timeout: 30_000 });
    const readings = await page.evaluate(() => (window as unknown as { __readings: number[] }).__readings);
    playing.abort();
    await replay;
    const shown = await page.getByTestId('record-saved').innerText();

    await page.reload();
    await waitForReady(page);
    const [stored, ...others] = await storedRecordings(page);
    expect(others).toEqual([]);
    expect(stored).toMatchObject({ name: 'walking 1', label: 'walking', source: 'phone', interrupted: false });
    // As many samples as the browser delivered in those 20 s (about 1000: the file is 50 Hz).
    const firstRecorded = readings.find((time) => time >= clickedAt) ?? NaN;
    const expected = readings.filter((time) => time >= firstRecorded && time <= firstRecorded + (stored?.durationMs ?? 0)).length;
    expect(expected).toBeGreaterThan(800);
    expect(stored?.durationMs).toBeGreaterThanOrEqual(20_000);
    expect(stored?.durationMs).toBeLessThan(20_400);
    expect(Math.abs((stored?.sampleCount ?? 0) - expected) / expected).toBeLessThan(0.02);
    expect(shown).toContain(`${stored?.sampleCount} samples`);
    expect(errors).toEqual([]);
    await sensor.detach();
    await context.close();
  });

  test('a page closed mid-recording keeps all but the last second, marked interrupted', async () => {
    const { context, page } = await openApp(browser(), '#/record');
    const { stopSway } = await startRecording(context, page);
    await page.waitForTimeout(4500);
    const shownSamples = Number(await page.getByTestId('sample-count').innerText());
    await stopSway();
    await page.close();

    const reopened = await context.newPage();
    await reopened.goto(`${baseUrl}/#/data`);
    await waitForReady(reopened);
    // Listed once the app has rebuilt its row from the saved chunks.
    await reopened.getByText('interrupted').waitFor();
    const [stored] = await storedRecordings(reopened);
    expect(stored?.interrupted).toBe(true);
    // 50 samples a second: at most one second (50 samples) short of what was on screen.
    expect(stored?.sampleCount).toBeGreaterThanOrEqual(shownSamples - 50);
    expect(stored?.sampleCount).toBeGreaterThan(150);
    await context.close();
  });

  test('a full disk stops the recording with a clear message and keeps it up to the last save', async () => {
    const { context, page } = await openApp(browser(), '#/record');
    const alert = await recordUntilDiskFull(context, page, { countdown: 'Countdown', record: 'Record' });
    expect(alert).toMatch(/^Storage is full\. “walking 1” was kept up to \d+\.\d s, its last save\./);
    await page.goto(`${baseUrl}/#/data`);
    await page.reload();
    await waitForReady(page);
    await page.getByText('interrupted').waitFor();
    const [stored] = await storedRecordings(page);
    expect(stored?.interrupted).toBe(true);
    expect(stored?.sampleCount).toBeGreaterThan(0);
    await context.close();
  }, 90_000);

  test('with no motion readings, says why and what to do, and stores nothing', async () => {
    const { context, page } = await openApp(browser(), '#/record');
    await page.getByLabel('Countdown').selectOption('0');
    await page.getByRole('button', { name: 'Record' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.innerText()).toContain('No motion readings arrived within 2 s');
    expect(await storedRecordings(page)).toEqual([]);
    await context.close();
  });
});
