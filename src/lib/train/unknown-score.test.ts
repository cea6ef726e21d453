import { describe, expect, test } from 'vitest';
import type { Network } from '../model/network-kind';
import { isUnknown, liveFalseUnknownRate, liveThresholdOf, scoredValues, scoredWidth, UnknownRun, unknownRun, unknownScore, unknownStatsMismatch } from '../model/unknown-score';
import { auroc, defaultFalseUnknownRate, fitUnknownStats, labelGaussians, shareAbove, thresholdFor, thresholdForEach } from './unknown-score';

describe('the unknown score', () => {
  test('is the squared Mahalanobis distance to the nearest mean plus its covariance’s log-determinant, ridged by 1 % of the mean variance, stored as float32 (worked by hand)', () => {
    // Label 0 at 0 and 2 (mean 1), label 1 at 10 and 12 (mean 11): every row is 1 from its mean.
    // Each label's variance, 1, drawn toward the pooled 1 by one row's worth, is 1; ridged, 1.01.
    const stats = labelGaussians(Float64Array.of(0, 2, 10, 12), [0, 0, 1, 1], 2, 1);
    expect(stats.means).toEqual([[1], [11]]);
    expect(stats.precision).toEqual([1 / 1.01, 1 / 1.01].map(Math.fround));
    expect(stats.logDeterminants).toEqual([Math.log(1.01), Math.log(1.01)].map(Math.fround));
    expect(unknownScore(stats, [5])).toBeCloseTo(16 * Math.fround(1 / 1.01) + Math.fround(Math.log(1.01)), 10);
    expect(unknownScore(stats, [11])).toBe(Math.fround(Math.log(1.01)));
  });

  test('weighs each direction by how much the training windows vary along it', () => {
    // Two dimensions: the first varies by ±1 around each mean, the second by ±10, independently.
    const values = Float64Array.of(1, 10, -1, -10, 1, -10, -1, 10);
    const stats = labelGaussians(values, [0, 0, 0, 0], 1, 2);
    const ridge = 0.01 * ((1 + 100) / 2);
    expect(stats.precision[0]).toBeCloseTo(1 / (1 + ridge), 6);
    expect(stats.precision[3]).toBeCloseTo(1 / (100 + ridge), 7);
    expect(stats.precision[1]).toBeCloseTo(0, 12);
    // Exactly symmetric: the C library stores one half.
    expect(stats.precision[1]).toBe(stats.precision[2]);
    expect(stats.logDeterminants![0]).toBeCloseTo(Math.log((1 + ridge) * (100 + ridge)), 5);
    // 3 along the tight direction is further than 10 along the loose one.
    expect(unknownScore(stats, [3, 0])).toBeGreaterThan(unknownScore(stats, [0, 10]));
  });

  test('each activity has a covariance of its own: as far from a tight one is more unknown than from a loose one', () => {
    // Label 0 varies by ±1 around 0, label 1 by ±10 around 30, 50 windows each side.
    const rows = Array.from({ length: 200 }, (_, r) => (r < 100 ? (r % 2 ? 1 : -1) : 30 + (r % 2 ? 10 : -10)));
    const labels = rows.map((_, r) => (r < 100 ? 0 : 1));
    const stats = labelGaussians(Float64Array.from(rows), labels, 2, 1);
    // Drawn toward the pooled variance, (100 · 1 + 100 · 100) / 200 = 50.5, by one row's worth.
    const tight = (100 * 1 + 50.5) / 101;
    const loose = (100 * 100 + 50.5) / 101;
    expect(stats.precision[0]).toBeCloseTo(1 / (tight * 1.01), 5);
    expect(stats.precision[1]).toBeCloseTo(1 / (loose * 1.01), 7);
    expect(unknownScore(stats, [5])).toBeGreaterThan(unknownScore(stats, [35]) + 5);
    // One covariance shared by both would call both the same.
    const shared = { means: stats.means, precision: [Math.fround(1 / (50.5 * 1.01))] };
    expect(unknownScore(shared, [5])).toBeCloseTo(unknownScore(shared, [35]), 10);
  });

  test('an activity with few windows keeps a sound covariance, drawn toward the pooled one', () => {
    // Label 1 has two windows, both at 5: alone, its variance would be 0 and its precision 1 / ridge.
    const rows = Float64Array.from([...Array.from({ length: 100 }, (_, r) => (r % 2 ? 1 : -1)), 5, 5]);
    const labels = [...new Array<number>(100).fill(0), 1, 1];
    const stats = labelGaussians(rows, labels, 2, 1);
    const pooled = 100 / 102;
    expect(stats.precision[1]).toBeCloseTo(1 / ((pooled / 3) * 1.01), 5);
    expect(Number.isFinite(unknownScore(stats, [5.5]))).toBe(true);
  });

  test('a model saved with one shared covariance and no log-determinants scores as it did', () => {
    const stats = { means: [[1], [11]], precision: [0.5] };
    expect(unknownScore(stats, [5])).toBe(8);
    expect(unknownScore(stats, [12])).toBe(0.5);
  });

  test('a layer that never varies still gets a score, not a division by zero', () => {
    const stats = labelGaussians(new Float64Array(6), [0, 1, 1], 2, 2);
    expect(stats.precision).toEqual([100, 0, 0, 100, 100, 0, 0, 100].map(Math.fround));
    expect(unknownScore(stats, [0.1, 0])).toBeCloseTo(1 + Math.fround(2 * Math.log(0.01)), 5);
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

  test('a model keeps two thresholds, on the same validation people: 5 % of anyone’s windows unknown, and 1 % for Live', () => {
    // A network whose one hidden value is its one input: the score is the input's squared distance to 0, scaled.
    const network = { inputs: 1, hiddenSize: 1, hidden: (input: ArrayLike<number>) => input } as unknown as Network;
    const train = { x: Float32Array.of(-1, 1, -1, 1), y: new Float32Array(4), rows: 4, cols: 1 };
    // Person a: 300 windows from 0.01 to 3; person b: 100, from 0.01 to 1, all below a's.
    const x = Float32Array.from({ length: 400 }, (_, row) => ((row % 300) + 1) / 100);
    const stats = fitUnknownStats(network, train, { x, y: new Float32Array(400), rows: 400, cols: 1 }, 1, { withInputs: false, personOf: (row) => (row < 300 ? 'a' : 'b') });
    const scores = Array.from(x, (value) => unknownScore(stats, [value]));
    expect(stats.falseUnknownRate).toBe(defaultFalseUnknownRate);
    expect(shareAbove(scores.slice(0, 300), stats.threshold)).toBe(0.05);
    expect(shareAbove(scores.slice(0, 300), stats.liveThreshold!)).toBe(liveFalseUnknownRate);
    expect(shareAbove(scores.slice(300), stats.liveThreshold!)).toBe(0);
    expect(liveThresholdOf(stats)).toBe(stats.liveThreshold);
    // Asked for fewer false unknowns than Live's 1 %, both thresholds hold the stricter rate.
    const strict = fitUnknownStats(network, train, { x, y: new Float32Array(400), rows: 400, cols: 1 }, 1, { withInputs: false, falseUnknownRate: 0.002 });
    expect(strict.liveThreshold).toBe(strict.threshold);
    // A model saved before the live threshold: Live uses its threshold.
    expect(liveThresholdOf({ threshold: 7 })).toBe(7);
  });

  test('the run rule: unknown from the fourth window in a row over the live threshold; one under it starts again', () => {
    expect(unknownRun).toBe(4);
    const run = new UnknownRun({ threshold: 100, liveThreshold: 5 });
    // 9 is over the live threshold (not over the other); 5 is not over it.
    expect([9, 9, 9, 9, 9, 5, 9, 9, 9, 9].map((score) => run.add(score))).toEqual([false, false, false, true, true, false, false, false, false, true]);
    run.reset();
    expect([9, 9, 9].map((score) => run.add(score))).toEqual([false, false, false]);
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
    // A covariance per label: a matrix and a log-determinant for each.
    const perLabel = { ...stats, means: [stats.means[0]!, stats.means[0]!], precision: new Array<number>(50).fill(0), logDeterminants: [0, 0] };
    expect(unknownStatsMismatch(perLabel, 2, network)).toBeUndefined();
    expect(unknownStatsMismatch({ ...perLabel, precision: stats.precision }, 2, network)).toBeDefined();
    expect(unknownStatsMismatch({ ...perLabel, logDeterminants: [0] }, 2, network)).toBeDefined();
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
