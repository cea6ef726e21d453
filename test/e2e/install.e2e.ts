import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, inject, test } from 'vitest';
import { launchPersistentChromium } from '../support/chromium';
import { baseUrl, describeInBrowser, waitForReady, waitForServiceWorker } from './fixture';

interface ManifestIcon {
  src: string;
  sizes: string;
  purpose?: string;
}

describeInBrowser('installing', () => {
  test('Chromium finds the app installable, with the icons it needs', async () => {
    // A real profile: Chromium never offers to install from an incognito one.
    const profile = mkdtempSync(join(tmpdir(), 'motion-lab-profile-'));
    const context = await launchPersistentChromium(inject('chromiumPath'), profile);
    try {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/`);
      await waitForReady(page);
      await waitForServiceWorker(page);
      const session = await context.newCDPSession(page);
      const { installabilityErrors } = await session.send('Page.getInstallabilityErrors');
      expect(installabilityErrors).toEqual([]);

      const manifestUrl = await page.locator('link[rel=manifest]').getAttribute('href');
      expect(manifestUrl).toBeTruthy();
      const manifest = (await (await fetch(new URL(manifestUrl ?? '', baseUrl))).json()) as {
        display: string;
        icons: ManifestIcon[];
      };
      expect(manifest.display).toBe('standalone');
      const sizes = manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`);
      expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
      for (const icon of manifest.icons) {
        const response = await fetch(new URL(icon.src, baseUrl));
        expect(response.headers.get('content-type')).toBe('image/png');
      }
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
