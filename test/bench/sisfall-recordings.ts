import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
