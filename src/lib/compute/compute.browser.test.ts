import { afterEach, describe, expect, it } from 'vitest';
import { useTemporaryStore } from '../../../test/support/temporary-store';
import { syntheticDataset } from '../demo/synthetic-motion';
import { ComputeClient } from './compute-client';
import type { ComputeReply } from './messages';
import { CodedError, messageOf } from '../i18n/coded-error';
import { loadCatalog } from '../i18n/i18n';
import { defaultFeatureConfig } from '../signal/features';
import { MotionStore } from '../store/motion-store';
import { recordingFor } from '../store/recordings';
import type { EpochLog } from '../train/fit';
import { SplitError } from '../train/split';
import type { TrainingStage } from '../train/train-activity';
import { defaultTrainingSettings } from '../train/training-settings';

const currentStore = useTemporaryStore('compute');
let client: ComputeClient;
/** The worker the client started last: the tests post it stale replies of their own. */
let worker: Worker | undefined;

const startWorker = (): Worker => (worker = new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' }));

afterEach(() => client.dispose());

/**
 * Stores six people's activities (about 3 minutes, 50 Hz), `only` of them when given, in the
 * temporary database, without saying who recorded them when `anonymous`; returns its name.
 */
async function storeRecordings(only?: string, anonymous = false): Promise<string> {
  const store = currentStore();
  const recordings = syntheticDataset({ subjects: 6, recordingsPerLabel: 1, totalS: 180, rateHz: 50, seed: 3 });
  for (const [index, { recording, samples }] of recordings.entries()) {
    if (only && recording.label !== only) continue;
    await store.add(recordingFor(samples, { ...recording, ...(anonymous && { group: '' }), source: 'import', device: 'test', startedAt: index }), samples);
  }
  return store.name;
}

const features = { ...defaultFeatureConfig, groups: [...defaultFeatureConfig.groups] };
const training = (epochs: number) => ({ ...defaultTrainingSettings, hidden: [...defaultTrainingSettings.hidden], epochs, patience: epochs });

describe('the compute client with a real worker and IndexedDB, in Chromium', () => {
  it('trains on the recordings the worker reads from IndexedDB itself', async () => {
    client = new ComputeClient();
    const database = await storeRecordings();
    const stages: TrainingStage[] = [];
    const epochs: EpochLog[] = [];
    const run = client.train({ database, features, training: training(5) }, { stage: (stage) => stages.push(stage), epoch: (log) => epochs.push(log) });
    const outcome = await run.done;
    expect((await run.backend).backend).toBe('wasm');
    expect(stages).toEqual(['windows', 'training', 'evaluating']);
    expect(epochs).toHaveLength(5);
    expect(outcome.history).toEqual(epochs);
    expect(outcome.stopped).toBe('completed');
    expect(outcome.preprocessing.labels).toEqual(['biking', 'golfing', 'running', 'walking']);
    const stored = await currentStore().list();
    expect(stored).toHaveLength(24);
    // Every recording on a side with all its samples, and the results name the test recordings it got wrong.
    const { train, validation, test } = outcome.trainedOn;
    expect([...train.map((recording) => recording.id), ...validation, ...test].sort()).toEqual(stored.map((recording) => recording.id).sort());
    for (const recording of train) expect(recording.sampleCount).toBe(stored.find(({ id }) => id === recording.id)?.sampleCount);
    const testSide = outcome.results.test;
    expect(testSide.recordings.test).toBe(test.length);
    expect(testSide.recordings.test).toBeGreaterThan(0);
    for (const wrong of testSide.wrong) expect(stored.find((recording) => recording.name === wrong.name && recording.label === wrong.truth)).toBeDefined();
    expect(outcome.results.curves).toHaveLength(5);
    expect(outcome.results.stop).toEqual({ stopped: 'completed', epochs: 5, keptEpoch: expect.any(Number) });
    expect(outcome.artifacts.weightData.byteLength).toBeGreaterThan(0);
    // Stored with the model, the results come back whole through another connection, as after a reload.
    const { artifacts, preprocessing, metrics, trainedOn, results } = outcome;
    await currentStore().models.save({ id: 'm', name: 'm', createdAt: 1, preprocessing, training: training(5), metrics, trainedOn, results, artifacts });
    const reopened = await MotionStore.open(database);
    try {
      expect((await reopened.models.get('m'))?.results).toEqual(results);
    } finally {
      reopened.close();
    }
  }, 120_000);

  it('cross-validates by person on the recordings the worker reads, fold by fold', async () => {
    client = new ComputeClient();
    const database = await storeRecordings();
    const folds: [number, number][] = [];
    let epochs = 0;
    const run = client.crossValidate({ database, features, training: training(3), folds: 3 }, { fold: (fold, total) => folds.push([fold, total]), epoch: () => (epochs += 1) });
    const result = await run.done;
    expect((await run.backend).backend).toBe('wasm');
    expect(folds).toEqual([[0, 3], [1, 3], [2, 3]]);
    expect(epochs).toBe(9);
    expect(result.labels).toEqual(['biking', 'golfing', 'running', 'walking']);
    const people = (await currentStore().list()).map((recording) => recording.group);
    expect(result.folds.flatMap((fold) => fold.groups).sort()).toEqual([...new Set(people)].sort());
    expect(result.perPerson).toHaveLength(6);
    for (const fold of result.folds) {
      expect(fold.net.accuracy).toBeGreaterThanOrEqual(0);
      expect(fold.net.macroF1).toBeGreaterThanOrEqual(0);
      expect(fold.windows).toBeGreaterThan(0);
    }
    expect(result.net.accuracy.mean).toBeCloseTo(result.folds.reduce((all, fold) => all + fold.net.accuracy, 0) / 3, 12);
    expect(result.cancelled).toBe(false);
  }, 180_000);

  it('refuses cross-validation by person when no recording says who recorded it', async () => {
    client = new ComputeClient();
    const database = await storeRecordings(undefined, true);
    const refusal = client.crossValidate({ database, features, training: training(1), folds: 5 }).done;
    await expect(refusal).rejects.toBeInstanceOf(CodedError);
    await expect(refusal).rejects.toMatchObject({ code: 'error.cross-validation.no-people' });
  }, 60_000);

  it('cancels a run by its id and drops what comes for it afterwards', async () => {
    client = new ComputeClient(startWorker);
    const database = await storeRecordings();
    const epochs: EpochLog[] = [];
    let cancelledAt = -1;
    const run = client.train(
      { database, features, training: training(200) },
      {
        epoch: (log) => {
          epochs.push(log);
          if (cancelledAt >= 0) return;
          cancelledAt = epochs.length;
          client.cancel(run.id);
          // A progress reply already on its way when the cancel was sent: stale.
          worker?.dispatchEvent(new MessageEvent('message', { data: { type: 'progress', id: run.id, progress: { epoch: log } } satisfies ComputeReply }));
        },
      },
    );
    const outcome = await run.done;
    expect(cancelledAt).toBe(1);
    expect(epochs).toHaveLength(1);
    expect(outcome.stopped).toBe('cancelled');
    expect(outcome.history.length).toBeLessThan(200);
    // A reply to a run that has ended settles nothing and reaches no one.
    const late = { type: 'failed', id: run.id, failure: { kind: 'catalog', code: 'error.compute.failed', facts: { message: 'late' } } } satisfies ComputeReply;
    worker?.dispatchEvent(new MessageEvent('message', { data: late }));
    expect(epochs).toHaveLength(1);
    // The client carries on: the next run gets its own replies.
    const next = client.train({ database, features, training: training(2) }, { epoch: (log) => epochs.push(log) });
    expect(next.id).toBeGreaterThan(run.id);
    expect((await next.done).history).toHaveLength(2);
    expect(epochs).toHaveLength(3);
  }, 120_000);

  it('delivers a refusal as a coded error: one label only is a split that cannot be made', async () => {
    client = new ComputeClient();
    const database = await storeRecordings('walking');
    const refusal = await client.train({ database, features, training: training(5) }).done.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(SplitError);
    expect(refusal).toMatchObject({ code: 'too-few-labels', params: { labels: ['walking'] } });
    await loadCatalog('es');
    expect(messageOf(refusal, 'es')).toBe('Todas las grabaciones son «walking»: un clasificador necesita al menos dos etiquetas.');
  }, 60_000);

  it('delivers a training refusal with its own code and facts, worded in the user’s language', async () => {
    client = new ComputeClient();
    const database = await storeRecordings();
    // Windows longer than any recording (about 7.5 s each), yet within the window bound: none to train on.
    const tooLong = client.train({ database, features: { ...features, windowS: 50 }, training: training(5) }).done;
    await expect(tooLong).rejects.toBeInstanceOf(CodedError);
    await expect(tooLong).rejects.toMatchObject({ code: expect.stringMatching(/^error\.training\.no-windows-/), facts: { windowS: 50 } });
    await loadCatalog('es');
    expect(messageOf(await tooLong.catch((error: unknown) => error), 'es')).toContain('ninguna ventana de 50 s');
  }, 60_000);

  it('fails a request that cannot be sent the same way, and goes on', async () => {
    client = new ComputeClient();
    const unsendable = [{ x: 0, y: 0, plot: () => undefined }];
    await expect(client.trainNeuron(unsendable, { epochs: 1, learningRate: 0.1, seed: 1 }, () => undefined).done).rejects.toMatchObject({
      code: 'error.compute.failed',
      facts: { message: expect.stringContaining('could not be cloned') },
    });
    const result = await client.trainNeuron([{ x: 0, y: 1 }, { x: 1, y: 3 }], { epochs: 5, learningRate: 0.1, seed: 1 }, () => undefined).done;
    expect(Number.isFinite(result.predictTen)).toBe(true);
  }, 30_000);

  it('fails every run in flight when the worker itself fails', async () => {
    client = new ComputeClient(() => new Worker(URL.createObjectURL(new Blob(['throw new Error("broken build")'], { type: 'text/javascript' }))));
    const first = client.trainNeuron([{ x: 0, y: 0 }], { epochs: 1, learningRate: 0.1, seed: 1 }, () => undefined).done;
    const second = client.train({ features, training: training(1) }).done;
    for (const done of [first, second]) {
      await expect(done).rejects.toBeInstanceOf(CodedError);
      await expect(done).rejects.toMatchObject({ code: 'error.compute.worker-failed', facts: { message: expect.stringContaining('broken build') } });
    }
  }, 30_000);
});
