import { afterEach, describe, expect, it } from 'vitest';
import { useTemporaryStore } from '../../../test/support/temporary-store';
import { syntheticDataset } from '../demo/synthetic-motion';
import { ComputeClient } from './compute-client';
import { readNetwork } from '../model/network-kinds';
import { defaultFeatureConfig } from '../signal/features';
import { recordingFor } from '../store/recordings';
import type { SearchProgress } from '../train/search';
import { candidateSetups } from '../train/search-setups';
import { defaultTrainingSettings } from '../train/training-settings';

const currentStore = useTemporaryStore('search');
let client: ComputeClient;

afterEach(() => client.dispose());

/** Six people's activities, about 3 minutes at 50 Hz, in the temporary database; returns its name. */
async function storeRecordings(): Promise<string> {
  const store = currentStore();
  const recordings = syntheticDataset({ subjects: 6, recordingsPerLabel: 1, totalS: 180, rateHz: 50, seed: 3 });
  for (const [index, { recording, samples }] of recordings.entries()) {
    await store.add(recordingFor(samples, { ...recording, source: 'import', device: 'test', startedAt: index }), samples);
  }
  return store.name;
}

const features = { ...defaultFeatureConfig, groups: [...defaultFeatureConfig.groups] };
const training = { ...defaultTrainingSettings, hidden: [...defaultTrainingSettings.hidden], epochs: 3, patience: 3 };

describe('finding the best setup in the real worker, on the recordings it reads from IndexedDB', () => {
  it('compares what the budget allows, scores the choice on people left out of it, and sends the kept model back', async () => {
    client = new ComputeClient();
    const database = await storeRecordings();
    const progress: SearchProgress[] = [];
    let epochs = 0;
    // A budget too short for more than the first candidate, which always runs to the end.
    const run = client.search({ database, features, training, budgetS: 0.001 }, { progress: (step) => progress.push(step), epoch: () => (epochs += 1) });
    const outcome = await run.done;
    expect((await run.backend).backend).toBe('wasm');
    const [first, ...rest] = candidateSetups(features);
    expect(outcome.candidates.map((candidate) => candidate.setup)).toEqual([first]);
    expect(outcome.notTried).toEqual(rest);
    expect(outcome.chosen).toEqual(first);
    expect(progress.map((step) => step.stage)).toEqual(['candidate', 'scoring', 'scoring', 'scoring', 'keeping']);
    expect(epochs).toBeGreaterThan(0);
    expect(outcome.folds.flatMap((fold) => fold.groups)).toHaveLength(6);
    expect(outcome.net.accuracy.mean).toBeCloseTo(outcome.folds.reduce((all, fold) => all + fold.net.accuracy, 0) / 3, 12);
    expect(outcome.cancelled).toBe(false);
    const kept = outcome.kept!;
    expect(kept.training).toMatchObject({ network: 'dense', augment: 0 });
    expect(kept.metrics.test.accuracy).toBe(outcome.net.accuracy.mean);
    expect(kept.trainedOn.test).toEqual([]);
    expect(readNetwork(kept.artifacts).inputs).toBe(kept.preprocessing.featureNames.length);
  }, 240_000);

  it('stops when cancelled and keeps nothing', async () => {
    client = new ComputeClient();
    const database = await storeRecordings();
    const run = client.search({ database, features, training: { ...training, epochs: 50, patience: 50 }, budgetS: 60 }, { epoch: () => run.cancel() });
    const outcome = await run.done;
    expect(outcome.cancelled).toBe(true);
    expect(outcome.kept).toBeUndefined();
    expect(outcome.candidates).toEqual([]);
    expect(outcome.notTried).toEqual(candidateSetups(features));
  }, 120_000);
});
