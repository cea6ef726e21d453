import { describe, expect, test } from 'vitest';
import { ArrivalClock } from './arrival-clock';

describe('ArrivalClock', () => {
  test('spreads a burst over the time since the previous one', () => {
    const clock = new ArrivalClock(1000);
    expect([...clock.stamp(3, 1030)]).toEqual([1010, 1020, 1030]);
    expect([...clock.stamp(2, 1050)]).toEqual([1040, 1050]);
  });

  test('measures the rate from arrivals after the first burst', () => {
    const clock = new ArrivalClock(0);
    expect(clock.rateHz).toBeNull();
    clock.stamp(40, 5); // a backlog that piled up before reading began
    expect(clock.rateHz).toBeNull();
    for (let ms = 105; ms <= 1005; ms += 100) clock.stamp(10, ms);
    expect(clock.rateHz).toBeCloseTo(100, 6);
  });

  test('does not stretch the burst after a pause across the pause', () => {
    const clock = new ArrivalClock(0);
    for (let ms = 100; ms <= 1000; ms += 100) clock.stamp(10, ms);
    const afterPause = clock.stamp(3, 5000);
    expect([...afterPause]).toEqual([4980, 4990, 5000]);
  });

  test('times strictly increase even when arrivals repeat or go back', () => {
    const clock = new ArrivalClock(10);
    const times = [...clock.stamp(2, 10), ...clock.stamp(1, 10), ...clock.stamp(3, 9)];
    for (let i = 1; i < times.length; i += 1) expect(times[i]).toBeGreaterThan(times[i - 1] ?? Infinity);
    expect(times[0]).toBeGreaterThan(10);
  });

  test('nothing to stamp gives nothing', () => {
    expect(new ArrivalClock(0).stamp(0, 10)).toHaveLength(0);
  });
});
