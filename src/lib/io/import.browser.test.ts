import { deleteDB } from 'idb';
import { countStored, useTemporaryStore } from '../../../test/support/temporary-store';
import { beforeEach, describe, expect, test } from 'vitest';
import { exportBackup } from './backup';
import { exportEdgeImpulseCsv } from './csv';
import { importRecordingFiles, restoreBackup, type ImportFile } from './import';
import { WorkerRecordingParser } from './recording-parser';
import { MotionStore } from '../store/motion-store';
import type { Recording } from '../store/recording';

function file(name: string, text: string, size = new TextEncoder().encode(text).length): ImportFile {
  return { name, size, arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer };
}

function csv(count: number): string {
  const rows = Array.from({ length: count }, (_, i) => `${i * 20},${Math.sin(i)},${Math.cos(i)},9.81`);
  return ['timestamp,accX,accY,accZ', ...rows].join('\n');
}

const currentStore = useTemporaryStore('import');
let store: MotionStore;

beforeEach(() => {
  store = currentStore();
});

describe('importing files into real IndexedDB', () => {
  test('good files import, each bad one is reported by name and line, and nothing of it is stored', async () => {
    const outcomes = await importRecordingFiles(
      store,
      [
        file('walking.SA01-D01-R01.csv', csv(100)),
        file('running.SA02-D03-R01.csv', `${csv(10)}\n200,1,oops,3\n`),
        file('empty.csv', ''),
        file('huge.csv', csv(3), 150 * 2 ** 20),
        file('Stairs.SE03-D05-R02.csv', csv(50)),
        file('.hidden.csv', csv(5)),
      ],
      { person: { from: 'pattern', pattern: /\.(S[AE]\d+)-/ } },
    );
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, false, false, true, false]);
    const messages = outcomes.flatMap((o) => (o.ok ? [] : [o.error.message]));
    expect(messages[0]).toMatch(/^running\.SA02-D03-R01\.csv, line 12: /);
    expect(messages[0]).toContain('oops');
    expect(messages[1]).toMatch(/^empty\.csv/);
    expect(messages[2]).toMatch(/^huge\.csv: .*150/);
    expect(messages[3]).toContain('.hidden.csv: its name gives no label');

    const stored = await store.list();
    expect(stored.map((r) => [r.name, r.label, r.group, r.sampleCount]).sort()).toEqual([
      ['SA01-D01-R01', 'walking', 'SA01', 100],
      ['SE03-D05-R02', 'Stairs', 'SE03', 50],
    ]);
    expect(await countStored(store.name, 'chunks')).toBe(2);
    expect(await store.labels.list()).toEqual(['walking', 'running', 'biking', 'golfing', 'Stairs']);
  });

  test('a label differing only in case joins the existing one; a chosen label overrides names', async () => {
    await importRecordingFiles(store, [file('WALKING.x.csv', csv(5))]);
    await importRecordingFiles(store, [file('running.y.csv', csv(5))], { label: 'golfing' });
    expect((await store.list()).map((r) => r.label).sort()).toEqual(['golfing', 'walking']);
    expect(await store.labels.list()).toHaveLength(4);
  });

  test('export as CSV and import again gives the same samples', async () => {
    await importRecordingFiles(store, [file('walking.a.csv', csv(300))]);
    const [original] = await store.list();
    const samples = await store.readSamples(original?.id ?? '');
    await importRecordingFiles(store, [file('walking.b.csv', exportEdgeImpulseCsv(samples))]);
    const again = (await store.list()).find((r) => r.name === 'b');
    const reread = await store.readSamples(again?.id ?? '');
    expect(reread.t).toEqual(samples.t);
    expect(reread.acc).toEqual(samples.acc);
  });

  test('files the parse worker read and packed are stored as the page’s own parse stores them', async () => {
    const text = csv(3000);
    await importRecordingFiles(store, [file('walking.here.csv', text)]);
    const parser = new WorkerRecordingParser();
    try {
      const [outcome] = await importRecordingFiles(store, [file('walking.worker.csv', text)], { parse: parser.parse });
      if (!outcome?.ok) throw new Error('the worker’s file should import');
    } finally {
      parser.close();
    }
    const rows = await store.list();
    const [workerRow, hereRow] = ['worker', 'here'].map((name) => rows.find((row) => row.name === name)!);
    const measured = ({ axes, sampleCount, durationMs, rateHz, label, group }: Recording) => ({ axes, sampleCount, durationMs, rateHz, label, group });
    expect(measured(workerRow!)).toEqual(measured(hereRow!));
    expect(workerRow!.sampleCount).toBe(3000);
    const [fromWorker, fromHere] = await Promise.all([store.readSamples(workerRow!.id), store.readSamples(hereRow!.id)]);
    expect(fromWorker).toEqual(fromHere);
    expect(await countStored(store.name, 'chunks')).toBe(2 * Math.ceil(3000 / 1024));
  });

  test('a backup restores recordings and labels, skipping what is already here', async () => {
    await importRecordingFiles(store, [file('walking.a.csv', csv(40)), file('hopping.b.csv', csv(30))]);
    const recordings = await Promise.all(
      (await store.list()).map(async (recording) => ({ recording, samples: await store.readSamples(recording.id) })),
    );
    const backup = exportBackup({ labels: await store.labels.list(), recordings });

    const otherName = `restore-${crypto.randomUUID()}`;
    const other = await MotionStore.open(otherName);
    expect(await restoreBackup(other, file('motion-lab-backup.json', backup))).toMatchObject({ restored: ['b', 'a'], skipped: 0, refused: [] });
    expect(await restoreBackup(other, file('motion-lab-backup.json', backup))).toMatchObject({ restored: [], skipped: 2, refused: [] });
    expect(await other.labels.list()).toContain('hopping');
    for (const { recording, samples } of recordings) {
      expect(await other.get(recording.id)).toEqual(recording);
      expect((await other.readSamples(recording.id)).acc).toEqual(samples.acc);
    }
    other.close();
    await deleteDB(otherName);
  });

  test('a damaged backup is refused and restores nothing', async () => {
    const otherName = `restore-${crypto.randomUUID()}`;
    const other = await MotionStore.open(otherName);
    await expect(restoreBackup(other, file('backup.json', '{"format":"motion-lab-backup","version":1,'))).rejects.toThrow(/^backup\.json/);
    expect(await other.list()).toEqual([]);
    other.close();
    await deleteDB(otherName);
  });
});
