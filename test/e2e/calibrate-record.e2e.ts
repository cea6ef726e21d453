import { expect, test } from 'vitest';
import { calibrateEn } from '../../src/lib/i18n/calibrate.en';
import { calibrateEs } from '../../src/lib/i18n/calibrate.es';
import { en } from '../../src/lib/i18n/messages.en';
import { es } from '../../src/lib/i18n/messages.es';
import { accessibilityViolations } from '../support/axe';
import { describeInBrowser, openApp, useBrowser } from './fixture';
import { EmulatedMotionSensor, parseMotionCsv } from './motion-sensor';
import { activityCsv, importSomeoneNew, trainSyntheticModel } from './seed';

const languages = [
  { locale: 'en', text: { ...en, ...calibrateEn } },
  { locale: 'es', text: { ...es, ...calibrateEs } },
] as const;

/** Seconds of each take: shorter than the default 30 s to keep the test short. */
const TAKE_S = 8;

/** A message with its `{name}` placeholders filled, as the app fills them. */
function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

/** Zoe's motion: her walk is stronger and her run slower than anyone's in the class, as the phone reads them. */
const zoe = { walking: parseMotionCsv(activityCsv(2.1, 3.5, TAKE_S + 12, 0.3)), running: parseMotionCsv(activityCsv(2.5, 5, TAKE_S + 12, 0.3)) };

describeInBrowser('calibrate to me: recording the takes in the section', () => {
  const browser = useBrowser();

  for (const { locale, text } of languages) {
    test(`${locale}: a take of each activity recorded from the phone's sensors is saved as Zoe's recording, checked off, and calibrated on; before and after are shown`, { timeout: 300_000 }, async () => {
      const { context, page, errors } = await openApp(browser(), '#/train');
      await trainSyntheticModel(page, 15);
      // What Zoe recorded before: what the calibration is scored on.
      await importSomeoneNew(page, 'zoe', 1.1);
      await page.getByRole('combobox', { name: 'Language' }).selectOption(locale);
      await page.evaluate(() => (location.hash = '#/train'));
      const sensor = await EmulatedMotionSensor.attach(context, page);

      const section = page.getByTestId('calibrate');
      await section.getByLabel(text['train.calibrate.person']).selectOption({ label: text['people.someoneNew'] });
      // Someone with no recordings has every activity still to take, and cannot be calibrated to yet.
      await section.getByLabel(text['people.newName']).fill('Yan');
      const item = (activity: string) => section.getByTestId('calibrate-takes').getByRole('listitem').filter({ hasText: activity });
      for (const activity of ['walking', 'running']) expect(await item(activity).getByTestId('calibrate-take-state').innerText()).toBe(text['train.calibrate.noTake']);
      expect(await section.getByRole('button', { name: fill(text['train.calibrate.start'], { person: 'Yan' }) }).isDisabled()).toBe(true);
      expect(await section.getByTestId('calibrate-missing').innerText()).toBe(fill(text['train.calibrate.needTakes'], { missing: 'running, walking' }));
      // Zoe typed as someone new is the zoe who recorded before (as the Record page settles names).
      await section.getByLabel(text['people.newName']).fill('Zoe');
      await section.getByLabel(text['train.calibrate.seconds']).fill(String(TAKE_S));
      for (const activity of ['walking', 'running']) {
        expect(await item(activity).getByTestId('calibrate-take-state').innerText()).toContain(text['train.calibrate.theirRecordings'].slice(0, 12));
      }
      const sourceLine = fill(text['train.calibrate.source'], { source: text['record.source.phone'] });
      await section.getByText(sourceLine).waitFor();

      const status = section.getByTestId('calibrate-take-status');
      const takeNames: string[] = [];
      for (const activity of ['walking', 'running'] as const) {
        const playing = new AbortController();
        const replay = sensor.replay(zoe[activity], { signal: playing.signal });
        const record = section.getByRole('button', { name: fill(text['train.calibrate.recordTakeOf'], { seconds: TAKE_S, activity }) });
        // The first by touch, the second from the keyboard.
        if (activity === 'walking') await record.click();
        else {
          await record.focus();
          await page.keyboard.press('Enter');
        }
        // The live region counts down with the Record page's countdown, then says what it records.
        await expect.poll(() => status.innerText(), { timeout: 10_000 }).toContain(fill(text['train.calibrate.takeStatus'], { activity, elapsed: 0, seconds: TAKE_S }).split(':')[0]);
        expect(await section.getByRole('progressbar', { name: fill(text['train.calibrate.takeProgress'], { activity }) }).isVisible()).toBe(true);
        // The tapped button is disabled while it records: the focus is on Stop, and comes back after.
        expect(await page.evaluate(() => document.activeElement?.classList.contains('danger'))).toBe(true);
        // Nothing else records meanwhile.
        const other = activity === 'walking' ? 'running' : 'walking';
        expect(await section.getByRole('button', { name: fill(text['train.calibrate.recordTakeOf'], { seconds: TAKE_S, activity: other }) }).isDisabled()).toBe(true);
        // The section as it records (or just after, on a slow machine).
        if (activity === 'walking') expect(await accessibilityViolations(page, '[data-testid=calibrate]')).toEqual([]);
        await expect.poll(() => status.innerText(), { timeout: 30_000 }).toContain(fill(text['train.calibrate.takeSaved'], { activity, duration: '' }).split('(')[0]!.trim());
        playing.abort();
        await replay;
        await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(fill(text['train.calibrate.recordTakeOf'], { seconds: TAKE_S, activity }));
        // "Take recorded: {name}, {duration}": the take's name as Data lists it.
        const state = (await item(activity).getByTestId('calibrate-take-state').innerText()).trim();
        expect(state.startsWith(text['train.calibrate.recordedNow'].split('{')[0]!), state).toBe(true);
        const name = state.split(': ')[1]?.split(', ')[0];
        expect(name, state).toMatch(new RegExp(`^${activity} \\d+$`));
        takeNames.push(name!);
      }

      await section.getByRole('button', { name: fill(text['train.calibrate.start'], { person: 'zoe' }) }).click();
      await section.getByTestId('calibrate-scores').waitFor({ timeout: 90_000 });
      const percent = /^\d{1,3}([.,]\d)?\s?%$/;
      expect(await section.getByTestId('calibrate-before').innerText()).toMatch(percent);
      expect(await section.getByTestId('calibrate-after').innerText()).toMatch(percent);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await accessibilityViolations(page, '[data-testid=calibrate]')).toEqual([]);

      // The takes are ordinary recordings of Zoe, on the Data page...
      await page.evaluate(() => (location.hash = '#/data'));
      for (const name of takeNames) await page.getByText(name, { exact: true }).first().waitFor();
      // ...and the calibrated model, now active, learnt from them (not from her earlier ones): Live says so when a take is replayed.
      await page.evaluate(() => (location.hash = '#/live'));
      await page.getByLabel(text['record.source.replay']).check();
      const pick = page.getByLabel(text['record.replayPick']);
      const replayOf = async (name: string) => pick.selectOption((await pick.locator('option', { hasText: name }).first().getAttribute('value'))!);
      await replayOf(takeNames[0]!);
      await page.getByTestId('replay-seen').waitFor();
      expect(await page.getByTestId('replay-seen').innerText()).toBe(fill(text['people.trainedOn'], { recording: takeNames[0]! }));
      await replayOf('zoe-1 (walking)');
      await page.getByTestId('replay-seen').waitFor({ state: 'detached' });

      await sensor.detach();
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
