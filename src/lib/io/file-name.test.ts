import { describe, expect, it } from 'vitest';
import { fileNameFor, fileNameParts, folderOf, partsOfFileName, personOf } from './file-name';

describe('partsOfFileName', () => {
  it.each([
    ['walking.SA01-D01-R01.csv', 'walking', 'SA01-D01-R01'],
    ['idle.6f3j.s1.json', 'idle', '6f3j.s1'],
    ['idle.csv', 'idle', 'idle'],
    ['C:\\data\\stairs.SE06.csv', 'stairs', 'SE06'],
    ['/home/me/running.x.CSV', 'running', 'x'],
    ['.csv', null, 'csv'],
    [' walk .a.csv', 'walk', 'a'],
  ])('reads %s as label %s, name %s', (name, label, nameHint) => {
    expect(partsOfFileName(name)).toEqual({ label, nameHint });
  });
});

describe('fileNameFor', () => {
  it('writes names that read back as the same label and name', () => {
    expect(fileNameFor('walking', 'SA01-D01-R01', 'csv')).toBe('walking.SA01-D01-R01.csv');
    expect(partsOfFileName(fileNameFor('walking', 'SA01-D01-R01', 'csv'))).toEqual({ label: 'walking', nameHint: 'SA01-D01-R01' });
    expect(fileNameFor('idle', '', 'json')).toBe('idle.json');
  });

  it('keeps a dot in the label from ending it, and the name safe on every system', () => {
    expect(fileNameFor('v1.2', 'a/b:c', 'csv')).toBe('v1_2.a_b_c.csv');
    expect(partsOfFileName(fileNameFor('v1.2', 'a/b:c', 'csv')).label).toBe('v1_2');
  });
});

describe('the person from a folder or a part of the file name, without a regular expression', () => {
  it.each([
    ['walking.ana-1.csv', { from: 'part', index: 2 }, 'ana'],
    ['data/SA01_D01-R01.csv', { from: 'part', index: 1 }, 'SA01'],
    ['walking.ana-1.csv', { from: 'part', index: 9 }, ''],
    ['class/ana/Raw Data.csv', { from: 'folder' }, 'ana'],
    ['C:\\class\\ben\\walking.csv', { from: 'folder' }, 'ben'],
    ['walking.csv', { from: 'folder' }, ''],
    ['walking.ana-1.csv', { from: 'none' }, ''],
    ['x/walking.SA07-1.csv', { from: 'pattern', pattern: /\.(S[AE]\d+)-/ }, 'SA07'],
  ] as const)('%s by %j gives “%s”', (path, source, person) => {
    expect(personOf(path, source)).toBe(person);
  });

  it('splits a name at -, _ and ., without its folders and extension', () => {
    expect(fileNameParts('a/b/walking.ana_1-x.csv')).toEqual(['walking', 'ana', '1', 'x']);
    expect(fileNameParts('--a--.csv')).toEqual(['a']);
    expect(folderOf('a/b/c.csv')).toBe('b');
    expect(folderOf('c.csv')).toBeNull();
  });
});
