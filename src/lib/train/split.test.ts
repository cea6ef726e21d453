import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from './random';
import { SplitError, splitNames, splitRecordings, type AnySplitError, type SplitRecording, type SplitShares } from './split';

function recordings(spec: readonly [label: string, group: string, count: number][]): SplitRecording[] {
  const list: SplitRecording[] = [];
  for (const [label, group, count] of spec) {
    for (let i = 0; i < count; i += 1) list.push({ id: `${label}-${group}-${i}`, label, group });
  }
  return list;
}

function errorOf(list: readonly SplitRecording[], shares?: SplitShares): AnySplitError {
  try {
    splitRecordings(list, shares ? { shares } : {});
  } catch (error) {
    expect(error).toBeInstanceOf(SplitError);
    return error as AnySplitError;
  }
  throw new Error('expected a SplitError');
}

const label = fc.constantFrom('walking', 'running', 'biking');

/** Recordings without a subject, and subjects with a few recordings each, of any labels. */
const arbitraryDataset = fc
  .record({
    alone: fc.array(label, { maxLength: 30 }),
    subjects: fc.array(fc.array(label, { minLength: 1, maxLength: 6 }), { maxLength: 12 }),
  })
  .map(({ alone, subjects }) => {
    const list: SplitRecording[] = alone.map((l) => ({ id: '', label: l, group: '' }));
    subjects.forEach((labels, s) => list.push(...labels.map((l) => ({ id: '', label: l, group: `subject ${s}` }))));
    return list.map((recording, i) => ({ ...recording, id: `r${i}` }));
  });

const arbitraryShares: fc.Arbitrary<SplitShares> = fc.record({
  train: fc.double({ min: 0.1, max: 1, noNaN: true }),
  validation: fc.oneof(fc.constant(0), fc.double({ min: 0.05, max: 1, noNaN: true })),
  test: fc.oneof(fc.constant(0), fc.double({ min: 0.05, max: 1, noNaN: true })),
});

describe('splitRecordings', () => {
  it('puts every recording on exactly one side, every group on one side (or says it could not), and every label on every side used', () => {
    fc.assert(
      fc.property(arbitraryDataset, arbitraryShares, fc.integer(), (list, shares, seed) => {
        let split;
        try {
          split = splitRecordings(list, { shares, seed });
        } catch (error) {
          expect(error).toBeInstanceOf(SplitError);
          return;
        }
        const { assignment, summary } = split;
        expect(summary.byRecordingFallback !== undefined).toBe(list.some((r) => r.group !== '') && !summary.byGroup);
        expect(assignment.size).toBe(list.length);
        const sideOfGroup = new Map<string, string>();
        for (const recording of list) {
          const side = assignment.get(recording.id)!;
          expect(splitNames).toContain(side);
          if (recording.group === '' || !summary.byGroup) continue;
          expect(sideOfGroup.get(recording.group) ?? side).toBe(side);
          sideOfGroup.set(recording.group, side);
        }
        for (const side of splitNames.filter((name) => shares[name] > 0)) {
          for (const label of summary.labels) expect(summary.sides[side].perLabel[label]).toBeGreaterThan(0);
        }
        expect(splitNames.reduce((all, side) => all + summary.sides[side].recordings, 0)).toBe(list.length);
      }),
    );
  });

  it('gives the same split for the same seed, in whatever order the recordings come', () => {
    fc.assert(
      fc.property(arbitraryDataset, fc.integer(), fc.integer(), (list, seed, shuffleSeed) => {
        const random = mulberry32(shuffleSeed);
        const reordered = [...list].sort(() => random() - 0.5);
        let first;
        try {
          first = splitRecordings(list, { seed });
        } catch {
          return;
        }
        expect(splitRecordings(reordered, { seed }).assignment).toEqual(first.assignment);
      }),
    );
  });

  it('splits each label 70/15/15 on its own', () => {
    const list = recordings([
      ['walking', '', 20],
      ['running', '', 20],
      ['biking', '', 40],
      ['golfing', '', 3],
    ]);
    const { summary } = splitRecordings(list, { seed: 1 });
    expect(summary.byGroup).toBe(false);
    expect(summary.sides.train.perLabel).toEqual({ biking: 28, golfing: 1, running: 14, walking: 14 });
    expect(summary.sides.validation.perLabel).toEqual({ biking: 6, golfing: 1, running: 3, walking: 3 });
    expect(summary.sides.test.perLabel).toEqual({ biking: 6, golfing: 1, running: 3, walking: 3 });
  });

  it('keeps subjects together and counts them per side', () => {
    const subjects = ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10'];
    const list = recordings(subjects.flatMap((s): [string, string, number][] => [['walking', s, 2], ['running', s, 2]]));
    const { summary } = splitRecordings(list, { seed: 3 });
    expect(summary.byGroup).toBe(true);
    expect(splitNames.map((side) => summary.sides[side].groups)).toEqual([7, 2, 1]);
    expect(splitNames.map((side) => summary.sides[side].recordings)).toEqual([28, 8, 4]);
  });

  it('changes with the seed', () => {
    const list = recordings([
      ['walking', '', 30],
      ['running', '', 30],
    ]);
    const a = splitRecordings(list, { seed: 1 }).assignment;
    const b = splitRecordings(list, { seed: 2 }).assignment;
    expect(a).not.toEqual(b);
  });
});

describe('splitRecordings errors', () => {
  it('needs two labels', () => {
    const error = errorOf(recordings([['walking', '', 9]]));
    expect(error.code).toBe('too-few-labels');
    expect(error.message).toBe('All recordings are “walking”: a classifier needs at least two labels.');
    expect(errorOf([]).message).toBe('There are no recordings to train on.');
  });

  it('says which label has no recording left for which side, and what to do', () => {
    const error = errorOf(recordings([['walking', '', 9], ['running', '', 2]]));
    expect(error.code).toBe('label-missing-from-split');
    expect(error.params).toMatchObject({ label: 'running', split: 'test', recordings: 2 });
    expect(error.message).toBe('No “running” recording is left for the test set: 2 recordings are “running”, and the train, validation, test sets each need one.');
    expect(error.hint).toBe('Record more “running”: at least 1 more recording, so that each set has one.');
    expect(error.hintIn('es')).toBe('Graba más «running»: al menos 1 grabación más, para que cada conjunto tenga la suya.');
    // Taking the advice works.
    expect(() => splitRecordings(recordings([['walking', '', 9], ['running', '', 3]]))).not.toThrow();
  });

  it('splits by recording when a label only one subject recorded, and says the score is optimistic', () => {
    const list = recordings([
      ['walking', 'ana', 3],
      ['golfing', 'ana', 3],
      ['walking', 'ben', 3],
      ['running', 'ben', 3],
      ['running', 'cy', 3],
      ['walking', 'dee', 3],
      ['running', 'eve', 3],
    ]);
    const { summary } = splitRecordings(list);
    expect(summary.byGroup).toBe(false);
    expect(summary.byRecordingFallback).toEqual({ people: 5, sides: ['train', 'validation', 'test'] });
    for (const side of splitNames) expect(summary.sides[side].perLabel['golfing']).toBe(1);
  });

  it('splits two subjects by recording rather than refusing', () => {
    const { summary } = splitRecordings(recordings([['walking', 'ana', 4], ['running', 'ben', 4]]));
    expect(summary.byRecordingFallback).toEqual({ people: 2, sides: ['train', 'validation', 'test'] });
    expect(summary.byGroup).toBe(false);
  });

  it('finds the 1/1/1 split of three people who each recorded every activity', () => {
    const people = ['ana', 'ben', 'cy'];
    const list = recordings(people.flatMap((p): [string, string, number][] => [['walking', p, 2], ['running', p, 1], ['biking', p, 1]]));
    const { summary } = splitRecordings(list, { seed: 7 });
    expect(summary.byGroup).toBe(true);
    expect(summary.byRecordingFallback).toBeUndefined();
    expect(splitNames.map((side) => summary.sides[side].groups)).toEqual([1, 1, 1]);
  });

  it('finds the one split by person that dealing people out by their main activity misses', () => {
    // Walking and running must each be on both sides, so ana and cy go together, ben and dee together.
    const list = recordings([
      ['biking', 'ana', 1],
      ['walking', 'ana', 1],
      ['walking', 'ben', 1],
      ['running', 'ben', 1],
      ['biking', 'cy', 1],
      ['running', 'cy', 1],
      ['biking', 'dee', 1],
    ]);
    const { assignment, summary } = splitRecordings(list, { shares: { train: 0.7, validation: 0.3, test: 0 }, seed: 1 });
    expect(summary.byGroup).toBe(true);
    expect(assignment.get('biking-ana-0')).toBe(assignment.get('biking-cy-0'));
    expect(assignment.get('walking-ben-0')).toBe(assignment.get('biking-dee-0'));
    expect(assignment.get('biking-ana-0')).not.toBe(assignment.get('biking-dee-0'));
  });

  it('finds a split by group whenever one exists', () => {
    // Few subjects with random mixes of labels: small enough to try every assignment of subjects to sides.
    const dataset = fc
      .array(fc.uniqueArray(label, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 7 })
      .map((subjects) => subjects.flatMap((labels, s) => labels.map((l, i) => ({ id: `s${s}-${i}`, label: l, group: `s${s}` }))));
    fc.assert(
      fc.property(dataset, arbitraryShares, fc.integer(), (list, shares, seed) => {
        const labels = new Set(list.map((r) => r.label));
        fc.pre(labels.size >= 2);
        const sides = splitNames.filter((side) => shares[side] > 0);
        const exists = existsSplitByGroup(list, sides);
        let summary;
        try {
          summary = splitRecordings(list, { shares, seed }).summary;
        } catch (error) {
          // Refused only when not even a split by recording exists.
          expect(error).toBeInstanceOf(SplitError);
          expect(exists).toBe(false);
          return;
        }
        expect(summary.byGroup).toBe(exists);
        if (exists) for (const side of sides) for (const l of labels) expect(summary.sides[side].perLabel[l]).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses shares that cannot split', () => {
    const list = recordings([['walking', '', 9], ['running', '', 9]]);
    expect(errorOf(list, { train: 0, validation: 0.5, test: 0.5 }).code).toBe('invalid-shares');
    expect(errorOf(list, { train: 0.8, validation: -0.1, test: 0.3 }).code).toBe('invalid-shares');
    expect(errorOf(list, { train: NaN, validation: 0.1, test: 0.1 }).code).toBe('invalid-shares');
  });
});

/** Whether some assignment of subjects to `sides` gives every side every label: tried one by one. */
function existsSplitByGroup(list: readonly SplitRecording[], sides: readonly string[]): boolean {
  const groups = [...new Set(list.map((r) => r.group))];
  const labels = new Set(list.map((r) => r.label));
  for (let code = 0; code < sides.length ** groups.length; code += 1) {
    const sideOf = new Map(groups.map((group, g) => [group, Math.floor(code / sides.length ** g) % sides.length]));
    const covered = new Set(list.map((r) => `${sideOf.get(r.group)} ${r.label}`));
    if (sides.every((_, s) => [...labels].every((l) => covered.has(`${s} ${l}`)))) return true;
  }
  return false;
}

describe('mulberry32', () => {
  it('repeats its numbers for a seed, all in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const numbers = Array.from({ length: 1000 }, () => a());
    expect(numbers).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(numbers.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(numbers).size).toBe(1000);
  });
});
