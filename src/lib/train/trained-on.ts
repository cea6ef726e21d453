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

/**
 * The side of a model's split a recording was on, or undefined when the model never saw it (or does
 * not say what it trained on). A recording from the training or validation side replayed into the
 * model looks better than new motion would: the model learnt from it, or stopped training on it.
 *
 * @example
 * if (splitSideOf(model.trainedOn, replayId) === 'train') warn('the model has seen this one');
 */
export function splitSideOf(trainedOn: TrainedOn | undefined, recordingId: string): SplitName | undefined {
  if (!trainedOn) return undefined;
  if (trainedOn.train.some(({ id }) => id === recordingId)) return 'train';
  if (trainedOn.validation.includes(recordingId)) return 'validation';
  if (trainedOn.test.includes(recordingId)) return 'test';
  return undefined;
}
