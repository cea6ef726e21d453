import type { Network } from './network-kind';
import type { UnknownStats } from './record';

/**
 * How unlike the trained activities one window is: the least, over the activities, of the
 * squared Mahalanobis distance from the values it is scored on (`scoredValues`) to the activity's
 * mean in the activity's own covariance, plus that covariance's log-determinant: minus twice the
 * log-likelihood of the likeliest activity's Gaussian, up to a constant (Lee et al., "A Simple
 * Unified Framework for Detecting Out-of-Distribution Samples", 2018, with a covariance per
 * activity). A network's probabilities are confidently wrong on motion it never saw: softmax only
 * compares the activities it knows, while a window far from every one of them is a window unlike
 * the training data. Models saved before `logDeterminants` share one covariance and add nothing.
 * The C library computes the same (deploy/c-library.ts).
 *
 * @example
 * const score = unknownScore(model.unknown, scoredValues(model.unknown, network, inputs));
 * if (isUnknown(model.unknown, score)) showUnknown();
 */
export function unknownScore(stats: Pick<UnknownStats, 'means' | 'precision' | 'logDeterminants'>, values: ArrayLike<number>): number {
  const width = values.length;
  const size = width * width;
  // One matrix for all (models saved before a covariance per activity), or one per activity.
  const shared = stats.precision.length === size;
  const difference = (differences = scratch(differences, width));
  let best = Infinity;
  for (let k = 0; k < stats.means.length; k += 1) {
    const mean = stats.means[k]!;
    const at = shared ? 0 : k * size;
    for (let i = 0; i < width; i += 1) difference[i] = values[i]! - mean[i]!;
    let distance = stats.logDeterminants?.[k] ?? 0;
    for (let i = 0; i < width; i += 1) {
      let row = 0;
      for (let j = 0; j < width; j += 1) row += stats.precision[at + i * width + j]! * difference[j]!;
      distance += difference[i]! * row;
    }
    best = Math.min(best, distance);
  }
  return best;
}

/**
 * Buffers the score reuses from window to window, as the network's forward pass does: Live scores
 * a window every stride, and each new array is garbage a cheap phone collects in a later answer.
 */
let differences: Float64Array = new Float64Array(0);
let scored: Float64Array = new Float64Array(0);

/** `buffer` when it has `length` values, else a new one that has. */
function scratch(buffer: Float64Array, length: number): Float64Array {
  return buffer.length === length ? buffer : new Float64Array(length);
}

/** Whether a window with this score is unknown: above the threshold chosen on validation. */
export function isUnknown(stats: Pick<UnknownStats, 'threshold'>, score: number): boolean {
  return score > stats.threshold;
}

/**
 * The share of each validation person's windows the live threshold (`UnknownStats.liveThreshold`,
 * set by train/unknown-score.ts) lets be called unknown. Live answers for one person at a time,
 * for minutes: with 5 %, models trained on nine SisFall people called 6 to 27 % of the windows of
 * the 29 others unknown (three seeds), over half of one person's; with 1 % and the run rule
 * (`unknownRun`), 0.4 to 5 % (README).
 */
export const liveFalseUnknownRate = 0.01;

/**
 * How many windows in a row must score above the live threshold before Live, and the board
 * (`MOTION_MODEL_UNKNOWN_RUN` in the C library), say unknown: 2 s of motion unlike anything
 * trained, at the 0.5 s stride. A step that lands oddly, a turn, a bump scores high for a window
 * or two; motion the model never saw stays high. On SisFall, 5-fold by person (README), the rule
 * with the live threshold called 0.1 to 0.3 % of the known activities' windows unknown.
 */
export const unknownRun = 4;

/** The threshold Live and the board use: the model's live threshold, or its threshold when saved before it. */
export function liveThresholdOf(stats: Pick<UnknownStats, 'threshold' | 'liveThreshold'>): number {
  return stats.liveThreshold ?? stats.threshold;
}

/**
 * The run rule on one stream of windows: a window is unknown when it ends `unknownRun` or more
 * windows in a row scoring above the live threshold.
 *
 * @example
 * const run = new UnknownRun(model.unknown);
 * for (const score of scores) if (run.add(score)) showUnknown();
 */
export class UnknownRun {
  readonly #threshold: number;
  #length = 0;

  constructor(stats: Pick<UnknownStats, 'threshold' | 'liveThreshold'>) {
    this.#threshold = liveThresholdOf(stats);
  }

  /** Adds the next window's score; true when the run it ends says unknown. */
  add(score: number): boolean {
    this.#length = score > this.#threshold ? this.#length + 1 : 0;
    return this.#length >= unknownRun;
  }

  /** Forgets the run (a new stream). */
  reset(): void {
    this.#length = 0;
  }
}

/**
 * The values a window is scored on: its standardised inputs (`withInputs`, for a network fed
 * features) followed by the network's last hidden layer. The hidden layer alone sees what the
 * network learnt to tell apart, and a motion between two activities (walking, between slow
 * stairs and jogging) can land right on it; the features still show it is neither. Measured by
 * cross-validation by person on SisFall (README): the lowest AUROC over left-out activities rose
 * from 0.77 to 0.80 with the inputs. A network fed raw samples keeps the hidden layer alone:
 * hundreds of samples would need a covariance too big for the board. Scratch, overwritten by the
 * next call.
 */
export function scoredValues(stats: Pick<UnknownStats, 'withInputs'>, network: Pick<Network, 'hidden'>, inputs: ArrayLike<number>): ArrayLike<number> {
  const hidden = network.hidden(inputs);
  if (!stats.withInputs) return hidden;
  const values = (scored = scratch(scored, inputs.length + hidden.length));
  values.set(inputs);
  values.set(hidden, inputs.length);
  return values;
}

/** How many values `scoredValues` gives for `network`. */
export function scoredWidth(stats: Pick<UnknownStats, 'withInputs'>, network: Pick<Network, 'inputs' | 'hiddenSize'>): number {
  return (stats.withInputs ? network.inputs : 0) + network.hiddenSize;
}

/** How many precision matrices `stats` holds for `labels` labels: one each with log-determinants, else one shared (models saved before). */
export function precisionMatrices(stats: Pick<UnknownStats, 'logDeterminants'>, labels: number): number {
  return stats.logDeterminants ? labels : 1;
}

/** Why `stats` cannot score `network`'s windows (means, precision or log-determinants of another size), or undefined when they fit. */
export function unknownStatsMismatch(stats: UnknownStats, labels: number, network: Pick<Network, 'inputs' | 'hiddenSize'>): string | undefined {
  const width = scoredWidth(stats, network);
  const fits =
    stats.precision.length === precisionMatrices(stats, labels) * width * width &&
    (stats.logDeterminants?.length ?? labels) === labels &&
    stats.means.length === labels &&
    stats.means.every((mean) => mean.length === width);
  if (fits) return undefined;
  return `its unknown score is for ${stats.means[0]?.length ?? 0} values, not the ${width} the network gives it`;
}
