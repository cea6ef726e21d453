import { afterEach, describe, expect, test, vi } from 'vitest';
import { countStored, useTemporaryStore } from '../../../test/support/temporary-store';
import type { MotionSamples } from '../sensors/samples';
import type { Recording } from '../store/recording';
import { recordingFor } from '../store/recordings';
import { exportBackup } from './backup';
import { importRecordingFiles, restoreBackup, type ImportFile, type ImportTarget } from './import';

function file(name: string, text: string): ImportFile {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.length, arrayBuffer: async () => bytes.buffer as ArrayBuffer };
}

function samplesOf(count: number): MotionSamples {
  return { t: Float64Array.from({ length: count }, (_, i) => i * 20), acc: Float32Array.from({ length: count * 3 }, (_, i) => Math.sin(i)), gyro: null };
}

function entry(id: string, label = 'walking'): { recording: Recording; samples: MotionSamples } {
  const samples = samplesOf(50);
  return { recording: recordingFor(samples, { id, name: `rec ${id}`, label, group: '', source: 'phone', device: 'This phone', startedAt: 1 }), samples };
}

const currentStore = useTemporaryStore('restore');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('restoring a backup into real IndexedDB', () => {
  test('a recording the import rules refuse is skipped and named; the others restore', async () => {
    const store = currentStore();
    const json = JSON.parse(exportBackup({ labels: ['walking', 'hopping'], recordings: ['a', 'b', 'c'].map((id) => entry(id)) }));
    // What the app's backups once held for a CSV with timestamps -1e308 then 1e308.
    json.recordings[1].recording.durationMs = null;
    const outcome = await restoreBackup(store, file('backup.json', JSON.stringify(json)));
    expect(outcome.restored).toEqual(['rec a', 'rec c']);
    expect(outcome.refused.map(({ name, error }) => [name, error.code])).toEqual([['rec b', 'invalid-field']]);
    expect(outcome.refused[0]!.error.message).toMatch(/^backup\.json: recordings\[1\]\.recording\.durationMs should be a finite number, zero or more\./);
    expect((await store.list()).map((r) => r.id).sort()).toEqual(['a', 'c']);
    expect(await store.labels.list()).toContain('hopping');
  });

  test('a label the label rule refuses restores nothing, not even the labels before it', async () => {
    const store = currentStore();
    const before = await store.labels.list();
    const backup = exportBackup({ labels: ['stairs', 'x'.repeat(41)], recordings: [entry('a', 'stairs')] });
    await expect(restoreBackup(store, file('backup.json', backup))).rejects.toMatchObject({ code: 'label-refused' });
    expect(await store.labels.list()).toEqual(before);
    expect(await countStored(store.name, 'recordings')).toBe(0);
  });

  test('a disk that fills half way: the outcome names what was stored and what was not', async () => {
    const store = currentStore();
    const backup = exportBackup({ labels: ['walking'], recordings: Array.from({ length: 10 }, (_, i) => entry(`r${i}`)) });
    let room = 5;
    const filling: ImportTarget = {
      labels: store.labels,
      get: (id) => store.get(id),
      addWithLabel: (...args) => store.addWithLabel(...args),
      add: async (recording, samples) => {
        if (room === 0) throw new DOMException('The current transaction exceeded its quota limitations.', 'QuotaExceededError');
        room -= 1;
        await store.add(recording, samples);
      },
    };
    const outcome = await restoreBackup(filling, file('backup.json', backup));
    expect(outcome.restored).toEqual(['rec r0', 'rec r1', 'rec r2', 'rec r3', 'rec r4']);
    expect(outcome.refused.map(({ name }) => name)).toEqual(['rec r5', 'rec r6', 'rec r7', 'rec r8', 'rec r9']);
    for (const { error } of outcome.refused) {
      expect(error.code).toBe('storage-full');
      expect(error.message).toMatch(/^backup\.json: storage on this device is full/);
    }
    expect(await countStored(store.name, 'recordings')).toBe(5);
  });
});

describe('importing files into real IndexedDB, atomically', () => {
  test('a file that fails to store leaves no label behind, and its message is not empty', async () => {
    const store = currentStore();
    const [taken] = [entry('taken')];
    await store.add(taken!.recording, taken!.samples);
    // The next import gets an id already taken: its transaction fails after adding the label.
    vi.spyOn(crypto, 'randomUUID').mockReturnValueOnce('taken' as `${string}-${string}-${string}-${string}-${string}`);
    const csv = ['timestamp,accX,accY,accZ', ...Array.from({ length: 20 }, (_, i) => `${i * 20},0,0,9.8`)].join('\n');
    const [outcome] = await importRecordingFiles(store, [file('newlabel.a.csv', csv)]);
    expect(outcome?.ok).toBe(false);
    expect(!outcome?.ok && outcome?.error.message).toMatch(/^newlabel\.a\.csv: could not be stored \(\S/);
    expect(await store.labels.list()).not.toContain('newlabel');
    expect(await countStored(store.name, 'recordings')).toBe(1);
  });
});
