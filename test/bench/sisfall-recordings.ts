import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parseRecordingFile } from '../../src/lib/io/recording-file';
import type { LabelledRecording } from '../../src/lib/train/activity-dataset';
import { sisfallDir } from '../support/shared-data';

/** Subjects as the README's evaluation groups them, so nobody is on two sides. */
export const sisfallSubject = /\.(S[AE]\d+)-/;

/** Every SisFall recording beside the checkout, labelled and grouped by subject, as `npm run evaluate` reads them. */
export function sisfallRecordings(): LabelledRecording[] {
  return readdirSync(sisfallDir)
    .filter((name) => name.endsWith('.csv'))
    .sort()
    .flatMap((name) => {
      const parsed = parseRecordingFile(name, readFileSync(join(sisfallDir, name)));
      if (!parsed.ok || !parsed.recording.label) return [];
      return [{ recording: { id: name, name, label: parsed.recording.label, group: sisfallSubject.exec(name)?.[1] ?? '', speedFixes: [] }, samples: parsed.recording.samples }];
    });
}

/** Where a bench page fetches the SisFall files from; answered from `sisfallDir` by a Playwright route. */
const served = '/sisfall/';

/**
 * Answers the page's requests under /sisfall/ with the files of `sisfallDir`, and returns the
 * paths of every SisFall CSV file there, sorted, for the page to fetch.
 */
export async function serveSisfall(page: Page): Promise<string[]> {
  await page.route(`**${served}*`, (route) =>
    route.fulfill({ path: join(sisfallDir, decodeURIComponent(new URL(route.request().url()).pathname.slice(served.length))) }),
  );
  return readdirSync(sisfallDir)
    .filter((name) => name.endsWith('.csv'))
    .sort()
    .map((name) => `${served}${encodeURIComponent(name)}`);
}
