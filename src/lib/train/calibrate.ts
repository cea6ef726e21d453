import * as tf from '@tensorflow/tfjs';
import type { MotionSamples } from '../sensors/samples';
import { windowSet, type LabelledRecording, type WindowSet } from './activity-dataset';
import { CodedError } from '../i18n/coded-error';
import { dataFingerprint, trainedRecording } from '../model/fingerprint';
import type { Preprocessing, TrainedOn } from '../model/record';
import { standardize } from '../signal/standardize';
import { predictRows } from './train-activity';

/**
 * Calibrating a model to one person: a model trained on the class meets someone whose stride,
 * build or pocket it never saw. From a short take of each activity by that person, the network's
 * last layer (the one that turns the last hidden layer into the activities' scores) is fine-tuned
 * on that person's windows, pulled towards the weights it had so that it keeps what it learned
 * from everyone else; every layer before it stays as trained. The same for both network kinds:
 * each ends in a dense softmax layer over its last hidden layer.
 *
 * (Not to be confused with the int8 export's calibration, deploy/calibration.ts, which measures
 * the ranges of the training data to quantise the weights.)
 */

export interface CalibrationSettings {
  /** How strongly the last layer is held to its trained weights (L2, per weight). */
  pull: number;
  /** Full-batch Adam steps. */
  steps: number;
  learningRate: number;
}

/**
 * Chosen by 5-fold cross-validation by person on SisFall (dense net, 30 s of each activity), on
 * the people as recorded and on the proxy where each tested person is turned, scaled and
 * stretched their own way (`npm run evaluate --turned-people`: SisFall's people all wore the same
 * belt, which leaves calibration no room), from the same trained folds, accuracy pooled over
 * windows. As trained: 0.9738 as recorded, 0.9623 turned. Held loosely (pull 0.1, 150 steps at
 * 0.01): 0.9737 and 0.9685; with these: 0.9762 and 0.9699, in a plateau (pull 1–10, 25–50 steps
 * at 0.01–0.02, all within 0.001). Freer did worse (pull 0.001: 0.960 and 0.951): a first take
 * unlike the rest (SisFall's first walk is the slow one) pulls a free layer off. Also worse:
 * standardising the inputs with the take's own means (0.968 and 0.961 at best) or means and
 * deviations (0.947 and 0.946), and class prototypes in the last hidden layer mixed with the
 * network (0.974 and 0.966 at best). A few steps held firmly near the class's weights move the
 * layer only as far as a person's take insists.
 */
export const defaultCalibrationSettings: CalibrationSettings = { pull: 3, steps: 50, learningRate: 0.01 };

/** The weights of a network's last layer: `kernel` is hidden × classes, row-major. */
export interface LastLayer {
  kernel: Float32Array;
  bias: Float32Array;
  hidden: number;
  classes: number;
}

/**
 * The samples of one recording before `atMs` (ms after its first sample) and from there on.
 *
 * @example
 * const [first, rest] = cutSamples(samples, 30_000); // the first 30 s, then the rest
 */
export function cutSamples(samples: MotionSamples, atMs: number): [MotionSamples, MotionSamples] {
  const start = samples.t[0] ?? 0;
  let at = 0;
  while (at < samples.t.length && samples.t[at]! - start < atMs) at += 1;
  const part = (from: number, to: number): MotionSamples => ({
    t: samples.t.slice(from, to),
    acc: samples.acc.slice(from * 3, to * 3),
    gyro: samples.gyro ? samples.gyro.slice(from * 3, to * 3) : null,
  });
  return [part(0, at), part(at, samples.t.length)];
}

/**
 * One person's recordings in the order `calibrationCut` takes from them: the takes named
 * (recorded for the calibration, "Calibrate to me"), in the order named, then the others oldest
 * first. Without takes, the first seconds of each activity are the person's oldest.
 *
 * @example
 * calibrationCut(takesFirst(annasRecordings, [justRecordedWalk.id]), 30);
 */
export function takesFirst<T extends { recording: { id: string; startedAt: number } }>(recordings: readonly T[], takeIds: readonly string[] = []): T[] {
  const rank = (item: T) => {
    const at = takeIds.indexOf(item.recording.id);
    return at === -1 ? takeIds.length : at;
  };
  return [...recordings].sort((a, b) => rank(a) - rank(b) || a.recording.startedAt - b.recording.startedAt);
}

/**
 * One person's recordings cut into a calibration take, the first `seconds` of each activity (its
 * recordings in the order given, the one where the time runs out cut in two), and the rest, which
 * the calibration is tested on. The pieces keep their recording's label and person; their ids
 * and names say which part they are. `taken` lists the recordings, whole, that gave the take all
 * or part of their samples.
 *
 * @example
 * const { calibration, rest } = calibrationCut(annasRecordings, 30);
 */
export function calibrationCut(recordings: readonly LabelledRecording[], seconds: number): { calibration: LabelledRecording[]; rest: LabelledRecording[]; taken: LabelledRecording[] } {
  const left = new Map<string, number>();
  const calibration: LabelledRecording[] = [];
  const taken: LabelledRecording[] = [];
  const rest: LabelledRecording[] = [];
  const piece = (item: LabelledRecording, part: 'calibration' | 'rest', samples: MotionSamples): LabelledRecording => ({
    recording: { ...item.recording, id: `${item.recording.id}#${part}`, name: `${item.recording.name} (${part})` },
    samples,
  });
  for (const item of recordings) {
    const remainingMs = left.get(item.recording.label) ?? seconds * 1000;
    const { t } = item.samples;
    const durationMs = t.length > 0 ? t[t.length - 1]! - t[0]! : 0;
    if (remainingMs > 0) taken.push(item);
    if (remainingMs <= 0) rest.push(item);
    else if (durationMs < remainingMs) calibration.push(item);
    else {
      const [first, after] = cutSamples(item.samples, remainingMs);
      calibration.push(piece(item, 'calibration', first));
      rest.push(piece(item, 'rest', after));
    }
    left.set(item.recording.label, remainingMs - durationMs);
  }
  return { calibration, rest, taken };
}

/**
 * What a calibrated model learnt from: its source's training side and the recordings of the take
 * (`calibrationCut`'s `taken`), whole, moved off the validation and test sides if the source had
 * them there. Live then warns when a take is replayed, and the int8 export calibrates its ranges on
 * the take too.
 *
 * @example
 * const trainedOn = trainedOnWithTake(source.trainedOn, calibrationCut(annas, 30).taken);
 */
export function trainedOnWithTake(source: TrainedOn, taken: readonly LabelledRecording[]): TrainedOn {
  const takenIds = new Set(taken.map(({ recording }) => recording.id));
  const train = [...source.train.filter(({ id }) => !takenIds.has(id)), ...taken.map(trainedRecording)];
  return {
    train,
    validation: source.validation.filter((id) => !takenIds.has(id)),
    test: source.test.filter((id) => !takenIds.has(id)),
    fingerprint: dataFingerprint(train),
  };
}

/** The network's last layer, which calibration changes; refused for a network that does not end in a dense layer. */
function lastDense(model: tf.LayersModel): tf.layers.Layer {
  const last = model.layers[model.layers.length - 1];
  const weights = last?.getWeights() ?? [];
  if (!last || weights.length !== 2 || weights[0]!.shape.length !== 2) throw new CodedError('error.calibration.no-last-layer');
  return last;
}

/** The last layer's weights, copied out of the network. */
export function lastLayerOf(model: tf.LayersModel): LastLayer {
  const [kernel, bias] = lastDense(model).getWeights() as [tf.Tensor2D, tf.Tensor1D];
  return { kernel: kernel.dataSync() as Float32Array, bias: bias.dataSync() as Float32Array, hidden: kernel.shape[0], classes: kernel.shape[1] };
}

/** Puts last-layer weights (`lastLayerOf`'s shape) into the network. */
export function setLastLayer(model: tf.LayersModel, layer: LastLayer): void {
  // The layer's variables keep the values; the tensors that carried them in go.
  tf.tidy(() => lastDense(model).setWeights([tf.tensor2d(layer.kernel, [layer.hidden, layer.classes]), tf.tensor1d(layer.bias)]));
}

/**
 * The last hidden layer's values (the last layer's input) for standardised input rows, in one
 * batch; `rows × hidden`, row-major.
 */
export function lastHiddenRows(model: tf.LayersModel, x: Float32Array, rows: number, cols: number): Float32Array {
  const inputShape = model.inputs[0]!.shape;
  // The sub-model shares the network's layers and owns no weights: it is never disposed, as that
  // would count the shared layers down.
  const hidden = tf.model({ inputs: model.inputs, outputs: lastDense(model).input as tf.SymbolicTensor });
  const out = tf.tidy(() => hidden.predict(tf.tensor(x, [rows, ...inputShape.slice(1).map((size) => size ?? cols)]), { batchSize: Math.max(1, rows) }) as tf.Tensor);
  const values = Float32Array.from(out.dataSync() as Float32Array);
  out.dispose();
  return values;
}

/**
 * Fine-tunes a last layer on one person's hidden rows `h` (rows × layer.hidden) and labels `y`:
 * softmax cross-entropy, plus `pull`/2 · ‖W − W₀‖² holding the weights near the trained ones,
 * full-batch Adam. Returns new weights; `layer` is left as it was. Plain loops: a few hundred
 * rows of a few dozen values, far below what a tensor library's overhead is worth.
 *
 * @example
 * const calibrated = fineTuneLastLayer(lastLayerOf(model), h, y, defaultCalibrationSettings);
 */
export function fineTuneLastLayer(layer: LastLayer, h: Float32Array, y: ArrayLike<number>, settings: CalibrationSettings = defaultCalibrationSettings): LastLayer {
  const { hidden, classes } = layer;
  const rows = y.length;
  const params = new Float64Array(hidden * classes + classes);
  params.set(layer.kernel);
  params.set(layer.bias, hidden * classes);
  const start = Float64Array.from(params);
  const grad = new Float64Array(params.length);
  const m = new Float64Array(params.length);
  const v = new Float64Array(params.length);
  const [beta1, beta2, epsilon] = [0.9, 0.999, 1e-8];
  const logits = new Float64Array(classes);
  for (let step = 1; step <= settings.steps && rows > 0; step += 1) {
    grad.fill(0);
    for (let r = 0; r < rows; r += 1) {
      let top = -Infinity;
      for (let c = 0; c < classes; c += 1) {
        let z = params[hidden * classes + c]!;
        for (let i = 0; i < hidden; i += 1) z += h[r * hidden + i]! * params[i * classes + c]!;
        logits[c] = z;
        top = Math.max(top, z);
      }
      let sum = 0;
      for (let c = 0; c < classes; c += 1) sum += (logits[c] = Math.exp(logits[c]! - top));
      for (let c = 0; c < classes; c += 1) {
        const dz = (logits[c]! / sum - (c === y[r] ? 1 : 0)) / rows;
        grad[hidden * classes + c] = grad[hidden * classes + c]! + dz;
        for (let i = 0; i < hidden; i += 1) grad[i * classes + c] = grad[i * classes + c]! + h[r * hidden + i]! * dz;
      }
    }
    for (let p = 0; p < hidden * classes; p += 1) grad[p] = grad[p]! + settings.pull * (params[p]! - start[p]!);
    for (let p = 0; p < params.length; p += 1) {
      m[p] = beta1 * m[p]! + (1 - beta1) * grad[p]!;
      v[p] = beta2 * v[p]! + (1 - beta2) * grad[p]! ** 2;
      params[p] = params[p]! - (settings.learningRate * (m[p]! / (1 - beta1 ** step))) / (Math.sqrt(v[p]! / (1 - beta2 ** step)) + epsilon);
    }
  }
  return { kernel: Float32Array.from(params.subarray(0, hidden * classes)), bias: Float32Array.from(params.subarray(hidden * classes)), hidden, classes };
}

/** One person's calibration: the new last layer, and their other windows scored before and after. */
export interface PersonCalibration {
  layer: LastLayer;
  /** Label index of each of the person's windows outside the take. */
  truth: number[];
  /** The network as trained on those windows, and calibrated. */
  before: number[];
  after: number[];
  /** Windows in the take. */
  takeWindows: number;
}

/**
 * Calibrates `model` to one person (`cut`: their take and the rest, see `calibrationCut`) and
 * scores the rest before and after. The model is left as it was: the caller puts `layer` in to
 * keep the calibrated network. Recordings must carry the model's labels.
 *
 * @example
 * const { layer, truth, before, after } = calibrateToPerson(model, preprocessing, calibrationCut(annas, 30));
 */
export function calibrateToPerson(
  model: tf.LayersModel,
  preprocessing: Pick<Preprocessing, 'features' | 'stats' | 'labels'>,
  cut: { calibration: readonly LabelledRecording[]; rest: readonly LabelledRecording[] },
  settings: CalibrationSettings = defaultCalibrationSettings,
): PersonCalibration {
  const rowsOf = (items: readonly LabelledRecording[]): WindowSet => {
    const set = windowSet(items, items.map((_, index) => index), preprocessing.labels, preprocessing.features, { tooShort: [], nonFiniteSamples: 0 });
    standardize(set.x, preprocessing.stats);
    return set;
  };
  const trained = lastLayerOf(model);
  const take = rowsOf(cut.calibration);
  const layer = fineTuneLastLayer(trained, lastHiddenRows(model, take.x, take.rows, take.cols), take.y, settings);
  const test = rowsOf(cut.rest);
  const before = Array.from(predictRows(model, test.x, test.rows, test.cols));
  setLastLayer(model, layer);
  try {
    return { layer, truth: Array.from(test.y), before, after: Array.from(predictRows(model, test.x, test.rows, test.cols)), takeWindows: take.rows };
  } finally {
    setLastLayer(model, trained);
  }
}
