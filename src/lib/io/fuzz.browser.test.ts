/**
 * A sample of the fuzz inputs (fuzz.test.ts) through real IndexedDB: a refused file leaves the
 * store exactly as it was (no recording, no chunk, no label, no digit set), and an accepted one
 * adds only what the outcome says.
 */
import { describe, expect, test } from 'vitest';
import { backupSeeds, csvSeeds, edgeImpulseJsonSeeds, idxSeeds, phoneAppSeeds } from '../../../test/support/fuzz-corpus';
import { mutatedInputs } from '../../../test/support/mutator';
import { countStored, useTemporaryStore } from '../../../test/support/temporary-store';
import { importDigitFiles } from '../learn/opened-digits';
import type { MotionStore } from '../store/motion-store';
import { importRecordingFiles, restoreBackup, type ImportFile } from './import';

const SAMPLE = 200;

function file(name: string, bytes: Uint8Array): ImportFile {
  return { name, size: bytes.length, arrayBuffer: async () => bytes.slice().buffer };
}

/** What is on disk, read through a connection of the test's own. */
async function snapshot(store: MotionStore): Promise<{ recordings: number; chunks: number; labels: string[]; digitSets: number }> {
  return {
    recordings: await countStored(store.name, 'recordings'),
    chunks: await countStored(store.name, 'chunks'),
    labels: await store.labels.list(),
    digitSets: await countStored(store.name, 'digitSets'),
  };
}

const currentStore = useTemporaryStore('fuzz');

describe(`fuzzing into real IndexedDB, ${SAMPLE} mutated inputs per format`, { timeout: 120_000 }, () => {
  test.each([
    ['recording CSV', 'walking.a.csv', csvSeeds, false],
    ['Edge Impulse JSON', 'walking.a.json', edgeImpulseJsonSeeds, true],
    ...phoneAppSeeds.map(({ format, name, seeds, json }) => [format, name, seeds, json] as const),
  ] as const)('%s: a refused file changes nothing', async (_, name, seeds, json) => {
    const store = currentStore();
    let refused = 0;
    for (const bytes of mutatedInputs(1, seeds, SAMPLE, { json })) {
      const before = await snapshot(store);
      const outcomes = await importRecordingFiles(store, [file(name, bytes)]);
      const after = await snapshot(store);
      const stored = outcomes.filter((outcome) => outcome.ok).length;
      if (stored > 0) {
        expect(after.recordings).toBe(before.recordings + stored);
      } else {
        refused += 1;
        expect(after).toEqual(before);
      }
    }
    expect(refused).toBeGreaterThan(0);
  });

  test('backups: a refused backup changes nothing; an accepted one adds what it says it restored', async () => {
    const store = currentStore();
    let refusedWhole = 0;
    for (const bytes of mutatedInputs(2, backupSeeds, SAMPLE, { json: true })) {
      const before = await snapshot(store);
      try {
        const outcome = await restoreBackup(store, file('backup.json', bytes));
        const after = await snapshot(store);
        expect(after.recordings).toBe(before.recordings + outcome.restored.length);
      } catch (error) {
        refusedWhole += 1;
        expect((error as Error).message.length).toBeGreaterThan(0);
        expect(await snapshot(store)).toEqual(before);
      }
    }
    expect(refusedWhole).toBeGreaterThan(0);
  });

  test('IDX pairs: a refused pair stores nothing', async () => {
    const store = currentStore();
    let run = 0;
    for (const bytes of mutatedInputs(4, [idxSeeds.images, idxSeeds.labels], SAMPLE)) {
      run += 1;
      const labelsDamaged = run % 2 === 0;
      const before = await snapshot(store);
      const files = [
        { name: 'train-images-idx3-ubyte', bytes: labelsDamaged ? idxSeeds.images : bytes },
        { name: 'train-labels-idx1-ubyte', bytes: labelsDamaged ? bytes : idxSeeds.labels },
      ];
      const stored = await importDigitFiles(store.digitSets, files).then(
        () => true,
        () => false,
      );
      const after = await snapshot(store);
      expect(after.digitSets).toBe(before.digitSets + (stored ? 2 : 0));
    }
  });
});
