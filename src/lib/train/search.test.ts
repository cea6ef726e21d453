import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { loadCatalog } from '../i18n/i18n';
import { defaultFeatureConfig, featureGroups } from '../signal/features';
import { syntheticDataset } from '../demo/synthetic-motion';
import * as crossValidation from './cross-validation';
import { searchSetups, type SearchProgress } from './search';
import { candidateSetups, describeSetup, type Setup } from './search-setups';
import { defaultTrainingSettings } from './training-settings';

/** Every cross-validation the search runs, with who it trained and tested on, spied on while the real one runs. */
const calls: { people: string[]; tested: string[][]; accuracy: number[] }[] = [];
vi.mock('./cross-validation', async (importOriginal) => {
  const real = await importOriginal<typeof crossValidation>();
  return {
    ...real,
    crossValidate: async (...args: Parameters<typeof real.crossValidate>) => {
      const result = await real.crossValidate(...args);
      calls.push({
        people: [...new Set(args[0].map(({ recording }) => recording.group))].sort(),
        tested: result.folds.map((fold) => fold.groups),
        accuracy: result.folds.map((fold) => fold.net.accuracy),
      });
      return result;
    },
  };
});

// Six people's four activities, about 4 minutes at 50 Hz in all.
const recordings = syntheticDataset({ subjects: 6, recordingsPerLabel: 1, totalS: 240, rateHz: 50, seed: 3 });
const people = [...new Set(recordings.map(({ recording }) => recording.group))].sort();
const training = { ...defaultTrainingSettings, epochs: 5 };
const dense: Setup = { network: 'dense', windowS: 2, groups: ['spectrum', 'vertical', 'rhythm'], augment: 0 };
const longer: Setup = { ...dense, windowS: 4 };

beforeAll(async () => {
  await tf.setBackend('cpu');
  await loadCatalog('es');
});

describe('candidateSetups', () => {
  test('starts from the page’s settings, cheapest first, the CNN last, no setup twice', () => {
    const setups = candidateSetups(defaultFeatureConfig);
    expect(setups[0]).toEqual(dense);
    expect(setups.map((setup) => setup.network)).toEqual(['dense', 'dense', 'dense', 'dense', 'cnn', 'cnn']);
    expect(candidateSetups({ ...defaultFeatureConfig, groups: [...featureGroups] })).toHaveLength(5);
    expect(describeSetup({ ...longer, augment: 1 }, 'en')).toBe('dense net · 4 s · spectrum, vertical, rhythm · made-up placements ×1');
    expect(describeSetup({ network: 'cnn', windowS: 2.5, groups: [], augment: 0 }, 'es')).toBe('CNN 1-D · 2,5 s · x, y, z, |a|');
  });
});

describe('searchSetups', () => {
  test('chooses each outer fold’s setup without its people, and scores it on them alone; keeps a model of the best', async () => {
    calls.length = 0;
    const before = tf.memory().numTensors;
    const search = await searchSetups(recordings, { features: defaultFeatureConfig, training, budgetS: 600, candidates: [dense, longer] });
    expect(search.candidates.map((candidate) => candidate.setup)).toEqual([dense, longer]);
    expect(search.notTried).toEqual([]);
    const outer = search.folds.map((fold) => fold.groups);
    expect(outer.flat().sort()).toEqual(people);
    expect(outer).toHaveLength(3);

    // Choosing: per candidate, one inner cross-validation per outer fold, on the other people only.
    const choosing = calls.slice(0, 6);
    for (const [c, candidate] of search.candidates.entries()) {
      outer.forEach((fold, f) => {
        const inner = choosing[c * 3 + f]!;
        expect(inner.people).toEqual(people.filter((person) => !fold.includes(person)));
        expect(inner.tested.flat().some((person) => fold.includes(person))).toBe(false);
        expect(candidate.innerAccuracy[f]).toBeCloseTo(inner.accuracy.reduce((a, b) => a + b, 0) / inner.accuracy.length, 12);
      });
    }
    // Scoring: each fold's pick trained on everyone else and tested on the fold's people; that is the honest score.
    const scoring = calls.slice(6);
    for (const fold of search.folds) {
      const call = scoring.find((scored) => scored.tested.some((tested) => tested.join() === fold.groups.join()))!;
      expect(call.people).toEqual(people);
      expect(call.accuracy[call.tested.findIndex((tested) => tested.join() === fold.groups.join())]).toBe(fold.net.accuracy);
      const picked = search.candidates.find((candidate) => candidate.setup === fold.setup)!;
      expect(picked.innerAccuracy[outer.indexOf(fold.groups)]).toBe(Math.max(...search.candidates.map((candidate) => candidate.innerAccuracy[outer.indexOf(fold.groups)]!)));
    }
    expect(search.candidates.reduce((all, candidate) => all + candidate.picked, 0)).toBe(3);
    expect(search.net.accuracy.mean).toBeCloseTo(search.folds.reduce((all, fold) => all + fold.net.accuracy, 0) / 3, 12);
    expect(search.net.accuracy.mean).toBeGreaterThan(0.8);

    const best = search.candidates.reduce((top, candidate) => (candidate.accuracy > top.accuracy ? candidate : top));
    expect(search.chosen).toEqual(best.setup);
    expect(search.kept?.preprocessing.features.windowS).toBe(best.setup.windowS);
    expect(search.kept?.split.sides.test.recordings).toBe(0);
    search.kept?.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 300_000);

  test('is the same run twice with the same seed', async () => {
    const run = async () => {
      const search = await searchSetups(recordings, { features: defaultFeatureConfig, training, budgetS: 600, candidates: [dense] });
      search.kept?.model.dispose();
      return { candidates: search.candidates.map(({ ms: _ms, ...scores }) => scores), folds: search.folds, chosen: search.chosen };
    };
    expect(await run()).toEqual(await run());
  }, 300_000);

  test('starts no candidate the budget has no room for, stops one that overruns it, and says which were not tried', async () => {
    // A clock that moves only as epochs end: a second an epoch, or 100 for a candidate that turns out slow.
    let clockMs = 0;
    let slow = false;
    const options = {
      features: defaultFeatureConfig,
      training,
      now: () => clockMs,
      onEpoch: () => (clockMs += slow ? 100_000 : 1000),
      onProgress: (progress: SearchProgress) => (slow = progress.stage === 'candidate' && progress.candidate === 1),
    };
    const firstMs = (await searchSetups(recordings, { ...options, budgetS: 600, candidates: [dense] })).candidates[0]!.ms;
    clockMs = 0;
    const every: Setup = { ...dense, groups: [...featureGroups] };
    // Room for a second candidate as long as the first (but not for a third), and the second overruns.
    const search = await searchSetups(recordings, { ...options, budgetS: (2 * firstMs + 500) / 1000, candidates: [dense, longer, every] });
    expect(search.candidates.map((candidate) => candidate.setup)).toEqual([dense]);
    expect(search.notTried).toEqual([longer, every]);
    expect(search.candidates[0]!.picked).toBe(3);
    expect(search.chosen).toEqual(dense);
    search.kept?.model.dispose();
  }, 300_000);

  test('reports a candidate that cannot train and goes on without it', async () => {
    const tooLong: Setup = { ...dense, windowS: 30 };
    const search = await searchSetups(recordings, { features: defaultFeatureConfig, training, budgetS: 600, candidates: [tooLong, dense] });
    expect(search.candidates[0]!.refused).toMatchObject({ code: 'error.training.no-windows-train' });
    expect(search.candidates[0]!.picked).toBe(0);
    expect(search.chosen).toEqual(dense);
    search.kept?.model.dispose();
    await expect(searchSetups(recordings, { features: defaultFeatureConfig, training, budgetS: 600, candidates: [tooLong] })).rejects.toMatchObject({ code: 'error.training.no-windows-train' });
  }, 300_000);

  test('needs three people', async () => {
    await expect(searchSetups(recordings.filter(({ recording }) => recording.group <= 'subject 2'), { features: defaultFeatureConfig, training, budgetS: 60 })).rejects.toMatchObject({ code: 'error.search.too-few-people', facts: { people: 'subject 1, subject 2' } });
  });
});
