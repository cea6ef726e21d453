/**
 * Recordings from the phone apps students already use, read into the app's own units:
 * acceleration in m/s² with gravity, rotation in deg/s. Each app is told by its header:
 *
 * - phyphox: `"Time (s)","Acceleration x (m/s^2)",…` (+ `"Absolute acceleration (m/s^2)"`),
 *   comma, tab or semicolon separated; its "without g" experiment writes `Linear Acceleration x`.
 * - Physics Toolbox: `time,gFx,gFy,gFz,…` in g, rotation `wx,wy,wz` in rad/s; its linear
 *   accelerometer writes `time,ax,ay,az,aT` without gravity.
 * - Sensor Logger: one file per sensor, `time,seconds_elapsed,z,y,x`, `time` in epoch ns (see
 *   sensor-logger.ts).
 *
 * Timestamps stay in the file's unit here; the caller finds it from their spacing.
 */
import { ImportError } from './errors';
import type { DelimitedTable } from './delimited-table';

export type { PhoneApp } from './import-error-codes';

/** Standard gravity, the g that phyphox, Physics Toolbox and Sensor Logger all convert with. */
export const STANDARD_GRAVITY_MS2 = 9.80665;
export const DEG_PER_RAD = 180 / Math.PI;

/** The formats the import reads, named as the summary and `npm run inspect` state them. */
export type RecordingFormat =
  | 'Edge Impulse CSV'
  | 'Edge Impulse JSON'
  | 'phyphox CSV'
  | 'Physics Toolbox CSV'
  | 'Sensor Logger CSV'
  | 'Sensor Logger JSON'
  | 'Sensor Logger zip'
  | 'WISDM';

/** Whether the acceleration had gravity in it as recorded, or had it added back from the app's gravity sensor. */
export type GravitySource = 'recorded' | 'restored';

/** One recording read from an app's file, timestamps still in the file's unit. */
export interface AppRecording {
  format: RecordingFormat;
  t: Float64Array;
  /** m/s² with gravity, x y z interleaved. */
  acc: Float32Array;
  /** deg/s, x y z interleaved, or null. */
  gyro: Float32Array | null;
  gravity: GravitySource;
  /** The activity and the person, when the format carries them (WISDM). */
  label?: string;
  group?: string;
  nameHint?: string;
  /** Records passed over for an empty value (WISDM's published file has one). */
  skippedRecords?: number;
}

/**
 * Three columns as one interleaved Float32Array, each value multiplied by `scale`.
 *
 * @example
 * interleave([Float64Array.of(1), Float64Array.of(2), Float64Array.of(3)], 2) // Float32Array [2, 4, 6]
 */
export function interleave([x, y, z]: readonly Float64Array[], scale = 1): Float32Array {
  const values = new Float32Array(x!.length * 3);
  for (let i = 0; i < x!.length; i += 1) {
    values[i * 3] = x![i]! * scale;
    values[i * 3 + 1] = y![i]! * scale;
    values[i * 3 + 2] = z![i]! * scale;
  }
  return values;
}

/** The index of each of x, y, z among `names`, by a pattern with the axis letter in `{axis}`; null when any is missing. */
function axisColumns(names: readonly string[], pattern: string): number[] | null {
  const indexes = ['x', 'y', 'z'].map((axis) => {
    const wanted = new RegExp(`^${pattern.replace('{axis}', axis)}$`, 'i');
    return names.findIndex((name) => wanted.test(name));
  });
  return indexes.includes(-1) ? null : indexes;
}

/** More columns than any app writes (Physics Toolbox's all-sensors export has about 30). */
export const MAX_APP_COLUMNS = 64;

const phyphoxTime = /^Time \(s\)$/i;
const phyphoxAcc = String.raw`Acceleration {axis} \(m/s\^2\)`;
const phyphoxLinear = String.raw`Linear Acceleration {axis} \(m/s\^2\)`;
const phyphoxGyro = String.raw`Gyroscope {axis} \(rad/s\)`;

/** Which app wrote a table with these column names, or null when none of these. */
export function tableApp(names: readonly string[]): 'phyphox' | 'physics-toolbox' | 'sensor-logger' | null {
  if (names.length > MAX_APP_COLUMNS) return null;
  const lower = names.map((name) => name.toLowerCase());
  if (names.some((name) => phyphoxTime.test(name)) && (axisColumns(names, phyphoxAcc) || axisColumns(names, phyphoxLinear))) return 'phyphox';
  if (lower.includes('time') && lower.includes('seconds_elapsed')) return 'sensor-logger';
  if (lower.includes('time') && (axisColumns(names, 'gF{axis}') || axisColumns(names, 'a{axis}'))) return 'physics-toolbox';
  return null;
}

/** The timestamps and acceleration (and rotation, when written) of a table, in the units it states. */
function readTable(table: DelimitedTable, timeIndex: number, accIndexes: number[], gyroIndexes: number[] | null) {
  const [t, ...values] = table.columns([timeIndex, ...accIndexes, ...(gyroIndexes ?? [])]);
  return { t: t!, acc: values.slice(0, 3), gyro: gyroIndexes ? values.slice(3) : null };
}

/**
 * A phyphox export ("Raw Data.csv"). The "Acceleration without g" experiment has no gravity and
 * phyphox writes none beside it, so it cannot be restored: refused. Throws ImportError.
 */
export function readPhyphox(file: string, table: DelimitedTable): AppRecording {
  const { names } = table;
  const accIndexes = axisColumns(names, phyphoxAcc);
  if (!accIndexes) throw new ImportError('gravity-not-restorable', { app: 'phyphox' }, { file });
  const { t, acc, gyro } = readTable(table, names.findIndex((name) => phyphoxTime.test(name)), accIndexes, axisColumns(names, phyphoxGyro));
  return { format: 'phyphox CSV', t, acc: interleave(acc), gyro: gyro && interleave(gyro, DEG_PER_RAD), gravity: 'recorded' };
}

/**
 * A Physics Toolbox export: its g-Force Meter (`gFx,gFy,gFz`, in g, gravity included). Its
 * linear accelerometer (`ax,ay,az`) has no gravity and nothing to restore it from: refused.
 * Throws ImportError.
 */
export function readPhysicsToolbox(file: string, table: DelimitedTable): AppRecording {
  const { names } = table;
  const accIndexes = axisColumns(names, 'gF{axis}');
  if (!accIndexes) throw new ImportError('gravity-not-restorable', { app: 'physics-toolbox' }, { file });
  const time = names.findIndex((name) => name.toLowerCase() === 'time');
  const { t, acc, gyro } = readTable(table, time, accIndexes, axisColumns(names, 'w{axis}'));
  return { format: 'Physics Toolbox CSV', t, acc: interleave(acc, STANDARD_GRAVITY_MS2), gyro: gyro && interleave(gyro, DEG_PER_RAD), gravity: 'recorded' };
}
