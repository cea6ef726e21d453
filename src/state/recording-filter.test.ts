import { describe, expect, test } from 'vitest';
import { recordingFor } from '../lib/store/recordings';
import { peopleOf, RecordingIndex, searchKey } from './recording-filter';

function recording(name: string, label: string, group: string) {
  const samples = { t: new Float64Array(0), acc: new Float32Array(0), gyro: null };
  return recordingFor(samples, { id: name, name, label, group, source: 'import', device: 'test', startedAt: 0 });
}

const recordings = [
  recording('Caminar José 1', 'walking', 'José'),
  recording('walking 2', 'walking', 'ana'),
  recording('running 1', 'running', 'ana'),
  recording('stairs 1', 'stairs', ''),
];
const index = new RecordingIndex(recordings);
const names = (filter: Parameters<RecordingIndex['filter']>[0]) => index.filter(filter).map((r) => r.name);

describe('the Data list filter', () => {
  test('searches names regardless of case and accents, ignoring spaces around the query', () => {
    expect(names({ query: ' JOSE ', person: null, label: null })).toEqual(['Caminar José 1']);
    expect(names({ query: 'caminár', person: null, label: null })).toEqual(['Caminar José 1']);
    expect(names({ query: '1', person: null, label: null })).toEqual(['Caminar José 1', 'running 1', 'stairs 1']);
    expect(searchKey('Ñandú')).toBe('nandu');
  });

  test('filters by person, the unnamed ones included, and by activity, together with the search', () => {
    expect(names({ query: '', person: 'ana', label: null })).toEqual(['walking 2', 'running 1']);
    expect(names({ query: '', person: '', label: null })).toEqual(['stairs 1']);
    expect(names({ query: '', person: 'ana', label: 'running' })).toEqual(['running 1']);
    expect(names({ query: 'walk', person: 'José', label: null })).toEqual([]);
  });

  test('with no filter shows every recording, the same objects in the same order', () => {
    const shown = index.filter({ query: '', person: null, label: null });
    expect(shown).toHaveLength(4);
    shown.forEach((row, i) => expect(row).toBe(recordings[i]));
  });

  test('lists each person once in alphabetical order of the language, nobody named last', () => {
    expect(peopleOf(recordings, 'es')).toEqual(['ana', 'José', '']);
    expect(peopleOf([...recordings, recording('x', 'walking', 'Ángela')], 'es')).toEqual(['ana', 'Ángela', 'José', '']);
    expect(peopleOf(recordings.slice(0, 2), 'en')).toEqual(['ana', 'José']);
  });
});
