import { CodedError } from '../i18n/coded-error';
import type { SplitName } from '../model/record';
import type { LabelledRecording } from './activity-dataset';
import { calibrateToPerson, calibrationCut, type CalibrationSettings } from './calibrate';
import { evaluate } from './metrics';
import { mulberry32, shuffle } from './random';
import { defaultSplitShares, splitRecordings, splitSummary, type SplitRecording } from './split';
import { trainOnSplit, type TrainActivityOptions, type TrainedActivityModel } from './train-activity';
import type { FoldCount } from './training-settings';

/**
 * Cross-validation by person: how well a model does on someone it never saw, measured on every
 * person rather than on the two or three one split leaves for testing (one split of a few people
 * is noise). The people are dealt into k folds; each fold is tested on a model trained on everyone
 * else, with a validation side taken from those others for early stopping, and the network and the
 * rules are scored on the same test windows.
 */

export interface Spread {
  mean: number;
  /** Standard deviation over folds (population: the folds are all there is). */
  sd: number;
  min: number;
  max: number;
}

export interface FoldScores {
  accuracy: number;
  macroF1: number;
}

export interface FoldResult {
  /** The people tested in this fold, sorted. */
  groups: string[];
  net: FoldScores;
  baseline: FoldScores;
  /** Test windows. */
  windows: number;
  epochs: number;
  /** With `calibrateS`: the network calibrated to each tested person, on the same test windows as `net`. */
  calibrated?: FoldScores;
}

export interface PersonScore {
  group: string;
  /** Share of the person's windows the network got right, on the model that never saw them. */
  accuracy: number;
  /** The rules on the same windows. */
  baseline: number;
  windows: number;
}

export interface CrossValidation {
  labels: string[];
  folds: FoldResult[];
  net: { accuracy: Spread; macroF1: Spread };
  baseline: { accuracy: Spread; macroF1: Spread };
  /** With `calibrateS`: the calibrated network's scores over folds. */
  calibrated?: { accuracy: Spread; macroF1: Spread };
  /** Every person tested, sorted by name. */
  perPerson: PersonScore[];
  /** True when stopped before every fold ran: the scores are over the folds that did. */
  cancelled: boolean;
}

export interface CrossValidationOptions extends TrainActivityOptions {
  folds: FoldCount;
  /**
   * The folds already dealt, as lists of people (personFolds' or some of them), tested in this
   * order instead of dealing `folds`: a model search scores every setup on the same folds.
   */
  people?: readonly string[][];
  /** Called as fold `fold` (0-based) of `folds` starts. */
  onFold?: (fold: number, folds: number) => void;
  /**
   * Calibrate to each tested person (train/calibrate.ts) on the first this-many seconds of each of
   * their activities: those seconds are then left out of every score, so `net` and `calibrated`
   * are scored on the same windows, the rest of that person's recordings.
   */
  calibrateS?: number;
  calibration?: CalibrationSettings;
  /**
   * A tested person's recordings as their fold tests them (and calibrates on them), given that
   * person's own: `npm run evaluate --turned-people` gives each one a placement of their own.
   * Their recordings stay as they are wherever they are trained on.
   */
  testedAs?: (recordings: LabelledRecording[]) => LabelledRecording[];
  /** Called with each fold's trained model before it is disposed: `npm run evaluate --unknown` scores it further. */
  onTrained?: (run: TrainedActivityModel, fold: number) => Promise<void>;
}

/**
 * Deals people into `count` folds (capped at the number of people) of sizes differing by at most
 * one. Stratified: people are placed in the order of their rarest activity (the fewest people
 * recorded it first), each into the fold that has the fewest people with the same activities, so
 * that the people who recorded a rare activity are spread over folds and every fold's training
 * side keeps it. Seeded; the order recordings are listed in does not matter.
 *
 * @example
 * personFolds(recordings, 5, 1) // [['S01', 'S09'], ['S02', 'S11'], …]
 */
export function personFolds(recordings: readonly SplitRecording[], count: FoldCount, seed: number): string[][] {
  const labelsOf = new Map<string, Set<string>>();
  for (const { group, label } of recordings) {
    if (group === '') continue;
    labelsOf.set(group, (labelsOf.get(group) ?? new Set<string>()).add(label));
  }
  const people = [...labelsOf.keys()].sort(byCodePoint);
  if (people.length === 0) throw new CodedError('error.cross-validation.no-people');
  if (people.length < 2) throw new CodedError('error.cross-validation.one-person', { person: people[0]! });
  const k = count === 'loso' ? people.length : Math.min(Math.max(2, Math.round(count)), people.length);

  const holders = new Map<string, number>();
  for (const labels of labelsOf.values()) for (const label of labels) holders.set(label, (holders.get(label) ?? 0) + 1);
  const rarity = (person: string) => Math.min(...[...labelsOf.get(person)!].map((label) => holders.get(label)!));
  shuffle(people, mulberry32(seed));
  people.sort((a, b) => rarity(a) - rarity(b));

  const small = Math.floor(people.length / k);
  let bigLeft = people.length % k;
  const folds = Array.from({ length: k }, () => [] as string[]);
  // Sharing a rare activity with a fold weighs more than sharing a common one.
  const overlap = (fold: string[], person: string) =>
    fold.reduce((all, other) => all + [...labelsOf.get(person)!].reduce((sum, label) => sum + (labelsOf.get(other)!.has(label) ? 1 / holders.get(label)! : 0), 0), 0);
  for (const person of people) {
    let best = -1;
    folds.forEach((fold, f) => {
      if (fold.length > small || (fold.length === small && bigLeft === 0)) return;
      const current = folds[best];
      if (!current || overlap(fold, person) < overlap(current, person) || (overlap(fold, person) === overlap(current, person) && fold.length < current.length)) best = f;
    });
    if (folds[best]!.length === small) bigLeft -= 1;
    folds[best]!.push(person);
  }
  return folds.map((fold) => fold.sort(byCodePoint));
}

/**
 * Runs cross-validation by person: one model per fold, trained (see `trainOnSplit`) on everyone
 * outside the fold and tested on the fold's people. Recordings that name nobody are never tested:
 * they join every fold's training side. Each model is disposed once scored.
 *
 * @example
 * const cv = await crossValidate(recordings, { features, training, folds: 5 });
 * console.log(cv.net.accuracy.mean, cv.net.accuracy.sd);
 */
export async function crossValidate(recordings: readonly LabelledRecording[], options: CrossValidationOptions): Promise<CrossValidation> {
  const listed = recordings.map(({ recording }) => recording);
  const labels = [...new Set(listed.map((recording) => recording.label))].sort(byCodePoint);
  const folds = options.people ?? personFolds(listed, options.folds, options.training.seed);
  for (const fold of folds) {
    const trained = new Set(listed.filter((recording) => !fold.includes(recording.group)).map((recording) => recording.label));
    const missing = labels.find((label) => !trained.has(label));
    if (missing !== undefined) throw new CodedError('error.cross-validation.label-in-one-fold', { label: missing, people: fold.join(', ') });
  }

  // Each person's calibration take and the rest, cut once: the pieces keep their computed windows over folds.
  const testedOf = (group: string) => {
    const own = recordings.filter(({ recording }) => recording.group === group);
    return options.testedAs?.(own) ?? own;
  };
  const cuts = new Map<string, ReturnType<typeof calibrationCut>>();
  if (options.calibrateS !== undefined) for (const group of new Set(folds.flat())) cuts.set(group, calibrationCut(testedOf(group), options.calibrateS));

  const results: FoldResult[] = [];
  const perPerson = new Map<string, { right: number; rules: number; windows: number }>();
  let cancelled = false;
  for (const [f, fold] of folds.entries()) {
    options.onFold?.(f, folds.length);
    const tested = new Set(fold);
    // Calibrating, a tested person's calibration take is neither trained on nor tested.
    const foldRecordings =
      cuts.size === 0 && !options.testedAs
        ? recordings
        : [...recordings.filter(({ recording }) => !tested.has(recording.group)), ...fold.flatMap((group) => cuts.get(group)?.rest ?? testedOf(group))];
    const foldListed = foldRecordings.map(({ recording }) => recording);
    const others = foldListed.filter((recording) => !tested.has(recording.group));
    // The people outside the fold are split as any training run splits them, with no test side of their own.
    const inner = splitRecordings(others, { seed: options.training.seed, shares: { ...defaultSplitShares, test: 0 } });
    const assignment = new Map<string, SplitName>(inner.assignment);
    for (const recording of foldListed) if (tested.has(recording.group)) assignment.set(recording.id, 'test');
    const summary = splitSummary(foldListed, assignment, labels, inner.summary.byGroup);
    const run = await trainOnSplit(foldRecordings, { assignment, summary }, options);
    let calibrated: FoldScores | undefined;
    try {
      if (run.stopped === 'cancelled') {
        cancelled = true;
        break;
      }
      if (cuts.size > 0) calibrated = calibratedScores(run, fold.map((group) => cuts.get(group)!), options);
      await options.onTrained?.(run, f);
    } finally {
      run.model.dispose();
    }
    results.push({
      groups: fold,
      net: { accuracy: run.test.accuracy, macroF1: run.test.macroF1 },
      baseline: { accuracy: run.baseline.accuracy, macroF1: run.baseline.macroF1 },
      windows: run.windows.test,
      epochs: run.history.length,
      ...(calibrated && { calibrated }),
    });
    run.testRecordings.forEach((result, r) => {
      const group = foldListed[result.recording]!.group;
      const score = perPerson.get(group) ?? { right: 0, rules: 0, windows: 0 };
      score.right += result.windowAccuracy * result.windows;
      score.rules += run.baselineRecordings[r]!.windowAccuracy * result.windows;
      score.windows += result.windows;
      perPerson.set(group, score);
    });
  }
  const spread = (pick: (fold: FoldResult) => number) => spreadOf(results.map(pick));
  return {
    labels,
    folds: results,
    net: { accuracy: spread((fold) => fold.net.accuracy), macroF1: spread((fold) => fold.net.macroF1) },
    baseline: { accuracy: spread((fold) => fold.baseline.accuracy), macroF1: spread((fold) => fold.baseline.macroF1) },
    ...(cuts.size > 0 && {
      calibrated: { accuracy: spread((fold) => fold.calibrated?.accuracy ?? NaN), macroF1: spread((fold) => fold.calibrated?.macroF1 ?? NaN) },
    }),
    perPerson: [...perPerson]
      .sort((a, b) => byCodePoint(a[0], b[0]))
      .map(([group, score]) => ({ group, accuracy: score.right / score.windows, baseline: score.rules / score.windows, windows: score.windows })),
    cancelled,
  };
}

/** A fold's test windows scored by the fold's network calibrated to each tested person in turn on that person's take. */
function calibratedScores(run: TrainedActivityModel, people: readonly ReturnType<typeof calibrationCut>[], options: CrossValidationOptions): FoldScores {
  const truth: number[] = [];
  const predicted: number[] = [];
  for (const cut of people) {
    const person = calibrateToPerson(run.model, run.preprocessing, cut, options.calibration);
    truth.push(...person.truth);
    predicted.push(...person.after);
  }
  const scored = evaluate(run.preprocessing.labels, truth, predicted);
  return { accuracy: scored.accuracy, macroF1: scored.macroF1 };
}

/** Mean, standard deviation, least and most of a fold's scores; NaN for none. */
export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) return { mean: NaN, sd: NaN, min: NaN, max: NaN };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((all, value) => all + (value - mean) ** 2, 0) / values.length);
  return { mean, sd, min: Math.min(...values), max: Math.max(...values) };
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
