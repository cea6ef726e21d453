import { describe, expect, it } from 'vitest';
import { measuredRateHz } from './rate';

describe('measuredRateHz', () => {
  it('takes the median interval, so a late sample or a gap does not move it', () => {
    expect(measuredRateHz(new Float64Array([0, 20, 40, 61, 80, 500]))).toBe(50);
    expect(measuredRateHz(new Float64Array([0, 10, 30, 40]))).toBe(100);
    expect(measuredRateHz(new Float64Array([0, 10, 30, 40, 60]))).toBe(1000 / 15);
  });

  it('uses the whole span when most timestamps repeat', () => {
    expect(measuredRateHz(new Float64Array([0, 0, 0, 20, 20, 20]))).toBe(250);
  });

  it('is 0 when it cannot be known', () => {
    expect(measuredRateHz(new Float64Array([]))).toBe(0);
    expect(measuredRateHz(new Float64Array([5]))).toBe(0);
    expect(measuredRateHz(new Float64Array([5, 5, 5]))).toBe(0);
  });
});
