import { describe, expect, test } from 'vitest';
import { dataFingerprint } from '../model/fingerprint';
import type { SplitName } from '../model/record';
import type { LabelledRecording } from './activity-dataset';
import { splitRecordings } from './split';
import { splitSideOf, trainedOnOf } from './trained-on';

function recording(id: string, label: string, group: string, samples: number): LabelledRecording {
  return { recording: { id, name: `${label} by ${group}`, label, group, speedFixes: [] }, samples: { t: new Float64Array(samples), acc: new Float32Array(samples * 3), gyro: null } };
}

const people = ['ana', 'ben', 'cai', 'dee', 'eli', 'fay', 'gus', 'hal'];
const recordings = people.flatMap((person, p) => [recording(`${person}-walk`, 'walking', person, 100 + p), recording(`${person}-run`, 'running', person, 200 + p)]);

describe('trainedOnOf', () => {
  test('keeps each side as the split made it: the training side with names, labels and sizes, the others by id', () => {
    const { assignment } = splitRecordings(recordings.map(({ recording }) => recording), { seed: 3 });
    const trainedOn = trainedOnOf(recordings, assignment);
    const idsOn = (side: SplitName) => recordings.filter(({ recording }) => assignment.get(recording.id) === side).map(({ recording }) => recording.id);
    expect(trainedOn.train.map(({ id }) => id)).toEqual(idsOn('train'));
    expect(trainedOn.validation).toEqual(idsOn('validation'));
    expect(trainedOn.test).toEqual(idsOn('test'));
    expect(trainedOn.train.length + trainedOn.validation.length + trainedOn.test.length).toBe(recordings.length);
    for (const kept of trainedOn.train) {
      const { recording: was, samples } = recordings.find(({ recording }) => recording.id === kept.id)!;
      expect(kept).toEqual({ id: was.id, name: was.name, label: was.label, sampleCount: samples.t.length });
    }
  });

  test('fingerprints the training side only: a change there shows, a change on the other sides does not', () => {
    const { assignment } = splitRecordings(recordings.map(({ recording }) => recording), { seed: 3 });
    const trainedOn = trainedOnOf(recordings, assignment);
    expect(trainedOn.fingerprint).toBe(dataFingerprint(trainedOn.train));
    const firstTest = trainedOn.test[0]!;
    const firstTrain = trainedOn.train[0]!.id;
    const resized = (id: string) => recordings.map((item) => (item.recording.id === id ? recording(id, item.recording.label, item.recording.group, 7) : item));
    expect(trainedOnOf(resized(firstTest), assignment).fingerprint).toBe(trainedOn.fingerprint);
    expect(trainedOnOf(resized(firstTrain), assignment).fingerprint).not.toBe(trainedOn.fingerprint);
  });
});

describe('splitSideOf', () => {
  test('finds the side each recording was on, and none for a recording the model never saw', () => {
    const { assignment } = splitRecordings(recordings.map(({ recording }) => recording), { seed: 3 });
    const trainedOn = trainedOnOf(recordings, assignment);
    for (const { recording } of recordings) expect(splitSideOf(trainedOn, recording.id)).toBe(assignment.get(recording.id));
    expect(splitSideOf(trainedOn, 'recorded-after-training')).toBeUndefined();
  });

  test('a model that does not say what it trained on claims no recording', () => {
    expect(splitSideOf(undefined, 'ana-walk')).toBeUndefined();
  });
});
