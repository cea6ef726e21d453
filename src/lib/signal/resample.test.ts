import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../train/random';
import type { MotionSamples } from '../sensors/samples';
import { LatestResampler, resample } from './resample';

/** Three different sinusoids on x, y, z, so that a mixed-up axis shows. */
function motionAt(tMs: number): [number, number, number] {
  const s = tMs / 1000;
  return [Math.sin(2 * Math.PI * 1 * s), 2 * Math.cos(2 * Math.PI * 0.5 * s), 9.81 + 0.5 * Math.sin(2 * Math.PI * 2 * s)];
}

function samplesAt(times: readonly number[], valueAt: (tMs: number, i: number) => readonly number[] = motionAt): MotionSamples {
  return {
    t: Float64Array.from(times),
    acc: Float32Array.from(times.flatMap((t, i) => [...valueAt(t, i)])),
    gyro: null,
  };
}

describe('resample', () => {
  it('reconstructs sinusoids sampled irregularly, with repeated timestamps, at a fixed rate', () => {
    const random = mulberry32(7);
    const times: number[] = [];
    for (let i = 0; i < 500; i += 1) {
      const t = 1000 + i * 20 + (random() - 0.5) * 16; // 20 ± 8 ms, the jitter of phone motion events
      times.push(t);
      if (i % 10 === 3) times.push(t); // a repeat of the same reading
    }
    const { segments, nonFiniteSamples, outOfOrderSamples } = resample(samplesAt(times));
    expect([nonFiniteSamples, outOfOrderSamples]).toEqual([0, 0]);
    expect(segments).toHaveLength(1);
    const segment = segments[0]!;
    expect(segment.rateHz).toBe(50);
    expect(segment.t0Ms).toBe(times[0]);
    expect(segment.acc.length / 3).toBe(Math.floor((times.at(-1)! - times[0]!) / 20) + 1);
    // Linear interpolation of a sine of amplitude A and frequency f over at most 36 ms errs by up
    // to A(2πf)²h²/8: 0.013 m/s² on z, the fastest.
    let worst = 0;
    for (let k = 0; k < segment.acc.length / 3; k += 1) {
      const truth = motionAt(segment.t0Ms + k * 20);
      for (let axis = 0; axis < 3; axis += 1) worst = Math.max(worst, Math.abs(segment.acc[k * 3 + axis]! - truth[axis]!));
    }
    expect(worst).toBeLessThan(0.02);
  });

  it('averages samples that share a timestamp', () => {
    const samples = samplesAt([0, 20, 20, 20, 40], (t, i) => (i === 0 || i === 4 ? [0, 0, 0] : [i, 10 * i, 0]));
    const { segments } = resample(samples);
    expect([...segments[0]!.acc]).toEqual([0, 0, 0, 2, 20, 0, 0, 0, 0]);
  });

  it('cuts a recording at a 1 s gap into two segments, and bridges a gap of exactly 0.5 s', () => {
    const before = Array.from({ length: 50 }, (_, i) => i * 20); // 0 … 980
    const after = Array.from({ length: 50 }, (_, i) => 1980 + i * 20); // a 1 s gap, then 1980 … 2960
    const { segments } = resample(samplesAt([...before, ...after]));
    expect(segments.map((s) => [s.t0Ms, s.acc.length / 3])).toEqual([
      [0, 50],
      [1980, 50],
    ]);

    const bridged = resample(samplesAt([0, 20, 520, 540]));
    expect(bridged.segments.map((s) => [s.t0Ms, s.acc.length / 3])).toEqual([[0, 28]]);
  });

  it('drops and counts samples with NaN or infinite values or timestamps, and samples that go back in time', () => {
    const samples = samplesAt([0, 20, 40, NaN, 60, 80, 70, 100], (t, i) => [i === 2 ? NaN : 1, i === 4 ? -Infinity : 2, 3]);
    const { segments, nonFiniteSamples, outOfOrderSamples } = resample(samples);
    expect(nonFiniteSamples).toBe(3); // the NaN value, the NaN timestamp, the infinite value
    expect(outOfOrderSamples).toBe(1); // 70 after 80
    expect(segments).toHaveLength(1);
    expect(segments[0]!.acc.length / 3).toBe(6); // 0 … 100 ms
    expect(segments[0]!.acc.every((v, i) => v === [1, 2, 3][i % 3])).toBe(true);
  });

  it('resamples to another rate, from the first sample', () => {
    const { segments } = resample(samplesAt([5, 105, 205], (t) => [t, 0, 0]), { rateHz: 25 });
    expect(segments[0]!.t0Ms).toBe(5);
    expect([...segments[0]!.acc].filter((_, i) => i % 3 === 0)).toEqual([5, 45, 85, 125, 165, 205]);
  });

  it('gives no segment for no samples, and a one-sample segment for one', () => {
    expect(resample(samplesAt([])).segments).toEqual([]);
    expect(resample(samplesAt([3], () => [1, 2, 3])).segments).toEqual([{ t0Ms: 3, rateHz: 50, acc: Float32Array.of(1, 2, 3) }]);
  });
});

describe('LatestResampler', () => {
  /** Steps between readings: jittered, some repeated (0), some back in time, some gaps past 500 ms; now and then a NaN value. */
  const stream = fc.array(
    fc.record({
      stepMs: fc.oneof(fc.double({ min: 5, max: 30, noNaN: true }), fc.constant(0), fc.double({ min: -15, max: -1, noNaN: true }), fc.double({ min: 400, max: 700, noNaN: true })),
      value: fc.oneof(fc.double({ min: -20, max: 20, noNaN: true }), fc.constant(Number.NaN)),
    }),
    { minLength: 1, maxLength: 300 },
  );

  it('gives the last window of the last segment, as resample does, for any stream and any part of it', () => {
    fc.assert(
      fc.property(stream, fc.integer({ min: 1, max: 60 }), fc.nat(), (steps, windowSamples, skip) => {
        let t = 1000;
        const samples = samplesAt(
          steps.map(({ stepMs }) => (t += stepMs)),
          (tMs, i) => [steps[i]!.value, Math.sin(tMs / 100), i],
        );
        const from = skip % samples.t.length;
        const to = samples.t.length;
        const expected = resample({ t: samples.t.subarray(from), acc: samples.acc.subarray(from * 3), gyro: null }, { rateHz: 50 }).segments.at(-1);
        const latest = new LatestResampler(50, windowSamples).window(samples.t, samples.acc, from, to);
        if (!expected || expected.acc.length < windowSamples * 3) expect(latest).toBeUndefined();
        else expect([...latest!]).toEqual([...expected.acc.subarray(expected.acc.length - windowSamples * 3)]);
      }),
    );
  });

  it('reuses one buffer, and grows its scratch for a longer stretch', () => {
    const latest = new LatestResampler(50, 10);
    const short = samplesAt(Array.from({ length: 40 }, (_, i) => i * 10));
    const long = samplesAt(Array.from({ length: 1000 }, (_, i) => i * 10));
    const first = latest.window(short.t, short.acc, 0, 40);
    const second = latest.window(long.t, long.acc, 0, 1000);
    expect(second).toBe(first);
    expect([...second!]).toEqual([...resample(long).segments[0]!.acc.subarray(-30)]);
  });
});
