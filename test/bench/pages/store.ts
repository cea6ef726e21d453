/**
 * Bench page for the store: writes samples into IndexedDB through the real Recorder and
 * MotionStore, or one object per sample, the way a naive app would.
 */
import { Recorder } from '../../../src/lib/recorder/recorder';
import { ReplaySource } from '../../../src/lib/sensors/replay';
import { meanRateHz, sliceSamples, type MotionSamples } from '../../../src/lib/sensors/samples';
import { MotionStore } from '../../../src/lib/store/motion-store';
import type { Recording } from '../../../src/lib/store/recording';
import { describeSamples } from '../../../src/lib/store/recordings';
import { expose } from './expose';
import { syntheticMotion } from './synthetic-motion';

export interface WriteOptions {
  dbName: string;
  /** Samples per transaction: one chunk for the store, this many per-sample objects for the naive layout. */
  batchSamples: number;
  /** Stop after this many samples… */
  maxSamples: number;
  /** …or once this much time has passed, whichever comes first. */
  maxMs: number;
}

export interface WriteRun {
  samples: number;
  transactions: number;
  ms: number;
}

/** The naive layout's object store. */
const NAIVE_STORE = 'samples';

/**
 * A recording's saves as the Recorder makes them at 100 Hz: every second the samples that came
 * in, packed, in one transaction (`batchSamples` per save), then the finished row at the end.
 */
async function writeRecordingSaves({ dbName, batchSamples, maxSamples, maxMs }: WriteOptions): Promise<WriteRun> {
  const samples = syntheticMotion(maxSamples);
  const store = await MotionStore.open(dbName);
  try {
    const recording = newRecording();
    await store.begin(recording);
    const run = await timeBatches(samples, batchSamples, maxMs, (batch) => store.appendSamples(recording.id, batch));
    const durationMs = (samples.t[run.samples - 1] ?? 0) - (samples.t[0] ?? 0);
    await store.finish({ ...recording, sampleCount: run.samples, durationMs, rateHz: meanRateHz(run.samples, durationMs), interrupted: false });
    return run;
  } finally {
    store.close();
  }
}

/**
 * The real Recorder fed by a replay `speed` times faster than real time (100 Hz × speed), so
 * samples arrive faster than they can be saved: how many a second the recording path
 * sustains, from Record to the end of the last save. `transactions` counts the chunks stored.
 */
async function writeThroughRecorder({ dbName, maxSamples, speed }: WriteOptions & { speed: number }): Promise<WriteRun> {
  const samples = syntheticMotion(maxSamples);
  const store = await MotionStore.open(dbName);
  try {
    let stopped!: () => void;
    let failed!: (error: Error) => void;
    const done = new Promise<void>((resolve, reject) => {
      stopped = resolve;
      failed = reject;
    });
    const recorder = new Recorder({
      store,
      source: new ReplaySource(samples, { name: 'bench', speed }),
      draft: { id: crypto.randomUUID(), name: 'bench', label: 'walking', group: 'bench', notes: '' },
      callbacks: {
        state: (state, detail) => {
          if (state === 'stopped') stopped();
          if (state === 'failed') failed(new Error(`the recorder failed: ${detail ?? ''}`));
        },
      },
    });
    const started = performance.now();
    await recorder.start();
    await done;
    const ms = performance.now() - started;
    return { samples: recorder.recording.sampleCount, transactions: await countChunks(dbName), ms };
  } finally {
    store.close();
  }
}

/**
 * Imports: each transaction stores one whole recording of `batchSamples` through
 * `MotionStore.add` (packed 1024-sample chunks), as importing a file does.
 */
async function writeImports({ dbName, batchSamples, maxSamples, maxMs }: WriteOptions): Promise<WriteRun> {
  const samples = syntheticMotion(maxSamples);
  const store = await MotionStore.open(dbName);
  try {
    return await timeBatches(samples, batchSamples, maxMs, async (batch) => {
      await store.add({ ...newRecording(), ...describeSamples(batch), interrupted: false }, batch);
    });
  } finally {
    store.close();
  }
}

/**
 * The same samples as one `{ t, x, y, z }` object per sample, `batchSamples` puts per
 * transaction. Plain IndexedDB and auto-incremented keys, without the recording id or index a
 * real per-sample schema would also need: the cheapest per-sample layout there is.
 */
async function writeNaive({ dbName, batchSamples, maxSamples, maxMs }: WriteOptions): Promise<WriteRun> {
  const samples = syntheticMotion(maxSamples);
  const db = await openIdb(dbName, (created) => created.createObjectStore(NAIVE_STORE, { autoIncrement: true }));
  try {
    return await timeBatches(samples, batchSamples, maxMs, (batch) => {
      const tx = db.transaction(NAIVE_STORE, 'readwrite');
      const objects = tx.objectStore(NAIVE_STORE);
      for (let i = 0; i < batch.t.length; i += 1) {
        objects.put({ t: batch.t[i], x: batch.acc[i * 3], y: batch.acc[i * 3 + 1], z: batch.acc[i * 3 + 2] });
      }
      return new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
    });
  } finally {
    db.close();
  }
}

/** Writes `samples` in batches, one awaited after another, until all are written or `maxMs` has passed. */
async function timeBatches(
  samples: MotionSamples,
  batchSamples: number,
  maxMs: number,
  write: (batch: MotionSamples, index: number, stored: number) => Promise<void>,
): Promise<WriteRun> {
  const started = performance.now();
  let stored = 0;
  let transactions = 0;
  while (stored < samples.t.length && performance.now() - started < maxMs) {
    const to = Math.min(stored + batchSamples, samples.t.length);
    await write(sliceSamples(samples, stored, to), transactions, to);
    stored = to;
    transactions += 1;
  }
  return { samples: stored, transactions, ms: performance.now() - started };
}

function newRecording(): Recording {
  return {
    id: crypto.randomUUID(),
    name: 'bench',
    label: 'walking',
    group: 'bench',
    source: 'phone',
    device: 'synthetic',
    rateHz: 0,
    startedAt: Date.now(),
    durationMs: 0,
    sampleCount: 0,
    axes: ['accX', 'accY', 'accZ'],
    notes: '',
    interrupted: true,
    lostSamples: 0,
    gaps: [],
    speedFixes: [],
  };
}

/** What the origin stores, as the quota system counts it. */
async function usageBytes(): Promise<number> {
  const { usage } = await navigator.storage.estimate();
  if (usage === undefined) throw new Error('navigator.storage.estimate() reported no usage');
  return usage;
}

/**
 * The origin's usage once it stops changing, with `dbNames` open: after a browser start Chromium
 * counts an IndexedDB database's files only from the moment the database is first opened, and
 * reports 0 bytes for it until then.
 */
async function settledUsageBytes(dbNames: string[]): Promise<number> {
  const dbs = await Promise.all(dbNames.map((name) => openIdb(name)));
  try {
    let last = await usageBytes();
    for (let reading = 0; reading < 10; reading += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const usage = await usageBytes();
      if (usage === last) return usage;
      last = usage;
    }
    throw new Error(`storage usage kept changing for 5 s after opening ${dbNames.join(', ')} (last ${last} bytes)`);
  } finally {
    for (const db of dbs) db.close();
  }
}

/** The chunks database `dbName` holds, counted on a connection of the bench's own. */
async function countChunks(dbName: string): Promise<number> {
  const db = await openIdb(dbName);
  try {
    return await new Promise<number>((resolve, reject) => {
      const request = db.transaction('chunks').objectStore('chunks').count();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

/** Plain IndexedDB, as the naive layout uses it; `upgrade` runs when the database is new. */
function openIdb(name: string, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = upgrade ? indexedDB.open(name, 1) : indexedDB.open(name);
    request.onupgradeneeded = () => upgrade?.(request.result);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

const api = { writeRecordingSaves, writeThroughRecorder, writeImports, writeNaive, usageBytes, settledUsageBytes };
export type StoreBench = typeof api;
expose(api);
