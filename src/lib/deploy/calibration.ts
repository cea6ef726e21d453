import type { MotionSamples } from '../sensors/samples';
import { dataFingerprint, trainedRecording } from '../model/fingerprint';
import { joinRows, networkInputs } from '../model/inputs';
import type { StoredModel, TrainedRecording } from '../model/record';
import { DeployError, type DeployErrorCode } from './deploy-error';

/** A recording on the device with its samples, as calibration reads it. */
export interface CalibrationRecording {
  recording: { id: string; name: string; label: string };
  samples: MotionSamples;
}

/** The refusals that leave the int8 build out of an export, and only it. */
export const int8Refusals: readonly DeployErrorCode[] = ['training-split-unknown', 'training-recordings-gone', 'training-recordings-changed'];

/**
 * The standardised input rows of exactly the recordings a model learnt from (its training side,
 * kept in `model.trainedOn`), to calibrate its int8 build with: the scales come from the training
 * data, never from the windows it was tested on, nor from recordings made since. `recordings` are
 * those on the device (others than the training side's are ignored).
 *
 * Throws a DeployError that names the recordings when one is gone or has changed since training
 * (its fingerprint no longer matches), or when the model was saved before it kept its split.
 *
 * @example
 * const rows = trainingRows(model, recordings);
 * generateCLibrary(model, 'int8', rows);
 */
export function trainingRows(model: Pick<StoredModel, 'name' | 'preprocessing' | 'trainedOn'>, recordings: readonly CalibrationRecording[]): Float32Array {
  const { trainedOn } = model;
  if (!trainedOn) throw new DeployError('training-split-unknown', { model: model.name });
  const onDevice = new Map(recordings.map((item) => [item.recording.id, item]));
  const gone = trainedOn.train.filter(({ id }) => !onDevice.has(id));
  if (gone.length > 0) throw new DeployError('training-recordings-gone', { model: model.name, recordings: gone.map(({ name }) => name) });
  const items = trainedOn.train.map(({ id }) => onDevice.get(id)!);
  const now = items.map(trainedRecording);
  if (dataFingerprint(now) !== trainedOn.fingerprint) {
    const changed = trainedOn.train.filter((then, i) => !sameRecording(then, now[i]!));
    // A fingerprint that differs with every recording alike: the stored list itself was altered.
    const named = changed.length > 0 ? changed : trainedOn.train;
    throw new DeployError('training-recordings-changed', { model: model.name, recordings: named.map(({ name }) => name) });
  }
  return joinRows(items.map(({ samples }) => networkInputs(model.preprocessing, samples).rows));
}

function sameRecording(a: TrainedRecording, b: TrainedRecording): boolean {
  return a.id === b.id && a.label === b.label && a.sampleCount === b.sampleCount;
}
