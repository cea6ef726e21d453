import type { MotionSamples } from '../sensors/samples';

/**
 * Numbers as text that reads back as exactly the same value, and no longer than it must be:
 * exported files stay small and readable, and importing them again loses nothing.
 */

/**
 * The shortest decimal that `Number()` reads back as a double which rounds to exactly `value` as a
 * float32 (acceleration and rotation are stored as float32).
 *
 * @example
 * formatFloat32(Math.fround(-1.446)) // '-1.446', where String() would give '-1.4459999799728394'
 */
export function formatFloat32(value: number): string {
  // String() would drop the sign of -0, which a bit-for-bit round trip must keep.
  if (Object.is(value, -0)) return '-0';
  // A float32 carries a little over 7 significant digits, so 6 digits are never closer to a
  // rounding boundary than to the value: when a decimal of 6 or fewer digits reads back, 6 digits
  // find it (String() then drops the trailing zeros). Past that, try longer; 9 digits always do.
  // Subnormals (below 2^-126) carry fewer digits, so for them the search starts at one.
  for (let digits = Math.abs(value) < 2 ** -126 ? 1 : 6; digits < 9; digits += 1) {
    const candidate = Number(value.toPrecision(digits));
    if (Math.fround(candidate) === value) return String(candidate);
  }
  return String(Number(value.toPrecision(9)));
}

/**
 * The shortest decimal that reads back as exactly this double, keeping the sign of -0.
 *
 * @example
 * formatFloat64(0.1 + 0.2) // '0.30000000000000004'
 */
export function formatFloat64(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}

/**
 * One sample's acceleration (and rotation) values, comma-separated, as CSV rows and JSON value
 * lists both write them.
 *
 * @example
 * formatSampleValues({ t: new Float64Array([0]), acc: new Float32Array([0.5, 0, 9.75]), gyro: null }, 0) // '0.5,0,9.75'
 */
export function formatSampleValues(samples: MotionSamples, index: number): string {
  const { acc, gyro } = samples;
  const j = index * 3;
  const values = `${formatFloat32(acc[j]!)},${formatFloat32(acc[j + 1]!)},${formatFloat32(acc[j + 2]!)}`;
  return gyro ? `${values},${formatFloat32(gyro[j]!)},${formatFloat32(gyro[j + 1]!)},${formatFloat32(gyro[j + 2]!)}` : values;
}
