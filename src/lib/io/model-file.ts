import { UnsupportedModelError } from '../model/network-kind';
import { readNetwork, shapeMismatch } from '../model/network-kinds';
import { featureGroups, featureNames, type FeatureConfig, type FeatureGroup } from '../signal/features';
import type { ModelMetrics, StoredModel, TrainedOn, TrainingSettings } from '../model/record';
import { decodeBase64, encodeBase64 } from './base64';
import { catchImportError, ImportError, type AnyImportError } from './errors';
import { fileText, isBlank } from './file-text';
import { JsonFields, parseJson } from './json-fields';

export const modelFormat = 'motion-lab-model';
export const modelVersion = 1;

/**
 * A trained model as one file: its weights (base64) and everything needed to feed it, so it can
 * move to another device or browser and classify exactly as it did here.
 *
 * @example
 * downloadText(`${model.name}.motion-lab-model.json`, exportModel(model), 'application/json');
 */
export function exportModel(model: StoredModel): string {
  const { artifacts, ...rest } = model;
  return JSON.stringify({
    format: modelFormat,
    version: modelVersion,
    model: {
      ...rest,
      artifacts: { modelTopology: artifacts.modelTopology, weightSpecs: artifacts.weightSpecs, weightData: encodeBase64(new Uint8Array(artifacts.weightData)) },
    },
  });
}

/**
 * Reads a model file, refusing one whose metadata is missing or does not fit its weights: a
 * feature list this app computes differently, statistics of the wrong length, a network whose
 * inputs or outputs do not match. Never throws on bad input.
 */
export function parseModelFile(fileName: string, content: string | Uint8Array): { ok: true; model: StoredModel } | { ok: false; error: AnyImportError } {
  const result = catchImportError(() => readModel(fileName, content));
  return result.ok ? { ok: true, model: result.value } : result;
}

function readModel(file: string, content: string | Uint8Array): StoredModel {
  const text = fileText(file, content);
  if (isBlank(text)) throw new ImportError('empty-file', {}, { file });
  const json = parseJson(file, text);
  const fields = new JsonFields(file);
  const root = fields.root(json);
  if (root.format !== modelFormat) throw new ImportError('not-a-model', {}, { file });
  const version = fields.count(root.version, 'version');
  if (version !== modelVersion) throw new ImportError('unsupported-version', { version, supported: modelVersion }, { file });
  const model = fields.object(root.model, 'model');
  const mismatch = (reason: string) => new ImportError('model-mismatch', { reason }, { file });

  const pre = fields.object(model.preprocessing, 'model.preprocessing');
  const f = fields.object(pre.features, 'model.preprocessing.features');
  const inputName = fields.string(f.input, 'model.preprocessing.features.input');
  if (inputName !== 'features' && inputName !== 'raw' && inputName !== 'channels') throw mismatch(`its input kind “${inputName}” is unknown here.`);
  const input: FeatureConfig['input'] = inputName;
  const groups = fields.array(f.groups, 'model.preprocessing.features.groups').map((group, i) => {
    const name = fields.string(group, `model.preprocessing.features.groups[${i}]`);
    if (!(featureGroups as readonly string[]).includes(name)) throw mismatch(`it uses the feature group “${name}”, which this app does not compute.`);
    return name as FeatureGroup;
  });
  const features: FeatureConfig = {
    rateHz: fields.positiveNumber(f.rateHz, 'model.preprocessing.features.rateHz'),
    windowS: fields.positiveNumber(f.windowS, 'model.preprocessing.features.windowS'),
    strideS: fields.positiveNumber(f.strideS, 'model.preprocessing.features.strideS'),
    input,
    groups,
    rawMagnitudeOnly: fields.boolean(f.rawMagnitudeOnly, 'model.preprocessing.features.rawMagnitudeOnly'),
  };
  const names = fields.array(pre.featureNames, 'model.preprocessing.featureNames').map((name, i) => fields.string(name, `model.preprocessing.featureNames[${i}]`));
  const expected = featureNames(features);
  if (names.length !== expected.length || names.some((name, i) => name !== expected[i])) {
    throw mismatch('its inputs were computed by a different version of the feature code (the feature lists differ).');
  }
  const stats = fields.object(pre.stats, 'model.preprocessing.stats');
  const numbers = (value: unknown, path: string) => fields.array(value, path).map((n, i) => fields.number(n, `${path}[${i}]`));
  const mean = numbers(stats.mean, 'model.preprocessing.stats.mean');
  const std = numbers(stats.std, 'model.preprocessing.stats.std');
  if (mean.length !== names.length || std.length !== names.length) {
    throw mismatch(`it has normalisation statistics for ${mean.length} inputs, but ${names.length} features.`);
  }
  const labels = fields.distinctStrings(pre.labels, 'model.preprocessing.labels');
  if (labels.length < 2) throw mismatch('it knows fewer than two labels.');

  const a = fields.object(model.artifacts, 'model.artifacts');
  const weightData = decodeBase64(fields.string(a.weightData, 'model.artifacts.weightData')) ?? fields.fail('model.artifacts.weightData', 'base64');
  const artifacts = {
    modelTopology: fields.object(a.modelTopology, 'model.artifacts.modelTopology'),
    weightSpecs: fields.array(a.weightSpecs, 'model.artifacts.weightSpecs') as StoredModel['artifacts']['weightSpecs'],
    weightData: weightData.slice().buffer,
  };
  try {
    const shape = shapeMismatch(readNetwork(artifacts), { featureNames: names, labels });
    if (shape) throw mismatch(`its network takes ${shape.inputs} inputs and gives ${shape.outputs} outputs, for ${shape.features} features and ${shape.labels} labels.`);
  } catch (error) {
    if (error instanceof UnsupportedModelError) throw mismatch(error.message);
    throw error;
  }
  const metrics = fields.object(model.metrics, 'model.metrics') as unknown as ModelMetrics;
  fields.number(fields.object(metrics.test, 'model.metrics.test').accuracy, 'model.metrics.test.accuracy');
  return {
    id: fields.string(model.id, 'model.id'),
    name: fields.string(model.name, 'model.name'),
    createdAt: fields.number(model.createdAt, 'model.createdAt'),
    preprocessing: { features, featureNames: names, stats: { mean, std }, labels },
    training: fields.object(model.training, 'model.training') as unknown as TrainingSettings,
    metrics,
    ...(model.trainedOn !== undefined && { trainedOn: readTrainedOn(fields, model.trainedOn) }),
    artifacts,
  };
}

/** Which recordings the model learnt from; files saved before it was kept have none, and import without it. */
function readTrainedOn(fields: JsonFields, value: unknown): TrainedOn {
  const on = fields.object(value, 'model.trainedOn');
  const ids = (side: 'validation' | 'test') => fields.array(on[side], `model.trainedOn.${side}`).map((id, i) => fields.string(id, `model.trainedOn.${side}[${i}]`));
  return {
    train: fields.array(on.train, 'model.trainedOn.train').map((item, i) => {
      const path = `model.trainedOn.train[${i}]`;
      const recording = fields.object(item, path);
      return {
        id: fields.string(recording.id, `${path}.id`),
        name: fields.string(recording.name, `${path}.name`),
        label: fields.string(recording.label, `${path}.label`),
        sampleCount: fields.count(recording.sampleCount, `${path}.sampleCount`),
      };
    }),
    validation: ids('validation'),
    test: ids('test'),
    fingerprint: fields.string(on.fingerprint, 'model.trainedOn.fingerprint'),
  };
}
