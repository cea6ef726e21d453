import { beforeEach, describe, expect, test } from 'vitest';
import { countStored, useTemporaryStore, withOtherTab } from '../../../test/support/temporary-store';
import type { MotionSamples } from '../sensors/samples';
import { MotionStore } from './motion-store';
import type { Recording } from './recording';
import { CHUNK_SAMPLES, recordingFor } from './recordings';

/** `count` samples at 100 Hz. */
function samples(count: number): MotionSamples {
  return {
    t: Float64Array.from({ length: count }, (_, i) => i * 10),
    acc: Float32Array.from({ length: count * 3 }, (_, i) => i % 5),
    gyro: null,
  };
}

function recording(id: string, label = 'walking', group = 'ana'): Recording {
  return recordingFor(samples(0), { id, name: `rec ${id}`, label, group, source: 'import', device: 'test', startedAt: 1_700_000_000_000 });
}

const currentStore = useTemporaryStore('bulk');
let store: MotionStore;

beforeEach(async () => {
  store = currentStore();
  await store.labels.ensureAll(['walking', 'running']);
  // Two chunks each, so a deletion has more than one chunk to take.
  for (const id of ['a', 'b', 'c']) await store.add(recording(id), samples(CHUNK_SAMPLES + 10));
});

/** The stored rows by id, read back. */
async function rows(): Promise<Map<string, Recording>> {
  return new Map((await store.list()).map((row) => [row.id, row]));
}

describe('changing many recordings at once', () => {
  test('sets the person and the activity of the chosen recordings only, the person tidied', async () => {
    expect(await store.updateMany(['a', 'c'], { group: '  bruno ' })).toEqual({ changed: 2, skipped: [] });
    expect(await store.updateMany(['a', 'b'], { label: 'running' })).toEqual({ changed: 2, skipped: [] });
    const after = await rows();
    expect([...after.values()].map(({ id, label, group }) => `${id} ${label} ${group}`).sort()).toEqual(['a running bruno', 'b running ana', 'c walking bruno']);
    expect((await store.readSamples('a')).t).toHaveLength(CHUNK_SAMPLES + 10);
  });

  test('a recording gone meanwhile fails the whole change: the ones before it in the same transaction are not kept', async () => {
    const before = await rows();
    await expect(store.updateMany(['a', 'b', 'gone', 'c'], { group: 'carla' })).rejects.toMatchObject({ code: 'error.store.missing-recording' });
    expect(await rows()).toEqual(before);
  });

  test('an activity that is not a label is refused with nothing changed', async () => {
    const before = await rows();
    await expect(store.updateMany(['a', 'b'], { label: 'swimming' })).rejects.toMatchObject({ code: 'error.label.missing' });
    expect(await rows()).toEqual(before);
  });

  test('deletes the chosen recordings and all their samples', async () => {
    expect(await countStored(store.name, 'chunks')).toBe(6);
    expect(await store.deleteMany(['a', 'c'])).toEqual({ changed: 2, skipped: [] });
    expect([...(await rows()).keys()]).toEqual(['b']);
    expect(await countStored(store.name, 'chunks')).toBe(2);
  });

  test('a deletion that fails partway deletes nothing, rows or samples', async () => {
    await expect(store.deleteMany(['a', 'b', 'gone'])).rejects.toMatchObject({ code: 'error.store.missing-recording' });
    expect([...(await rows()).keys()].sort()).toEqual(['a', 'b', 'c']);
    expect(await countStored(store.name, 'chunks')).toBe(6);
  });

  test('recordings in progress in another tab are skipped and named; the rest change', async () => {
    await withOtherTab(store, async (other) => {
      await other.begin({ ...recording('live', 'walking', 'dana'), name: 'walking 9', interrupted: true });
      await other.appendSamples('live', samples(50));
      expect(await store.updateMany(['a', 'live', 'b'], { group: 'eva' })).toEqual({ changed: 2, skipped: ['walking 9'] });
      expect(await store.deleteMany(['live', 'c'])).toEqual({ changed: 1, skipped: ['walking 9'] });
      const after = await rows();
      expect(after.get('live')?.group).toBe('dana');
      expect(after.get('a')?.group).toBe('eva');
      expect(after.has('c')).toBe(false);
      expect((await store.readSamples('live')).t).toHaveLength(50);
      // Stopped there: it may change here now.
      await other.finish({ ...recording('live', 'walking', 'dana'), name: 'walking 9' });
      expect(await store.deleteMany(['live'])).toEqual({ changed: 1, skipped: [] });
    });
  });

  test('a recording in progress in this tab is skipped too, and when every one is busy nothing is written', async () => {
    await store.begin({ ...recording('live'), name: 'walking 9', interrupted: true });
    expect(await store.deleteMany(['live'])).toEqual({ changed: 0, skipped: ['walking 9'] });
    expect(await store.updateMany(['live', 'a'], { label: 'running' })).toEqual({ changed: 1, skipped: ['walking 9'] });
    expect((await rows()).get('live')?.label).toBe('walking');
    await store.finish({ ...recording('live'), name: 'walking 9' });
  });
});
