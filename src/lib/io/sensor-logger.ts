/**
 * Sensor Logger (Kelvin Choi's app): a recording is one CSV per sensor, `time,seconds_elapsed,z,y,x`
 * (that order), `time` in epoch nanoseconds, exported as a zip of them or one JSON array of rows
 * (`{"sensor":"Accelerometer","time":"1698501144401773000","seconds_elapsed":"0.21","z":"…","y":"…","x":"…"}`,
 * every value a string). Units: acceleration and gravity in m/s², rotation in rad/s.
 *
 * `TotalAcceleration` has gravity in it. `Accelerometer` does not (the only one iOS writes), so
 * gravity is added back from `Gravity`, sample for sample at the accelerometer's times.
 */
import { decimalCell } from './csv';
import type { DelimitedTable } from './delimited-table';
import { ImportError } from './errors';
import { DEG_PER_RAD, interleave, type AppRecording, type RecordingFormat } from './phone-apps';

export const sensorLoggerSensors = ['TotalAcceleration', 'Accelerometer', 'Gravity', 'Gyroscope'] as const;
export type SensorLoggerSensor = (typeof sensorLoggerSensors)[number];

/** One sensor's readings: times in ns, x y z as written. */
export interface SensorStream {
  sensor: SensorLoggerSensor;
  t: Float64Array;
  axes: Float64Array[];
}

/**
 * The sensor a Sensor Logger file name stands for (`Gravity.csv`, in any folder, any case), or
 * null for its other files (Location.csv, metadata.csv…).
 */
export function sensorOfFileName(name: string): SensorLoggerSensor | null {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).replace(/\.csv$/i, '').toLowerCase();
  return sensorLoggerSensors.find((sensor) => sensor.toLowerCase() === base) ?? null;
}

/** The error for a Sensor Logger CSV whose name is not one of its motion sensors'. */
export function unknownSensorFile(file: string): ImportError {
  return new ImportError('unknown-sensor-file', { expected: sensorLoggerSensors.map((name) => `${name}.csv`) }, { file });
}

/** One sensor's CSV, its columns found by name (the app writes z, y, x). Throws ImportError. */
export function readSensorCsv(file: string, table: DelimitedTable): SensorStream {
  const sensor = sensorOfFileName(file);
  if (!sensor) throw unknownSensorFile(file);
  const lower = table.names.map((name) => name.toLowerCase());
  const needed = ['time', 'x', 'y', 'z'];
  const missing = needed.filter((name) => !lower.includes(name));
  if (missing.length > 0) throw new ImportError('missing-columns', { found: table.names, needed, missing }, { file, line: 1 });
  const [t, ...axes] = table.columns(needed.map((name) => lower.indexOf(name)));
  return { sensor, t: t!, axes };
}

/**
 * Sensor Logger's JSON export: the rows of every sensor in one array. Rows of other sensors
 * (Location, Battery…) are passed over. Throws ImportError.
 */
export function readSensorJson(file: string, rows: readonly unknown[]): SensorStream[] {
  const gathered = new Map<SensorLoggerSensor, number[][]>();
  rows.forEach((row, index) => {
    if (typeof row !== 'object' || row === null) throw new ImportError('invalid-field', { path: `[${index}]`, expected: 'object' }, { file });
    const fields = row as Record<string, unknown>;
    const sensor = sensorLoggerSensors.find((name) => name === fields.sensor);
    if (!sensor) return;
    const values = gathered.get(sensor) ?? [[], [], [], []];
    gathered.set(sensor, values);
    ['time', 'x', 'y', 'z'].forEach((key, k) => values[k]!.push(decimalCell(file, 0, `[${index}].${key}`, String(fields[key] ?? ''))));
  });
  return [...gathered].map(([sensor, [t, ...axes]]) => ({ sensor, t: Float64Array.from(t!), axes: axes.map((axis) => Float64Array.from(axis)) }));
}

/** Whether a parsed JSON document is Sensor Logger's export: an array of rows naming their sensor and `seconds_elapsed`. */
export function isSensorLoggerJson(json: unknown): json is unknown[] {
  if (!Array.isArray(json) || json.length === 0) return false;
  const first = json[0] as Record<string, unknown> | null;
  return typeof first === 'object' && first !== null && 'sensor' in first && 'seconds_elapsed' in first;
}

/**
 * A stream's x, y, z at other times, linearly between its readings and held at its ends: the
 * sensors of one recording each keep their own clock ticks.
 */
function axesAt(times: Float64Array, stream: SensorStream): Float64Array[] {
  const { t } = stream;
  return stream.axes.map((values) => {
    const out = new Float64Array(times.length);
    let j = 0;
    for (let i = 0; i < times.length; i += 1) {
      const time = times[i]!;
      while (j < t.length - 2 && t[j + 1]! <= time) j += 1;
      const span = t.length > 1 ? t[j + 1]! - t[j]! : 0;
      const w = span > 0 ? Math.min(1, Math.max(0, (time - t[j]!) / span)) : 0;
      out[i] = values[j]! + w * ((values[j + 1] ?? values[j]!) - values[j]!);
    }
    return out;
  });
}

/** The accelerometer's axes with gravity added back, gravity taken at the accelerometer's times. */
function withGravity(linear: SensorStream, gravity: SensorStream): Float64Array[] {
  const gravityAxes = axesAt(linear.t, gravity);
  return linear.axes.map((values, k) => values.map((value, i) => value + gravityAxes[k]![i]!));
}

/**
 * One recording from a Sensor Logger recording's sensors: `TotalAcceleration` as it is, else
 * `Accelerometer` plus `Gravity`; `Gyroscope` when there. Throws ImportError when there is no
 * acceleration with gravity to be had.
 */
export function combineSensorStreams(file: string, streams: readonly SensorStream[], format: RecordingFormat): AppRecording {
  const of = (sensor: SensorLoggerSensor) => streams.find((stream) => stream.sensor === sensor);
  const total = of('TotalAcceleration');
  const linear = of('Accelerometer');
  const gravity = of('Gravity');
  const base = total ?? linear;
  if (!base) {
    const found = streams.map((stream) => stream.sensor);
    throw new ImportError('missing-sensors', { found, needed: ['TotalAcceleration'], missing: ['TotalAcceleration'] }, { file });
  }
  if (!total && !gravity) throw new ImportError('gravity-not-restorable', { app: 'sensor-logger' }, { file });
  const axes = total ? total.axes : withGravity(linear!, gravity!);
  const gyro = of('Gyroscope');
  return {
    format,
    t: base.t,
    acc: interleave(axes),
    gyro: gyro ? interleave(axesAt(base.t, gyro), DEG_PER_RAD) : null,
    gravity: total ? 'recorded' : 'restored',
  };
}
