import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it, test } from 'vitest';
import { CodedError } from '../i18n/coded-error';
import { defaultFeatureConfig } from '../signal/features';
import { crossValidate, personFolds, spreadOf } from './cross-validation';
import type { SplitRecording } from './split';
import { defaultTrainingSettings } from './training-settings';
import { swayRecording } from '../../../test/support/sway';

const label = fc.constantFrom('walking', 'running', 'biking', 'golfing');

/** People who each recorded one to three activities. */
const arbitraryPeople = fc
  .array(fc.uniqueArray(label, { minLength: 1, maxLength: 3 }), { minLength: 2, maxLength: 20 })
  .map((people) => people.flatMap((labels, p) => labels.map((l, i): SplitRecording => ({ id: `p${p}-${i}`, label: l, group: `p${p}` }))));

describe('personFolds', () => {
  it('puts every person in exactly one fold, folds within one person of each other in size', () => {
    fc.assert(
      fc.property(arbitraryPeople, fc.oneof(fc.integer({ min: 2, max: 10 }), fc.constant('loso' as const)), fc.integer(), (list, count, seed) => {
        const people = [...new Set(list.map((r) => r.group))].sort();
        const folds = personFolds(list, count, seed);
        expect(folds).toHaveLength(count === 'loso' ? people.length : Math.min(count, people.length));
        expect(folds.flat().sort()).toEqual(people);
        const sizes = folds.map((fold) => fold.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(personFolds([...list].reverse(), count, seed)).toEqual(folds);
      }),
    );
  });

  it('spreads the people of the rarest activity over folds, so every fold trains on it', () => {
    fc.assert(
      fc.property(arbitraryPeople, fc.integer({ min: 2, max: 10 }), fc.integer(), (list, count, seed) => {
        const holders = new Map<string, Set<string>>();
        for (const r of list) holders.set(r.label, (holders.get(r.label) ?? new Set()).add(r.group));
        const [[, rarest], next] = [...holders].sort((a, b) => a[1].size - b[1].size) as [[string, Set<string>], [string, Set<string>] | undefined];
        // Among activities equally rare no split may keep them all: four people, each pair sharing one activity, in two folds.
        fc.pre(rarest.size >= 2 && (next === undefined || next[1].size > rarest.size));
        for (const fold of personFolds(list, count, seed)) expect([...rarest].every((person) => fold.includes(person))).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('stratifies: each fold gets its share of each activity', () => {
    const list = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].flatMap((person, p): SplitRecording[] => [
      { id: `${person}-w`, label: 'walking', group: person },
      { id: `${person}-x`, label: p < 5 ? 'golfing' : 'running', group: person },
    ]);
    for (const fold of personFolds(list, 5, 3)) {
      expect(fold.filter((person) => 'abcde'.includes(person))).toHaveLength(1);
      expect(fold.filter((person) => 'fghij'.includes(person))).toHaveLength(1);
    }
  });

  it('needs people', () => {
    const codeOf = (list: SplitRecording[]) => {
      try {
        personFolds(list, 5, 1);
      } catch (error) {
        return (error as CodedError).code;
      }
      return undefined;
    };
    expect(codeOf([{ id: '1', label: 'walking', group: '' }])).toBe('error.cross-validation.no-people');
    expect(codeOf([{ id: '1', label: 'walking', group: 'ana' }, { id: '2', label: 'running', group: 'ana' }])).toBe('error.cross-validation.one-person');
  });
});

describe('spreadOf', () => {
  it('gives the mean, the standard deviation over folds, the least and the most', () => {
    expect(spreadOf([0.9, 1, 0.8])).toEqual({ mean: expect.closeTo(0.9, 12), sd: expect.closeTo(Math.sqrt(0.02 / 3), 12), min: 0.8, max: 1 });
    expect(spreadOf([]).mean).toBeNaN();
  });
});

const activity = (id: string, label: string, group: string, hz: number, amplitude: number, phase: number) => swayRecording(id, label, group, { hz, amplitude, phase });

const people = ['ana', 'ben', 'cai', 'dee', 'eli', 'fay'];
const dataset = (only = people) =>
  only.flatMap((person, p) => [activity(`${person}-walk`, 'walking', person, 1.8 + p * 0.03, 2, p), activity(`${person}-run`, 'running', person, 2.8 + p * 0.03, 6, p)]);

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('crossValidate', () => {
  test('tests every person once, on a model that never saw them, beside the rules', async () => {
    const before = tf.memory().numTensors;
    const started: number[] = [];
    const cv = await crossValidate(dataset(), {
      features: defaultFeatureConfig,
      training: { ...defaultTrainingSettings, epochs: 15 },
      folds: 3,
      onFold: (fold, folds) => started.push(fold * 10 + folds),
    });
    expect(started).toEqual([3, 13, 23]);
    expect(cv.folds.map((fold) => fold.groups.length)).toEqual([2, 2, 2]);
    expect(cv.folds.flatMap((fold) => fold.groups).sort()).toEqual(people);
    expect(cv.perPerson.map((person) => person.group)).toEqual(people);
    expect(cv.net.accuracy.mean).toBeGreaterThan(0.8);
    expect(cv.net.macroF1.mean).toBeGreaterThan(0.8);
    expect(cv.net.accuracy.mean).toBeCloseTo(cv.folds.reduce((all, fold) => all + fold.net.accuracy, 0) / 3, 12);
    for (const fold of cv.folds) expect(fold.baseline.accuracy).toBeGreaterThanOrEqual(0);
    expect(cv.cancelled).toBe(false);
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);

  test('refuses an activity that only the people of one fold recorded', async () => {
    const list = [...dataset(['ana', 'ben', 'cai']), activity('ana-golf', 'golfing', 'ana', 0.6, 0.6, 0)];
    await expect(crossValidate(list, { features: defaultFeatureConfig, training: defaultTrainingSettings, folds: 'loso' })).rejects.toMatchObject({
      code: 'error.cross-validation.label-in-one-fold',
      facts: { label: 'golfing', people: 'ana' },
    });
  });
});
