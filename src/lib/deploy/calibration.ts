import { windowSet, type LabelledRecording } from '../train/activity-dataset';
import { splitRecordings } from '../train/split';
import { standardize } from '../signal/standardize';
import type { Preprocessing } from '../model/record';

/**
 * The standardised feature rows of a model's training split, to calibrate the int8 build with:
 * the recordings are split again with the model's own seed, as training split them, so the scales
 * come from the training data only, never from the windows the model was tested on.
 *
 * @example
 * const rows = trainingRows(recordings, model.preprocessing, model.training.seed);
 * generateCLibrary(model, 'int8', rows);
 */
export function trainingRows(recordings: readonly LabelledRecording[], preprocessing: Preprocessing, seed: number): Float32Array {
  const known = recordings.filter(({ recording }) => preprocessing.labels.includes(recording.label));
  const split = splitRecordings(
    known.map(({ recording }) => recording),
    { seed },
  );
  const train = known.flatMap(({ recording }, index) => (split.assignment.get(recording.id) === 'train' ? [index] : []));
  const set = windowSet(known, train, preprocessing.labels, preprocessing.features, { tooShort: [], nonFiniteSamples: 0 });
  return standardize(set.x, preprocessing.stats);
}
