import { beforeEach, describe, expect, test } from 'vitest';
import { useTemporaryStore } from '../../../test/support/temporary-store';
import sketchUrl from '../../../static/firmware/motion_lab/motion_lab.ino?url';
import type { MotionSamples } from '../sensors/samples';
import { dataFingerprint, trainedRecording } from '../model/fingerprint';
import { joinRows, networkInputs } from '../model/inputs';
import type { StoredModel, TrainedOn } from '../model/record';
import { recordingFor, type RecordingStore } from '../store/recordings';
import { generateCLibrary } from './c-library';
import { DeployError, deployErrorText } from './deploy-error';
import { loadCatalog } from '../i18n/i18n';
import { exportFromStore, sketchFileFrom } from './export-from-store';
import { tinyModel } from './tiny-model';
import { crc32 } from './zip';

/** 20 s at 50 Hz of a sway at `hz` with `amplitude` m/s² on gravity. */
function sway(hz: number, amplitude: number): MotionSamples {
  const t = Float64Array.from({ length: 1000 }, (_, i) => i * 20);
  const acc = Float32Array.from({ length: 3000 }, (_, at) => {
    const s = amplitude * Math.sin(2 * Math.PI * hz * (Math.floor(at / 3) / 50));
    return [0.5 * s, 0.2 * s, 9.81 + s][at % 3]!;
  });
  return { t, acc, gyro: null };
}

/** The entries of a stored zip, read from its local headers: name, CRC-32 and data. */
function entries(zip: Uint8Array): { name: string; crc: number; data: Uint8Array }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const found = [];
  for (let at = 0; view.getUint32(at, true) === 0x04034b50; ) {
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const name = new TextDecoder().decode(zip.subarray(at + 30, at + 30 + nameLength));
    found.push({ name, crc: view.getUint32(at + 14, true), data: zip.subarray(at + 30 + nameLength, at + 30 + nameLength + size) });
    at += 30 + nameLength + size;
  }
  return found;
}

const currentStore = useTemporaryStore('deploy');
let store: RecordingStore;
const readSketch = async (name: string) => (name === 'motion_lab.ino' ? (await fetch(sketchUrl)).text() : `/* ${name} */`);
const people = ['ana', 'ben', 'cai', 'dee', 'eli', 'fay'];
/** The first four people's recordings were the training side; the others validation and test. */
const trainPeople = people.slice(0, 4);
let model: StoredModel;

beforeEach(async () => {
  store = currentStore();
  const train: TrainedOn['train'] = [];
  for (const [p, person] of people.entries()) {
    for (const [label, hz, amplitude] of [['walking', 1.8, 2], ['running', 2.8, 6]] as const) {
      const samples = sway(hz + p * 0.05, amplitude);
      const recording = recordingFor(samples, { id: `${label}-${person}`, name: `${label}-${person}`, label, group: person, source: 'import', device: 'test', startedAt: 0 });
      await store.add(recording, samples);
      if (trainPeople.includes(person)) train.push(trainedRecording({ recording, samples }));
    }
  }
  const trainedOn: TrainedOn = { train, validation: ['walking-eli', 'running-eli'], test: ['walking-fay', 'running-fay'], fingerprint: dataFingerprint(train) };
  model = { ...tinyModel(), id: 'm', createdAt: 0, training: { seed: 1 }, trainedOn } as unknown as StoredModel;
});

/** The int8 build calibrated on the given recordings of the store, as the export would calibrate it. */
async function int8From(ids: readonly string[]): Promise<string> {
  const rows = await Promise.all(ids.map(async (id) => networkInputs(model.preprocessing, await store.readSamples(id)).rows));
  return generateCLibrary(model, 'int8', joinRows(rows)).source;
}

describe('exportFromStore, from recordings in real IndexedDB', () => {
  test('one zip: both builds calibrated on the stored training split, the sketch as served, files intact', async () => {
    const { bundle, zip } = await exportFromStore(model, store, readSketch);
    const files = entries(zip);
    expect(files.map((file) => file.name)).toEqual(bundle.files.map((file) => `motion_model/${file.path}`));
    for (const file of files) expect(crc32(file.data), file.name).toBe(file.crc);
    const sketch = new TextDecoder().decode(files.find((file) => file.name === 'motion_model/motion_lab/motion_lab.ino')!.data);
    expect(sketch).toContain('#include "motion_lab_protocol.h"');
    expect(bundle.int8!.header).toContain('#define MOTION_MODEL_INT8 1');
    expect(files.map((file) => file.name)).toContain('motion_model/int8/motion_model.c');
  });

  test('int8 is calibrated on exactly the stored training ids, not on the other recordings with its labels', async () => {
    // Recorded after training, far wilder than the training side: its range would widen the scales.
    const wild = sway(3.5, 40);
    await store.add(recordingFor(wild, { id: 'running-zed', name: 'running-zed', label: 'running', group: 'zed', source: 'import', device: 'test', startedAt: 0 }), wild);
    const { bundle, int8Missing } = await exportFromStore(model, store, readSketch);
    expect(int8Missing).toBeUndefined();
    const trainIds = model.trainedOn!.train.map(({ id }) => id);
    expect(bundle.int8!.source).toBe(await int8From(trainIds));
    expect(bundle.int8!.source).not.toBe(await int8From((await store.list()).map(({ id }) => id)));
  });

  test('a training recording deleted or changed since: everything but int8, and the refusal names it in both languages', async () => {
    await store.delete('running-ben');
    const gone = await exportFromStore(model, store, readSketch);
    expect(gone.bundle.int8).toBeUndefined();
    expect(entries(gone.zip).map((file) => file.name)).toContain('motion_model/float32/motion_model.c');
    expect(gone.int8Missing).toMatchObject({ code: 'training-recordings-gone', params: { model: 'walk or run', recordings: ['running-ben'] } });
    expect(gone.int8Missing!.message).toContain('no longer on this device: “running-ben”');
    await loadCatalog('es');
    expect(deployErrorText(gone.int8Missing!, 'es')).toContain('ya no están en este dispositivo: “running-ben”');

    model = { ...model, trainedOn: { ...model.trainedOn!, train: model.trainedOn!.train.filter(({ id }) => id !== 'running-ben') } };
    model.trainedOn!.fingerprint = dataFingerprint(model.trainedOn!.train);
    await store.update('walking-cai', { label: 'running' });
    const changed = await exportFromStore(model, store, readSketch);
    expect(changed.bundle.int8).toBeUndefined();
    expect(changed.int8Missing).toMatchObject({ code: 'training-recordings-changed', params: { recordings: ['walking-cai'] } });
    expect(changed.int8Missing!.message).toMatch(/changed since \(their label or their length\): “walking-cai”/);
  });

  test('a model saved before it kept its split: everything but int8, saying so', async () => {
    const { bundle, int8Missing } = await exportFromStore({ ...model, trainedOn: undefined } as unknown as StoredModel, store, readSketch);
    expect(bundle.int8).toBeUndefined();
    expect(int8Missing).toMatchObject({ code: 'training-split-unknown', params: { model: 'walk or run' } });
  });

  test('no model: a message that says to train one', async () => {
    await expect(exportFromStore(undefined, store, readSketch)).rejects.toThrow(expect.objectContaining({ code: 'no-model', message: expect.stringMatching(/train one/) }));
  });

  test('its recordings gone: everything but int8, and the README says why and what to do', async () => {
    for (const recording of await store.list()) await store.delete(recording.id);
    const { bundle, zip } = await exportFromStore(model, store, readSketch);
    expect(bundle.int8).toBeUndefined();
    const names = entries(zip).map((file) => file.name);
    expect(names.filter((name) => name.includes('/int8/'))).toEqual([]);
    for (const name of ['float32/motion_model.c', 'motion_lab/motion_lab.ino', 'motion_lab/motion_model.c', 'tfjs/model.json', 'tfjs/weights.bin', 'tflite/motion_model.tflite']) {
      expect(names).toContain(`motion_model/${name}`);
    }
    const readme = new TextDecoder().decode(entries(zip).find((file) => file.name === 'motion_model/README.md')!.data);
    expect(readme).toMatch(/no int8\/ build in this export.*\n.*no longer on the device.*Record or import\nrunning, walking again/);
  });
});

describe('sketchFileFrom, with real fetches', () => {
  test('the served sketch file comes back as text', async () => {
    expect(await sketchFileFrom(sketchUrl, 'motion_lab.ino')).toContain('#include "motion_lab_protocol.h"');
  });

  test('a missing file answered with the server\'s fallback page is refused naming the file, not zipped as the sketch', async () => {
    // This dev server, like many hosts, answers a path it does not have with the app's index.html (200).
    const failure = await sketchFileFrom('/firmware-that-is-not-there/motion_lab.ino', 'motion_lab.ino').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeployError);
    expect(failure).toMatchObject({ code: 'sketch-not-file', params: { file: 'motion_lab.ino' } });
    expect((failure as Error).message).toMatch(/instead of the board’s sketch file motion_lab\.ino.*Reload the app while online/);
  });

  test('no connection: refused with the file named', async () => {
    // Port 9 (discard) has no server here: the fetch fails as it does offline.
    await expect(sketchFileFrom('http://127.0.0.1:9/motion_lab.ino', 'motion_lab.ino')).rejects.toThrow(expect.objectContaining({ code: 'sketch-unreachable', params: { file: 'motion_lab.ino' } }));
  });
});
