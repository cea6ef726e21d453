import { describe, expect, test } from 'vitest';
import { isUnknown, unknownScore } from '../model/unknown-score';
import { auroc, shareAbove, sharedGaussian, thresholdFor } from './unknown-score';

describe('the unknown score', () => {
  test('is the squared Mahalanobis distance to the nearest mean, with the pooled covariance ridged by 1 % of its mean variance, stored as float32 (worked by hand)', () => {
    // Class 0 at 0 and 2 (mean 1), class 1 at 10 and 12 (mean 11): every row is 1 from its mean, variance 1, ridged 1.01.
    const stats = sharedGaussian(Float64Array.of(0, 2, 10, 12), [0, 0, 1, 1], 2, 1);
    expect(stats.means).toEqual([[1], [11]]);
    expect(stats.precision[0]).toBeCloseTo(Math.fround(1 / 1.01), 12);
    expect(unknownScore(stats, [5])).toBeCloseTo(16 * Math.fround(1 / 1.01), 10);
    expect(unknownScore(stats, [11])).toBe(0);
  });

  test('weighs each direction by how much the training windows vary along it', () => {
    // Two dimensions: the first varies by ±1 around each mean, the second by ±10, independently.
    const values = Float64Array.of(1, 10, -1, -10, 1, -10, -1, 10);
    const stats = sharedGaussian(values, [0, 0, 0, 0], 1, 2);
    const ridge = 0.01 * ((1 + 100) / 2);
    expect(stats.precision[0]).toBeCloseTo(1 / (1 + ridge), 6);
    expect(stats.precision[3]).toBeCloseTo(1 / (100 + ridge), 7);
    expect(stats.precision[1]).toBeCloseTo(0, 12);
    // 3 along the tight direction is further than 10 along the loose one.
    expect(unknownScore(stats, [3, 0])).toBeGreaterThan(unknownScore(stats, [0, 10]));
  });

  test('a layer that never varies still gets a score, not a division by zero', () => {
    const stats = sharedGaussian(new Float64Array(6), [0, 1, 1], 2, 2);
    expect(stats.precision).toEqual([100, 0, 0, 100].map(Math.fround));
    expect(unknownScore(stats, [0.1, 0])).toBeCloseTo(1, 6);
  });

  test('the threshold leaves the chosen share of validation scores above it, ties staying known', () => {
    const scores = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect(thresholdFor(scores, 0.2)).toBe(8);
    expect(shareAbove(scores, thresholdFor(scores, 0.2))).toBe(0.2);
    expect(thresholdFor(scores, 0.05)).toBe(10);
    expect(shareAbove(scores, 10)).toBe(0);
    expect(thresholdFor([], 0.05)).toBe(Infinity);
    expect(isUnknown({ threshold: 8 }, 8)).toBe(false);
    expect(isUnknown({ threshold: 8 }, 8.5)).toBe(true);
  });

  test('AUROC is the chance an unknown window scores above a known one, ties half (worked by hand)', () => {
    // 2.5 beats 1 and 2; 4 beats all three: 5 of 6 pairs.
    expect(auroc([1, 2, 3], [2.5, 4])).toBeCloseTo(5 / 6, 12);
    // 2 beats 1 and ties 2: 1.5 of 2.
    expect(auroc([1, 2], [2])).toBe(0.75);
    expect(auroc([1, 2], [3, 4])).toBe(1);
    expect(auroc([3, 4], [1, 2])).toBe(0);
    expect(auroc([], [1])).toBeNaN();
  });
});
