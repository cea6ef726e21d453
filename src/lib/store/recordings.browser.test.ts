import { deleteDB } from 'idb';
import { countStored, useTemporaryStore } from '../../../test/support/temporary-store';
import { beforeEach, describe, expect, test } from 'vitest';
import { sliceSamples, type MotionSamples } from '../sensors/samples';
import { openMotionDb } from './db';
import type { Recording } from './recording';
import { MotionStore } from './motion-store';
import { CHUNK_SAMPLES, packSamples, RecordingStore, recordingFor } from './recordings';
import { migrations } from './schema';

/** `count` samples at `rateHz` of a slow sway, optionally with a gyroscope. */
function sway(count: number, rateHz = 50, withGyro = false): MotionSamples {
  const t = new Float64Array(count);
  const acc = new Float32Array(count * 3);
  const gyro = withGyro ? new Float32Array(count * 3) : null;
  for (let i = 0; i < count; i += 1) {
    t[i] = (i * 1000) / rateHz;
    acc.set([Math.sin(i / 10), Math.cos(i / 10), 9.81 + i / 1000], i * 3);
    gyro?.set([i, -i, i / 2], i * 3);
  }
  return { t, acc, gyro };
}

function recordingOf(id: string, samples: MotionSamples, label = 'walking'): Recording {
  return recordingFor(samples, { id, name: id, label, group: 'ana', source: 'import', device: 'test', startedAt: 1_700_000_000_000 });
}

const currentStore = useTemporaryStore('test');
let store: MotionStore;

beforeEach(() => {
  store = currentStore();
});

describe('RecordingStore in real IndexedDB', () => {
  test('samples packed ahead (in the parse worker) are stored as the samples themselves are, and only under their own id', async () => {
    const samples = sway(CHUNK_SAMPLES + 300, 100, true);
    const packed = await packSamples('packed', samples);
    const recording = recordingFor(packed, { id: 'packed', name: 'packed', label: 'walking', group: 'ana', source: 'import', device: 'test', startedAt: 1_700_000_000_000 });
    expect(recording).toEqual(recordingOf('packed', samples));
    await expect(store.addWithLabel({ ...recording, id: 'other' }, packed, 'walking')).rejects.toThrow(/packed for recording packed/);
    expect(await store.list()).toEqual([]);
    await store.addWithLabel(recording, packed, 'walking');
    const read = await store.readSamples('packed');
    expect(read).toEqual(samples);
  });

  test('stores and reads back samples bit for bit, across chunk boundaries', async () => {
    const samples = sway(CHUNK_SAMPLES * 2 + 7, 100, true);
    await store.add(recordingOf('a', samples), samples);
    const read = await store.readSamples('a');
    expect(read.t).toEqual(samples.t);
    expect(read.acc).toEqual(samples.acc);
    expect(read.gyro).toEqual(samples.gyro);
    expect(await countStored(store.name, 'chunks')).toBe(3);
  });

  test('a failed write leaves nothing behind', async () => {
    const samples = sway(100);
    await store.add(recordingOf('a', samples), samples);
    // Same id again: the recording row fails, so its chunks must not be written either.
    await expect(store.add(recordingOf('a', sway(3000)), sway(3000))).rejects.toThrow();
    expect((await store.readSamples('a')).t.length).toBe(100);
    expect(await countStored(store.name, 'chunks')).toBe(1);
  });

  test('trim keeps the chosen span and moves gaps and GPS fixes with it', async () => {
    const samples = sway(500); // 10 s at 50 Hz
    const recording = {
      ...recordingOf('a', samples),
      gaps: [{ atMs: 1000, durationMs: 0, lostSamples: 4 }, { atMs: 6000, durationMs: 0, lostSamples: 2 }],
      speedFixes: [{ t: 500, speedMs: 1, accuracyM: 5 }, { t: 5000, speedMs: 2, accuracyM: 5 }],
      lostSamples: 6,
    };
    await store.add(recording, samples);
    const trimmed = await store.trim('a', 2000, 8000);
    expect(trimmed.sampleCount).toBe(301);
    expect(trimmed.durationMs).toBe(6000);
    expect(trimmed.gaps).toEqual([{ atMs: 4000, durationMs: 0, lostSamples: 2 }]);
    expect(trimmed.lostSamples).toBe(2);
    expect(trimmed.speedFixes).toEqual([{ t: 3000, speedMs: 2, accuracyM: 5 }]);
    const read = await store.readSamples('a');
    expect(read.t[0]).toBe(2000);
    expect(read.acc.slice(0, 3)).toEqual(samples.acc.slice(300, 303));
    expect(await store.get('a')).toEqual(trimmed);
  });

  test('split makes two recordings that together hold every sample', async () => {
    const samples = sway(500);
    await store.add(recordingOf('a', samples), samples);
    const [head, tail] = await store.split('a', 4000, 'b');
    expect(head.sampleCount + tail.sampleCount).toBe(500);
    expect(tail.startedAt - head.startedAt).toBe(4000);
    expect(tail.name).toBe('a (2)');
    const both = [...(await store.readSamples('a')).t, ...(await store.readSamples('b')).t];
    expect(both).toEqual([...samples.t]);
  });

  test('an impossible trim or split is refused and changes nothing', async () => {
    const samples = sway(100);
    await store.add(recordingOf('a', samples), samples);
    await expect(store.trim('a', 5000, 9000)).rejects.toThrow('would leave no samples');
    await expect(store.split('a', 0, 'b')).rejects.toThrow('would leave one part empty');
    expect((await store.readSamples('a')).t).toEqual(samples.t);
    expect(await store.list()).toHaveLength(1);
  });

  test('delete can be undone, exactly', async () => {
    const samples = sway(1500, 50, true);
    const recording = recordingOf('a', samples);
    await store.add(recording, samples);
    const deleted = await store.delete('a');
    expect(await store.list()).toEqual([]);
    expect(await countStored(store.name, 'chunks')).toBe(0);
    await store.restore(deleted);
    expect(await store.get('a')).toEqual(recording);
    expect((await store.readSamples('a')).acc).toEqual(samples.acc);
  });

  test('totals per label count recordings and duration', async () => {
    await store.add(recordingOf('a', sway(51)), sway(51));
    await store.add(recordingOf('b', sway(101)), sway(101));
    await store.add(recordingOf('c', sway(51), 'running'), sway(51));
    const totals = await store.totals();
    expect(totals).toEqual(
      expect.arrayContaining([
        { label: 'walking', recordings: 2, durationMs: 3000 },
        { label: 'running', recordings: 1, durationMs: 1000 },
      ]),
    );
  });

  test('a running recording: saves append its samples in chunks, extras ride along, and a crash is recovered from them', async () => {
    const samples = sway(CHUNK_SAMPLES + 200, 100);
    const started = { ...recordingOf('r', sway(0)), interrupted: true };
    await expect(store.appendSamples('r', samples)).rejects.toThrow('begin it first');
    await store.begin(started);
    const gap = { atMs: 500, durationMs: 20, lostSamples: 2 };
    const fix = { t: 700, speedMs: 1.5, accuracyM: 4 };
    await store.appendSamples('r', sliceSamples(samples, 0, 100), { gaps: [gap] });
    await store.appendSamples('r', sliceSamples(samples, 100, samples.t.length), { speedFixes: [fix] });
    expect(await countStored(store.name, 'chunks')).toBe(3);
    expect((await store.readSamples('r')).acc).toEqual(samples.acc);
    const [recovered] = await store.recoverInterrupted();
    expect(recovered).toMatchObject({ sampleCount: samples.t.length, gaps: [gap], speedFixes: [fix], lostSamples: 2, interrupted: true });
    await store.finish({ ...started, interrupted: false });
    await expect(store.appendSamples('r', samples)).rejects.toThrow('begin it first');
  });

  test('the first write is announced once (the app asks for persistent storage then)', async () => {
    let calls = 0;
    const other = await MotionStore.open(store.name, { onFirstWrite: () => (calls += 1) });
    await other.add(recordingOf('a', sway(10)), sway(10));
    await other.add(recordingOf('b', sway(10)), sway(10));
    other.close();
    expect(calls).toBe(1);
  });
});

describe('labels', () => {
  test('start with the lesson’s four, and can be added, renamed and removed', async () => {
    expect(await store.labels.list()).toEqual(['walking', 'running', 'biking', 'golfing']);
    expect(await store.labels.add('  stairs  up ')).toBe('stairs up');
    await expect(store.labels.add('Walking')).rejects.toThrow('already a label');
    await expect(store.labels.add('   ')).rejects.toThrow('needs a name');
    await expect(store.labels.add('walk\u0000ing')).rejects.toThrow('control character');
    await expect(store.labels.ensureAll(['x'.repeat(41)])).rejects.toThrow('40 characters at most');
    expect(await store.labels.add('line\nbreak')).toBe('line break');
    await store.labels.remove('golfing');
    expect(await store.labels.list()).toEqual(['walking', 'running', 'biking', 'stairs up', 'line break']);
  });

  test('renaming relabels its recordings; removing a label in use is refused', async () => {
    await store.add(recordingOf('a', sway(10)), sway(10));
    await store.labels.rename('walking', 'strolling');
    expect((await store.get('a'))?.label).toBe('strolling');
    expect(await store.labels.list()).toEqual(['strolling', 'running', 'biking', 'golfing']);
    await expect(store.labels.remove('strolling')).rejects.toThrow('1 recording still use “strolling”');
    expect(await store.labels.list()).toContain('strolling');
  });

  describe('the starting labels follow the user’s language while untouched', () => {
    const english = ['walking', 'running', 'biking', 'golfing'];
    const spanish = ['caminar', 'correr', 'bicicleta', 'golf'];
    const defaults = [english, spanish];

    test('a new database’s labels become the Spanish ones, and back, until the first recording', async () => {
      expect(await store.labels.startIn(defaults, spanish)).toBe(true);
      expect(await store.labels.list()).toEqual(spanish);
      expect(await store.labels.startIn(defaults, spanish)).toBe(false);
      expect(await store.labels.startIn(defaults, english)).toBe(true);
      expect(await store.labels.list()).toEqual(english);
      await store.add(recordingOf('a', sway(10)), sway(10));
      expect(await store.labels.startIn(defaults, spanish)).toBe(false);
      expect(await store.labels.list()).toEqual(english);
    });

    test('labels the user changed stay: one removed, or all of them', async () => {
      await store.labels.remove('golfing');
      expect(await store.labels.startIn(defaults, spanish)).toBe(false);
      expect(await store.labels.list()).toEqual(['walking', 'running', 'biking']);
      for (const label of ['walking', 'running', 'biking']) await store.labels.remove(label);
      expect(await store.labels.startIn(defaults, spanish)).toBe(false);
      expect(await store.labels.list()).toEqual([]);
    });
  });
});

describe('schema migrations', () => {
  test('an older database is upgraded in place and keeps its data', async () => {
    const dbName = `migrate-${crypto.randomUUID()}`;
    const v1 = await openMotionDb(dbName, migrations.slice(0, 1));
    const samples = sway(10);
    await new RecordingStore(v1).add(recordingOf('kept', samples), samples);
    v1.close();
    // A later version: every earlier step stays, a new one adds an index.
    const v2 = await openMotionDb(dbName, [
      ...migrations.slice(0, 1),
      // A test-only index, outside the app's typed schema.
      (_db, transaction) => (transaction.objectStore('recordings') as unknown as IDBObjectStore).createIndex('by-group', 'group'),
    ]);
    expect(v2.version).toBe(2);
    const byGroup = (v2 as unknown as { getAllFromIndex(store: string, index: string, key: string): Promise<unknown[]> }).getAllFromIndex;
    expect(await byGroup.call(v2, 'recordings', 'by-group', 'ana')).toHaveLength(1);
    expect((await new RecordingStore(v2).readSamples('kept')).acc).toEqual(samples.acc);
    v2.close();
    await deleteDB(dbName);
  });

  test('a version 1 database (before models) upgrades to the current schema', async () => {
    const dbName = `migrate-${crypto.randomUUID()}`;
    const v1 = await openMotionDb(dbName, migrations.slice(0, 1));
    const samples = sway(10);
    await new RecordingStore(v1).add(recordingOf('kept', samples), samples);
    v1.close();
    const current = await openMotionDb(dbName);
    expect(current.version).toBe(migrations.length);
    expect([...current.objectStoreNames]).toContain('models');
    expect(await current.count('models')).toBe(0);
    expect(await new RecordingStore(current).get('kept')).toEqual(recordingOf('kept', samples));
    current.close();
    await deleteDB(dbName);
  });

  test('the current schema has every store and index the app uses', async () => {
    const db = await openMotionDb(store.name);
    expect([...db.objectStoreNames].sort()).toEqual(['chunks', 'digitSets', 'labels', 'models', 'recordings']);
    const tx = db.transaction(['recordings', 'chunks']);
    expect([...tx.objectStore('recordings').indexNames].sort()).toEqual(['by-label', 'by-started']);
    expect([...tx.objectStore('chunks').indexNames]).toEqual([]);
    db.close();
  });
});
