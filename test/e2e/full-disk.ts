import type { BrowserContext, Page } from 'playwright-core';
import { baseUrl } from './fixture';
import { EmulatedMotionSensor } from './motion-sensor';

/**
 * Records from the emulated phone sensor into an origin with room for only a few seconds of
 * samples, until the page raises its alert; returns the alert's text. `countdown` and `record`
 * are the Countdown select's label and the Record button's name in the page's language. The
 * quota is given back afterwards, so the test can go on reading what was kept.
 */
export async function recordUntilDiskFull(context: BrowserContext, page: Page, names: { countdown: string; record: string }): Promise<string> {
  const sensor = await EmulatedMotionSensor.attach(context, page);
  const session = await context.newCDPSession(page);
  const origin = new URL(baseUrl).origin;
  const { usage } = await page.evaluate(() => navigator.storage.estimate());
  await session.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: (usage ?? 0) + 8_000 });
  const sway = Array.from({ length: 50 * 120 }, (_, i) => ({ t: i * 20, x: Math.sin(i / 5), y: 0.3, z: 9.8 + (i % 7) / 10 }));
  const playing = new AbortController();
  const replay = sensor.replay(sway, { signal: playing.signal });
  try {
    await page.getByLabel(names.countdown).selectOption('0');
    await page.getByRole('button', { name: names.record, exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 60_000 });
    return await alert.innerText();
  } finally {
    playing.abort();
    await replay;
    await page.locator('[data-testid=record-status][data-state=idle]').waitFor({ state: 'attached' });
    await session.send('Storage.overrideQuotaForOrigin', { origin });
  }
}
