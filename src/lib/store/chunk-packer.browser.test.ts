import { openDB } from 'idb';
import { beforeEach, describe, expect, test } from 'vitest';
import { useTemporaryStore } from '../../../test/support/temporary-store';
import { sliceSamples, type MotionSamples } from '../sensors/samples';
import { packColumns } from './chunk-codec';
import { ChunkPacker } from './chunk-packer';
import { toPackedChunks } from './chunks';
import { MotionStore } from './motion-store';
import { recordingFor } from './recordings';
import type { StoredChunk } from './schema';

/** `count` readings at 60 Hz of a noisy sway, with rotation. */
function readings(count: number, fromMs = 0): MotionSamples {
  const t = new Float64Array(count);
  const acc = new Float32Array(count * 3);
  const gyro = new Float32Array(count * 3);
  for (let i = 0; i < count; i += 1) {
    t[i] = fromMs + i * (1000 / 60) + Math.random();
    acc.set([Math.sin(i / 7) + Math.random() / 10, 0.3, 9.81 - Math.random() / 10], i * 3);
    gyro.set([5 * Math.cos(i / 7), Math.random(), -i / 10], i * 3);
  }
  return { t, acc, gyro };
}

/** A worker whose script throws as it loads: what a damaged or missing build file gives. */
const brokenWorker = (): Worker => new Worker(URL.createObjectURL(new Blob(['throw new Error("broken build")'], { type: 'text/javascript' })));

describe('ChunkPacker', () => {
  test('the worker packs the very bytes packColumns packs on the page, from views into a larger save, and leaves those views as they were', async () => {
    const save = readings(300);
    const packer = new ChunkPacker();
    try {
      for (const [from, to, withGyro] of [[0, 60, true], [60, 300, true], [10, 11, false]] as const) {
        const part = sliceSamples(save, from, to);
        const dt = Float32Array.from(part.t, (t) => t - (part.t[0] ?? 0));
        const gyro = withGyro ? part.gyro : null;
        const here = await packColumns(dt, part.acc, gyro);
        const accBefore = part.acc.slice();
        expect(await packer.pack(dt, part.acc, gyro)).toEqual(here);
        expect(part.acc).toEqual(accBefore);
        expect(dt.length).toBe(to - from);
      }
    } finally {
      packer.close();
    }
  });

  test('a worker that cannot start costs no chunk: they are packed on the page, the same bytes', async () => {
    const packer = new ChunkPacker(brokenWorker);
    const { t, acc, gyro } = readings(60);
    const dt = Float32Array.from(t, (time) => time - (t[0] ?? 0));
    try {
      const packed = await Promise.all([packer.pack(dt, acc, gyro), packer.pack(dt, acc, null)]);
      expect(packed).toEqual([await packColumns(dt, acc, gyro), await packColumns(dt, acc, null)]);
      expect(await packer.pack(dt, acc, gyro)).toEqual(packed[0]);
    } finally {
      packer.close();
    }
  });

  test('closing it while chunks are being packed still packs them', async () => {
    const packer = new ChunkPacker();
    const { t, acc, gyro } = readings(60);
    const dt = Float32Array.from(t, (time) => time - (t[0] ?? 0));
    const pending = packer.pack(dt, acc, gyro);
    packer.close();
    expect(await pending).toEqual(await packColumns(dt, acc, gyro));
  });
});

const currentStore = useTemporaryStore('packer');
let store: MotionStore;

beforeEach(() => {
  store = currentStore();
});

describe('a running recording packed in the worker', () => {
  const started = { ...recordingFor(readings(0), { id: 'r', name: 'r', label: 'walking', group: '', source: 'phone', device: 'test', startedAt: 1 }), interrupted: true };

  test('stores the chunks packing on the page stored, and a recording cut mid-way (the tab closed) keeps every save', async () => {
    const saves = [readings(60), readings(61, 1000), readings(59, 2000)];
    await store.begin(started);
    for (const save of saves) await store.appendSamples('r', save);
    // The tab closes: no finish, the store's connection and its worker go.
    store.close();

    const db = await openDB(store.name);
    const stored = (await db.getAll('chunks')) as StoredChunk[];
    db.close();
    const onThePage = (await Promise.all(saves.map((save, index) => toPackedChunks('r', save, 1024, index)))).flat();
    expect(stored).toEqual(onThePage);

    const reopened = await MotionStore.open(store.name);
    try {
      const [recovered] = await reopened.recoverInterrupted();
      expect(recovered).toMatchObject({ id: 'r', sampleCount: 180, interrupted: true });
      const samples = await reopened.readSamples('r');
      expect(samples.acc).toEqual(Float32Array.from(saves.flatMap((save) => [...save.acc])));
    } finally {
      reopened.close();
    }
  });
});
