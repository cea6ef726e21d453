import { dataFingerprint, trainedRecording } from '../model/fingerprint';
import type { SplitName, TrainedOn } from '../model/record';
import type { LabelledRecording } from './activity-dataset';

/**
 * What a model keeps of its split: the training side's recordings as trained (id, name, label,
 * sample count) with their fingerprint, and the ids on the other two sides, each in the order given.
 *
 * @example
 * const trainedOn = trainedOnOf(recordings, splitRecordings(recordings.map((r) => r.recording)).assignment);
 */
export function trainedOnOf(recordings: readonly LabelledRecording[], assignment: ReadonlyMap<string, SplitName>): TrainedOn {
  const on = (side: SplitName) => recordings.filter(({ recording }) => assignment.get(recording.id) === side);
  const train = on('train').map(trainedRecording);
  return {
    train,
    validation: on('validation').map(({ recording }) => recording.id),
    test: on('test').map(({ recording }) => recording.id),
    fingerprint: dataFingerprint(train),
  };
}
