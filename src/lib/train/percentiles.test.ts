import { describe, expect, test } from 'vitest';
import { median, percentile } from './percentiles';

describe('percentile and median', () => {
  test('nearest rank, whatever the input order', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([5, 1, 3, 2, 4], 99)).toBe(5);
    expect(percentile([5, 1, 3, 2, 4], 0)).toBe(1);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => percentile([], 50)).toThrow('no values');
  });
});
