import { causeFact, messageOf } from '../i18n/coded-error';
import { excerpt } from '../i18n/excerpt';
import { UnsupportedModelError, type NetworkKindName } from '../model/network-kind';
import { readNetwork, shapeMismatch } from '../model/network-kinds';
import { precisionMatrices, scoredWidth } from '../model/unknown-score';
import { featureGroups, featureNames, type FeatureConfig, type FeatureGroup } from '../signal/features';
import { checkWindowBounds } from '../signal/windows';
import { checkLabel } from '../store/labels';
import type { EpochScores, FoldScore, ModelMetrics, ModelResults, Preprocessing, SplitCaution, SplitName, SplitScores, StoredModel, TestResults, TrainedOn, TrainingSettings, TrainingStop, UnknownStats, WrongRecording } from '../model/record';
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

/** The longest model name a file may carry, in characters: it is a title on the Train page and a comment in the C. */
export const maxModelNameLength = 200;

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

  const preprocessing = readPreprocessing(fields, fields.object(model.preprocessing, 'model.preprocessing'), mismatch);
  const a = fields.object(model.artifacts, 'model.artifacts');
  const weightData = decodeBase64(fields.string(a.weightData, 'model.artifacts.weightData')) ?? fields.fail('model.artifacts.weightData', 'base64');
  const artifacts = {
    modelTopology: fields.object(a.modelTopology, 'model.artifacts.modelTopology'),
    weightSpecs: fields.array(a.weightSpecs, 'model.artifacts.weightSpecs') as StoredModel['artifacts']['weightSpecs'],
    weightData: weightData.slice().buffer,
  };
  let kind: NetworkKindName;
  let hiddenSize: number;
  try {
    const network = readNetwork(artifacts);
    kind = network.kind;
    hiddenSize = network.hiddenSize;
    const shape = shapeMismatch(network, preprocessing);
    if (shape) throw mismatch(`its network takes ${shape.inputs} inputs and gives ${shape.outputs} outputs, for ${shape.features} features and ${shape.labels} labels.`);
  } catch (error) {
    if (error instanceof UnsupportedModelError) throw mismatch(error.message);
    throw error;
  }
  const name = fields.string(model.name, 'model.name');
  if (name.trim() === '' || name.length > maxModelNameLength) throw mismatch(`its name is empty or longer than ${maxModelNameLength} characters.`);
  const training = readTraining(fields, model.training, kind, mismatch);
  return {
    id: fields.string(model.id, 'model.id'),
    name,
    createdAt: fields.number(model.createdAt, 'model.createdAt'),
    preprocessing,
    training,
    metrics: readMetrics(fields, model.metrics, preprocessing.labels.length, mismatch),
    ...(model.trainedOn !== undefined && { trainedOn: readTrainedOn(fields, model.trainedOn) }),
    ...(model.results !== undefined && { results: readResults(fields, model.results, preprocessing.labels, training.epochs, mismatch) }),
    ...(model.unknown !== undefined && { unknown: readUnknown(fields, model.unknown, preprocessing.labels.length, { inputs: preprocessing.featureNames.length, hiddenSize }, mismatch) }),
    artifacts,
  };
}

/**
 * How samples become the model's inputs, checked before anything is computed from it: the window
 * within the one bound every reader applies (a file asking for `rateHz: 1e9` is refused here,
 * before a feature extractor is built for it), the feature list this app computes, statistics of
 * its length, and labels that pass the rule every label in the app passes.
 */
function readPreprocessing(fields: JsonFields, pre: Record<string, unknown>, mismatch: (reason: string) => ImportError): Preprocessing {
  const f = fields.object(pre.features, 'model.preprocessing.features');
  const inputName = fields.string(f.input, 'model.preprocessing.features.input');
  if (inputName !== 'features' && inputName !== 'raw' && inputName !== 'channels') throw mismatch(`its input kind “${excerpt(inputName)}” is unknown here.`);
  const groups = fields.array(f.groups, 'model.preprocessing.features.groups').map((group, i) => {
    const name = fields.string(group, `model.preprocessing.features.groups[${i}]`);
    if (!(featureGroups as readonly string[]).includes(name)) throw mismatch(`it uses the feature group “${excerpt(name)}”, which this app does not compute.`);
    return name as FeatureGroup;
  });
  const features: FeatureConfig = {
    rateHz: fields.positiveNumber(f.rateHz, 'model.preprocessing.features.rateHz'),
    windowS: fields.positiveNumber(f.windowS, 'model.preprocessing.features.windowS'),
    strideS: fields.positiveNumber(f.strideS, 'model.preprocessing.features.strideS'),
    input: inputName,
    groups,
    rawMagnitudeOnly: fields.boolean(f.rawMagnitudeOnly, 'model.preprocessing.features.rawMagnitudeOnly'),
  };
  try {
    checkWindowBounds(features);
  } catch (error) {
    throw mismatch(messageOf(error, 'en'));
  }
  const names = fields.array(pre.featureNames, 'model.preprocessing.featureNames').map((name, i) => fields.string(name, `model.preprocessing.featureNames[${i}]`));
  const expected = featureNames(features);
  if (names.length !== expected.length || names.some((name, i) => name !== expected[i])) {
    throw mismatch('its inputs were computed by a different version of the feature code (the feature lists differ).');
  }
  const stats = fields.object(pre.stats, 'model.preprocessing.stats');
  const mean = numbers(fields, stats.mean, 'model.preprocessing.stats.mean');
  const std = numbers(fields, stats.std, 'model.preprocessing.stats.std');
  if (mean.length !== names.length || std.length !== names.length) {
    throw mismatch(`it has normalisation statistics for ${mean.length} inputs, but ${names.length} features.`);
  }
  const labels = fields.distinctStrings(pre.labels, 'model.preprocessing.labels');
  if (labels.length < 2) throw mismatch('it knows fewer than two labels.');
  try {
    labels.forEach(checkLabel);
  } catch (error) {
    throw new ImportError('label-refused', { reason: causeFact(error) }, { file: fields.file });
  }
  return { features, featureNames: names, stats: { mean, std }, labels };
}

const numbers = (fields: JsonFields, value: unknown, path: string) => fields.array(value, path).map((n, i) => fields.number(n, `${path}[${i}]`));

/** A score as exported: a share from 0 to 1, or null for one not measured (NaN, which JSON writes as null). */
function score(fields: JsonFields, value: unknown, path: string, mismatch: (reason: string) => ImportError): number {
  if (value === null) return NaN;
  const share = fields.number(value, path);
  if (share < 0 || share > 1) throw mismatch(`${path} is ${share}, not a share from 0 to 1.`);
  return share;
}

/** How the model did, whole: every page that lists it reads these, so a file missing one is refused rather than stored. */
function readMetrics(fields: JsonFields, value: unknown, labels: number, mismatch: (reason: string) => ImportError): ModelMetrics {
  const metrics = fields.object(value, 'model.metrics');
  const scores = (side: 'train' | 'validation' | 'test' | 'baseline'): SplitScores => {
    const path = `model.metrics.${side}`;
    const split = fields.object(metrics[side], path);
    const f1 = fields.array(split.f1, `${path}.f1`).map((item, i) => score(fields, item, `${path}.f1[${i}]`, mismatch));
    if (f1.length !== labels) throw mismatch(`${path}.f1 has ${f1.length} scores for ${labels} labels.`);
    return { accuracy: score(fields, split.accuracy, `${path}.accuracy`, mismatch), f1 };
  };
  const confusion = fields.array(metrics.confusion, 'model.metrics.confusion').map((row, r) =>
    fields.array(row, `model.metrics.confusion[${r}]`).map((count, c) => fields.count(count, `model.metrics.confusion[${r}][${c}]`)),
  );
  // Training writes a last column for answers outside the labels (metrics.ts `confusionMatrix`).
  const columns = confusion[0]?.length;
  if (confusion.length !== labels || (columns !== labels && columns !== labels + 1) || confusion.some((row) => row.length !== columns)) {
    throw mismatch(`its confusion matrix is not ${labels} × ${labels}, one row and column per label (and maybe one column of other answers).`);
  }
  return {
    train: scores('train'),
    validation: scores('validation'),
    test: scores('test'),
    baseline: scores('baseline'),
    confusion,
    epochs: fields.count(metrics.epochs, 'model.metrics.epochs'),
    trainMs: fields.number(metrics.trainMs, 'model.metrics.trainMs'),
  };
}

/**
 * The settings it was trained with, whole, and of the kind of network it holds; `network` and
 * `augment` came later, and files without them are dense and not augmented.
 */
function readTraining(fields: JsonFields, value: unknown, kind: NetworkKindName, mismatch: (reason: string) => ImportError): TrainingSettings {
  const training = fields.object(value, 'model.training');
  const network = training.network === undefined ? 'dense' : fields.string(training.network, 'model.training.network');
  if (network !== kind) throw mismatch(`its settings say it is a “${excerpt(network)}” network, but its layers are a ${kind} one.`);
  const hidden = fields.array(training.hidden, 'model.training.hidden').map((units, i) => fields.count(units, `model.training.hidden[${i}]`));
  if (hidden.some((units) => units < 1)) throw mismatch('its settings name a hidden layer of no units.');
  const dropout = fields.number(training.dropout, 'model.training.dropout');
  if (dropout < 0 || dropout >= 1) throw mismatch(`its settings drop out ${dropout} of the units, not a share from 0 up to 1.`);
  const batchSize = fields.count(training.batchSize, 'model.training.batchSize');
  if (batchSize < 1) throw mismatch('its settings give batches of no windows.');
  return {
    ...(training.network !== undefined && { network: kind }),
    hidden,
    ...(training.augment !== undefined && { augment: fields.count(training.augment, 'model.training.augment') }),
    dropout,
    learningRate: fields.positiveNumber(training.learningRate, 'model.training.learningRate'),
    epochs: fields.count(training.epochs, 'model.training.epochs'),
    batchSize,
    classWeights: fields.boolean(training.classWeights, 'model.training.classWeights'),
    patience: fields.count(training.patience, 'model.training.patience'),
    seed: fields.number(training.seed, 'model.training.seed'),
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

/**
 * What training showed, kept with the model; files saved before results were kept have none, and
 * import without them. Read as strictly as the rest: curves no longer than the epochs it was
 * allowed, a kept epoch among those run, labels of its own, counts that add up.
 */
function readResults(fields: JsonFields, value: unknown, labels: readonly string[], maxEpochs: number, mismatch: (reason: string) => ImportError): ModelResults {
  const results = fields.object(value, 'model.results');
  const loss = (item: unknown, path: string) => {
    if (item === null) return NaN;
    const number = fields.number(item, path);
    if (number < 0) throw mismatch(`${path} is ${number}, a negative loss.`);
    return number;
  };
  const curves = fields.array(results.curves, 'model.results.curves').map((item, i): EpochScores => {
    const path = `model.results.curves[${i}]`;
    const epoch = fields.object(item, path);
    return {
      loss: loss(epoch.loss, `${path}.loss`),
      accuracy: score(fields, epoch.accuracy, `${path}.accuracy`, mismatch),
      valLoss: loss(epoch.valLoss, `${path}.valLoss`),
      valAccuracy: score(fields, epoch.valAccuracy, `${path}.valAccuracy`, mismatch),
    };
  });
  if (curves.length > maxEpochs) throw mismatch(`its curves have ${curves.length} epochs, more than the ${maxEpochs} it was trained for.`);
  const stop = readStop(fields, results.stop, curves.length, mismatch);
  return {
    curves,
    stop,
    ...(results.test !== undefined && { test: readTestResults(fields, results.test, labels, mismatch) }),
    ...(results.folds !== undefined && {
      folds: fields.array(results.folds, 'model.results.folds').map((item, i): FoldScore => {
        const path = `model.results.folds[${i}]`;
        const fold = fields.object(item, path);
        return {
          people: fields.distinctStrings(fold.people, `${path}.people`),
          accuracy: score(fields, fold.accuracy, `${path}.accuracy`, mismatch),
          macroF1: score(fields, fold.macroF1, `${path}.macroF1`, mismatch),
          baselineAccuracy: score(fields, fold.baselineAccuracy, `${path}.baselineAccuracy`, mismatch),
        };
      }),
    }),
  };
}

const stopKinds: readonly TrainingStop['stopped'][] = ['completed', 'early', 'cancelled'];

function readStop(fields: JsonFields, value: unknown, epochs: number, mismatch: (reason: string) => ImportError): TrainingStop {
  const stop = fields.object(value, 'model.results.stop');
  const stopped = fields.string(stop.stopped, 'model.results.stop.stopped');
  if (!(stopKinds as readonly string[]).includes(stopped)) throw mismatch(`its training ended in a way unknown here, “${excerpt(stopped)}”.`);
  if (fields.count(stop.epochs, 'model.results.stop.epochs') !== epochs) throw mismatch(`its training ran ${String(stop.epochs)} epochs, but its curves have ${epochs}.`);
  const keptEpoch = fields.count(stop.keptEpoch, 'model.results.stop.keptEpoch');
  if (keptEpoch > epochs) throw mismatch(`it kept the weights of epoch ${keptEpoch}, after the last one it ran.`);
  return { stopped: stopped as TrainingStop['stopped'], epochs, keptEpoch };
}

function readTestResults(fields: JsonFields, value: unknown, labels: readonly string[], mismatch: (reason: string) => ImportError): TestResults {
  const test = fields.object(value, 'model.results.test');
  const macroF1 = fields.object(test.macroF1, 'model.results.test.macroF1');
  const perSide = (key: 'windows' | 'recordings'): Record<SplitName, number> => {
    const sides = fields.object(test[key], `model.results.test.${key}`);
    return {
      train: fields.count(sides.train, `model.results.test.${key}.train`),
      validation: fields.count(sides.validation, `model.results.test.${key}.validation`),
      test: fields.count(sides.test, `model.results.test.${key}.test`),
    };
  };
  const recordings = perSide('recordings');
  const label = (item: unknown, path: string) => {
    const name = fields.string(item, path);
    if (!labels.includes(name)) throw mismatch(`${path} is “${excerpt(name)}”, not one of its labels.`);
    return name;
  };
  const wrong = fields.array(test.wrong, 'model.results.test.wrong').map((item, i): WrongRecording => {
    const path = `model.results.test.wrong[${i}]`;
    const recording = fields.object(item, path);
    const windows = fields.count(recording.windows, `${path}.windows`);
    const wrongWindows = fields.count(recording.wrongWindows, `${path}.wrongWindows`);
    if (wrongWindows > windows) throw mismatch(`${path} has ${wrongWindows} wrong windows of ${windows}.`);
    return { name: fields.string(recording.name, `${path}.name`), truth: label(recording.truth, `${path}.truth`), predicted: label(recording.predicted, `${path}.predicted`), windows, wrongWindows };
  });
  if (wrong.length > recordings.test) throw mismatch(`it names ${wrong.length} test recordings it got wrong, of ${recordings.test}.`);
  return {
    macroF1: { test: score(fields, macroF1.test, 'model.results.test.macroF1.test', mismatch), baseline: score(fields, macroF1.baseline, 'model.results.test.macroF1.baseline', mismatch) },
    windows: perSide('windows'),
    recordings,
    ...(test.caution !== undefined && { caution: readCaution(fields, test.caution, recordings, mismatch) }),
    wrong,
  };
}

function readCaution(fields: JsonFields, value: unknown, recordings: Record<SplitName, number>, mismatch: (reason: string) => ImportError): SplitCaution {
  const caution = fields.object(value, 'model.results.test.caution');
  const kind = fields.string(caution.kind, 'model.results.test.caution.kind');
  if (kind === 'no-people') return { kind };
  if (kind === 'too-few-people') return { kind, people: fields.count(caution.people, 'model.results.test.caution.people') };
  if (kind === 'people-unknown') {
    const unknown = fields.count(caution.unknown, 'model.results.test.caution.unknown');
    const total = fields.count(caution.recordings, 'model.results.test.caution.recordings');
    if (unknown < 1 || unknown > total || total !== recordings.train + recordings.validation + recordings.test) {
      throw mismatch(`it says ${unknown} of ${total} recordings name nobody, but it split ${recordings.train + recordings.validation + recordings.test}.`);
    }
    return { kind, unknown, recordings: total };
  }
  throw mismatch(`its split caution “${excerpt(kind)}” is unknown here.`);
}

/**
 * The unknown score's statistics, checked whole against the network they belong to: one mean, one
 * precision matrix and one log-determinant per label (one shared matrix and none in files saved
 * before), each the size of the values scored (the last hidden layer, after
 * the inputs when `withInputs` is true), every value finite, both thresholds finite and the rate a
 * share. Files saved before the score have none, and import without it (Live then falls back to
 * its probability threshold); files saved before `withInputs` score the hidden layer alone.
 */
function readUnknown(fields: JsonFields, value: unknown, labels: number, network: { inputs: number; hiddenSize: number }, mismatch: (reason: string) => ImportError): UnknownStats {
  const unknown = fields.object(value, 'model.unknown');
  if (unknown.withInputs !== undefined && unknown.withInputs !== true) throw mismatch(`model.unknown.withInputs is “${excerpt(String(unknown.withInputs))}”: it is true or absent.`);
  const withInputs = unknown.withInputs === true ? { withInputs: true as const } : {};
  const width = scoredWidth(withInputs, network);
  const means = fields.array(unknown.means, 'model.unknown.means').map((mean, k) => numbers(fields, mean, `model.unknown.means[${k}]`));
  if (means.length !== labels || means.some((mean) => mean.length !== width)) {
    throw mismatch(`its unknown score has ${means.length} means for ${labels} labels, each to be ${width} values long (${withInputs.withInputs ? 'its inputs and ' : ''}its last hidden layer).`);
  }
  // A covariance per label, each with its log-determinant; files saved before share one and have no log-determinants.
  const logDeterminants = unknown.logDeterminants === undefined ? undefined : numbers(fields, unknown.logDeterminants, 'model.unknown.logDeterminants');
  if (logDeterminants && logDeterminants.length !== labels) throw mismatch(`its unknown score has ${logDeterminants.length} log-determinants for ${labels} labels.`);
  const matrices = precisionMatrices({ ...(logDeterminants && { logDeterminants }) }, labels);
  const precision = numbers(fields, unknown.precision, 'model.unknown.precision');
  if (precision.length !== matrices * width * width) {
    throw mismatch(`its unknown score's precision matrices hold ${precision.length} values, not ${matrices > 1 ? `${matrices} × ` : ''}${width} × ${width}.`);
  }
  const falseUnknownRate = fields.number(unknown.falseUnknownRate, 'model.unknown.falseUnknownRate');
  if (falseUnknownRate < 0 || falseUnknownRate > 1) throw mismatch(`model.unknown.falseUnknownRate is ${falseUnknownRate}, not a share from 0 to 1.`);
  // Files saved before the live threshold have none: Live then uses `threshold` (model/unknown-score.ts `liveThresholdOf`).
  const live = unknown.liveThreshold === undefined ? {} : { liveThreshold: fields.number(unknown.liveThreshold, 'model.unknown.liveThreshold') };
  return { ...withInputs, means, precision, ...(logDeterminants && { logDeterminants }), threshold: fields.number(unknown.threshold, 'model.unknown.threshold'), ...live, falseUnknownRate };
}
