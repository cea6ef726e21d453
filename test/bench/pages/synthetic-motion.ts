import type { MotionSamples } from '../../../src/lib/sensors/samples';

/**
 * `count` 3-axis samples at about `rateHz`, starting at `startMs`: a slow sway around gravity
 * plus sensor noise, with the timestamp jitter of a real sensor. Noise and jitter matter for
 * storage figures: Chromium compresses what it stores, and a clean sine or an exact 10 ms grid
 * would compress far better than any real recording.
 */
export function syntheticMotion(count: number, rateHz = 100, startMs = 0): MotionSamples {
  const t = new Float64Array(count);
  const acc = new Float32Array(count * 3);
  const periodMs = 1000 / rateHz;
  for (let i = 0; i < count; i += 1) {
    t[i] = startMs + i * periodMs + (Math.random() - 0.5) * 0.2 * periodMs;
    const phase = (t[i] as number) / 1000;
    acc[i * 3] = Math.sin(phase * 2) + noise();
    acc[i * 3 + 1] = Math.cos(phase * 3) + noise();
    acc[i * 3 + 2] = 9.81 + 0.5 * Math.sin(phase * 5) + noise();
  }
  return { t, acc, gyro: null };
}

/** About ±0.1 m/s², the noise floor of a phone's accelerometer. */
function noise(): number {
  return (Math.random() + Math.random() - 1) * 0.1;
}
