import { beforeEach, describe, expect, test } from 'vitest';
import { phyphoxCsv, physicsToolboxCsv, sensorLoggerCsvs, sensorLoggerJson, walkSamples, wisdmLines, zipOf } from '../../../test/support/phone-app-files';
import { useTemporaryStore } from '../../../test/support/temporary-store';
import { exportEdgeImpulseCsv } from './csv';
import { importRecordingFiles, type ImportFile } from './import';
import { WorkerRecordingParser } from './recording-parser';
import type { MotionStore } from '../store/motion-store';

function file(name: string, content: string | Uint8Array): ImportFile {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { name, size: bytes.length, arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer };
}

const currentStore = useTemporaryStore('phone-apps');
let store: MotionStore;

beforeEach(() => {
  store = currentStore();
});

describe('other phone apps’ files through the real import path (the parse worker, IndexedDB)', () => {
  test('one file of each format imports with its label, person, and the samples Edge Impulse CSV gives', async () => {
    const walk = walkSamples(300);
    const csvs = sensorLoggerCsvs(walk);
    const half = { t: walk.t.slice(0, 100), acc: walk.acc.slice(0, 300), gyro: null };
    const files = [
      file('walking.ref.csv', exportEdgeImpulseCsv(walk)),
      file('walking.ana/Raw Data.csv', phyphoxCsv(walk, { separator: '\t' })),
      file('walking.ben-1.csv', physicsToolboxCsv(walk)),
      file('walking.caro/Accelerometer.csv', csvs.Accelerometer),
      file('walking.caro/Gravity.csv', csvs.Gravity),
      file('walking.caro/Gyroscope.csv', csvs.Gyroscope),
      file('walking.dani.zip', await zipOf({ 'TotalAcceleration.csv': csvs.TotalAcceleration, 'Location.csv': 'time,seconds_elapsed,latitude\n1,0,0\n' })),
      file('walking.eli.json', sensorLoggerJson(walk, ['Accelerometer', 'Gravity', 'Gyroscope'])),
      file('WISDM_ar_v1.1_raw.txt', wisdmLines([{ user: 33, activity: 'Jogging', samples: half }, { user: 7, activity: 'Walking', samples: half }])),
      file('Raw Data.csv', phyphoxCsv(walk, { withoutG: true })),
    ];
    const parser = new WorkerRecordingParser();
    let outcomes;
    try {
      outcomes = await importRecordingFiles(store, files, { person: { from: 'part', index: 2 }, parse: parser.parse });
    } finally {
      parser.close();
    }
    expect(outcomes.map((outcome) => (outcome.ok ? [outcome.file, outcome.format, outcome.timeUnit, outcome.gravity] : [outcome.file, outcome.error.code]))).toEqual([
      ['walking.ref.csv', 'Edge Impulse CSV', 'ms', 'recorded'],
      ['walking.ana/Raw Data.csv', 'phyphox CSV', 's', 'recorded'],
      ['walking.ben-1.csv', 'Physics Toolbox CSV', 's', 'recorded'],
      ['walking.caro/Accelerometer.csv + walking.caro/Gravity.csv + walking.caro/Gyroscope.csv', 'Sensor Logger CSV', 'ns', 'restored'],
      ['walking.dani.zip', 'Sensor Logger zip', 'ns', 'recorded'],
      ['walking.eli.json', 'Sensor Logger JSON', 'ns', 'restored'],
      ['WISDM_ar_v1.1_raw.txt', 'WISDM', 'ns', 'recorded'],
      ['WISDM_ar_v1.1_raw.txt', 'WISDM', 'ns', 'recorded'],
      ['Raw Data.csv', 'gravity-not-restorable'],
    ]);

    const stored = await store.list();
    const byName = new Map(stored.map((recording) => [recording.name, recording]));
    // The person from part 2 of the file name, except WISDM's own users; the label from the folder
    // or zip, and WISDM's "Walking" joins the label "walking" already here.
    expect(stored.map((recording) => [recording.name, recording.label, recording.group]).sort()).toEqual([
      ['33-Jogging-1', 'Jogging', '33'],
      ['7-Walking-1', 'walking', '7'],
      ['ana', 'walking', ''],
      ['ben-1', 'walking', 'ben'],
      ['caro', 'walking', ''],
      ['dani', 'walking', 'dani'],
      ['eli', 'walking', 'eli'],
      ['ref', 'walking', 'ref'],
    ]);
    const reference = await store.readSamples(byName.get('ref')!.id);
    for (const name of ['ana', 'ben-1', 'caro', 'dani', 'eli']) {
      const samples = await store.readSamples(byName.get(name)!.id);
      expect(samples.t.length).toBe(reference.t.length);
      const tolerance = name === 'ben-1' ? 0.005 : 1e-4;
      samples.acc.forEach((value, i) => expect(Math.abs(value - reference.acc[i]!)).toBeLessThanOrEqual(tolerance));
      expect(samples.t[299]! - samples.t[0]!).toBeCloseTo(reference.t[299]! - reference.t[0]!, 3);
    }
  });
});
