import { describe, expect, test } from 'vitest';
import { cautionBeforeSplit, splitCaution } from './split-caution';
import { splitRecordings, type SplitRecording } from './split';

/** `count` recordings of walking and of running by each person ('' for nobody named). */
function recordings(people: readonly string[], count = 2): SplitRecording[] {
  return people.flatMap((person, p) => ['walking', 'running'].flatMap((label) => Array.from({ length: count }, (_, i) => ({ id: `${label}-${person || `anon${p}`}-${i}`, label, group: person }))));
}

const sixPeople = ['ana', 'ben', 'cai', 'dee', 'eli', 'fay'];

describe('splitCaution', () => {
  test('a split by person of recordings that all name someone is honest', () => {
    const list = recordings(sixPeople);
    expect(splitCaution(list, splitRecordings(list, { seed: 1 }).summary)).toBeUndefined();
    expect(cautionBeforeSplit(list, 1)).toBeUndefined();
  });

  test('recordings that name nobody: split by recording, optimistic', () => {
    const list = recordings(['', '', '', '', '', '']);
    expect(splitRecordings(list, { seed: 1 }).summary.byGroup).toBe(false);
    expect(cautionBeforeSplit(list, 1)).toEqual({ kind: 'no-people' });
  });

  test('some recordings that name nobody are counted, of all', () => {
    const list = [...recordings(sixPeople), ...recordings(['', ''], 1)];
    expect(cautionBeforeSplit(list, 1)).toEqual({ kind: 'people-unknown', unknown: 4, recordings: 28 });
  });

  test('too few people for a split by person: the splitter’s own fallback, with how many', () => {
    const list = recordings(['ana', 'ben']);
    const { summary } = splitRecordings(list, { seed: 1 });
    expect(summary.byRecordingFallback).toBeDefined();
    expect(splitCaution(list, summary)).toEqual({ kind: 'too-few-people', people: 2 });
    expect(cautionBeforeSplit(list, 1)).toEqual({ kind: 'too-few-people', people: 2 });
  });

  test('nothing to split (one activity) is no caution: training says what is wrong', () => {
    expect(cautionBeforeSplit([{ id: 'a', label: 'walking', group: '' }], 1)).toBeUndefined();
  });
});
