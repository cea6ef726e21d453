import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { hasSisfall, sisfallDir } from '../support/shared-data';
import { describeInBrowser, openApp, useBrowser } from './fixture';
import { EmulatedMotionSensor, parseMotionCsv } from './motion-sensor';

/** SisFall files of one subject and activity, e.g. ('walking', 'SA03'). */
function files(label: string, subject: string): string[] {
  return readdirSync(sisfallDir)
    .filter((name) => name.startsWith(`${label}.${subject}-`))
    .map((name) => join(sisfallDir, name));
}

/** The label the Live page showed most often in its strip of recent answers. */
async function mostShown(page: Page): Promise<string> {
  const labels = await page.getByTestId('live-strip').locator('li').evaluateAll((items) => items.map((item) => item.getAttribute('title') ?? ''));
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

describeInBrowser('the activity model, end to end', () => {
  const browser = useBrowser();

  test.skipIf(!hasSisfall())(
    'record from the phone sensor, import, train in the app, then classify held-back people live',
    { timeout: 240_000 },
    async () => {
      const { context, page, errors } = await openApp(browser(), '#/record');
      const sensor = await EmulatedMotionSensor.attach(context, page);

      // One recording of each activity through the emulated phone sensor, as a student would.
      await page.getByLabel('Countdown').selectOption('0');
      await page.getByLabel('Duration').selectOption('10');
      await page.getByLabel('New person’s name').fill('SA10');
      await page.getByRole('group', { name: 'Activities' }).waitFor();
      // SisFall has stairs where the lesson has biking: add the activity.
      await page.getByText('Add an activity').click();
      await page.getByLabel('New activity').fill('stairs');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      for (const label of ['walking', 'running', 'stairs']) {
        const samples = parseMotionCsv(readFileSync(files(label, 'SA10')[0] ?? '', 'utf8'));
        await page.getByRole('radio', { name: label }).check();
        const playing = new AbortController();
        const replay = sensor.replay(samples, { signal: playing.signal });
        await page.getByRole('button', { name: 'Record' }).click();
        await page.getByTestId('record-saved').waitFor({ timeout: 30_000 });
        playing.abort();
        await replay;
      }

      // More people, imported from files.
      await page.evaluate(() => (location.hash = '#/data'));
      await page.getByLabel('Who recorded it, from the file name (regular expression, one group)').fill('\\.(S[AE]\\d+)-');
      const subjects = ['SA01', 'SA02', 'SA03', 'SA04', 'SA05', 'SA06', 'SA07', 'SA08'];
      const imported = subjects.flatMap((subject) => [...files('walking', subject), ...files('running', subject), ...files('stairs', subject).slice(0, 4)]);
      await page.getByRole('group', { name: 'Drop files here to import them' }).locator('input[type=file]').setInputFiles(imported);
      await page.getByTestId('import-summary').getByText(`${imported.length} imported, 0 not imported.`).waitFor({ timeout: 60_000 });

      await page.evaluate(() => (location.hash = '#/train'));
      await page.getByText('Advanced settings').click();
      await page.getByLabel('Epochs', { exact: true }).fill('30');
      await page.getByRole('button', { name: 'Train', exact: true }).click();
      await page.getByTestId('train-results').waitFor({ timeout: 120_000 });
      const testAccuracy = Number.parseFloat(await page.getByTestId('test-accuracy').innerText());
      expect(testAccuracy).toBeGreaterThan(80);

      // People the network never saw, walking, running and on stairs, through the phone sensor.
      await page.evaluate(() => (location.hash = '#/live'));
      await page.getByRole('button', { name: 'Start' }).waitFor();
      for (const label of ['walking', 'running', 'stairs']) {
        const samples = parseMotionCsv(readFileSync(files(label, 'SA12')[0] ?? '', 'utf8')).slice(250, 1000);
        const playing = new AbortController();
        const replay = sensor.replay(samples, { signal: playing.signal });
        await page.getByRole('button', { name: 'Start' }).click();
        // A new start clears the strip of the last run; then 16 answers of this one.
        await page.getByRole('button', { name: 'Stop' }).waitFor();
        await page.waitForFunction(() => document.querySelectorAll('[data-testid=live-strip] li').length < 16);
        await page.waitForFunction(() => document.querySelectorAll('[data-testid=live-strip] li').length >= 16, undefined, { timeout: 30_000 });
        expect(await mostShown(page), `live label for held-back ${label}`).toBe(label);
        expect(['walking', 'running', 'biking']).toContain(await page.getByTestId('rule-label').innerText());
        await page.getByRole('button', { name: 'Stop' }).click();
        playing.abort();
        await replay;
      }
      expect(errors).toEqual([]);
      await sensor.detach();
      await context.close();
    },
  );
});
