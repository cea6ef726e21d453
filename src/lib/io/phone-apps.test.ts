import { describe, expect, it } from 'vitest';
import { phyphoxCsv, physicsToolboxCsv, sensorLoggerCsvs, sensorLoggerJson, walkSamples, wisdmLines, zipOf } from '../../../test/support/phone-app-files';
import { exportEdgeImpulseCsv } from './csv';
import { zipFiles } from '../deploy/zip';
import { parseRecordingFile, parseRecordingFiles, type NamedContent, type ParsedRecording } from './recording-file';
import type { MotionSamples } from '../sensors/samples';

const samples = walkSamples();

/** The same samples read back from Edge Impulse CSV, the reference every app's file must match. */
const reference = (() => {
  const parsed = parseRecordingFile('walking.ref.csv', exportEdgeImpulseCsv(samples));
  if (!parsed.ok) throw parsed.error;
  return parsed.recording.samples;
})();

/** Same samples within the file's rounding: times from the first to 1 µs, values to `tolerance`. */
function expectSameSamples(actual: MotionSamples, tolerance: number, gyroTolerance?: number): void {
  expect(actual.t.length).toBe(reference.t.length);
  actual.t.forEach((time, i) => expect(time - actual.t[0]!).toBeCloseTo(reference.t[i]! - reference.t[0]!, 3));
  actual.acc.forEach((value, i) => expect(Math.abs(value - reference.acc[i]!)).toBeLessThanOrEqual(tolerance));
  if (gyroTolerance === undefined) return;
  expect(actual.gyro).not.toBeNull();
  actual.gyro!.forEach((value, i) => expect(Math.abs(value - samples.gyro![i]!)).toBeLessThanOrEqual(gyroTolerance));
}

async function parsed(files: NamedContent[]): Promise<ParsedRecording[]> {
  const result = await parseRecordingFiles(files);
  if (!result.ok) throw result.error;
  return result.recordings;
}

async function refusal(files: NamedContent[]) {
  const result = await parseRecordingFiles(files);
  if (result.ok) throw new Error('should be refused');
  return result.error;
}

describe('phyphox', () => {
  it.each([
    ['comma, decimal point', ','],
    ['tab, decimal point', '\t'],
    ['semicolon, decimal comma', ';'],
  ] as const)('reads its "%s" Raw Data.csv, time in s, as the same samples as Edge Impulse CSV', async (_, separator) => {
    const [recording] = await parsed([{ name: 'walking.ana/Raw Data.csv', content: phyphoxCsv(samples, { separator }) }]);
    expect(recording).toMatchObject({ format: 'phyphox CSV', timeUnit: 's', gravity: 'recorded', label: 'walking', nameHint: 'ana' });
    expect(recording!.rateHz).toBeCloseTo(100, 6);
    expectSameSamples(recording!.samples, 1e-5);
  });

  it('refuses "Acceleration without g", naming the file and the experiment to export instead', async () => {
    const error = await refusal([{ name: 'Raw Data.csv', content: phyphoxCsv(samples, { withoutG: true }) }]);
    expect(error.code).toBe('gravity-not-restorable');
    expect(error.message).toBe('Raw Data.csv: phyphox: this export has no gravity in it, and nothing to add it back from.');
    expect(error.hint).toContain('“Acceleration (with g)”');
    expect(error.wordIn('es')).toContain('no tiene la gravedad');
  });

  it('takes the label from the folder, as the app names every file "Raw Data.csv"', async () => {
    const [recording] = await parsed([{ name: 'Raw Data.csv', content: phyphoxCsv(samples) }]);
    expect(recording!.label).toBeNull();
  });
});

describe('Physics Toolbox', () => {
  it('reads the g-Force Meter in g and the gyroscope in rad/s as m/s² and deg/s', async () => {
    const [recording] = await parsed([{ name: 'running.ben-2.csv', content: physicsToolboxCsv(samples) }]);
    expect(recording).toMatchObject({ format: 'Physics Toolbox CSV', timeUnit: 's', gravity: 'recorded', label: 'running' });
    // 4 decimals of g and of rad/s.
    expectSameSamples(recording!.samples, 0.0005 * 9.81, 0.00005 * (180 / Math.PI) + 1e-4);
  });

  it('refuses the linear accelerometer, which has no gravity', async () => {
    const error = await refusal([{ name: 'walking.a.csv', content: physicsToolboxCsv(samples, { linear: true }) }]);
    expect(error.code).toBe('gravity-not-restorable');
    expect(error.hint).toContain('g-Force Meter');
  });
});

describe('Sensor Logger', () => {
  const csvs = sensorLoggerCsvs(samples);

  it('reads TotalAcceleration.csv (z, y, x; time in epoch ns) with the gyroscope resampled to its times', async () => {
    const [recording] = await parsed([
      { name: 'walking.cata/TotalAcceleration.csv', content: csvs.TotalAcceleration },
      { name: 'walking.cata/Gyroscope.csv', content: csvs.Gyroscope },
    ]);
    expect(recording).toMatchObject({ format: 'Sensor Logger CSV', timeUnit: 'ns', gravity: 'recorded', label: 'walking', nameHint: 'cata' });
    expectSameSamples(recording!.samples, 1e-5, 1e-3);
  });

  it('adds gravity back to Accelerometer.csv from Gravity.csv, at the accelerometer’s times', async () => {
    const [recording] = await parsed([
      { name: 'Accelerometer.csv', content: csvs.Accelerometer },
      { name: 'Gravity.csv', content: csvs.Gravity },
    ]);
    expect(recording).toMatchObject({ gravity: 'restored', label: null });
    expectSameSamples(recording!.samples, 1e-5);
  });

  it('refuses Accelerometer.csv without Gravity.csv, saying what to export', async () => {
    const error = await refusal([{ name: 'Accelerometer.csv', content: csvs.Accelerometer }]);
    expect(error.code).toBe('gravity-not-restorable');
    expect(error.message).toMatch(/^Accelerometer\.csv: Sensor Logger: /);
    expect(error.hint).toContain('Gravity.csv');
  });

  it('refuses a gyroscope alone, and a renamed sensor file it cannot place', async () => {
    expect((await refusal([{ name: 'Gyroscope.csv', content: csvs.Gyroscope }])).code).toBe('missing-sensors');
    expect((await refusal([{ name: 'walking.csv', content: csvs.TotalAcceleration }])).code).toBe('unknown-sensor-file');
  });

  it('reads its zip: the motion sensors, other files passed over, the label from the zip’s name', async () => {
    const zip = await zipOf({ 'Accelerometer.csv': csvs.Accelerometer, 'Gravity.csv': csvs.Gravity, 'Gyroscope.csv': csvs.Gyroscope, 'Location.csv': 'time,seconds_elapsed,latitude\n1,0,0\n', 'metadata.csv': 'version,device name\n3,Pixel\n' });
    const [recording] = await parsed([{ name: 'stairs.dani-1.zip', content: zip }]);
    expect(recording).toMatchObject({ format: 'Sensor Logger zip', gravity: 'restored', label: 'stairs', nameHint: 'dani-1' });
    expectSameSamples(recording!.samples, 1e-5, 1e-3);
  });

  it('reads a stored zip as the app’s own library download writes it', async () => {
    const zip = zipFiles([{ path: 'rec/TotalAcceleration.csv', content: csvs.TotalAcceleration }]);
    const [recording] = await parsed([{ name: 'walking.x.zip', content: zip }]);
    expectSameSamples(recording!.samples, 1e-5);
  });

  it('refuses a zip with no recording in it, and a damaged one', async () => {
    expect((await refusal([{ name: 'x.zip', content: await zipOf({ 'Location.csv': 'time\n1\n' }) }])).code).toBe('no-recording-in-zip');
    const zip = await zipOf({ 'TotalAcceleration.csv': csvs.TotalAcceleration });
    expect((await refusal([{ name: 'x.zip', content: zip.slice(0, zip.length - 30) }])).code).toBe('damaged-zip');
  });

  it('reads its JSON export, every value a string, rows of other sensors passed over', async () => {
    const [withTotal] = await parsed([{ name: 'golfing.eli.json', content: sensorLoggerJson(samples, ['TotalAcceleration', 'Gyroscope']) }]);
    expect(withTotal).toMatchObject({ format: 'Sensor Logger JSON', gravity: 'recorded', label: 'golfing' });
    expectSameSamples(withTotal!.samples, 1e-5, 1e-3);
    const [restored] = await parsed([{ name: 'golfing.eli.json', content: sensorLoggerJson(samples, ['Accelerometer', 'Gravity']) }]);
    expect(restored!.gravity).toBe('restored');
    expectSameSamples(restored!.samples, 1e-5);
    expect((await refusal([{ name: 'g.json', content: sensorLoggerJson(samples, ['Accelerometer']) }])).code).toBe('gravity-not-restorable');
  });
});

describe('WISDM', () => {
  const half = { t: samples.t.slice(0, 200), acc: samples.acc.slice(0, 600), gyro: null };
  const text = wisdmLines([
    { user: 33, activity: 'Jogging', samples: half },
    { user: 33, activity: 'Walking', samples: half },
    { user: 7, activity: 'Jogging', samples: half },
  ]);

  it('gives each run of one person and one activity as a recording with its person and label, ns timestamps', async () => {
    const recordings = await parsed([{ name: 'WISDM_ar_v1.1_raw.txt', content: text }]);
    expect(recordings.map((r) => [r.group, r.label, r.samples.t.length, r.timeUnit, r.format])).toEqual([
      ['33', 'Jogging', 200, 'ns', 'WISDM'],
      ['33', 'Walking', 200, 'ns', 'WISDM'],
      ['7', 'Jogging', 200, 'ns', 'WISDM'],
    ]);
    expect(recordings[0]!.samples.acc).toEqual(half.acc);
  });

  it('splits records at ";" within a line, and names a bad record’s line', async () => {
    const joined = text.replace(';\n', ';');
    expect((await parsed([{ name: 'raw.txt', content: joined }])).length).toBe(3);
    const error = await refusal([{ name: 'raw.txt', content: `${text}33,Walking,1,2,3;\n` }]);
    expect(error.message).toMatch(/^raw\.txt, line 601: /);
  });

  it('passes over a record with an empty value, as the published file has one, and counts it', async () => {
    const withGap = text.replace(/\n(33,Jogging,\d+,[-\d.e]+,[-\d.e]+,)[-\d.e]+;/, '\n$1;');
    const recordings = await parsed([{ name: 'raw.txt', content: withGap }]);
    expect(recordings.map((r) => [r.samples.t.length, r.skippedRecords])).toEqual([
      [199, 1],
      [200, undefined],
      [200, undefined],
    ]);
  });

  it('is refused by the one-recording reader, which the command-line evaluation uses', () => {
    const result = parseRecordingFile('raw.txt', text);
    expect(!result.ok && result.error.code).toBe('several-recordings');
  });
});
