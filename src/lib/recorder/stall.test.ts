import { describe, expect, it } from 'vitest';
import { STALL_INTERVALS } from '../sensors/phone-missed-readings';
import { MAX_GAP_MS } from '../signal/resample';
import { stallCount, stalledForMs, stallThresholdMs } from './stall';

describe('stalls while recording', () => {
  it('at a phone’s rate, a silence is a stall only beyond the gap training bridges', () => {
    expect(stallThresholdMs(50)).toBe(MAX_GAP_MS);
    expect(stalledForMs(MAX_GAP_MS, 50)).toBeUndefined();
    expect(stalledForMs(MAX_GAP_MS + 1, 50)).toBe(MAX_GAP_MS + 1);
  });

  it('a 2 s silence at 60 Hz is a stall of 2 s', () => {
    expect(stalledForMs(2000, 60)).toBe(2000);
  });

  it('a slow source is given a few of its own intervals before it counts as stalled', () => {
    expect(stallThresholdMs(2)).toBe(STALL_INTERVALS * 500);
    expect(stalledForMs(2000, 2)).toBeUndefined();
    expect(stalledForMs(2600, 2)).toBe(2600);
  });

  it('before any rate is known, only the training gap applies', () => {
    expect(stallThresholdMs(0)).toBe(MAX_GAP_MS);
    expect(stalledForMs(100, 0)).toBeUndefined();
  });

  it('counts the stalls among a recording’s gaps, not the readings a busy page skipped', () => {
    const gaps = [
      { atMs: 900, durationMs: 2100, lostSamples: 104 },
      { atMs: 3000, durationMs: 0, lostSamples: 2 },
      { atMs: 4000, durationMs: 120, lostSamples: 5 },
      { atMs: 6000, durationMs: 800 },
    ];
    expect(stallCount(gaps, 50)).toBe(2);
    expect(stallCount([], 50)).toBe(0);
  });
});
