import { describe, expect, it } from 'vitest';
import { bestLine, descentPath, descentStartW, descentTrend, gradient, isLearningRate, learningRatePresets, lessonGuess, lessonMinimum, lessonPoints, lossGrid, meanSquaredError, parsePoints, scoreGuess, type DescentTrend } from './regression';

describe('scoreGuess', () => {
  it('scores the lesson’s first guess, 3X − 1: total 31, √31 = 5.57, RMSE 2.27', () => {
    const score = scoreGuess(lessonPoints, { w: 3, b: -1 });
    expect(score.rows.map((row) => row.guess)).toEqual([-4, -1, 2, 5, 8, 11]);
    expect(score.rows.map((row) => row.squared)).toEqual([1, 0, 1, 4, 9, 16]);
    expect(score.sumOfSquares).toBe(31);
    expect(score.rootOfSum.toFixed(2)).toBe('5.57');
    expect(score.rmse.toFixed(2)).toBe('2.27');
  });

  it('scores the second guess, 2X − 2, on all six points: total 6, √6 = 2.45, RMSE 1.00', () => {
    const score = scoreGuess(lessonPoints, { w: 2, b: -2 });
    expect(score.rows.map((row) => row.squared)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(score.sumOfSquares).toBe(6);
    expect(score.rootOfSum.toFixed(2)).toBe('2.45');
    expect(score.rmse.toFixed(2)).toBe('1.00');
  });

  it('finds no error in 2X − 1', () => {
    const score = scoreGuess(lessonPoints, { w: 2, b: -1 });
    expect(score.sumOfSquares).toBe(0);
    expect(score.rmse).toBe(0);
  });
});

describe('gradient descent', () => {
  it('has a zero gradient at the minimum (2, −1) and the closed form agrees', () => {
    expect(gradient(lessonPoints, lessonMinimum)).toEqual({ w: 0, b: 0 });
    const best = bestLine(lessonPoints);
    expect(best.w).toBeCloseTo(2, 12);
    expect(best.b).toBeCloseTo(-1, 12);
  });

  it('matches the loss’s slope measured numerically', () => {
    const at = { w: 0.5, b: 1.5 };
    const h = 1e-6;
    const slope = gradient(lessonPoints, at);
    expect(slope.w).toBeCloseTo((meanSquaredError(lessonPoints, { ...at, w: at.w + h }) - meanSquaredError(lessonPoints, { ...at, w: at.w - h })) / (2 * h), 5);
    expect(slope.b).toBeCloseTo((meanSquaredError(lessonPoints, { ...at, b: at.b + h }) - meanSquaredError(lessonPoints, { ...at, b: at.b - h })) / (2 * h), 5);
  });

  it('reaches (2, −1) within 1e-3 at a stable learning rate', () => {
    const path = descentPath(lessonPoints, { w: -1, b: 3 }, 0.05, 400);
    const end = path[path.length - 1];
    expect(Math.abs((end?.w ?? NaN) - 2)).toBeLessThan(1e-3);
    expect(Math.abs((end?.b ?? NaN) + 1)).toBeLessThan(1e-3);
    expect(descentTrend(lessonPoints, { w: -1, b: 3 }, 0.05, 400)).toBe('converging');
  });

  it('diverges when the learning rate is too large, and crawls when it is tiny', () => {
    const path = descentPath(lessonPoints, { w: -1, b: 3 }, 0.2, 200);
    const end = path[path.length - 1] as { w: number; b: number };
    expect(meanSquaredError(lessonPoints, end)).toBeGreaterThan(1e6);
    expect(descentTrend(lessonPoints, { w: -1, b: 3 }, 0.2)).toBe('diverging');
    expect(descentTrend(lessonPoints, { w: -1, b: 3 }, 0.001)).toBe('crawling');
  });

  it('moves only w when b is held', () => {
    const path = descentPath(lessonPoints, { w: 5, b: 0 }, 0.02, 300, true);
    const end = path[path.length - 1] as { w: number; b: number };
    expect(end.b).toBe(0);
    expect(end.w).toBeCloseTo(bestLine(lessonPoints, 0).w, 6);
  });

  it('samples the loss surface with its lowest cell at the minimum', () => {
    const grid = lossGrid(lessonPoints, [0, 4], [-3, 1], 41);
    const lowest = grid.indexOf(Math.min(...grid));
    expect(lowest % 41).toBe(20);
    expect(Math.floor(lowest / 41)).toBe(20);
  });
});

describe('the learning-rate presets', () => {
  // What each preset is there to show; the page labels them with descentTrend itself.
  const expected: Record<number, DescentTrend> = { 0.001: 'crawling', 0.05: 'converging', 0.15: 'converging', 0.2: 'diverging' };

  it('offers one rate that crawls, two that converge and one that diverges', () => {
    expect(learningRatePresets.map((rate) => expected[rate])).toEqual(['crawling', 'converging', 'converging', 'diverging']);
  });

  for (const rate of learningRatePresets) {
    it(`${rate} ${expected[rate]} with w alone and with w and b, from the page's starting points`, () => {
      expect(descentTrend(lessonPoints, { w: descentStartW, b: lessonGuess.b }, rate, 50, true)).toBe(expected[rate]);
      expect(descentTrend(lessonPoints, lessonGuess, rate, 50)).toBe(expected[rate]);
    });
  }

  it('names the rate that would have misled: 0.19 still converges with w alone but diverges with w and b', () => {
    expect(descentTrend(lessonPoints, { w: descentStartW, b: lessonGuess.b }, 0.19, 50, true)).not.toBe('diverging');
    expect(descentTrend(lessonPoints, lessonGuess, 0.19, 50)).toBe('diverging');
  });

  it('accepts only finite rates above 0', () => {
    expect(isLearningRate(0.05)).toBe(true);
    for (const bad of [0, -0.1, Number.NaN, Number.POSITIVE_INFINITY, null, undefined, '0.1']) expect(isLearningRate(bad)).toBe(false);
  });
});

describe('parsePoints', () => {
  it('reads numbers, a decimal comma included', () => {
    expect(parsePoints([{ x: '1', y: '2,5' }, { x: ' -3 ', y: '4e0' }])).toEqual({ points: [{ x: 1, y: 2.5 }, { x: -3, y: 4 }] });
  });

  it('refuses fewer than two points and names the first field that is not a number', () => {
    expect(parsePoints([{ x: '1', y: '2' }])).toEqual({ problem: { kind: 'too-few' } });
    expect(parsePoints([{ x: '1', y: '2' }, { x: '2', y: 'abc' }])).toEqual({ problem: { kind: 'not-a-number', row: 2, field: 'y' } });
    expect(parsePoints([{ x: '', y: '2' }, { x: '2', y: '3' }])).toEqual({ problem: { kind: 'not-a-number', row: 1, field: 'x' } });
  });
});
