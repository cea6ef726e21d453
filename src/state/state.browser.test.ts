import { deleteDB } from 'idb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openAsNewerVersion } from '../../test/support/newer-version';
import { tinyModel } from '../lib/deploy/tiny-model';
import type { StoredModel } from '../lib/model/record';
import { recordingFor } from '../lib/store/recordings';
import { busy } from './busy.svelte';
import { calibration } from './calibration.svelte';
import { dataset } from './dataset.svelte';
import { liveOptionsFrom } from '../lib/classify/live-classifier';
import { liveSession } from './live-session.svelte';
import { recordSession, SOMEONE_NEW } from './record-session.svelte';
import { settings } from './settings.svelte';

/**
 * The app's state over the real database in Chromium, in one file as it shares the app's one
 * database: the dataset shows what was saved; the Record and Live pages' sessions, with a stored
 * recording replayed as the source (the demo without hardware), store, show and say what a user
 * gets.
 */
const samples = (count: number) => ({
  t: Float64Array.from({ length: count }, (_, i) => i * 20),
  acc: Float32Array.from({ length: count * 3 }, (_, i) => (i % 3 === 2 ? 9.8 : Math.sin(i))),
  gyro: null,
});
const walk = {
  t: Float64Array.from({ length: 400 }, (_, i) => i * 20),
  acc: Float32Array.from({ length: 1200 }, (_, i) => (i % 3 === 2 ? 9.8 + 3 * Math.sin((2 * Math.PI * 1.8 * Math.floor(i / 3)) / 50) : 0.2)),
  gyro: null,
};

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

describe('the sessions', () => {
  beforeAll(async () => {
    const store = await dataset.store();
    await store.add(recordingFor(walk, { id: 'walk', name: 'walk 1', label: 'walking', group: 'ana', source: 'import', device: 'test', startedAt: 1 }), walk);
    await store.models.save({ ...tinyModel(), id: 'tiny', createdAt: 1, training: {} } as unknown as StoredModel);
    await dataset.refresh();
  });

  describe('the record session', () => {
    it('records a replayed recording for the duration asked, stores it under the chosen label and person, and lets the app go', async () => {
      Object.assign(recordSession, { label: 'running', person: '', newPerson: ' ben ', countdownS: 0, durationS: 1 });
      recordSession.input.kind = 'replay';
      recordSession.input.replayId = 'walk';
      await recordSession.start();
      expect(recordSession.busy).toBe(true);
      expect(busy.reason).toBe('busy.recording');
      await vi.waitFor(() => expect(recordSession.state).toBe('idle'), { timeout: 5000 });
      expect(busy.reason).toBeUndefined();
      expect(recordSession.error).toBeUndefined();
      const saved = recordSession.last!;
      expect(saved).toMatchObject({ label: 'running', group: 'ben', source: 'replay', interrupted: false });
      expect(saved.durationMs).toBeGreaterThanOrEqual(1000);
      // The list follows once the session has read it back.
      await vi.waitFor(() => expect(dataset.recordings.map((recording) => recording.id)).toContain(saved.id));
      const stored = dataset.recordings.find((recording) => recording.id === saved.id);
      expect(stored?.sampleCount).toBe(saved.sampleCount);
      expect((await (await dataset.store()).readSamples(saved.id)).t).toHaveLength(saved.sampleCount);
      // Ben, new, is on the list beside Ana (from a stored recording), and chosen for the next one.
      expect(recordSession.people).toEqual(['ana', 'ben']);
      expect(recordSession.person).toBe('ben');
    });

    it('redraws the plot a frame after the figures, never in the same frame: a slow phone loses fewer readings to two short frames than to one long', async () => {
      Object.assign(recordSession, { label: 'running', person: 'ana', countdownS: 0, durationS: 2 });
      recordSession.input.kind = 'replay';
      recordSession.input.replayId = 'walk';
      const frames: { progress: unknown; revision: number; recording: boolean }[] = [];
      let watching = true;
      const watch = () => {
        frames.push({ progress: recordSession.progress, revision: recordSession.revision, recording: recordSession.state === 'recording' });
        if (watching) requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
      try {
        await recordSession.start();
        await vi.waitFor(() => expect(recordSession.state).toBe('idle'), { timeout: 5000 });
      } finally {
        watching = false;
      }
      const redraws = frames.slice(1).filter((frame, i) => frame.recording && frames[i]?.recording && frame.revision !== frames[i]?.revision);
      const together = frames.slice(1).filter((frame, i) => frame.recording && frames[i]?.recording && frame.revision !== frames[i]?.revision && frame.progress !== frames[i]?.progress);
      expect(redraws.length).toBeGreaterThan(1);
      expect(together).toEqual([]);
    });

    it('starts one recording when Start is tapped twice while the source is being made', async () => {
      await dataset.refresh();
      const before = dataset.recordings.length;
      Object.assign(recordSession, { label: 'walking', countdownS: 0, durationS: 1 });
      recordSession.input.kind = 'replay';
      recordSession.input.replayId = 'walk';
      await Promise.all([recordSession.start(), recordSession.start()]);
      await vi.waitFor(() => expect(recordSession.state).toBe('idle'), { timeout: 5000 });
      // A second recording started by the second tap would end a moment after the first: wait past it.
      await new Promise((settled) => setTimeout(settled, 1500));
      await dataset.refresh();
      expect(dataset.recordings).toHaveLength(before + 1);
      Object.assign(recordSession, { durationS: 0 });
    });

    it('refuses a replay with no recording chosen, in the user’s language, and stores nothing', async () => {
      await dataset.refresh();
      const before = dataset.recordings.length;
      recordSession.input.replayId = '';
      settings.locale = 'es';
      await vi.waitFor(() => expect(settings.locale).toBe('es'), { timeout: 15_000 });
      await recordSession.start();
      expect(recordSession.error).toBe('Elige una grabación guardada para reproducirla.');
      expect(recordSession.state).toBe('idle');
      settings.locale = 'en';
      await vi.waitFor(() => expect(settings.locale).toBe('en'), { timeout: 15_000 });
      await dataset.refresh();
      expect(dataset.recordings).toHaveLength(before);
    });

    it('records a take another page asks for: its activity, person and length whatever the page’s length, resolving once stored', async () => {
      Object.assign(recordSession, { label: 'walking', countdownS: 0, durationS: 0 });
      recordSession.input.replayId = 'walk';
      const asked = recordSession.recordTake({ label: 'running', person: 'cai', durationS: 1 });
      // One recording at a time: a second take asked for meanwhile gets nothing.
      expect(await recordSession.recordTake({ label: 'walking', person: 'cai', durationS: 1 })).toBeUndefined();
      const take = await asked;
      expect(take).toMatchObject({ label: 'running', group: 'cai', source: 'replay', interrupted: false });
      expect(take!.durationMs).toBeGreaterThanOrEqual(1000);
      expect(take!.durationMs).toBeLessThan(2000);
      expect(recordSession).toMatchObject({ state: 'idle', durationS: 0, label: 'running', person: 'cai' });
      recordSession.input.replayId = '';
      expect(await recordSession.recordTake({ label: 'running', person: 'cai', durationS: 1 })).toBeUndefined();
      expect(recordSession.error).toBe('Pick a stored recording to replay.');
    });
  });

  describe('calibration takes', () => {
    it('checks off the model’s activities for a new person as takes are recorded, and makes them one of the list', async () => {
      Object.assign(recordSession, { countdownS: 0 });
      recordSession.input.replayId = 'walk';
      calibration.choice = SOMEONE_NEW;
      // A known name typed anew is that person.
      calibration.newPerson = ' ANA ';
      expect(calibration.person).toBe('ana');
      calibration.newPerson = 'Dee';
      calibration.seconds = 1;
      expect(calibration.checklist(['walking', 'running']).map(({ recordings }) => recordings.length)).toEqual([0, 0]);
      await calibration.recordTake('walking');
      expect(calibration.takeError).toBeUndefined();
      expect(calibration.lastTake).toMatchObject({ label: 'walking', group: 'Dee' });
      expect(calibration).toMatchObject({ choice: 'Dee', person: 'Dee', newPerson: '', recording: undefined });
      const [walking, running] = calibration.checklist(['walking', 'running']);
      expect(walking?.take?.id).toBe(calibration.lastTake!.id);
      expect(walking?.recordings.map(({ id }) => id)).toEqual([calibration.lastTake!.id]);
      expect(running).toEqual({ label: 'running', recordings: [], take: undefined });
      // A failed take says why and checks nothing off.
      recordSession.input.replayId = '';
      await calibration.recordTake('running');
      expect(calibration.takeError).toBe('Pick a stored recording to replay.');
      expect(calibration.checklist(['running'])[0]?.recordings).toEqual([]);
    });
  });

  describe('the live session', () => {
    it('says to choose a model when none is chosen', async () => {
      liveSession.modelId = '';
      await liveSession.start();
      expect(liveSession.error).toBe('Choose a trained model first (train one on the Train page).');
      expect(liveSession.running).toBe(false);
    });

    it('classifies a replayed recording every stride with the stored model, the rules beside it, until stopped', async () => {
      liveSession.modelId = 'tiny';
      liveSession.input.kind = 'replay';
      liveSession.input.replayId = 'walk';
      await liveSession.start();
      expect(liveSession.error).toBeUndefined();
      expect(liveSession.running).toBe(true);
      await vi.waitFor(() => expect(liveSession.windows).toBeGreaterThanOrEqual(2), { timeout: 6000 });
      expect(liveSession.latest?.probabilities).toHaveLength(2);
      expect(['running', 'walking', '?']).toContain(liveSession.label);
      expect(liveSession.baseline).toBeDefined();
      expect(liveSession.recent.length).toBe(liveSession.windows);
      // Changed while it runs: the options as Live ended are the ones remembered.
      liveSession.smoothing = 5;
      liveSession.unfamiliar = false;
      await liveSession.stop();
      const windows = liveSession.windows;
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(liveSession.windows).toBe(windows);
      expect(liveOptionsFrom(localStorage.getItem('motion-lab.live-options'))).toEqual({ smoothing: 5, threshold: liveSession.threshold, unfamiliar: false });
    });
  });
});

// Last in the file: it leaves the database upgraded by a "newer version" (afterAll deletes it).
describe('a newer version of the app in another tab', () => {
  it('takes the database: the dataset asks for a reload instead of failing on the closing connection', async () => {
    const store = await dataset.store();
    const reading = dataset.refresh();
    await openAsNewerVersion('motion-lab');
    await expect(reading).resolves.toBeUndefined();
    // Read again after the connection closed for the upgrade: said on the page, not thrown.
    await expect(dataset.refresh()).resolves.toBeUndefined();
    expect(store.upgradePending).toBe(true);
    expect(dataset.upgradeWaiting).toBe(true);
  });
});
