import { firstIndexAtOrAfter, type MotionSamples } from '../sensors/samples';
import { featureNames } from '../signal/features';
import { LatestResampler } from '../signal/resample';
import { windowSamples } from '../signal/windows';
import { networkInputs } from '../model/inputs';
import type { Preprocessing } from '../model/record';
import { classifyByRules, type RuleLabel } from './rules';
import { UnsupportedModelError, type Network } from '../model/network-kind';
import { readNetwork, shapeMismatch } from '../model/network-kinds';
import type { ModelArtifacts, UnknownStats } from '../model/record';
import { scoredValues, UnknownRun, unknownScore, unknownStatsMismatch } from '../model/unknown-score';

export interface LiveOptions {
  /** Majority vote over this many latest windows (1: no smoothing). */
  smoothing: number;
  /** Below this probability the answer is "unknown" (-1). */
  threshold: number;
  /**
   * Also say unknown for motion unlike anything the model was trained on: when `unknownRun`
   * windows in a row score above the model's live threshold (model/unknown-score.ts `UnknownRun`).
   * On unless turned off: the live threshold calls at most 1 % of each validation person's windows
   * unknown, and the run rule lets a short odd moment pass.
   */
  unfamiliar: boolean;
}

export const defaultLiveOptions: LiveOptions = { smoothing: 3, threshold: 0.6, unfamiliar: true };

/**
 * Live's options as remembered (`JSON.stringify` of them), each one that is missing or out of
 * range (smoothing a whole number of windows from 1 to 20, the threshold from 0 to 1) replaced
 * by its default: a stored value never breaks Live.
 *
 * @example
 * liveOptionsFrom('{"smoothing":5,"threshold":0.7,"unfamiliar":false}') // { smoothing: 5, threshold: 0.7, unfamiliar: false }
 * liveOptionsFrom('{"smoothing":0}') // the defaults
 */
export function liveOptionsFrom(stored: string | null): LiveOptions {
  let value: Partial<Record<keyof LiveOptions, unknown>> = {};
  try {
    const parsed: unknown = JSON.parse(stored ?? '{}');
    if (parsed && typeof parsed === 'object') value = parsed;
  } catch {
    // Not JSON: the defaults.
  }
  const { smoothing, threshold, unfamiliar } = value;
  return {
    smoothing: Number.isInteger(smoothing) && (smoothing as number) >= 1 && (smoothing as number) <= 20 ? (smoothing as number) : defaultLiveOptions.smoothing,
    threshold: typeof threshold === 'number' && threshold >= 0 && threshold <= 1 ? threshold : defaultLiveOptions.threshold,
    unfamiliar: typeof unfamiliar === 'boolean' ? unfamiliar : defaultLiveOptions.unfamiliar,
  };
}

export type UnknownReason = 'unfamiliar' | 'unsure';

export interface LivePrediction {
  /** End of the window, ms on the source's clock. */
  atMs: number;
  probabilities: Float32Array;
  /** The most probable label index of this window alone. */
  top: number;
  /** After smoothing and the threshold: a label index, or -1 for unknown. */
  label: number;
  /**
   * Why `label` is unknown: 'unfamiliar' when the latest window called unknown ended a run of
   * windows scoring above the model's live unknown threshold (unlike anything it was trained on),
   * 'unsure' when its top probability was under the threshold; undefined when `label` is known.
   */
  unknownReason: UnknownReason | undefined;
  /** This window's unknown score (model/unknown-score.ts); undefined for a model saved without one. */
  unknownScore: number | undefined;
  /** The lesson's rules on the same window. */
  baseline: RuleLabel;
  /** ms from the arrival of the samples that completed the window to this answer. */
  latencyMs: number;
}

/**
 * Classifies a live stream: every stride, the latest window is resampled and goes through the
 * training pipeline's own inputs function (networkInputs: the features and training statistics
 * the model was saved with), then the network, then smoothing. The rule baseline answers for the
 * same window.
 */
export class LiveClassifier {
  readonly labels: readonly string[];
  readonly #preprocessing: Preprocessing;
  readonly #network: Network;
  readonly #unknown: UnknownStats | undefined;
  /** The run rule over this stream's windows; undefined for a model saved without an unknown score. */
  readonly #unknownRun: UnknownRun | undefined;
  readonly #inputs: Float32Array;
  readonly #windowMs: number;
  readonly #strideMs: number;
  readonly #latest: LatestResampler;
  #options: LiveOptions;
  /**
   * The stream's latest samples, in typed arrays reused from window to window: a window is
   * resampled straight out of them into the resampler's own buffer, so that a cheap phone's
   * garbage collector has little to do between answers. `#count` samples are held; the arrays
   * grow when a source sends faster.
   */
  #t = new Float64Array(1024);
  #acc = new Float32Array(1024 * 3);
  #count = 0;
  #nextEndMs: number | undefined;
  #recent: number[] = [];
  /** Why each of `#recent` is unknown (undefined where it is not), in step with it. */
  #recentReasons: (UnknownReason | undefined)[] = [];

  /** `unknown`: the model's unknown score statistics; without them (a model saved before), unknown is only a probability under the threshold. */
  constructor(preprocessing: Preprocessing, artifacts: ModelArtifacts, options: LiveOptions = defaultLiveOptions, unknown?: UnknownStats) {
    this.#preprocessing = preprocessing;
    this.labels = preprocessing.labels;
    const names = featureNames(preprocessing.features);
    if (names.length !== preprocessing.featureNames.length || names.some((name, i) => name !== preprocessing.featureNames[i])) {
      throw new UnsupportedModelError(
        'This model was trained on inputs this version of the app computes differently (its feature list does not match). Train it again.',
      );
    }
    this.#network = readNetwork(artifacts);
    const shape = shapeMismatch(this.#network, preprocessing);
    if (shape) {
      throw new UnsupportedModelError(
        `The network takes ${shape.inputs} inputs and gives ${shape.outputs} outputs, but its preprocessing has ${shape.features} features and ${shape.labels} labels.`,
      );
    }
    this.#inputs = new Float32Array(names.length);
    this.#windowMs = preprocessing.features.windowS * 1000;
    this.#strideMs = preprocessing.features.strideS * 1000;
    this.#latest = new LatestResampler(preprocessing.features.rateHz, windowSamples(preprocessing.features));
    this.#options = options;
    const mismatch = unknown && unknownStatsMismatch(unknown, this.labels.length, this.#network);
    if (mismatch) throw new UnsupportedModelError(`The model cannot be used: ${mismatch}. Train it again.`);
    this.#unknown = unknown;
    this.#unknownRun = unknown && new UnknownRun(unknown);
  }

  set options(options: LiveOptions) {
    this.#options = options;
  }

  /**
   * Runs the whole path (buffering, resampling, features, network, rules) on `seconds` of a
   * made-up stream, then forgets it. Live classifies twice a second, too seldom for the
   * JavaScript engine to optimise that code soon: without this, the first minutes of answers ran
   * in its interpreter, each several times slower than the later ones, and they made the Live
   * page's p99 at 6× CPU. Called once, before the source starts.
   */
  warmUp(seconds = 60): void {
    // At twice the model's rate, as a sensor sends, in batches of 10 samples, as the sources do.
    const rateHz = this.#preprocessing.features.rateHz * 2;
    const count = Math.round(seconds * rateHz);
    const t = new Float64Array(count);
    const acc = new Float32Array(count * 3);
    for (let i = 0; i < count; i += 1) {
      t[i] = (i * 1000) / rateHz;
      const sway = Math.sin((2 * Math.PI * 1.8 * i) / rateHz);
      acc.set([0.6 * sway, 0.4 * Math.cos((2 * Math.PI * 1.8 * i) / rateHz), 9.81 + 2 * sway], i * 3);
    }
    for (let from = 0; from < count; from += 10) {
      const to = Math.min(count, from + 10);
      this.push({ t: t.subarray(from, to), acc: acc.subarray(from * 3, to * 3), gyro: null });
    }
    this.reset();
  }

  /** Forgets the stream (a new source, a pause). */
  reset(): void {
    this.#count = 0;
    this.#nextEndMs = undefined;
    this.#recent = [];
    this.#recentReasons = [];
    this.#unknownRun?.reset();
  }

  /** Adds samples; returns a prediction for every window they completed. */
  push(batch: MotionSamples, arrivedAt = performance.now()): LivePrediction[] {
    this.#append(batch);
    if (this.#count === 0) return [];
    const first = this.#t[0]!;
    const last = this.#t[this.#count - 1]!;
    this.#nextEndMs ??= first + this.#windowMs;
    // After a long pause, skip the windows that cannot hold enough samples anyway.
    const behind = last - this.#windowMs - this.#nextEndMs;
    if (behind > 0) this.#nextEndMs += Math.floor(behind / this.#strideMs) * this.#strideMs;
    const predictions: LivePrediction[] = [];
    while (last >= this.#nextEndMs) {
      const prediction = this.#classify(this.#nextEndMs, arrivedAt);
      if (prediction) predictions.push(prediction);
      this.#nextEndMs += this.#strideMs;
    }
    this.#forgetBefore(this.#nextEndMs - this.#windowMs - 1000);
    return predictions;
  }

  #classify(endMs: number, arrivedAt: number): LivePrediction | undefined {
    // The raw samples of the window (and one before it, to interpolate its first sample).
    const held = this.#t.subarray(0, this.#count);
    const from = Math.max(0, firstIndexAtOrAfter(held, endMs - this.#windowMs) - 1);
    const to = firstIndexAtOrAfter(held, endMs + 1e-9);
    const acc = this.#latest.window(this.#t, this.#acc, from, to);
    // A gap inside the window: no honest answer for it.
    if (!acc) return undefined;
    networkInputs(this.#preprocessing, acc, this.#inputs);
    const probabilities = this.#network.forward(this.#inputs, new Float32Array(this.labels.length));
    let top = 0;
    for (let i = 1; i < probabilities.length; i += 1) if ((probabilities[i] ?? 0) > (probabilities[top] ?? 0)) top = i;
    const score = this.#unknown && unknownScore(this.#unknown, scoredValues(this.#unknown, this.#network, this.#inputs));
    // The run is counted whether or not it is shown, so that ticking the setting mid-run answers at once.
    const unfamiliar = score !== undefined && this.#unknownRun!.add(score) && this.#options.unfamiliar;
    const reason = unfamiliar ? 'unfamiliar' : (probabilities[top] ?? 0) < this.#options.threshold ? 'unsure' : undefined;
    // In place, as the answers' majority below counts without a Map: a window allocates little.
    this.#recent.push(reason ? -1 : top);
    this.#recentReasons.push(reason);
    while (this.#recent.length > Math.max(1, this.#options.smoothing)) {
      this.#recent.shift();
      this.#recentReasons.shift();
    }
    // The run rule already waited out a short odd moment: its unknown is not outvoted.
    const label = unfamiliar ? -1 : majority(this.#recent);
    const baseline = classifyByRules({ acc, t0Ms: endMs - this.#windowMs }, this.#preprocessing.features.rateHz).label;
    return {
      atMs: endMs,
      probabilities,
      top,
      label,
      unknownReason: label === -1 ? latestReason(this.#recentReasons) : undefined,
      unknownScore: score,
      baseline,
      latencyMs: performance.now() - arrivedAt,
    };
  }

  #append(batch: MotionSamples): void {
    const count = this.#count + batch.t.length;
    if (count > this.#t.length) {
      const t = new Float64Array(Math.max(count, this.#t.length * 2));
      const acc = new Float32Array(t.length * 3);
      t.set(this.#t.subarray(0, this.#count));
      acc.set(this.#acc.subarray(0, this.#count * 3));
      [this.#t, this.#acc] = [t, acc];
    }
    this.#t.set(batch.t, this.#count);
    // Value by value: a batch's acc may be longer than its readings, and a view of it would be one more object a batch.
    const at = this.#count * 3;
    for (let i = 0; i < batch.t.length * 3; i += 1) this.#acc[at + i] = batch.acc[i]!;
    this.#count = count;
  }

  /** Drops the samples before `timeMs`, moving the rest to the front, once there are enough to bother. */
  #forgetBefore(timeMs: number): void {
    const drop = firstIndexAtOrAfter(this.#t.subarray(0, this.#count), timeMs);
    if (drop > 256) {
      this.#t.copyWithin(0, drop, this.#count);
      this.#acc.copyWithin(0, drop * 3, this.#count * 3);
      this.#count -= drop;
    }
  }
}

/** The latest reason given for an unknown answer among the recent ones. */
function latestReason(reasons: readonly (UnknownReason | undefined)[]): UnknownReason | undefined {
  for (let i = reasons.length - 1; i >= 0; i -= 1) if (reasons[i]) return reasons[i];
  return undefined;
}

/**
 * The most frequent value; a tie goes to the most recent of the tied values. Index loops over the
 * few values, no Map or iterator: Live calls it every window, mostly before the engine optimises it.
 */
function majority(values: readonly number[]): number {
  const countOf = (value: number) => {
    let count = 0;
    for (let i = 0; i < values.length; i += 1) if (values[i] === value) count += 1;
    return count;
  };
  let best = values.at(-1) ?? -1;
  let bestCount = countOf(best);
  // In the order the values first appear, as a Map of the counts would list them; a value seen again cannot beat the best.
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i] as number;
    const count = countOf(value);
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}
