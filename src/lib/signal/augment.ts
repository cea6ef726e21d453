import type { MotionSamples } from '../sensors/samples';

/**
 * Made-up placements and people for training: a recording turned as if the phone sat in another
 * pocket, moved a little harder or softer, a little faster or slower. A network that learnt from
 * one belt clip or one pocket meets every other one on the next person; showing it the same motion
 * in many orientations teaches it what does not depend on how the device sits.
 */
export interface AugmentOptions {
  /** Turn the device by a rotation drawn uniformly over all orientations. */
  rotate: boolean;
  /** The motion around gravity scaled by a factor drawn from [1 − scale, 1 + scale] (0: off). */
  scale: number;
  /** Time stretched by a factor drawn from [1 − stretch, 1 + stretch] (0: off): a faster or slower gait. */
  stretch: number;
}

/** What training uses by default: any orientation, ±20 % harder or softer, ±10 % faster or slower. */
export const defaultAugmentOptions: AugmentOptions = { rotate: true, scale: 0.2, stretch: 0.1 };

/** A 3 × 3 rotation, row-major. */
export type Rotation = Float64Array;

/**
 * A rotation drawn uniformly over all orientations (Shoemake's method: a unit quaternion from
 * three uniform numbers), so that no way of holding the device is favoured.
 *
 * @example
 * const turn = randomRotation(mulberry32(7));
 */
export function randomRotation(random: () => number): Rotation {
  const [u1, u2, u3] = [random(), random(), random()];
  const a = Math.sqrt(1 - u1);
  const b = Math.sqrt(u1);
  const [x, y, z, w] = [a * Math.sin(2 * Math.PI * u2), a * Math.cos(2 * Math.PI * u2), b * Math.sin(2 * Math.PI * u3), b * Math.cos(2 * Math.PI * u3)];
  return Float64Array.of(
    1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w),
    2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
    2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y),
  );
}

/** Each x, y, z triple of `values` turned by `rotation`, into a new array. */
function rotated(values: Float32Array, rotation: Rotation): Float32Array {
  const out = new Float32Array(values.length);
  const [r0, r1, r2, r3, r4, r5, r6, r7, r8] = rotation as unknown as number[];
  for (let i = 0; i < values.length; i += 3) {
    const x = values[i] ?? 0;
    const y = values[i + 1] ?? 0;
    const z = values[i + 2] ?? 0;
    out[i] = r0! * x + r1! * y + r2! * z;
    out[i + 1] = r3! * x + r4! * y + r5! * z;
    out[i + 2] = r6! * x + r7! * y + r8! * z;
  }
  return out;
}

/**
 * A made-up copy of a recording (see AugmentOptions), drawn with `random` so that a seed gives the
 * same copies every run. The scale applies to the motion around the recording's mean (gravity, for
 * a device that keeps its orientation), never to gravity itself; rotation turns both. The input is
 * left as it is.
 *
 * @example
 * const copy = augmentSamples(samples, mulberry32(seed), defaultAugmentOptions);
 */
export function augmentSamples(samples: MotionSamples, random: () => number, options: AugmentOptions = defaultAugmentOptions): MotionSamples {
  const count = samples.t.length;
  // Drawn in a fixed order whatever the options, so switching one off leaves the others' draws as they were.
  const rotation = randomRotation(random);
  const factor = 1 + options.scale * (2 * random() - 1);
  const stretch = 1 + options.stretch * (2 * random() - 1);
  const mean = [0, 0, 0];
  for (let i = 0; i < count * 3; i += 1) mean[i % 3]! += (samples.acc[i] ?? 0) / Math.max(1, count);
  const scaled = new Float32Array(samples.acc.length);
  for (let i = 0; i < scaled.length; i += 1) scaled[i] = mean[i % 3]! + factor * ((samples.acc[i] ?? 0) - mean[i % 3]!);
  const first = samples.t[0] ?? 0;
  const t = new Float64Array(count);
  for (let i = 0; i < count; i += 1) t[i] = first + ((samples.t[i] ?? first) - first) * stretch;
  return {
    t,
    acc: options.rotate ? rotated(scaled, rotation) : scaled,
    gyro: samples.gyro && options.rotate ? rotated(samples.gyro, rotation) : samples.gyro && samples.gyro.slice(),
  };
}
