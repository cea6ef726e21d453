import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { median, percentile, RecentPercentiles } from './percentiles';

describe('percentile and median', () => {
  test('nearest rank, whatever the input order', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([5, 1, 3, 2, 4], 99)).toBe(5);
    expect(percentile([5, 1, 3, 2, 4], 0)).toBe(1);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => percentile([], 50)).toThrow('no values');
  });
});

describe('RecentPercentiles', () => {
  test('gives what percentile gives for the latest values, after any stream', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.array(fc.oneof(fc.double({ min: 0, max: 50, noNaN: true }), fc.constantFrom(1, 2, 3)), { maxLength: 80 }), (capacity, values) => {
        const recent = new RecentPercentiles(capacity);
        values.forEach((value, i) => {
          recent.add(value);
          const latest = values.slice(Math.max(0, i + 1 - capacity), i + 1);
          expect(recent.count).toBe(latest.length);
          for (const p of [0, 50, 90, 99, 100]) expect(recent.percentile(p)).toBe(percentile(latest, p));
        });
      }),
    );
  });

  test('has no percentile before a value or after clear, and refuses a capacity of none', () => {
    const recent = new RecentPercentiles(3);
    expect(recent.percentile(50)).toBeNaN();
    recent.add(4);
    recent.clear();
    expect([recent.count, recent.percentile(99)]).toEqual([0, Number.NaN]);
    recent.add(7);
    expect(recent.percentile(50)).toBe(7);
    expect(() => new RecentPercentiles(0)).toThrow(RangeError);
  });
});
