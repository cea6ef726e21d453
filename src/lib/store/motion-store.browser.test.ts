import { deleteDB, openDB } from 'idb';
import { beforeEach, describe, expect, test } from 'vitest';
import { useTemporaryStore, withOtherTab } from '../../../test/support/temporary-store';
import { messageOf } from '../i18n/coded-error';
import { loadCatalog } from '../i18n/i18n';
import type { MotionSamples } from '../sensors/samples';
import { MotionStore } from './motion-store';
import type { Recording } from './recording';
import { recordingFor, StoreError } from './recordings';
import { migrations } from './schema';

/** `count` samples at 100 Hz from `fromMs`. */
function samplesFrom(fromMs: number, count: number): MotionSamples {
  return {
    t: Float64Array.from({ length: count }, (_, i) => fromMs + i * 10),
    acc: Float32Array.from({ length: count * 3 }, (_, i) => i % 7),
    gyro: null,
  };
}

/** The row of a recording about to receive samples, as the recorder writes it. */
function inProgress(id: string): Recording {
  return { ...recordingFor(samplesFrom(0, 0), { id, name: 'walking 1', label: 'walking', group: '', source: 'phone', device: 'This phone', startedAt: 1_700_000_000_000 }), interrupted: true };
}

const currentStore = useTemporaryStore('motion-store');
/** This tab's store. */
let here: MotionStore;

beforeEach(() => {
  here = currentStore();
});

describe('a recording in progress is locked against other tabs', () => {
  test('another tab sees it as recording elsewhere and may not delete, trim, split or rename it; the recording stays whole', async () => {
    expect(here.locksAcrossTabs).toBe(true);
    await here.begin(inProgress('r1'));
    await here.appendSamples('r1', samplesFrom(0, 300));
    await withOtherTab(here, async (other) => {
      expect(await other.recordingElsewhere()).toEqual(new Set(['r1']));
      expect(await here.recordingElsewhere()).toEqual(new Set());
      const refused = [
        () => other.delete('r1'),
        () => other.trim('r1', 100, 2000),
        () => other.split('r1', 1000, 'r2'),
        () => other.update('r1', { name: 'renamed' }),
      ];
      for (const edit of refused) {
        const error: unknown = await edit().catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(StoreError);
        expect((error as StoreError).code).toBe('error.store.recording-elsewhere');
        expect(messageOf(error)).toBe('“walking 1” is being recorded in another tab, so it cannot be changed yet.');
        expect((error as StoreError).hintIn('en')).toBe('Stop the recording in that tab, then try again.');
      }
    });
    await here.appendSamples('r1', samplesFrom(3000, 200));
    const finished = { ...inProgress('r1'), interrupted: false, sampleCount: 500 };
    await here.finish(finished);
    expect(await here.get('r1')).toEqual(finished);
    expect((await here.readSamples('r1')).t).toHaveLength(500);
    // Stopped: the other tab may edit it now.
    await withOtherTab(here, async (other) => {
      expect(await other.recordingElsewhere()).toEqual(new Set());
      expect((await other.update('r1', { name: 'renamed' })).name).toBe('renamed');
      await other.delete('r1');
    });
    expect(await here.list()).toEqual([]);
  });

  test('its own tab may not edit it either until it stops, but may discard it', async () => {
    await here.begin(inProgress('r1'));
    await expect(here.delete('r1')).rejects.toMatchObject({ code: 'error.store.recording-here' });
    await expect(here.update('r1', { notes: 'x' })).rejects.toMatchObject({ code: 'error.store.recording-here' });
    await here.discard('r1');
    expect(await here.list()).toEqual([]);
    await withOtherTab(here, async (other) => expect(await other.recordingElsewhere()).toEqual(new Set()));
  });

  test('another tab learns when the recording stops there', async () => {
    await here.begin(inProgress('r1'));
    await withOtherTab(here, async (other) => {
      let released = false;
      const waiting = other.recordingReleased('r1').then(() => (released = true));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(released).toBe(false);
      await here.finish({ ...inProgress('r1'), interrupted: false });
      await waiting;
      expect(released).toBe(true);
    });
  });
});

describe('a newer version of the app in another tab', () => {
  /** Opens the database as a newer app would, one version up; resolves once it is open. */
  function openNewer(name: string): { opened: Promise<void>; blocked: Promise<void> } {
    let blocked: () => void = () => undefined;
    const wasBlocked = new Promise<void>((resolve) => (blocked = resolve));
    const opened = openDB(name, migrations.length + 1, { blocked }).then((db) => db.close());
    return { opened, blocked: wasBlocked };
  }

  test('waits for a running recording to save and finish, then has the database; the recording is whole', async () => {
    await here.begin(inProgress('r1'));
    await here.appendSamples('r1', samplesFrom(0, 100));
    const newer = openNewer(here.name);
    await here.upgradeRequested;
    await newer.blocked;
    // The old tab goes on saving until its recorder stops.
    await here.appendSamples('r1', samplesFrom(1000, 100));
    await expect(here.begin(inProgress('r2'))).rejects.toMatchObject({ code: 'error.store.closed' });
    await here.finish({ ...inProgress('r1'), interrupted: false, sampleCount: 200, durationMs: 1990 });
    await newer.opened;
    const reopened = await openDB(here.name);
    try {
      expect(await reopened.get('recordings', 'r1')).toMatchObject({ interrupted: false, sampleCount: 200 });
      const chunks = (await reopened.getAll('chunks')) as { count: number }[];
      expect(chunks.reduce((sum, chunk) => sum + chunk.count, 0)).toBe(200);
    } finally {
      reopened.close();
    }
  });

  test('with nothing recording, the old tab closes at once', async () => {
    const newer = openNewer(here.name);
    await here.upgradeRequested;
    await newer.opened;
    await expect(here.list()).rejects.toThrow(/closing/);
  });
});

test('an older app meeting a newer database says so and what to do, in English and Spanish', async () => {
  const name = `newer-${crypto.randomUUID()}`;
  (await openDB(name, migrations.length + 5)).close();
  try {
    const error: unknown = await MotionStore.open(name).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('error.store.newer-database');
    await loadCatalog('es');
    const coded = error as StoreError;
    expect(messageOf(coded, 'en')).toMatch(/^The data on this device was saved by a newer version of Motion Lab /);
    expect(coded.hintIn('en')).toMatch(/^Reload the page to get the newer version\./);
    expect(messageOf(coded, 'es')).toMatch(/^Los datos de este dispositivo los guardó una versión de Motion Lab más nueva /);
    expect(coded.hintIn('es')).toMatch(/^Recarga la página para obtener la versión nueva\./);
  } finally {
    await deleteDB(name);
  }
});
