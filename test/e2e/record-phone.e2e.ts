import type { Locator, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { en } from '../../src/lib/i18n/messages.en';
import { es } from '../../src/lib/i18n/messages.es';
import { errorsEn } from '../../src/lib/i18n/errors.en';
import { errorsEs } from '../../src/lib/i18n/errors.es';
import { describeInBrowser, openApp, useBrowser, waitForReady } from './fixture';
import { EmulatedMotionSensor, type MotionSample } from './motion-sensor';
import { trainSyntheticModel } from './seed';

const languages = [
  { locale: 'en-US', text: en, errors: errorsEn },
  { locale: 'es-CO', text: es, errors: errorsEs },
] as const;

/** A steady 50 Hz sway, `seconds` long. */
function sway(seconds: number): MotionSample[] {
  return Array.from({ length: 50 * seconds }, (_, i) => ({ t: i * 20, x: Math.sin(i / 5), y: 0.3, z: 9.8 }));
}

/** Stored recordings' names and people, read by the page itself. */
async function storedPeople(page: Page): Promise<{ name: string; group: string }[]> {
  return page.evaluate(
    () =>
      new Promise<{ name: string; group: string }[]>((resolve, reject) => {
        const open = indexedDB.open('motion-lab');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('recordings').objectStore('recordings').getAll();
          request.onsuccess = () => {
            resolve((request.result as { name: string; group: string }[]).map(({ name, group }) => ({ name, group })));
            open.result.close();
          };
        };
      }),
  );
}

/** Whether the element lies wholly in the part of a 390 × 844 screen the bottom tab bar leaves. */
async function inView(element: Locator): Promise<boolean> {
  return element.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const tabBar = document.querySelector('.tab-bar')?.getBoundingClientRect().top ?? innerHeight;
    return box.height > 0 && box.top >= 0 && box.bottom <= Math.min(innerHeight, tabBar);
  });
}

describeInBrowser('recording on a phone', () => {
  const browser = useBrowser();

  for (const { locale, text, errors: errorText } of languages) {
    test(`${locale}: with no motion readings, the page says why and announces no save`, async () => {
      const { context, page } = await openApp(browser(), '#/record', { locale });
      await page.getByLabel(text['record.countdown']).selectOption('0');
      await page.getByRole('button', { name: text['record.start'], exact: true }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor({ timeout: 10_000 });
      expect(await alert.innerText()).toContain(errorText['error.sensor.silent'].slice(0, 30));
      await page.getByRole('button', { name: text['record.start'], exact: true }).waitFor();
      expect(await page.getByTestId('record-saved').count()).toBe(0);
      expect(await storedPeople(page)).toEqual([]);
      await context.close();
    });

    test(`${locale}: the counts and plot stay in view, a 2 s stall is shown and counted, and the person is remembered`, { timeout: 90_000 }, async () => {
      const { context, page, errors } = await openApp(browser(), '#/record', { locale });
      const sensor = await EmulatedMotionSensor.attach(context, page);
      const people = page.getByRole('group', { name: text['record.group'] });
      // A fresh profile knows nobody: "someone new" is chosen, with a box for the name.
      expect(await people.getByRole('radio', { name: text['people.someoneNew'] }).isChecked()).toBe(true);
      await page.getByLabel(text['people.newName']).fill('Ana');
      await page.getByLabel(text['record.countdown']).selectOption('0');

      let playing = new AbortController();
      let replay = sensor.replay(sway(30), { signal: playing.signal });
      await page.getByRole('button', { name: text['record.start'], exact: true }).click();
      await page.getByTestId('record-stats').waitFor();
      await expect.poll(async () => Number(await page.getByTestId('sample-count').innerText()), { timeout: 10_000 }).toBeGreaterThan(100);
      // The setup is put away: the counts, the plot and the Stop button are all on screen.
      expect(await page.getByTestId('people').isVisible()).toBe(false);
      const plot = page.getByRole('img', { name: text['record.plotLabel'] });
      await plot.waitFor();
      expect(await inView(page.getByTestId('record-stats'))).toBe(true);
      expect(await inView(plot)).toBe(true);
      expect(await page.getByRole('button', { name: text['record.stop'], exact: true }).isVisible()).toBe(true);
      expect(await page.getByTestId('record-status').innerText()).toContain('Ana');
      expect(await page.getByTestId('stall-count').innerText()).toBe('0');

      // The sensor goes silent for about 2 s: the page says so while it lasts...
      playing.abort();
      await replay;
      const silentFrom = Date.now();
      const stall = page.getByTestId('record-stall');
      await stall.waitFor({ timeout: 3000 });
      expect(await inView(stall)).toBe(true);
      await page.waitForTimeout(2100 - (Date.now() - silentFrom));
      expect(await stall.innerText()).toMatch(/[12][.,]\d s/);
      // ...and, once readings come back, counts it as a gap with the readings it lost.
      playing = new AbortController();
      replay = sensor.replay(sway(30), { signal: playing.signal });
      await stall.waitFor({ state: 'detached', timeout: 3000 });
      await expect.poll(async () => page.getByTestId('stall-count').innerText(), { timeout: 5000 }).toBe('1');
      expect(Number(await page.getByTestId('lost-count').innerText())).toBeGreaterThan(50);
      await page.getByRole('button', { name: text['record.stop'], exact: true }).click();
      await page.getByTestId('record-saved').waitFor({ timeout: 10_000 });

      // Ana is now on the list and chosen; someone new is added once and remembered across visits.
      await expect.poll(() => people.getByRole('radio', { name: 'Ana' }).isChecked()).toBe(true);
      await people.getByRole('radio', { name: text['people.someoneNew'] }).check();
      await page.getByLabel(text['people.newName']).fill('Ben');
      await page.getByRole('button', { name: text['record.start'], exact: true }).click();
      await page.getByTestId('record-stats').waitFor();
      await expect.poll(async () => Number(await page.getByTestId('sample-count').innerText()), { timeout: 10_000 }).toBeGreaterThan(10);
      await page.getByRole('button', { name: text['record.stop'], exact: true }).click();
      await page.getByTestId('record-saved').waitFor({ timeout: 10_000 });
      playing.abort();
      await replay;

      await page.reload();
      await waitForReady(page);
      await people.getByRole('radio', { name: 'Ana' }).waitFor();
      await expect.poll(() => people.getByRole('radio').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))).toEqual(['Ana', 'Ben', '']);
      await expect.poll(() => people.getByRole('radio', { name: 'Ben' }).isChecked()).toBe(true);
      expect((await storedPeople(page)).map(({ group }) => group).sort()).toEqual(['Ana', 'Ben']);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(errors).toEqual([]);
      await sensor.detach();
      await context.close();
    });

    test(`${locale}: the motion sources are one Tab stop, with the arrow keys moving within them`, async () => {
      const { context, page } = await openApp(browser(), '#/record', { locale });
      const sources = page.getByRole('group', { name: text['record.sources'] });
      await sources.getByRole('radio').first().waitFor();
      const stops: string[] = [];
      await page.locator('main h1').focus();
      const inGroup = (stop: string) => stop.startsWith('source:');
      for (let i = 0; i < 40; i += 1) {
        await page.keyboard.press('Tab');
        const where = await page.evaluate((legend) => {
          const active = document.activeElement;
          const group = active?.closest('fieldset')?.querySelector('legend')?.textContent?.trim();
          return group === legend ? `source:${(active as HTMLInputElement).value}` : (active?.tagName ?? '');
        }, text['record.sources']);
        stops.push(where);
        // Stop once focus has entered the group and left it again.
        if (stops.some(inGroup) && !inGroup(where)) break;
      }
      expect(stops.filter(inGroup)).toEqual(['source:phone']);
      await sources.getByRole('radio', { name: text['record.source.phone'] }).focus();
      await page.keyboard.press('ArrowDown');
      expect(await sources.getByRole('radio', { name: text['record.source.bluetooth'] }).isChecked()).toBe(true);
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('bluetooth');
      await page.keyboard.press('ArrowUp');
      expect(await sources.getByRole('radio', { name: text['record.source.phone'] }).isChecked()).toBe(true);
      await context.close();
    });
  }

  test('Live says when there is nothing to replay, and warns when the replayed recording trained the model, in English and Spanish', { timeout: 120_000 }, async () => {
    const { context, page, errors } = await openApp(browser(), '#/live');
    await page.getByLabel(en['record.source.replay']).check();
    const empty = page.getByTestId('replay-empty');
    await empty.waitFor();
    expect(await empty.innerText()).toContain(en['people.noRecordings']);
    await empty.getByRole('link', { name: en['people.toData'] }).click();
    await page.waitForURL(/#\/data$/);

    await trainSyntheticModel(page, 3);
    const trainedOn = await page.evaluate(
      () =>
        new Promise<{ train: { id: string; name: string }[]; test: string[] }>((resolve, reject) => {
          const open = indexedDB.open('motion-lab');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('models').objectStore('models').getAll();
            request.onsuccess = () => {
              resolve((request.result as { trainedOn: { train: { id: string; name: string }[]; test: string[] } }[])[0]!.trainedOn);
              open.result.close();
            };
          };
        }),
    );
    const trained = trainedOn.train[0]!;
    const unseen = trainedOn.test[0]!;
    for (const { text, lang } of [
      { text: en, lang: 'en' },
      { text: es, lang: 'es' },
    ]) {
      await page.evaluate(() => (location.hash = '#/live'));
      await page.getByRole('combobox').first().selectOption(lang);
      await page.getByLabel(text['record.source.replay']).check();
      await page.getByLabel(text['record.replayPick']).selectOption(trained.id);
      const warning = page.getByTestId('replay-seen');
      await warning.waitFor();
      expect(await warning.innerText()).toBe(text['people.trainedOn'].replace('{recording}', trained.name));
      await page.getByLabel(text['record.replayPick']).selectOption(unseen);
      await warning.waitFor({ state: 'detached' });
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await context.close();
  });
});
