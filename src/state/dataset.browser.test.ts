import { deleteDB } from 'idb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingFor } from '../lib/store/recordings';
import { dataset } from './dataset.svelte';

/** The app's dataset state over the real database in Chromium: what it shows is what was saved. */
const samples = (count: number) => ({
  t: Float64Array.from({ length: count }, (_, i) => i * 20),
  acc: Float32Array.from({ length: count * 3 }, (_, i) => (i % 3 === 2 ? 9.8 : Math.sin(i))),
  gyro: null,
});

beforeAll(() => deleteDB('motion-lab'));

afterAll(async () => {
  (await dataset.store()).close();
  await deleteDB('motion-lab');
});

describe('dataset', () => {
  it('lists what the store holds, with per-label totals that include labels without recordings', async () => {
    const store = await dataset.store();
    await store.add(recordingFor(samples(101), { id: 'w1', name: 'walking 1', label: 'walking', group: 'ana', source: 'import', device: 'test', startedAt: 1 }), samples(101));
    expect(dataset.loaded).toBe(false);
    await dataset.refresh();
    expect(dataset.loaded).toBe(true);
    expect(dataset.recordings.map((recording) => recording.id)).toEqual(['w1']);
    // A new device starts with the lesson's four activities.
    expect(dataset.totals).toEqual([
      { label: 'walking', recordings: 1, durationMs: 2000 },
      { label: 'running', recordings: 0, durationMs: 0 },
      { label: 'biking', recordings: 0, durationMs: 0 },
      { label: 'golfing', recordings: 0, durationMs: 0 },
    ]);
  });

  it('adds and renames labels through the store and shows the result; a refused label changes nothing', async () => {
    expect(await dataset.addLabel('  stairs ')).toBe('stairs');
    expect(dataset.labels).toContain('stairs');
    await expect(dataset.addLabel('Stairs')).rejects.toThrow('already a label');
    expect(dataset.labels.filter((label) => label.toLowerCase() === 'stairs')).toHaveLength(1);
    await dataset.renameLabel('walking', 'strolling');
    expect(dataset.labels).toContain('strolling');
    expect(dataset.recordings[0]?.label).toBe('strolling');
    await expect(dataset.removeLabel('strolling')).rejects.toThrow('still use');
    await dataset.removeLabel('golfing');
    expect(dataset.labels).not.toContain('golfing');
  });

  it('deletes a recording and brings it back whole on undo', async () => {
    const deleted = await dataset.delete('w1');
    expect(dataset.recordings).toEqual([]);
    await dataset.restore(deleted);
    expect(dataset.recordings.map((recording) => recording.id)).toEqual(['w1']);
    expect((await (await dataset.store()).readSamples('w1')).t).toHaveLength(101);
  });

  it('trims and splits, and the list follows', async () => {
    await dataset.trim('w1', 0, 1000);
    expect(dataset.recordings[0]?.durationMs).toBe(1000);
    await dataset.split('w1', 500);
    expect(dataset.recordings).toHaveLength(2);
    expect(dataset.recordings.reduce((sum, recording) => sum + recording.sampleCount, 0)).toBe(51);
  });
});
