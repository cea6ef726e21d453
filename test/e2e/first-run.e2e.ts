import { expect, test } from 'vitest';
import { describeInBrowser, openApp, useBrowser, waitForReady, waitForServiceWorker } from './fixture';

/** What the student reads and presses, in each language (the app's own words). */
const words = {
  'en-US': {
    nav: 'Main',
    guide: 'Guide',
    loadDemo: 'Load the demo examples',
    synthetic: 'The demo is synthetic',
    train: 'Train',
    live: 'Live',
    compared: 'I have compared them',
    replay: 'Replay of a stored recording',
    recordingToReplay: 'Recording to replay',
    start: 'Start',
    stop: 'Stop',
    skip: 'Skip the guide',
    close: 'Close the guide',
  },
  'es-CO': {
    nav: 'Principal',
    guide: 'Guía',
    loadDemo: 'Cargar los ejemplos de demostración',
    synthetic: 'La demostración es sintética',
    train: 'Entrenar',
    live: 'En vivo',
    compared: 'Ya los comparé',
    replay: 'Reproducción de una grabación guardada',
    recordingToReplay: 'Grabación a reproducir',
    start: 'Iniciar',
    stop: 'Detener',
    skip: 'Saltar la guía',
    close: 'Cerrar la guía',
  },
} as const;

describeInBrowser('the guided first run', () => {
  const browser = useBrowser();

  for (const [locale, say] of Object.entries(words)) {
    test(`${locale}, offline after the first visit, at 390 px: the guide leads from the demo to a trained model, the rules beside it, and a live replay`, { timeout: 300_000 }, async () => {
      const { context, page, errors } = await openApp(browser(), '', { locale });
      await waitForServiceWorker(page);
      await context.setOffline(true);
      await page.reload();
      await waitForReady(page);

      const guide = page.getByTestId('guide');
      await guide.waitFor();
      expect(await guide.getAttribute('data-step')).toBe('examples');
      expect(await guide.innerText()).toContain(say.synthetic);
      await guide.getByRole('button', { name: say.loadDemo }).click();
      await expect.poll(() => guide.getAttribute('data-step'), { timeout: 60_000 }).toBe('train');

      const nav = page.getByRole('navigation', { name: say.nav });
      await nav.getByRole('link', { name: say.train }).click();
      await page.getByRole('button', { name: say.train, exact: true }).click();
      await page.getByTestId('train-results').waitFor({ timeout: 180_000 });
      await expect.poll(() => guide.getAttribute('data-step')).toBe('compare');
      // The results put the network's test score beside the rules'.
      expect(await page.getByTestId('test-accuracy').innerText()).toMatch(/\d/);
      expect(await page.getByTestId('baseline-accuracy').innerText()).toMatch(/\d/);
      await guide.getByRole('button', { name: say.compared }).click();
      expect(await guide.getAttribute('data-step')).toBe('live');

      await nav.getByRole('link', { name: say.live }).click();
      await page.getByLabel(say.replay).check();
      await page.getByLabel(say.recordingToReplay).selectOption('demo-ana-running-1');
      await page.getByRole('button', { name: say.start, exact: true }).click();
      await expect.poll(() => page.getByTestId('live-label').innerText(), { timeout: 30_000 }).not.toBe('');
      await expect.poll(() => guide.getAttribute('data-step')).toBe('finished');
      await page.getByRole('button', { name: say.stop, exact: true }).click();

      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await guide.getByRole('button', { name: say.close }).click();
      expect(await guide.count()).toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    });

    test(`${locale}: the guide can be skipped, stays away on the next visit, and opens again from the header`, async () => {
      const { context, page, errors } = await openApp(browser(), '', { locale });
      const guide = page.getByTestId('guide');
      await guide.waitFor();
      await guide.getByRole('button', { name: say.skip }).click();
      expect(await guide.count()).toBe(0);
      await page.reload();
      await waitForReady(page);
      // Give the guide the time it would take to show, then check it did not.
      await page.waitForLoadState('networkidle');
      expect(await guide.count()).toBe(0);

      const reopen = page.getByRole('banner').getByRole('button', { name: say.guide });
      expect(await reopen.getAttribute('aria-pressed')).toBe('false');
      await reopen.click();
      await guide.waitFor();
      expect(await reopen.getAttribute('aria-pressed')).toBe('true');
      expect(await guide.getAttribute('data-step')).toBe('examples');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  test('a returning student who already has data is not shown the guide on a first visit of this version', async () => {
    const { context, page } = await openApp(browser(), '#/data');
    await page.getByTestId('guide').getByRole('button', { name: 'Load the demo examples' }).click();
    await expect.poll(() => page.getByTestId('guide').getAttribute('data-step'), { timeout: 60_000 }).toBe('train');
    // As if the guide had never been seen: the data on the device decides.
    await page.evaluate(() => localStorage.removeItem('motion-lab.guide'));
    await page.reload();
    await waitForReady(page);
    await page.getByTestId('recordings').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByTestId('guide').count()).toBe(0);
    await context.close();
  });
});
