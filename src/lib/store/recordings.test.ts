import { describe, expect, test } from 'vitest';
import type { Recording } from './recording';
import { describeSamples, labelTotals, nextName } from './recordings';

const rec = (name: string, label: string, durationMs = 1000) => ({ name, label, durationMs }) as Recording;

describe('nextName', () => {
  test('numbers recordings per label and skips names already taken', () => {
    expect(nextName('walking', [])).toBe('walking 1');
    expect(nextName('walking', [rec('walking 1', 'walking'), rec('run', 'running')])).toBe('walking 2');
    expect(nextName('walking', [rec('walking 2', 'walking')])).toBe('walking 3');
  });
});

describe('labelTotals', () => {
  test('lists every label, recorded or not, then labels only recordings carry', () => {
    const totals = labelTotals(['walking', 'golfing'], [rec('a', 'walking', 2000), rec('b', 'walking', 500), rec('c', 'stairs', 100)]);
    expect(totals).toEqual([
      { label: 'walking', recordings: 2, durationMs: 2500 },
      { label: 'golfing', recordings: 0, durationMs: 0 },
      { label: 'stairs', recordings: 1, durationMs: 100 },
    ]);
  });
});

describe('describeSamples', () => {
  test('count, span and mean rate', () => {
    const t = Float64Array.of(100, 120, 140, 160, 180);
    expect(describeSamples({ t, acc: new Float32Array(15), gyro: null })).toEqual({ sampleCount: 5, durationMs: 80, rateHz: 50 });
    expect(describeSamples({ t: Float64Array.of(5), acc: new Float32Array(3), gyro: null })).toEqual({ sampleCount: 1, durationMs: 0, rateHz: 0 });
  });
});
