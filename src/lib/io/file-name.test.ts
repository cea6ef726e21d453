import { describe, expect, it } from 'vitest';
import { fileNameFor, partsOfFileName } from './file-name';

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
