import type { Network } from '../model/network-kind';
import type { UnknownStats } from '../model/record';
import { liveFalseUnknownRate, scoredValues, scoredWidth, unknownScore } from '../model/unknown-score';
import type { Examples } from './fit-loop';

/** The share of validation windows of trained activities the threshold lets be called unknown, unless told otherwise. */
export const defaultFalseUnknownRate = 0.05;

/**
 * Ridge added to each activity's covariance, as a share of its mean variance. A relu unit that never
 * fires in training has no variance at all: without it, the covariance could not be inverted, and
 * the least activation of such a unit would make any window unknown.
 */
const RIDGE = 0.01;

/** Rows scored at most per side: the statistics settle long before, and the CNN's forward pass costs a millisecond a window. */
const MAX_ROWS = 2000;

/** How the unknown score is fitted to a trained network. */
export interface UnknownFitOptions {
  /** Score the standardised inputs with the last hidden layer (a network fed features; see `scoredValues`). */
  withInputs: boolean;
  /**
   * Who each validation row (by its index) comes from: a person, or the recording when nobody is
   * named. The threshold holds the rate for each of them, not only over all their windows.
   */
  personOf?: (row: number) => string;
  /** At most this share of each validation person's windows is called unknown (default `defaultFalseUnknownRate`). */
  falseUnknownRate?: number;
}

/**
 * The unknown score's statistics for a trained network: each activity's mean and covariance of
 * the values scored (`scoredValues`) over the training windows (`train`), the
 * threshold that calls at most `falseUnknownRate` of each validation person's windows unknown,
 * and the live one that calls at most `liveFalseUnknownRate` of them unknown.
 * Runs the same plain-TypeScript forward pass as Live, so that Live's scores are the ones the
 * threshold was set on.
 *
 * @example
 * const unknown = fitUnknownStats(readNetwork(artifacts), sets.train, sets.validation, labels.length, { withInputs: true });
 */
export function fitUnknownStats(network: Network, train: Examples, validation: Examples, classes: number, options: UnknownFitOptions): UnknownStats {
  const withInputs = options.withInputs ? { withInputs: true as const } : {};
  const trained = scoredRows(network, train, withInputs);
  const statistics = labelGaussians(trained.values, trained.labels, classes, scoredWidth(withInputs, network));
  const checked = scoredRows(network, validation, withInputs);
  const width = scoredWidth(withInputs, network);
  const scores = Array.from(checked.rows, (_, r) => unknownScore(statistics, checked.values.subarray(r * width, (r + 1) * width)));
  const rate = options.falseUnknownRate ?? defaultFalseUnknownRate;
  const people = Array.from(checked.rows, (row) => options.personOf?.(row) ?? '');
  return {
    ...withInputs,
    ...statistics,
    threshold: thresholdForEach(scores, people, rate),
    liveThreshold: thresholdForEach(scores, people, Math.min(rate, liveFalseUnknownRate)),
    falseUnknownRate: rate,
  };
}

/** The values scored of at most MAX_ROWS rows spread evenly over `examples`, with their labels and row indices. */
function scoredRows(network: Network, examples: Examples, stats: Pick<UnknownStats, 'withInputs'>): { values: Float64Array; labels: Int32Array; rows: Int32Array } {
  const step = Math.max(1, examples.rows / MAX_ROWS);
  const count = Math.min(examples.rows, MAX_ROWS);
  const width = scoredWidth(stats, network);
  const values = new Float64Array(count * width);
  const labels = new Int32Array(count);
  const rows = new Int32Array(count);
  for (let r = 0; r < count; r += 1) {
    const row = Math.floor(r * step);
    values.set(scoredValues(stats, network, examples.x.subarray(row * examples.cols, (row + 1) * examples.cols)), r * width);
    labels[r] = examples.y[row]!;
    rows[r] = row;
  }
  return { values, labels, rows };
}

/**
 * Each label's mean of `values` (rows × width), the inverse of the covariance around it and that
 * covariance's log-determinant, rounded to float32. Each label has a covariance of its own: quick
 * stairs vary far more than slow walking, and a distance in one shared covariance calls the
 * loose activity's own odd windows unknown before a tight one's strangers (Gaussian discriminant
 * scoring; on SisFall, 5-fold by person, the AUROC with walking left out rose from 0.80 to 0.86,
 * README). A label's covariance is drawn toward the pooled one by `width` rows' worth
 * (regularised discriminant analysis, Friedman 1989), so a label with few windows still gets a
 * sound one, then ridged by RIDGE of its mean variance. A label with no row keeps a mean of zeros
 * and the pooled covariance.
 */
export function labelGaussians(values: Float64Array, labels: ArrayLike<number>, classes: number, width: number): Pick<UnknownStats, 'means' | 'precision' | 'logDeterminants'> {
  const rows = labels.length;
  const sums = Array.from({ length: classes }, () => new Float64Array(width));
  const counts = new Float64Array(classes);
  for (let r = 0; r < rows; r += 1) {
    const k = labels[r]!;
    counts[k] = counts[k]! + 1;
    for (let i = 0; i < width; i += 1) sums[k]![i] = sums[k]![i]! + values[r * width + i]!;
  }
  const means = sums.map((sum, k) => Array.from(sum, (value) => (counts[k]! > 0 ? value / counts[k]! : 0)));
  // Each label's sum of squares around its mean, and the pooled covariance.
  const scatters = Array.from({ length: classes }, () => new Float64Array(width * width));
  for (let r = 0; r < rows; r += 1) {
    const mean = means[labels[r]!]!;
    const scatter = scatters[labels[r]!]!;
    for (let i = 0; i < width; i += 1) {
      const di = values[r * width + i]! - mean[i]!;
      for (let j = 0; j < width; j += 1) scatter[i * width + j] = scatter[i * width + j]! + di * (values[r * width + j]! - mean[j]!);
    }
  }
  const pooled = new Float64Array(width * width);
  for (const scatter of scatters) for (let i = 0; i < pooled.length; i += 1) pooled[i] = pooled[i]! + scatter[i]! / Math.max(1, rows);
  const precision: number[] = [];
  const logDeterminants: number[] = [];
  scatters.forEach((scatter, k) => {
    const covariance = Float64Array.from(scatter, (sum, i) => (sum + width * pooled[i]!) / (counts[k]! + width));
    let trace = 0;
    for (let i = 0; i < width; i += 1) trace += covariance[i * width + i]!;
    // A layer with no variance at all still gets an invertible covariance.
    const ridge = RIDGE * (trace > 0 ? trace / width : 1);
    for (let i = 0; i < width; i += 1) covariance[i * width + i] = covariance[i * width + i]! + ridge;
    const { inverse, logDeterminant } = invertSymmetric(covariance, width);
    // Made exactly symmetric (elimination leaves the two halves a rounding apart), so that the C
    // library can store one half, and rounded to float32 here, as it stores them: the board
    // computes from the very values the app does.
    for (const value of Float32Array.from(inverse, (own, at) => (own + inverse[(at % width) * width + Math.floor(at / width)]!) / 2)) precision.push(value);
    logDeterminants.push(Math.fround(logDeterminant));
  });
  return { means: means.map((mean) => mean.map(Math.fround)), precision, logDeterminants };
}

/**
 * The inverse of a symmetric positive-definite matrix (row-major) and the log of its determinant
 * (the sum of the pivots' logs), by Gauss-Jordan elimination with partial pivoting.
 */
function invertSymmetric(matrix: Float64Array, n: number): { inverse: Float64Array; logDeterminant: number } {
  const a = Float64Array.from(matrix);
  const inverse = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) inverse[i * n + i] = 1;
  let logDeterminant = 0;
  for (let c = 0; c < n; c += 1) {
    let pivot = c;
    for (let r = c + 1; r < n; r += 1) if (Math.abs(a[r * n + c]!) > Math.abs(a[pivot * n + c]!)) pivot = r;
    if (pivot !== c) {
      for (let j = 0; j < n; j += 1) {
        [a[c * n + j], a[pivot * n + j]] = [a[pivot * n + j]!, a[c * n + j]!];
        [inverse[c * n + j], inverse[pivot * n + j]] = [inverse[pivot * n + j]!, inverse[c * n + j]!];
      }
    }
    logDeterminant += Math.log(Math.abs(a[c * n + c]!));
    const scale = 1 / a[c * n + c]!;
    for (let j = 0; j < n; j += 1) {
      a[c * n + j] = a[c * n + j]! * scale;
      inverse[c * n + j] = inverse[c * n + j]! * scale;
    }
    for (let r = 0; r < n; r += 1) {
      const factor = a[r * n + c]!;
      if (r === c || factor === 0) continue;
      for (let j = 0; j < n; j += 1) {
        a[r * n + j] = a[r * n + j]! - factor * a[c * n + j]!;
        inverse[r * n + j] = inverse[r * n + j]! - factor * inverse[c * n + j]!;
      }
    }
  }
  return { inverse, logDeterminant };
}

/**
 * The threshold above which `rate` of the scores lie (at most: ties at the threshold stay known):
 * set on validation windows of trained activities, it is the rate of false unknowns chosen.
 *
 * @example
 * thresholdFor([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.2) // 8: 9 and 10 are above it
 */
export function thresholdFor(scores: readonly number[], rate: number): number {
  if (scores.length === 0) return Infinity;
  const sorted = [...scores].sort((a, b) => a - b);
  const above = Math.floor(rate * sorted.length);
  return sorted[sorted.length - 1 - above]!;
}

/**
 * The threshold above which at most `rate` of each person's scores lie: the highest of their own
 * `thresholdFor`. Pooled over windows, a threshold fits the validation people as a whole and
 * lets a new person whose windows all sit a little further away be called unknown throughout;
 * held for each person, it holds for the next one too (SisFall, cross-validation by person: 3 to
 * 5 % of a new person's windows with 5 % asked, where the pooled threshold gave 5 to 8 %).
 *
 * @example
 * thresholdForEach([1, 2, 3, 4, 10, 20, 30, 40], ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b'], 0.25) // 30: b's 40 alone is above it
 */
export function thresholdForEach(scores: readonly number[], people: readonly string[], rate: number): number {
  if (scores.length === 0) return Infinity;
  const byPerson = new Map<string, number[]>();
  scores.forEach((score, i) => {
    const own = byPerson.get(people[i]!);
    if (own) own.push(score);
    else byPerson.set(people[i]!, [score]);
  });
  return Math.max(...[...byPerson.values()].map((own) => thresholdFor(own, rate)));
}

/**
 * Area under the ROC curve of a score meant to be higher for `unknown` than for `known`: the
 * chance that a window drawn from the unknown ones scores above one drawn from the known ones,
 * ties counting half (the Mann-Whitney U over both counts). NaN when either side is empty.
 *
 * @example
 * auroc([1, 2, 3], [2.5, 4]) // (2 + 3) / 6 = 0.833…
 */
export function auroc(known: readonly number[], unknown: readonly number[]): number {
  if (known.length === 0 || unknown.length === 0) return NaN;
  const all = [...known.map((score) => ({ score, unknown: false })), ...unknown.map((score) => ({ score, unknown: true }))].sort((a, b) => a.score - b.score);
  let rankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j]!.score === all[i]!.score) j += 1;
    // Tied scores share the mean of their ranks (1-based).
    const rank = (i + 1 + j) / 2;
    for (let t = i; t < j; t += 1) if (all[t]!.unknown) rankSum += rank;
    i = j;
  }
  return (rankSum - (unknown.length * (unknown.length + 1)) / 2) / (known.length * unknown.length);
}

/** Shares of `scores` above the threshold: on known windows, the false unknowns; on unknown ones, those caught. */
export function shareAbove(scores: readonly number[], threshold: number): number {
  return scores.length === 0 ? NaN : scores.filter((score) => score > threshold).length / scores.length;
}
