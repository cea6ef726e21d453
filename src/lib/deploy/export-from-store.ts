import type { StoredModel } from '../model/record';
import type { RecordingStore } from '../store/recordings';
import { int8Refusals, trainingRows } from './calibration';
import { deployBundle, sketchFiles, type DeployBundle, type SketchTexts } from './deploy-bundle';
import { DeployError } from './deploy-error';
import { zipFiles } from './zip';

/**
 * The Train page's Export: a stored model's deploy bundle as one zip, its int8 build calibrated
 * on exactly the recordings it learnt from (its training side, by id), and the sketch's files read
 * with `readSketchFile` (sketchFileFrom: from the precache, so it works offline). The zip holds one
 * folder, motion_model. When one of those recordings is gone or has changed, everything but the
 * int8 build is exported (`bundle.int8` is undefined, the zip's README says int8 is missing, and
 * `int8Missing` says why, naming them, for the page to word): only int8 needs them.
 *
 * @example
 * const { zip } = await exportFromStore(model, await dataset.store(), (name) => sketchFileFrom(urls[name], name));
 */
export async function exportFromStore(
  model: StoredModel | undefined,
  store: Pick<RecordingStore, 'list' | 'readSamples'>,
  readSketchFile: (name: (typeof sketchFiles)[number]) => Promise<string>,
): Promise<{ bundle: DeployBundle; zip: Uint8Array; int8Missing: DeployError | undefined }> {
  if (!model) throw new DeployError('no-model', {});
  const trainIds = new Set(model.trainedOn?.train.map(({ id }) => id));
  const recordings = (await store.list()).filter((recording) => trainIds.has(recording.id));
  const items = await Promise.all(recordings.map(async (recording) => ({ recording, samples: await store.readSamples(recording.id) })));
  let calibration: Float32Array | undefined;
  let int8Missing: DeployError | undefined;
  try {
    calibration = trainingRows(model, items);
  } catch (error) {
    if (!(error instanceof DeployError && int8Refusals.includes(error.code))) throw error;
    int8Missing = error;
  }
  const sketch = Object.fromEntries(await Promise.all(sketchFiles.map(async (name) => [name, await readSketchFile(name)]))) as SketchTexts;
  const bundle = deployBundle(model, calibration?.length ? calibration : undefined, sketch);
  return { bundle, zip: zipFiles(bundle.files.map((file) => ({ ...file, path: `motion_model/${file.path}` }))), int8Missing };
}

/**
 * One of the sketch's files, fetched from `url` (the precache when offline), as text. A failed
 * answer or a web page instead of the file (a server's fallback page) is refused naming the file,
 * so that it never goes into the zip as the sketch.
 *
 * @example
 * await sketchFileFrom(sketchUrl, 'motion_lab.ino');
 */
export async function sketchFileFrom(url: string, file: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new DeployError('sketch-unreachable', { file });
  }
  if (!response.ok) throw new DeployError('sketch-missing', { file, status: response.status });
  const text = await response.text();
  if ((response.headers.get('content-type') ?? '').includes('text/html') || /^\s*<(!doctype html|html)/i.test(text)) {
    throw new DeployError('sketch-not-file', { file });
  }
  return text;
}
