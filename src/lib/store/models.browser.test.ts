import { describe, expect, test } from 'vitest';
import { useTemporaryStore } from '../../../test/support/temporary-store';
import type { ModelResults, StoredModel } from '../model/record';
import { MotionStore } from './motion-store';

const currentStore = useTemporaryStore('models');

/** A model record as the Train page stores one; the weights do not matter to the store. */
function model(id: string, createdAt: number, results?: ModelResults): StoredModel {
  return {
    id,
    name: id,
    createdAt,
    preprocessing: { features: { rateHz: 50, windowS: 2, strideS: 0.5, input: 'features', groups: ['statistics'], rawMagnitudeOnly: false }, featureNames: [], stats: { mean: [], std: [] }, labels: ['running', 'walking'] },
    training: { hidden: [8], dropout: 0, learningRate: 0.01, epochs: 3, batchSize: 8, classWeights: false, patience: 2, seed: 1 },
    metrics: { train: { accuracy: 1, f1: [1, 1] }, validation: { accuracy: 1, f1: [1, 1] }, test: { accuracy: 0.5, f1: [0.5, NaN] }, baseline: { accuracy: 0.5, f1: [0, 0.6] }, confusion: [[1, 1], [0, 0]], epochs: 3, trainMs: 10 },
    ...(results && { results }),
    artifacts: { modelTopology: {}, weightSpecs: [], weightData: new ArrayBuffer(4) },
  };
}

const results: ModelResults = {
  curves: [
    { loss: 1, accuracy: 0.5, valLoss: 0.8, valAccuracy: 0.5 },
    { loss: 0.5, accuracy: 1, valLoss: NaN, valAccuracy: NaN },
  ],
  stop: { stopped: 'early', epochs: 2, keptEpoch: 1 },
  test: {
    macroF1: { test: 0.5, baseline: NaN },
    windows: { train: 10, validation: 2, test: 2 },
    recordings: { train: 4, validation: 1, test: 2 },
    caution: { kind: 'no-people' },
    wrong: [{ name: 'run ben', truth: 'running', predicted: 'walking', windows: 2, wrongWindows: 1 }],
  },
};

describe('models in IndexedDB, in Chromium', () => {
  test('results kept with a model come back whole after the database is closed and opened again; a rename keeps them; an old model without them still lists', async () => {
    const store = currentStore();
    await store.models.save(model('old', 1));
    await store.models.save(model('new', 2, results));
    await store.models.rename('new', 'renamed');
    const reopened = await MotionStore.open(store.name);
    try {
      const [renamed, old] = await reopened.models.list();
      expect(renamed?.name).toBe('renamed');
      expect(renamed?.results).toEqual(results);
      expect(Number.isNaN(renamed?.results?.curves[1]?.valLoss)).toBe(true);
      expect(old?.id).toBe('old');
      expect(old && 'results' in old).toBe(false);
    } finally {
      reopened.close();
    }
  });
});
