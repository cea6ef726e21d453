import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasSisfall, sisfallDir } from '../../../test/support/shared-data';
import { parseRecordingFile } from '../io/recording-file';
import { defaultFeatureConfig, extractorFor } from './features';
import { resample } from './resample';
import { windowsOf } from './windows';

/**
 * The dominant frequency of |a| on real walking and running, recorded at the waist: SisFall,
 * Sucerquia et al., Sensors 17(1):198, 2017. Over all 38 subjects, in the default 2 s windows,
 * the windows' dominant frequency is 1.2–2.4 Hz for 95 % of walking windows (slow and quick) and
 * 2.3–3.3 Hz for 98.5 % of running ones; per recording, the median is in those ranges for all but
 * two elderly slow walks (SE04, SE08), where it is the second harmonic. (In 4 s windows: 95.5 %
 * and 98.3 %, and one slow walk, SA21, a hair below 1.2 Hz.)
 */

/** Young subjects SA01–SA06, slowly and quickly. */
const subjects = ['SA01', 'SA02', 'SA03', 'SA04', 'SA05', 'SA06'];
const files = {
  walking: subjects.flatMap((s) => [`walking.${s}-D01-R01.csv`, `walking.${s}-D02-R01.csv`]),
  running: subjects.flatMap((s) => [`running.${s}-D03-R01.csv`, `running.${s}-D04-R01.csv`]),
};

/** The dominant frequency of each window of a file. */
function dominantFrequencies(file: string): number[] {
  const parsed = parseRecordingFile(file, readFileSync(join(sisfallDir, file)));
  if (!parsed.ok) throw parsed.error;
  const { segments, nonFiniteSamples } = resample(parsed.recording.samples, defaultFeatureConfig);
  expect(nonFiniteSamples).toBe(0);
  const extractor = extractorFor(defaultFeatureConfig);
  const column = extractor.names.indexOf('mag.dominantHz');
  const rows = extractor.rows(windowsOf(segments, defaultFeatureConfig));
  return Array.from({ length: rows.length / extractor.names.length }, (_, i) => rows[i * extractor.names.length + column]!);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

describe.skipIf(!hasSisfall())('step cadence on SisFall recordings', () => {
  it.each([
    ['walking', 1.2, 2.4],
    ['running', 2.3, 3.3],
  ] as const)('%s steps at %f–%f Hz', (label, loHz, hiHz) => {
    const all: number[] = [];
    for (const file of files[label]) {
      const frequencies = dominantFrequencies(file);
      expect(frequencies.length, file).toBeGreaterThan(190); // 100 s in 2 s windows every 0.5 s: 197
      expect(median(frequencies), file).toBeGreaterThanOrEqual(loHz);
      expect(median(frequencies), file).toBeLessThanOrEqual(hiHz);
      all.push(...frequencies);
    }
    expect(all.filter((f) => f >= loHz && f <= hiHz).length / all.length).toBeGreaterThan(0.9);
  });
});
