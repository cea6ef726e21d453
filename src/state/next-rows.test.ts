import { describe, expect, it } from 'vitest';
import { nextBatchSize, nextRows } from './next-rows';

describe('nextRows', () => {
  it('keeps the rows shown and admits at most a batch more, in the list order', () => {
    expect(nextRows(['a', 'b', 'c', 'd'], ['c'], (row) => row, 1)).toEqual(['a', 'c']);
    expect(nextRows(['a', 'b', 'c', 'd'], [], (row) => row, 10)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('nextBatchSize', () => {
  const pace = { first: 4, most: 50, budgetMs: 50 };

  it('grows a cheap batch at most twofold, up to the largest', () => {
    expect(nextBatchSize(4, 4, pace)).toBe(8);
    expect(nextBatchSize(8, 8, pace)).toBe(16);
    expect(nextBatchSize(40, 10, pace)).toBe(50);
    expect(nextBatchSize(50, 0, pace)).toBe(50);
  });

  it('shrinks to what fits the budget at the pace measured, never below the first batch', () => {
    expect(nextBatchSize(20, 100, pace)).toBe(10);
    expect(nextBatchSize(16, 400, pace)).toBe(4);
    expect(nextBatchSize(4, 1000, pace)).toBe(4);
  });
});
