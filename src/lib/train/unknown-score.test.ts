import { describe, expect, test } from 'vitest';
import { isUnknown, scoredValues, scoredWidth, unknownScore, unknownStatsMismatch } from '../model/unknown-score';
import { auroc, shareAbove, sharedGaussian, thresholdFor, thresholdForEach } from './unknown-score';

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

  test('held for each person, the threshold calls at most the chosen share of anyone’s windows unknown', () => {
    // Person a scores low, person b high: pooled, the 20 % above 8 are all b's, 40 % of b's windows.
    const scores = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const people = ['a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'b'];
    expect(shareAbove(scores.slice(5), thresholdFor(scores, 0.2))).toBe(0.4);
    expect(thresholdForEach(scores, people, 0.2)).toBe(9);
    expect(shareAbove(scores.slice(5), thresholdForEach(scores, people, 0.2))).toBe(0.2);
    expect(shareAbove(scores.slice(0, 5), thresholdForEach(scores, people, 0.2))).toBe(0);
    // One person alone: the pooled threshold.
    expect(thresholdForEach(scores, new Array<string>(10).fill('a'), 0.2)).toBe(thresholdFor(scores, 0.2));
    expect(thresholdForEach([], [], 0.05)).toBe(Infinity);
  });

  test('the values scored: the inputs then the last hidden layer when asked, the hidden layer alone otherwise', () => {
    const network = { inputs: 2, hiddenSize: 3, hidden: (inputs: ArrayLike<number>) => [inputs[0]! * 10, inputs[1]! * 10, 7] };
    expect(Array.from(scoredValues({ withInputs: true }, network, [1, 2]))).toEqual([1, 2, 10, 20, 7]);
    expect(Array.from(scoredValues({}, network, [1, 2]))).toEqual([10, 20, 7]);
    expect(scoredWidth({ withInputs: true }, network)).toBe(5);
    expect(scoredWidth({}, network)).toBe(3);
    const stats = { withInputs: true as const, means: [[0, 0, 0, 0, 0]], precision: new Array<number>(25).fill(0), threshold: 1, falseUnknownRate: 0.05 };
    expect(unknownStatsMismatch(stats, 1, network)).toBeUndefined();
    expect(unknownStatsMismatch({ ...stats, withInputs: undefined }, 1, network)).toMatch(/for 5 values, not the 3/);
    expect(unknownStatsMismatch(stats, 2, network)).toBeDefined();
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
