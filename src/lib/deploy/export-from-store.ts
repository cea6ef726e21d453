import { SplitError } from '../learn/split';
import type { StoredModel } from '../store/model-record';
import type { RecordingStore } from '../store/recordings';
import { trainingRows } from './calibration';
import { deployBundle, sketchFiles, type DeployBundle } from './deploy-bundle';
import { DeployError } from './feature-twins';
import { zipFiles } from './zip';

/**
 * The Train page's Export: a stored model's deploy bundle as one zip, its int8 build calibrated
 * on the recordings on this device split as training split them, and the sketch's files read with
 * `readSketchFile` (from the precache, so it works offline). The zip holds one folder, motion_model.
 *
 * @example
 * const { zip } = await exportFromStore(model, await dataset.store(), async (name) => (await fetch(urls[name])).text());
 */
export async function exportFromStore(
  model: StoredModel | undefined,
  store: Pick<RecordingStore, 'list' | 'readSamples'>,
  readSketchFile: (name: (typeof sketchFiles)[number]) => Promise<string>,
): Promise<{ bundle: DeployBundle; zip: Uint8Array }> {
  if (!model) throw new DeployError('There is no trained model to export: train one on the Train page first.');
  const recordings = (await store.list()).filter((recording) => model.preprocessing.labels.includes(recording.label));
  const items = await Promise.all(recordings.map(async (recording) => ({ recording, samples: await store.readSamples(recording.id) })));
  let calibration: Float32Array;
  try {
    calibration = trainingRows(items, model.preprocessing, model.training.seed);
  } catch (error) {
    if (!(error instanceof SplitError)) throw error;
    calibration = new Float32Array(0);
  }
  if (calibration.length === 0) {
    throw new DeployError(
      `The recordings “${model.name}” learnt from are no longer on this device, and the int8 build takes its scales from them. Record or import ${model.preprocessing.labels.join(', ')} again, or export from the device it was trained on.`,
    );
  }
  const sketch = Object.fromEntries(await Promise.all(sketchFiles.map(async (name) => [name, await readSketchFile(name)]))) as Record<(typeof sketchFiles)[number], string>;
  const bundle = deployBundle(model, calibration, sketch);
  return { bundle, zip: zipFiles(bundle.files.map((file) => ({ ...file, path: `motion_model/${file.path}` }))) };
}

