/**
 * Files written the way the phone apps write them (headers, quoting, separators, decimal style,
 * units), from samples in the app's units (ms, m/s² with gravity, deg/s), so that a test can
 * import them and compare with the same samples in Edge Impulse CSV.
 */
import { crc32 } from '../../src/lib/deploy/zip';
import type { MotionSamples } from '../../src/lib/sensors/samples';

const G = 9.80665;
const RAD_PER_DEG = Math.PI / 180;

/** A walk-like recording: 100 Hz, gravity mostly on y, a sway and a turn; `count` samples. */
export function walkSamples(count = 400, rateHz = 100): MotionSamples {
  const t = Float64Array.from({ length: count }, (_, i) => (i * 1000) / rateHz);
  const acc = new Float32Array(count * 3);
  const gyro = new Float32Array(count * 3);
  for (let i = 0; i < count; i += 1) {
    const phase = (2 * Math.PI * 1.8 * i) / rateHz;
    acc.set([1.2 * Math.sin(phase), G + 2.5 * Math.sin(2 * phase), 0.8 * Math.cos(phase)], i * 3);
    gyro.set([20 * Math.sin(phase), 5 * Math.cos(phase), -12 * Math.sin(2 * phase)], i * 3);
  }
  return { t, acc, gyro };
}

/** Gravity the phone felt in these recordings: all on y. */
export const gravityMs2 = [0, G, 0] as const;

/** phyphox's number style: 10 significant digits, `E` exponent without a plus sign (`9.806650000E0`). */
function phyphoxNumber(value: number, decimalComma: boolean): string {
  const text = value.toExponential(9).replace('e+', 'E').replace('e', 'E');
  return decimalComma ? text.replace('.', ',') : text;
}

/**
 * phyphox's "Raw Data.csv": quoted headers, time in s from the start, its three separators
 * ("Comma, decimal point", "Tab, decimal point", "Semicolon, decimal comma").
 */
export function phyphoxCsv(samples: MotionSamples, { separator = ',', withoutG = false }: { separator?: ',' | '\t' | ';'; withoutG?: boolean } = {}): string {
  const name = withoutG ? 'Linear Acceleration' : 'Acceleration';
  const header = ['Time (s)', ...['x', 'y', 'z'].map((axis) => `${name} ${axis} (m/s^2)`), 'Absolute acceleration (m/s^2)'].map((cell) => `"${cell}"`);
  const lines = [header.join(separator)];
  for (let i = 0; i < samples.t.length; i += 1) {
    const a = Array.from(samples.acc.subarray(i * 3, i * 3 + 3), (value, k) => (withoutG ? value - gravityMs2[k]! : value));
    const row = [(samples.t[i]! + 3.2) / 1000, ...a, Math.hypot(...a)];
    lines.push(row.map((value) => phyphoxNumber(value, separator === ';')).join(separator));
  }
  return `${lines.join('\n')}\n`;
}

/** Physics Toolbox's g-Force Meter with the gyroscope: `time,gFx,gFy,gFz,TgF,wx,wy,wz`, time in s, g to 4 decimals, rad/s. */
export function physicsToolboxCsv(samples: MotionSamples, { linear = false }: { linear?: boolean } = {}): string {
  const lines = [linear ? 'time,ax,ay,az,aT' : 'time,gFx,gFy,gFz,TgF,wx,wy,wz'];
  for (let i = 0; i < samples.t.length; i += 1) {
    const time = (samples.t[i]! / 1000).toFixed(3);
    const a = Array.from(samples.acc.subarray(i * 3, i * 3 + 3));
    if (linear) {
      const without = a.map((value, k) => value - gravityMs2[k]!);
      lines.push([time, ...without.map((value) => value.toFixed(4)), Math.hypot(...without).toFixed(4)].join(','));
      continue;
    }
    const g = a.map((value) => value / G);
    const w = Array.from(samples.gyro!.subarray(i * 3, i * 3 + 3), (value) => value * RAD_PER_DEG);
    lines.push([time, ...g.map((value) => value.toFixed(4)), Math.hypot(...g).toFixed(4), ...w.map((value) => value.toFixed(4))].join(','));
  }
  return `${lines.join('\n')}\n`;
}

const startNs = 1698501144401773000n;

/** Sensor Logger's rows of one sensor: epoch ns `time`, `seconds_elapsed`, then z, y, x. */
function sensorRows(samples: MotionSamples, values: (i: number) => number[], offsetMs = 0): string[][] {
  return Array.from(samples.t, (time, i) => {
    const ns = startNs + BigInt(Math.round((time + offsetMs) * 1e6));
    const [x, y, z] = values(i);
    return [ns.toString(), String((time + offsetMs + 216.77) / 1000), String(z), String(y), String(x)];
  });
}

export type SensorLoggerFile = 'TotalAcceleration' | 'Accelerometer' | 'Gravity' | 'Gyroscope';

/** The rows of each of Sensor Logger's motion sensors for these samples; Gravity's ticks fall between the accelerometer's. */
function sensorLoggerRows(samples: MotionSamples): Record<SensorLoggerFile, string[][]> {
  const acc = (i: number) => Array.from(samples.acc.subarray(i * 3, i * 3 + 3));
  return {
    TotalAcceleration: sensorRows(samples, acc),
    Accelerometer: sensorRows(samples, (i) => acc(i).map((value, k) => value - gravityMs2[k]!)),
    Gravity: sensorRows(samples, () => [...gravityMs2], 3),
    Gyroscope: sensorRows(samples, (i) => Array.from(samples.gyro!.subarray(i * 3, i * 3 + 3), (value) => value * RAD_PER_DEG)),
  };
}

/** Sensor Logger's CSV of each motion sensor, as in its zip export. */
export function sensorLoggerCsvs(samples: MotionSamples): Record<SensorLoggerFile, string> {
  const rows = sensorLoggerRows(samples);
  return Object.fromEntries(
    Object.entries(rows).map(([sensor, lines]) => [sensor, `time,seconds_elapsed,z,y,x\n${lines.map((line) => line.join(',')).join('\n')}\n`]),
  ) as Record<SensorLoggerFile, string>;
}

/** Sensor Logger's JSON export: every row of the chosen sensors (and a Location row) in one array, every value a string. */
export function sensorLoggerJson(samples: MotionSamples, sensors: readonly SensorLoggerFile[]): string {
  const rows = sensorLoggerRows(samples);
  const records = sensors.flatMap((sensor) => rows[sensor].map(([time, seconds_elapsed, z, y, x]) => ({ sensor, time, seconds_elapsed, z, y, x })));
  records.push({ sensor: 'Location', time: startNs.toString(), seconds_elapsed: '1.3', latitude: '0.0', longitude: '0.0' } as never);
  return JSON.stringify(records, null, 2);
}

/** WISDM raw lines for runs of (user, activity, samples): ns timestamps, `;` at each line's end. */
export function wisdmLines(runs: readonly { user: number; activity: string; samples: MotionSamples }[]): string {
  let ns = 49105962326000;
  const lines: string[] = [];
  for (const { user, activity, samples } of runs) {
    for (let i = 0; i < samples.t.length; i += 1) {
      const [x, y, z] = samples.acc.subarray(i * 3, i * 3 + 3);
      lines.push(`${user},${activity},${ns + Math.round(samples.t[i]! * 1e6)},${x},${y},${z};`);
    }
    ns += 1e12;
  }
  return `${lines.join('\n')}\n`;
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A zip archive of these files, deflated as the apps' exports are, or stored (a zip tool's "no compression"). */
export async function zipOf(files: Record<string, string>, { stored = false }: { stored?: boolean } = {}): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const raw = encoder.encode(text);
    const data = stored ? raw : await deflate(raw);
    const nameBytes = encoder.encode(name);
    const local = new Uint8Array(30 + nameBytes.length + data.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, stored ? 0 : 8, true);
    lv.setUint32(14, crc32(raw), true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, raw.length, true);
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    local.set(data, 30 + nameBytes.length);
    const entry = new Uint8Array(46 + nameBytes.length);
    const dv = new DataView(entry.buffer);
    dv.setUint32(0, 0x02014b50, true);
    dv.setUint16(4, 20, true);
    dv.setUint16(6, 20, true);
    dv.setUint16(10, stored ? 0 : 8, true);
    dv.setUint32(16, crc32(raw), true);
    dv.setUint32(20, data.length, true);
    dv.setUint32(24, raw.length, true);
    dv.setUint16(28, nameBytes.length, true);
    dv.setUint32(42, offset, true);
    entry.set(nameBytes, 46);
    locals.push(local);
    directory.push(entry);
    offset += local.length;
  }
  const directorySize = directory.reduce((sum, entry) => sum + entry.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, directory.length, true);
  ev.setUint16(10, directory.length, true);
  ev.setUint32(12, directorySize, true);
  ev.setUint32(16, offset, true);
  const zip = new Uint8Array(offset + directorySize + 22);
  let at = 0;
  for (const part of [...locals, ...directory, end]) {
    zip.set(part, at);
    at += part.length;
  }
  return zip;
}
