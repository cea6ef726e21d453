import { describe, expect, test } from 'vitest';
import { RollingWindow } from './rolling-window';

function batch(from: number, count: number) {
  const t = Float64Array.from({ length: count }, (_, i) => (from + i) * 1000);
  const acc = Float32Array.from({ length: count * 3 }, (_, i) => from + Math.floor(i / 3) + (i % 3) / 10);
  return { t, acc, gyro: null };
}

describe('RollingWindow', () => {
  test('keeps samples in time order until full', () => {
    const window = new RollingWindow(5);
    window.push(batch(0, 3));
    const [t, x, , z] = window.columns();
    expect([...t]).toEqual([0, 1, 2]);
    expect([...x]).toEqual([0, 1, 2]);
    expect([...z].map((v) => Math.round(v * 10) / 10)).toEqual([0.2, 1.2, 2.2]);
  });

  test('drops the oldest samples once full, across the wrap', () => {
    const window = new RollingWindow(4);
    window.push(batch(0, 3));
    window.push(batch(3, 4));
    expect(window.length).toBe(4);
    const [t, x] = window.columns();
    expect([...t]).toEqual([3, 4, 5, 6]);
    expect([...x]).toEqual([3, 4, 5, 6]);
    window.push(batch(7, 1));
    expect([...window.columns()[0]]).toEqual([4, 5, 6, 7]);
  });

  test('clear empties it', () => {
    const window = new RollingWindow(4);
    window.push(batch(0, 2));
    window.clear();
    expect(window.columns()[0].length).toBe(0);
  });
});
