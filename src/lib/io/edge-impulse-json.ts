/**
 * Edge Impulse data acquisition format (JSON): samples at a fixed interval, one row of values
 * per sample and one column per named sensor.
 *
 * ```json
 * {"protected":{"ver":"v1","alg":"none"},"signature":"000…",
 *  "payload":{"device_type":"MOTION_LAB","interval_ms":20,
 *             "sensors":[{"name":"accX","units":"m/s2"},{"name":"accY","units":"m/s2"},{"name":"accZ","units":"m/s2"}],
 *             "values":[[-1.446,-2.509,-2.002],[-0.929,-1.293,-2.49]]}}
 * ```
 *
 * Signatures are not checked: the app imports the user's own files, and an unsigned export (alg
 * "none") is what Edge Impulse accepts from tools without a key.
 */
import { STANDARD_GRAVITY_MS2, type MotionSamples } from '../sensors/samples';
import { axisIndexOfName, neededAxes } from './axis-names';
import { ImportError } from './errors';
import { JsonFields } from './json-fields';
import { formatFloat64, formatSampleValues } from './number-format';

/** Factors from each unit this app reads to its own (m/s² for acceleration, deg/s for rotation). */
const accUnits: Record<string, number> = { 'm/s2': 1, 'm/s^2': 1, 'm/s²': 1, g: STANDARD_GRAVITY_MS2 };
const gyroUnits: Record<string, number> = { 'deg/s': 1, dps: 1, 'rad/s': 180 / Math.PI };

export interface EdgeImpulseSignal {
  samples: MotionSamples;
  intervalMs: number;
  /** `device_name (device_type)`, or whichever of the two the file has. */
  device?: string;
}

/**
 * Reads a parsed Edge Impulse JSON document. Sample i is at i × interval_ms; sensors other than
 * the accelerometer and gyroscope axes are ignored; g and rad/s are converted. Throws ImportError.
 *
 * @example
 * const { samples, intervalMs } = readEdgeImpulseJson('idle.json', parseJson('idle.json', text));
 */
export function readEdgeImpulseJson(file: string, json: unknown): EdgeImpulseSignal {
  const fields = new JsonFields(file);
  const payload = fields.object(fields.root(json).payload, 'payload');
  const intervalMs = fields.positiveNumber(payload.interval_ms, 'payload.interval_ms');
  const deviceName = payload.device_name === undefined ? undefined : fields.string(payload.device_name, 'payload.device_name');
  const deviceType = payload.device_type === undefined ? undefined : fields.string(payload.device_type, 'payload.device_type');

  const sensors = fields.array(payload.sensors, 'payload.sensors').map((sensor, i) => {
    const path = `payload.sensors[${i}]`;
    const fieldsOfSensor = fields.object(sensor, path);
    return {
      name: fields.string(fieldsOfSensor.name, `${path}.name`),
      units: fields.string(fieldsOfSensor.units, `${path}.units`),
    };
  });
  // For each of the six axes, the column that holds it and the factor to this app's units.
  const columnOfAxis = new Int32Array(6).fill(-1);
  const factorOfAxis = new Float64Array(6);
  sensors.forEach(({ name, units }, column) => {
    const axis = axisIndexOfName(name);
    if (axis === -1) return;
    if (columnOfAxis[axis] !== -1) {
      throw new ImportError('duplicate-value', { path: `payload.sensors[${column}].name`, value: name }, { file });
    }
    const table = axis < 3 ? accUnits : gyroUnits;
    // Own properties only: `__proto__` or `constructor` would otherwise find Object's.
    const key = units.trim().toLowerCase();
    const factor = Object.hasOwn(table, key) ? table[key] : undefined;
    if (factor === undefined) {
      throw new ImportError('unsupported-units', { sensor: name, units: units, supported: Object.keys(table) }, { file });
    }
    columnOfAxis[axis] = column;
    factorOfAxis[axis] = factor;
  });
  const hasGyro = columnOfAxis.subarray(3).some((column) => column !== -1);
  const needed = neededAxes(hasGyro);
  const missing = needed.filter((name) => columnOfAxis[axisIndexOfName(name)] === -1);
  if (missing.length > 0) {
    throw new ImportError('missing-sensors', { found: sensors.map((s) => s.name), needed, missing }, { file });
  }

  const rows = fields.array(payload.values, 'payload.values');
  if (rows.length === 0) throw new ImportError('no-samples', {}, { file });
  const n = rows.length;
  const samples: MotionSamples = {
    t: new Float64Array(n),
    acc: new Float32Array(n * 3),
    gyro: hasGyro ? new Float32Array(n * 3) : null,
  };
  rows.forEach((row, i) => {
    const path = `payload.values[${i}]`;
    const values = fields.array(row, path);
    if (values.length !== sensors.length) {
      throw new ImportError('length-mismatch', { path, found: values.length, expected: sensors.length }, { file });
    }
    samples.t[i] = i * intervalMs;
    for (let axis = 0; axis < (hasGyro ? 6 : 3); axis += 1) {
      const column = columnOfAxis[axis]!;
      const value = fields.number(values[column], `${path}[${column}]`);
      const target = axis < 3 ? samples.acc : samples.gyro!;
      const index = i * 3 + (axis % 3);
      target[index] = value * factorOfAxis[axis]!;
      // A finite double can still be too large for a float32, which turns it into Infinity.
      if (!Number.isFinite(target[index]!)) {
        throw new ImportError('value-too-large', { cell: String(value), column: sensors[column]!.name }, { file });
      }
    }
  });
  const device = deviceName && deviceType ? `${deviceName} (${deviceType})` : deviceName || deviceType || undefined;
  return { samples, intervalMs, ...(device && { device }) };
}

export interface EdgeImpulseJsonOptions {
  /** The file has no timestamps: samples are taken to be this far apart (resample first if they are not). */
  intervalMs: number;
  /** Edge Impulse's device type, such as `ARDUINO_NANO33BLE`. */
  deviceType?: string;
  deviceName?: string;
}

/**
 * Writes samples in the Edge Impulse data acquisition format, unsigned (alg "none"), in m/s2 and
 * deg/s. Values are written with the fewest digits that read back as exactly the same float32.
 * Throws RangeError when `intervalMs` is not a positive number (a recording's rate is 0 when unknown).
 *
 * @example
 * exportEdgeImpulseJson(samples, { intervalMs: 1000 / recording.rateHz, deviceName: recording.device })
 */
export function exportEdgeImpulseJson(samples: MotionSamples, options: EdgeImpulseJsonOptions): string {
  // Edge Impulse, and this app, refuse a file whose interval is not above zero: better to stop here.
  if (!(options.intervalMs > 0 && Number.isFinite(options.intervalMs))) {
    throw new RangeError(`exportEdgeImpulseJson: intervalMs must be a positive number, not ${options.intervalMs}`);
  }
  const sensors = neededAxes(samples.gyro !== null).map((name) => ({ name, units: name.startsWith('acc') ? 'm/s2' : 'deg/s' }));
  const rows: string[] = [];
  for (let i = 0; i < samples.t.length; i += 1) rows.push(`[${formatSampleValues(samples, i)}]`);
  const head = {
    ...(options.deviceName !== undefined && { device_name: options.deviceName }),
    device_type: options.deviceType ?? 'MOTION_LAB',
  };
  // The values are written by hand: JSON.stringify would write a float32 with 17 digits and -0 as 0.
  return (
    `{"protected":${JSON.stringify({ ver: 'v1', alg: 'none' })},"signature":"${'0'.repeat(64)}",` +
    `"payload":{${JSON.stringify(head).slice(1, -1)},"interval_ms":${formatFloat64(options.intervalMs)},` +
    `"sensors":${JSON.stringify(sensors)},"values":[${rows.join(',')}]}}`
  );
}
