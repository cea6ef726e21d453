/**
 * The magnitude |a| = √(x² + y² + z²) of each sample of interleaved x, y, z acceleration.
 *
 * How a phone sits in a pocket or a hand changes which axis sees what, from one recording to the
 * next and within one; the magnitude does not depend on it. At rest it is gravity's 9.81 m/s²,
 * and each step or pedal stroke pushes it up and down.
 *
 * @example
 * const magnitude = magnitudeOf(window.acc, new Float64Array(window.acc.length / 3));
 */
export function magnitudeOf<T extends Float32Array | Float64Array>(acc: Float32Array, out: T): T {
  const n = acc.length / 3;
  if (out.length !== n) throw new RangeError(`magnitudeOf: ${n} samples need an output of ${n}, not ${out.length}`);
  for (let i = 0; i < n; i += 1) {
    const x = acc[i * 3]!;
    const y = acc[i * 3 + 1]!;
    const z = acc[i * 3 + 2]!;
    out[i] = Math.sqrt(x * x + y * y + z * z);
  }
  return out;
}
