/**
 * The README's and the install dialog's screenshots: the guided first run as a new student sees
 * it, on a 390 px phone and on a wide screen, from the production build.
 *
 *   npx vite build && npx tsx test/support/screenshots.ts
 *
 * Writes public/screenshots/record-narrow.png and record-wide.png, the names and sizes the web
 * app manifest lists (vite.config.ts).
 */
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { waitForReady } from './app-page';
import { findChromium, launchChromium, missingChromiumMessage } from './chromium';
import { startPreview } from './preview';

const outDir = fileURLToPath(new URL('../../public/screenshots/', import.meta.url));

/** Each screenshot: its file, the viewport in CSS pixels and the pixel ratio that gives the manifest's size. */
const shots = [
  { file: 'record-narrow.png', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 },
  { file: 'record-wide.png', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
] as const;

async function shoot(browser: Browser, url: string, shot: (typeof shots)[number]): Promise<void> {
  // A fresh profile, as on a first visit; no service worker, so no "ready offline" notice comes and goes mid-shot.
  const context = await browser.newContext({ viewport: shot.viewport, deviceScaleFactor: shot.deviceScaleFactor, serviceWorkers: 'block', colorScheme: 'light', locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(url);
  await waitForReady(page);
  await page.getByTestId('guide').waitFor();
  await page.screenshot({ path: `${outDir}${shot.file}` });
  await context.close();
  console.log(`${outDir}${shot.file}`);
}

const chromiumPath = findChromium();
if (!chromiumPath) throw new Error(missingChromiumMessage);
const { server, url } = await startPreview();
const browser = await launchChromium(chromiumPath);
try {
  for (const shot of shots) await shoot(browser, `${url}/`, shot);
} finally {
  await browser.close();
  await server.close();
}
