/**
 * Small valid files of every format the app opens, as the seeds the fuzz tests mutate: a
 * recording CSV (ms, seconds, CR LF), Edge Impulse JSON, the other phone apps' files (phyphox,
 * Physics Toolbox, Sensor Logger CSV, JSON and zip, WISDM), a backup, a model file and an IDX pair.
 */
import { exportBackup } from '../../src/lib/io/backup';
import { exportEdgeImpulseCsv } from '../../src/lib/io/csv';
import { exportEdgeImpulseJson } from '../../src/lib/io/edge-impulse-json';
import { encodeIdx } from '../../src/lib/learn/idx';
import type { MotionSamples } from '../../src/lib/sensors/samples';
import { recordingFor } from '../../src/lib/store/recordings';
import { phyphoxCsv, physicsToolboxCsv, sensorLoggerCsvs, sensorLoggerJson, walkSamples, wisdmLines, zipOf } from './phone-app-files';
// A dense model made with the app's export (two labels, 4 hidden units): small, and valid today.
import modelFile from './fixtures/walking-running.motion-lab-model.json?raw';

const encode = (text: string) => new TextEncoder().encode(text);

function samples(count: number, intervalMs: number, gyro: boolean): MotionSamples {
  const wave = (n: number, k: number) => Float32Array.from({ length: n * 3 }, (_, i) => Math.fround(Math.sin(i / k) * 9.8));
  return { t: Float64Array.from({ length: count }, (_, i) => i * intervalMs), acc: wave(count, 3), gyro: gyro ? wave(count, 5) : null };
}

const walking = samples(12, 20, true);
const idle = samples(8, 10, false);

export const csvSeeds: readonly Uint8Array[] = [
  encode(exportEdgeImpulseCsv(walking)),
  encode(exportEdgeImpulseCsv({ ...idle, t: idle.t.map((t) => t / 1000) })),
  encode(exportEdgeImpulseCsv(idle).replaceAll('\n', '\r\n').replace('timestamp', '"timestamp"')),
];

export const edgeImpulseJsonSeeds: readonly Uint8Array[] = [
  encode(exportEdgeImpulseJson(walking, { intervalMs: 20, deviceName: 'nano', deviceType: 'ARDUINO' })),
  encode(exportEdgeImpulseJson(idle, { intervalMs: 10 })),
];

const entry = (id: string, label: string, data: MotionSamples) => ({
  recording: recordingFor(data, { id, name: `${label} ${id}`, label, group: 'SA01', source: 'phone', device: 'This phone', startedAt: 1_700_000_000_000 }),
  samples: data,
});

export const backupSeeds: readonly Uint8Array[] = [
  encode(exportBackup({ labels: ['walking', 'idle'], recordings: [entry('r1', 'walking', walking), entry('r2', 'idle', idle)] })),
];

export const modelSeeds: readonly Uint8Array[] = [encode(modelFile)];

const count = 4;
/** An image file and its label file, the pair the Learn page opens together. */
export const idxSeeds = {
  images: encodeIdx({ dims: [count, 28, 28], data: Uint8Array.from({ length: count * 784 }, (_, i) => (i * 31) % 256) }),
  labels: encodeIdx({ dims: [count], data: Uint8Array.from({ length: count }, (_, i) => i % 10) }),
};

const shortWalk = walkSamples(10);
const sensorLogger = sensorLoggerCsvs(shortWalk);

/**
 * The other phone apps' files, each with the name the import needs to tell it (Sensor Logger's
 * sensor files go by name), and the share of mutated inputs that must still import.
 */
export const phoneAppSeeds: readonly { format: string; name: string; seeds: readonly Uint8Array[]; json: boolean; importedShare?: number }[] = [
  { format: 'phyphox CSV', name: 'walking.a/Raw Data.csv', seeds: [encode(phyphoxCsv(shortWalk)), encode(phyphoxCsv(shortWalk, { separator: ';' }))], json: false },
  { format: 'Physics Toolbox CSV', name: 'walking.a.csv', seeds: [encode(physicsToolboxCsv(shortWalk))], json: false },
  { format: 'Sensor Logger CSV', name: 'walking.a/TotalAcceleration.csv', seeds: [encode(sensorLogger.TotalAcceleration)], json: false },
  { format: 'Sensor Logger JSON', name: 'walking.a.json', seeds: [encode(sensorLoggerJson(shortWalk, ['Accelerometer', 'Gravity', 'Gyroscope']))], json: true },
  {
    format: 'Sensor Logger zip',
    name: 'walking.a.zip',
    seeds: await Promise.all([false, true].map((stored) => zipOf({ 'TotalAcceleration.csv': sensorLogger.TotalAcceleration, 'Gyroscope.csv': sensorLogger.Gyroscope }, { stored }))),
    json: false,
    // Most changed bytes fall in a compressed entry or the archive's directory, and break it.
    importedShare: 1 / 50,
  },
  { format: 'WISDM', name: 'raw.txt', seeds: [encode(wisdmLines([{ user: 1, activity: 'Walking', samples: shortWalk }, { user: 2, activity: 'Jogging', samples: shortWalk }]))], json: false },
];
