import { describe, expect, it } from 'vitest';
import { fitStandardization, standardize } from './standardize';

describe('standardisation', () => {
  it('takes its statistics from the training rows only and applies them to any rows', () => {
    const train = Float32Array.of(1, 10, 3, 10, 5, 10); // rows of 2: a feature with mean 3, std √(8/3); one constant
    const test = Float32Array.of(100, 11);
    const stats = fitStandardization(train, 2);
    expect(stats.mean).toEqual([3, 10]);
    expect(stats.std[0]).toBeCloseTo(Math.sqrt(8 / 3), 12);
    expect(stats.std[1]).toBe(0);

    const scaled = standardize(Float32Array.from(test), stats);
    expect(scaled[0]).toBeCloseTo(97 / Math.sqrt(8 / 3), 4); // the test row's own mean plays no part
    expect(scaled[1]).toBe(1); // std 0: centred only, not divided by 0

    const standardTrain = standardize(train, stats, new Float32Array(6));
    expect([...standardTrain].filter((_, i) => i % 2 === 1)).toEqual([0, 0, 0]);
    const column = [...standardTrain].filter((_, i) => i % 2 === 0);
    expect(column.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 6);
    expect(Math.sqrt(column.reduce((a, b) => a + b * b, 0) / 3)).toBeCloseTo(1, 6);
  });

  it('survives a trip through JSON, as it is saved with the model', () => {
    const stats = fitStandardization(Float32Array.of(0.1, 2, 0.3, 4), 2);
    const restored = JSON.parse(JSON.stringify(stats)) as typeof stats;
    expect(standardize(Float32Array.of(0.2, 3), restored)).toEqual(standardize(Float32Array.of(0.2, 3), stats));
  });

  it('writes into the row it is given, the same values as (value − mean) / std row after row', () => {
    const stats = { mean: [1.5, -2, 0.25], std: [0.3, 0, 7] };
    const rows = Float32Array.of(1, 2, 3, -4, 5.5, 6, 0.1, 0, -9);
    const out = new Float32Array(9);
    expect(standardize(rows, stats, out)).toBe(out);
    expect([...out]).toEqual([...rows].map((value, i) => Math.fround((value - stats.mean[i % 3]!) * (stats.std[i % 3]! > 0 ? 1 / stats.std[i % 3]! : 1))));
    expect([...rows]).toEqual([1, 2, 3, -4, 5.5, 6, 0.1, 0, -9].map(Math.fround));
  });

  it('refuses rows that do not divide into the width, and no training rows', () => {
    expect(() => fitStandardization(new Float32Array(5), 2)).toThrow(RangeError);
    expect(() => fitStandardization(new Float32Array(0), 2)).toThrow(/no training rows/);
    expect(() => standardize(new Float32Array(3), { mean: [0, 0], std: [1, 1] })).toThrow(RangeError);
  });
});
