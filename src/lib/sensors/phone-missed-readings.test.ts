import { describe, expect, it } from 'vitest';
import { MissedReadingCounter, type MissedReadings } from './phone-missed-readings';

/** Feeds every timestamp; returns what was found missing. */
function missedIn(times: readonly number[], counter = new MissedReadingCounter(), intervalMs?: number): MissedReadings[] {
  return times.flatMap((t) => counter.add(t, intervalMs) ?? []);
}

/** Readings every `intervalMs` from `from`, `count` of them. */
function steady(count: number, intervalMs: number, from = 0): number[] {
  return Array.from({ length: count }, (_, i) => from + i * intervalMs);
}

describe('MissedReadingCounter', () => {
  it('finds nothing in a steady stream, jitter included', () => {
    const jittery = steady(600, 16.7).map((t, i) => t + (i % 3) * 2);
    expect(missedIn(jittery)).toEqual([]);
  });

  it('counts a 2 s stall in a 60 Hz stream as a stall of about 119 readings (the issue said Lost 0)', () => {
    const before = steady(60, 1000 / 60);
    const last = before[before.length - 1] ?? 0;
    const after = steady(60, 1000 / 60, last + 2000);
    const [stall, ...others] = missedIn([...before, ...after]);
    expect(others).toEqual([]);
    expect(stall).toMatchObject({ afterMs: last, durationMs: 2000, stall: true });
    expect(stall?.count).toBe(119);
  });

  it('counts single skipped readings without calling them a stall', () => {
    const times = steady(200, 10).filter((_, i) => i % 10 !== 5 || i < 20);
    const found = missedIn(times);
    expect(found).toHaveLength(18);
    expect(found.every(({ count, stall }) => count === 1 && !stall)).toBe(true);
  });

  it('keeps its estimate when a busy page skips half the readings', () => {
    // Every other reading skipped from reading 40 on: intervals of 20 ms where 10 ms is expected.
    const times = steady(400, 10).filter((_, i) => i < 40 || i % 2 === 0);
    const total = missedIn(times).reduce((sum, { count }) => sum + count, 0);
    expect(total).toBeGreaterThanOrEqual(170);
    expect(total).toBeLessThanOrEqual(180);
  });

  it('never expects readings faster than the frequency asked for', () => {
    // A 100 Hz stream seen through a 60 Hz window: 10 and 20 ms intervals, nothing missed.
    const seen = steady(300, 10).filter((_, i) => i % 3 !== 1);
    expect(missedIn(seen, new MissedReadingCounter({ minIntervalMs: 1000 / 60 }))).toEqual([]);
    expect(missedIn(seen).length).toBeGreaterThan(50);
  });

  it("takes the sensor's own interval where it says it, from the first readings on", () => {
    expect(missedIn([0, 16, 32, 96], new MissedReadingCounter(), 16)).toEqual([{ count: 3, afterMs: 32, durationMs: 64, stall: false }]);
  });
});
