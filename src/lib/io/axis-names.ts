import { accAxes, gyroAxes } from '../sensors/samples';

const axisNames = [...accAxes, ...gyroAxes].map((axis) => axis.toLowerCase());

/**
 * Which axis a column or sensor name stands for, ignoring case: 0–2 acceleration x, y, z,
 * 3–5 rotation x, y, z, or -1 for any other name.
 *
 * @example
 * axisIndexOfName('GYROY') // 4
 */
export function axisIndexOfName(name: string): number {
  return axisNames.indexOf(name.toLowerCase());
}

/** The axes a file must name: the accelerometer's always, the gyroscope's if it names any. */
export function neededAxes(hasGyro: boolean): string[] {
  return [...accAxes, ...(hasGyro ? gyroAxes : [])];
}
