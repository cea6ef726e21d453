import { describe, expect, it } from 'vitest';
import { logJerkRms, periodicity, skewness } from './rhythm';

describe('periodicity', () => {
  it('finds the lag where a series repeats, by hand', () => {
    // Mean 0, Σd² = 4; lag 1: −1 −1 −1 = −3; lag 2: 1 + 1 = 2, so 2 / 4 at lag 2.
    expect(periodicity(Float64Array.of(1, -1, 1, -1), 4, 1, 2, { peak: 0, lag: 0 })).toEqual({ peak: 0.5, lag: 2 });
  });

  it('keeps the shorter lag on a tie and never looks past the series', () => {
    // 1, 0, 1, 0, 1, 0 − ½: every even lag is a repeat; lag 2 gives 4 · ¼ / (6 · ¼).
    const found = periodicity(Float64Array.of(1, 0, 1, 0, 1, 0), 6, 2, 40, { peak: 0, lag: 0 });
    expect(found.lag).toBe(2);
    expect(found.peak).toBeCloseTo(4 / 6, 12);
  });

  it('gives a constant series no repeat', () => {
    expect(periodicity(new Float64Array(8).fill(9.81), 8, 1, 4, { peak: 1, lag: 3 })).toEqual({ peak: 0, lag: 0 });
  });
});

describe('skewness', () => {
  it('is Σd³ / n ÷ σ³, by hand', () => {
    // Mean 1, deviations −1, −1, −1, 3: Σd³ / 4 = 6, σ = √3.
    expect(skewness(Float64Array.of(0, 0, 0, 4), 4, 1, Math.sqrt(3))).toBeCloseTo(6 / 3 ** 1.5, 12);
    expect(skewness(Float64Array.of(0, 0, 0, -4), 4, -1, Math.sqrt(3))).toBeCloseTo(-6 / 3 ** 1.5, 12);
  });

  it('is 0 for a constant series', () => {
    expect(skewness(Float64Array.of(2, 2, 2), 3, 2, 0)).toBe(0);
  });
});

describe('logJerkRms', () => {
  it('is log₁₀ of the RMS change per second, above a floor', () => {
    // Changes of 1, −1, 1 at 50 Hz: 50 m/s³ each.
    expect(logJerkRms(Float64Array.of(0, 1, 0, 1), 4, 50)).toBeCloseTo(Math.log10(50.001), 12);
    // Changes 3 and 0 at 2 Hz: √((36 + 0) / 2).
    expect(logJerkRms(Float64Array.of(1, 4, 4), 3, 2)).toBeCloseTo(Math.log10(Math.sqrt(18) + 0.001), 12);
    expect(logJerkRms(Float64Array.of(5, 5, 5), 3, 50)).toBe(-3);
  });
});
