import { useTemporaryStore } from '../../../test/support/temporary-store';
import { beforeEach, describe, expect, test } from 'vitest';
import type { MotionSamples } from '../sensors/samples';
import { ReplaySource } from '../sensors/replay';
import type { MotionSource, SourceListener } from '../sensors/source';
import { RecordingStore } from '../store/recordings';
import { Recorder, type RecorderState } from './recorder';

function steady(count: number, rateHz: number): MotionSamples {
  const t = Float64Array.from({ length: count }, (_, i) => (i * 1000) / rateHz);
  const acc = Float32Array.from({ length: count * 3 }, (_, i) => (i % 3 === 2 ? 9.81 : i / 1000));
  return { t, acc, gyro: null };
}

const draft = { id: 'r1', name: 'walk 1', label: 'walking', group: 'ana', notes: '' };
const currentStore = useTemporaryStore('rec');
let store: RecordingStore;

beforeEach(() => {
  store = currentStore();
});

describe('Recorder in real IndexedDB', () => {
  test('records a replayed source completely and marks it complete on stop', async () => {
    const samples = steady(100, 100); // 1 s at 100 Hz
    const states: RecorderState[] = [];
    const recorder = new Recorder({
      store,
      source: new ReplaySource(samples, { name: 'fixture' }),
      draft,
      flushIntervalMs: 200,
      callbacks: { state: (state) => states.push(state) },
    });
    await recorder.start();
    expect((await store.get('r1'))?.interrupted).toBe(true);
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (recorder.state === 'stopped') {
          clearInterval(check);
          resolve();
        }
      }, 20);
    });
    const stored = await store.get('r1');
    expect(stored?.interrupted).toBe(false);
    expect(stored?.sampleCount).toBe(100);
    expect(stored?.durationMs).toBeCloseTo(990, 0);
    expect(stored?.rateHz).toBeCloseTo(100, 0);
    expect(stored?.device).toBe('Replay of “fixture”');
    const read = await store.readSamples('r1');
    expect(read.acc).toEqual(samples.acc);
    expect(read.t[0]).toBe(0);
    expect(states).toEqual(['recording', 'stopped']);
  });

  test('an abandoned recording is stored up to its last flush, marked interrupted', async () => {
    const recorder = new Recorder({
      store,
      source: new ReplaySource(steady(1000, 100), { name: 'long' }),
      draft,
      flushIntervalMs: 250,
    });
    await recorder.start();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    // The tab "dies": no stop(). What is in the database is what survives; read it in one
    // transaction, as a flush may land between two separate reads.
    const tx = store.db.transaction(['recordings', 'chunks']);
    const [survived, chunks] = await Promise.all([tx.objectStore('recordings').get('r1'), tx.objectStore('chunks').getAll()]);
    expect(survived?.interrupted).toBe(true);
    expect(survived?.durationMs).toBeGreaterThan(250);
    expect(chunks.reduce((sum, chunk) => sum + chunk.count, 0)).toBe(survived?.sampleCount);
    await recorder.stop();
  });

  test('a source that cannot start leaves no recording behind', async () => {
    const broken: MotionSource = {
      kind: 'phone',
      device: 'This phone',
      hasGyro: true,
      start: async (_listener: SourceListener) => {
        throw new Error('No motion readings arrived within 2 s.');
      },
      stop: async () => undefined,
    };
    const recorder = new Recorder({ store, source: broken, draft });
    await expect(recorder.start()).rejects.toThrow('No motion readings');
    expect(recorder.state).toBe('failed');
    expect(await store.list()).toEqual([]);
  });

  test('lost samples and a disconnection become gaps', async () => {
    let listener: SourceListener | undefined;
    const source: MotionSource = {
      kind: 'bluetooth',
      device: 'Nano',
      hasGyro: false,
      start: async (l) => {
        listener = l;
      },
      stop: async () => undefined,
    };
    const recorder = new Recorder({ store, source, draft, flushIntervalMs: 60_000 });
    await recorder.start();
    const batch = (from: number) => ({ t: Float64Array.of(from, from + 10), acc: new Float32Array(6), gyro: null });
    listener?.samples(batch(1000));
    listener?.event?.({ type: 'lost', count: 3, atMs: 10 });
    listener?.event?.({ type: 'disconnected', reason: 'out of range' });
    expect(recorder.state).toBe('disconnected');
    listener?.samples(batch(3000));
    expect(recorder.state).toBe('recording');
    const stopped = await recorder.stop();
    expect(stopped.gaps).toEqual([
      { atMs: 10, durationMs: 0, lostSamples: 3 },
      { atMs: 10, durationMs: 1990 },
    ]);
    expect(stopped.lostSamples).toBe(3);
    expect(stopped.sampleCount).toBe(4);
  });
});
