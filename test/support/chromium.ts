import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/**
 * Flags for the system Chromium on a machine with no network beyond localhost: without the
 * background-networking flags Chromium keeps dialling Google's hosts and logging refusals.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
];

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * The system Chromium to test with: `CHROME_PATH` when set, else a Debian/Ubuntu install.
 * Nothing here ever downloads a browser.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const fromEnv = env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return candidates.find((path) => existsSync(path));
}

export const missingChromiumMessage =
  'No Chromium found (looked at $CHROME_PATH, then ' +
  candidates.join(', ') +
  '). Install it with `apt-get install chromium` or set CHROME_PATH to a Chromium or Chrome binary.';

export async function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: chromiumArgs });
}

/**
 * A Chromium with a real on-disk profile. Needed where incognito differs from a normal profile,
 * e.g. installability (Chromium refuses to install apps from incognito).
 */
export async function launchPersistentChromium(executablePath: string, userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { executablePath, headless: true, args: chromiumArgs });
}
