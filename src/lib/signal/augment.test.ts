import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../train/random';
import type { MotionSamples } from '../sensors/samples';
import { augmentSamples, randomRotation } from './augment';

/** A walk: gravity along z, a 1.8 Hz bounce on z and a sway on x. */
function walk(count = 500): MotionSamples {
  const t = Float64Array.from({ length: count }, (_, i) => 1000 + i * 20);
  const acc = new Float32Array(count * 3);
  for (let i = 0; i < count; i += 1) {
    const phase = (2 * Math.PI * 1.8 * i) / 50;
    acc[i * 3] = 0.8 * Math.sin(phase / 2);
    acc[i * 3 + 1] = 0.1;
    acc[i * 3 + 2] = 9.81 + 2.5 * Math.sin(phase);
  }
  return { t, acc, gyro: null };
}

const magnitudes = (acc: Float32Array) => Array.from({ length: acc.length / 3 }, (_, i) => Math.hypot(acc[i * 3]!, acc[i * 3 + 1]!, acc[i * 3 + 2]!));

describe('randomRotation', () => {
  it('is a proper rotation: orthonormal rows, determinant 1', () => {
    const random = mulberry32(3);
    for (let n = 0; n < 50; n += 1) {
      const r = randomRotation(random);
      const row = (i: number) => [r[i * 3]!, r[i * 3 + 1]!, r[i * 3 + 2]!];
      for (let i = 0; i < 3; i += 1) {
        for (let j = 0; j < 3; j += 1) {
          const dot = row(i).reduce((sum, v, k) => sum + v * row(j)[k]!, 0);
          expect(dot).toBeCloseTo(i === j ? 1 : 0, 12);
        }
      }
      const [a, b, c] = [row(0), row(1), row(2)];
      const det = a[0]! * (b[1]! * c[2]! - b[2]! * c[1]!) - a[1]! * (b[0]! * c[2]! - b[2]! * c[0]!) + a[2]! * (b[0]! * c[1]! - b[1]! * c[0]!);
      expect(det).toBeCloseTo(1, 12);
    }
  });

  it('favours no orientation: gravity turned at random points every way, on average nowhere', () => {
    const random = mulberry32(11);
    const sum = [0, 0, 0];
    const draws = 4000;
    for (let n = 0; n < draws; n += 1) {
      const r = randomRotation(random);
      // The image of the z axis: the third column.
      sum[0]! += r[2]! / draws;
      sum[1]! += r[5]! / draws;
      sum[2]! += r[8]! / draws;
    }
    for (const mean of sum) expect(Math.abs(mean)).toBeLessThan(0.05);
  });
});

describe('augmentSamples', () => {
  it('turns the device without changing how hard it moves, when only rotation is asked', () => {
    const samples = walk();
    const copy = augmentSamples(samples, mulberry32(5), { rotate: true, scale: 0, stretch: 0 });
    expect(copy.acc).not.toEqual(samples.acc);
    magnitudes(copy.acc).forEach((magnitude, i) => expect(magnitude).toBeCloseTo(magnitudes(samples.acc)[i]!, 4));
    expect(copy.t).toEqual(samples.t);
  });

  it('scales the motion around gravity, never gravity itself, within the asked range', () => {
    const samples = walk();
    for (let seed = 1; seed <= 20; seed += 1) {
      const copy = augmentSamples(samples, mulberry32(seed), { rotate: false, scale: 0.2, stretch: 0 });
      const mean = (acc: Float32Array, axis: number) => acc.filter((_, i) => i % 3 === axis).reduce((a, b) => a + b, 0) / (acc.length / 3);
      expect(mean(copy.acc, 2)).toBeCloseTo(mean(samples.acc, 2), 3);
      const swing = (acc: Float32Array) => Math.max(...acc.filter((_, i) => i % 3 === 2)) - Math.min(...acc.filter((_, i) => i % 3 === 2));
      const ratio = swing(copy.acc) / swing(samples.acc);
      expect(ratio).toBeGreaterThanOrEqual(0.8 - 1e-6);
      expect(ratio).toBeLessThanOrEqual(1.2 + 1e-6);
    }
  });

  it('stretches time from the first sample, within the asked range', () => {
    const samples = walk();
    for (let seed = 1; seed <= 20; seed += 1) {
      const copy = augmentSamples(samples, mulberry32(seed), { rotate: false, scale: 0, stretch: 0.1 });
      expect(copy.t[0]).toBe(samples.t[0]);
      const ratio = (copy.t.at(-1)! - copy.t[0]!) / (samples.t.at(-1)! - samples.t[0]!);
      expect(ratio).toBeGreaterThanOrEqual(0.9);
      expect(ratio).toBeLessThanOrEqual(1.1);
    }
  });

  it('gives the same copy for the same seed, another for another, and leaves the recording as it was', () => {
    const samples = walk();
    const before = samples.acc.slice();
    const a = augmentSamples(samples, mulberry32(9));
    const b = augmentSamples(samples, mulberry32(9));
    const c = augmentSamples(samples, mulberry32(10));
    expect(a).toEqual(b);
    expect(a.acc).not.toEqual(c.acc);
    expect(samples.acc).toEqual(before);
  });

  it('turns a gyroscope with the accelerometer, as one device', () => {
    const samples = { ...walk(10), gyro: Float32Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? 90 : 0)) };
    const copy = augmentSamples(samples, mulberry32(2), { rotate: true, scale: 0, stretch: 0 });
    const turn = randomRotation(mulberry32(2));
    expect(copy.gyro![0]).toBeCloseTo(turn[0]! * 90, 4);
    expect(copy.gyro![1]).toBeCloseTo(turn[3]! * 90, 4);
    expect(copy.gyro![2]).toBeCloseTo(turn[6]! * 90, 4);
  });
});
