import { describe, expect, it } from 'vitest';
import { knownPeople, personKey } from './people';

describe('the people who record', () => {
  it('lists each person once, under the first spelling met, without blanks', () => {
    expect(knownPeople(['Ana', 'ben', ' ana', '', '   ', 'BEN', 'Ana  María', 'ana maría'], 'en')).toEqual(['Ana', 'Ana María', 'ben']);
  });

  it('sorts in the user’s alphabet: accents and case do not push a name to the end', () => {
    expect(knownPeople(['Zoe', 'Íñigo', 'carla', 'Ignacio'], 'es')).toEqual(['carla', 'Ignacio', 'Íñigo', 'Zoe']);
  });

  it('a name typed with other spacing or case is the same person', () => {
    expect(personKey('  Ana  María ')).toBe(personKey('ana maría'));
    expect(personKey('Ana')).not.toBe(personKey('Ana M'));
  });

  it('no names, no people', () => {
    expect(knownPeople([], 'en')).toEqual([]);
  });
});
