import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../lib/i18n/i18n';
import { count, fixed, lineText, scientific, short } from './format';

describe('the Learn pages’ number formats', () => {
  it('shows what is not a number as a dash, not as infinity', () => {
    expect(fixed('en', Number.NaN)).toBe('–');
    expect(short('es', Number.NaN)).toBe('–');
    expect(fixed('en', Number.POSITIVE_INFINITY)).toBe('∞');
    expect(short('en', Number.NEGATIVE_INFINITY)).toBe('−∞');
  });

  it('writes decimals, durations and scientific notation in the user’s language', () => {
    expect(fixed('es', 2.2691)).toBe('2,27');
    expect(formatDuration(1930, 'en')).toBe('1.9 s');
    expect(formatDuration(1930, 'es')).toBe('1,9 s');
    expect(formatDuration(245_000, 'es')).toBe('4:05');
    expect(scientific('en', 0.000123456)).toBe('1.23E−4');
    expect(scientific('es', 0.000123456)).toBe('1,23E−4');
  });

  it('groups every count’s thousands alike', () => {
    expect(count('es', 8000)).toBe('8.000');
    expect(count('es', 10_000)).toBe('10.000');
    expect(count('en', 8000)).toBe('8,000');
    expect(count('en', 120)).toBe('120');
  });

  it('writes a line as the lesson does', () => {
    expect(lineText('en', 3, -1)).toBe('3X − 1');
    expect(lineText('es', -1, 0.5)).toBe('−X + 0,5');
  });
});
