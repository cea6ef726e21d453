import { useTemporaryStore } from '../../../test/support/temporary-store';
import { beforeEach, describe, expect, test } from 'vitest';
import type { MotionSamples } from '../sensors/samples';
import { ReplaySource } from '../sensors/replay';
import { DeviceError, type MotionSource, type SourceListener } from '../sensors/source';
import { MotionStore } from '../store/motion-store';
import { Recorder, type RecorderState } from './recorder';

function steady(count: number, rateHz: number): MotionSamples {
  const t = Float64Array.from({ length: count }, (_, i) => (i * 1000) / rateHz);
  const acc = Float32Array.from({ length: count * 3 }, (_, i) => (i % 3 === 2 ? 9.81 : i / 1000));
  return { t, acc, gyro: null };
}

/** A source the test feeds by hand through the listener the recorder gives it. */
function handFedSource(kind: MotionSource['kind']): { source: MotionSource; listener: () => SourceListener } {
  let given: SourceListener | undefined;
  const source: MotionSource = {
    kind,
    device: 'test device',
    hasGyro: false,
    start: async (listener) => {
      given = listener;
    },
    stop: async () => undefined,
  };
  return {
    source,
    listener: () => {
      if (!given) throw new Error('the recorder has not started the source');
      return given;
    },
  };
}

const draft = { id: 'r1', name: 'walk 1', label: 'walking', group: 'ana', notes: '' };
const currentStore = useTemporaryStore('rec');
let store: MotionStore;

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
    expect(await store.recoverInterrupted()).toEqual([]);
    const read = await store.readSamples('r1');
    expect(read.acc).toEqual(samples.acc);
    expect(read.t[0]).toBe(0);
    expect(states).toEqual(['recording', 'stopped']);
  });

  test('a recording whose tab died is rebuilt from its saves, gaps and GPS fixes included, still marked interrupted', async () => {
    const { source, listener } = handFedSource('phone');
    const batch = (from: number, count: number): MotionSamples => ({
      t: Float64Array.from({ length: count }, (_, i) => from + i * 10),
      acc: new Float32Array(count * 3).fill(1),
      gyro: null,
    });
    const pause = () => new Promise((resolve) => setTimeout(resolve, 250));
    const recorder = new Recorder({ store, source, draft, flushIntervalMs: 100 });
    await recorder.start();
    listener().samples(batch(1000, 50));
    recorder.addSpeedFix({ speedMs: 1.2, accuracyM: 5 });
    listener().event?.({ type: 'lost', count: 2, atMs: 100 });
    await pause();
    listener().samples(batch(1500, 50));
    await pause();
    // The tab dies: its connection goes, and what arrives after the last save is lost.
    store.close();
    listener().samples(batch(2000, 50));
    await pause();

    const reopened = await MotionStore.open(store.name);
    try {
      const [recovered, ...others] = await reopened.recoverInterrupted();
      expect(others).toEqual([]);
      expect(recovered).toMatchObject({ id: 'r1', interrupted: true, sampleCount: 100, durationMs: 990, lostSamples: 2 });
      expect(recovered?.rateHz).toBeCloseTo(100, 0);
      expect(recovered?.gaps).toEqual([{ atMs: 100, durationMs: 0, lostSamples: 2 }]);
      expect(recovered?.speedFixes).toMatchObject([{ speedMs: 1.2, accuracyM: 5 }]);
      expect(await reopened.get('r1')).toEqual(recovered);
      expect((await reopened.readSamples('r1')).t).toEqual(batch(0, 100).t);
      // Once recovered, a row is left alone.
      expect(await reopened.recoverInterrupted()).toEqual([]);
    } finally {
      reopened.close();
    }
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
    const { source, listener } = handFedSource('bluetooth');
    const recorder = new Recorder({ store, source, draft, flushIntervalMs: 60_000 });
    await recorder.start();
    const batch = (from: number) => ({ t: Float64Array.of(from, from + 10), acc: new Float32Array(6), gyro: null });
    listener().samples(batch(1000));
    listener().event?.({ type: 'lost', count: 3, atMs: 10 });
    listener().event?.({ type: 'disconnected', reason: new DeviceError('error.bluetooth.dropped', { device: 'a board' }) });
    expect(recorder.state).toBe('disconnected');
    listener().samples(batch(3000));
    expect(recorder.state).toBe('recording');
    const stopped = await recorder.stop();
    expect(stopped.gaps).toEqual([
      { atMs: 10, durationMs: 0, lostSamples: 3 },
      { atMs: 10, durationMs: 1990 },
    ]);
    expect(stopped.lostSamples).toBe(3);
    expect(stopped.sampleCount).toBe(4);
  });

  test('a stall is a gap, once: found in the times when the source says nothing, taken as told when it does', async () => {
    const shown: number[] = [];
    const record = async (id: string, tellStall: boolean) => {
      const { source, listener } = handFedSource(tellStall ? 'phone' : 'serial');
      const recorder = new Recorder({ store, source, draft: { ...draft, id }, flushIntervalMs: 60_000, callbacks: { progress: (progress) => shown.push(progress.stallCount) } });
      await recorder.start();
      const before = steady(50, 50);
      listener().samples(before);
      // Two seconds of silence after the last sample at 980 ms, then a short slip the page skipped.
      if (tellStall) listener().event?.({ type: 'lost', count: 100, atMs: 980, durationMs: 2020 });
      listener().samples({ ...steady(50, 50), t: before.t.map((t) => t + 3000) });
      listener().samples({ ...steady(5, 50), t: before.t.subarray(0, 5).map((t) => t + 4100) });
      return recorder.stop();
    };
    const found = await record('serial-stall', false);
    expect(found.gaps).toEqual([{ atMs: 980, durationMs: 2020 }]);
    expect(shown.at(-1)).toBe(1);
    const told = await record('phone-stall', true);
    expect(told.gaps).toEqual([{ atMs: 980, durationMs: 2020, lostSamples: 100 }]);
    expect(told.lostSamples).toBe(100);
    expect((await store.get('serial-stall'))?.gaps).toEqual(found.gaps);
  });
});
