import { CodedError } from '../i18n/coded-error';
import { formatNumber, translate, type Locale } from '../i18n/i18n';
import type { NetworkKindName, TrainingSettings } from '../model/record';
import { defaultFeatureGroups, featureGroups, type FeatureConfig, type FeatureGroup } from '../signal/features';
import { WindowCache, type LabelledRecording } from './activity-dataset';
import { crossValidate, personFolds, spreadOf, type FoldResult, type Spread } from './cross-validation';
import type { EpochLog } from './fit';
import { defaultSplitShares } from './split';
import { trainActivityModel, type TrainedActivityModel } from './train-activity';
import type { FoldCount } from './training-settings';

/**
 * Finding the best setup: candidate setups (feature groups, window length, dense net or 1-D CNN,
 * made-up placements) compared by cross-validation by person within a time budget, nested so
 * that the score reported is not the one the choice was made on.
 *
 * The people are dealt into outer folds. For each outer fold, every candidate is cross-validated
 * on the other people only (the inner folds are the other outer folds), and the best inner mean
 * picks that fold's setup; the picked setup is then trained on all the other people and tested on
 * the fold's, who took no part in choosing it. The mean of those outer tests is the honest score:
 * what choosing a setup this way gives on someone new. The model kept is trained on everyone with
 * the setup whose inner scores were best overall.
 */

/** One way to train: which network, on what inputs, with how many made-up placements. */
export interface Setup {
  network: NetworkKindName;
  windowS: number;
  /** The dense net's feature groups, in row order; empty for the CNN, which reads the window's x, y, z and |a|. */
  groups: FeatureGroup[];
  /** Made-up placements per training recording (0: none). */
  augment: number;
}

/**
 * The candidates, cheapest and likeliest first, built around the page's own settings: as set,
 * a window twice as long, every feature group, one made-up placement each, then the 1-D CNN
 * (far slower to train) without and with a placement. A budget that runs out drops the last.
 *
 * @example
 * candidateSetups(defaultFeatureConfig)[0] // { network: 'dense', windowS: 2, groups: ['spectrum', 'vertical'], augment: 0 }
 */
export function candidateSetups(base: FeatureConfig): Setup[] {
  const chosen = featureGroups.filter((group) => base.input === 'features' && base.groups.includes(group));
  const groups = chosen.length > 0 ? chosen : featureGroups.filter((group) => defaultFeatureGroups.includes(group));
  const setups: Setup[] = [
    { network: 'dense', windowS: base.windowS, groups, augment: 0 },
    { network: 'dense', windowS: Math.min(2 * base.windowS, 10), groups, augment: 0 },
    { network: 'dense', windowS: base.windowS, groups: [...featureGroups], augment: 0 },
    { network: 'dense', windowS: base.windowS, groups, augment: 1 },
    { network: 'cnn', windowS: base.windowS, groups: [], augment: 0 },
    { network: 'cnn', windowS: base.windowS, groups: [], augment: 1 },
  ];
  return setups.filter((setup, i) => setups.findIndex((other) => sameSetup(other, setup)) === i);
}

export function sameSetup(a: Setup, b: Setup): boolean {
  return a.network === b.network && a.windowS === b.windowS && a.augment === b.augment && a.groups.join() === b.groups.join();
}

/** What training reads for a setup: the base's rate and stride and the base's training settings, with the setup's own. */
export function setupSettings(setup: Setup, features: FeatureConfig, training: TrainingSettings): { features: FeatureConfig; training: TrainingSettings } {
  return {
    features: { ...features, windowS: setup.windowS, input: setup.network === 'cnn' ? 'channels' : 'features', groups: [...setup.groups] },
    training: { ...training, hidden: [...training.hidden], network: setup.network, augment: setup.augment },
  };
}

/**
 * A setup in words, in `locale`: the table's rows, the kept model's name, the command line.
 *
 * @example
 * describeSetup({ network: 'dense', windowS: 4, groups: ['spectrum', 'vertical'], augment: 0 }, 'en') // 'dense net · 4 s · spectrum, vertical'
 */
export function describeSetup(setup: Setup, locale: Locale): string {
  const window = formatNumber(locale, setup.windowS, Number.isInteger(setup.windowS) ? 0 : 1);
  const base =
    setup.network === 'cnn'
      ? translate(locale, 'train.search.setup.cnn', { window })
      : translate(locale, 'train.search.setup.dense', { window, groups: setup.groups.map((group) => translate(locale, `train.search.group.${group}`)).join(', ') });
  return setup.augment > 0 ? translate(locale, 'train.search.setup.augmented', { setup: base, copies: setup.augment }) : base;
}

/** A candidate as the search scored it. */
export interface CandidateScore {
  setup: Setup;
  /** The selection score: inner cross-validation accuracy, mean over outer folds (NaN when refused). */
  accuracy: number;
  macroF1: number;
  /** Per outer fold, the inner cross-validation's mean accuracy: what that fold's choice read. */
  innerAccuracy: number[];
  /** Outer folds whose choice it was. */
  picked: number;
  /** Time its inner cross-validations took. */
  ms: number;
  /** Why it could not train (too long a window for the recordings, …): the search went on without it. */
  refused?: unknown;
}

/** An outer fold: the setup its inner cross-validation picked, scored on the fold's people. */
export interface SearchFold extends FoldResult {
  setup: Setup;
}

export interface ModelSearch {
  labels: string[];
  budgetS: number;
  /** Every candidate started and finished, in the order tried. */
  candidates: CandidateScore[];
  /** Candidates the budget left no time for (or whose time ran out), in order. */
  notTried: Setup[];
  /** The setup of the kept model: the best inner accuracy over all outer folds; absent when cancelled before any candidate finished. */
  chosen?: Setup;
  /** The honest score: each outer fold's picked setup on the fold's people. */
  folds: SearchFold[];
  net: { accuracy: Spread; macroF1: Spread };
  baseline: { accuracy: Spread; macroF1: Spread };
  /** Trained on every recording with `chosen` (no test side); absent when cancelled. The caller disposes it. */
  kept?: TrainedActivityModel;
  cancelled: boolean;
  elapsedMs: number;
}

export type SearchProgress =
  | { stage: 'candidate'; candidate: number; candidates: number; setup: Setup }
  | { stage: 'scoring'; fold: number; folds: number }
  | { stage: 'keeping'; setup: Setup };

export interface SearchOptions {
  /** The base settings: rate, stride, window and feature groups the candidates start from. */
  features: FeatureConfig;
  training: TrainingSettings;
  /** Time for comparing candidates; scoring the choice and training the kept model come after. */
  budgetS: number;
  /** Outer folds by person (default 3); each inner cross-validation uses the other outer folds. */
  folds?: FoldCount;
  /** The candidates, in the order to try; candidateSetups(features) by default. */
  candidates?: readonly Setup[];
  signal?: AbortSignal;
  onProgress?: (progress: SearchProgress) => void;
  onEpoch?: (log: EpochLog) => void;
  /** The clock, in ms (tests drive it). */
  now?: () => number;
}

export const defaultSearchBudgetS = 60;
export const defaultSearchFolds = 3;

/**
 * Runs the nested search (see the top of this file) and trains the kept model.
 *
 * A candidate starts only while the budget, less what the slowest candidate of its kind took
 * so far, is not spent, and one that overruns the budget is stopped and listed as not tried; the
 * first candidate always runs to the end, so there is always a choice. A candidate that cannot
 * train is listed with its refusal and the search goes on.
 *
 * @example
 * const search = await searchSetups(recordings, { features, training, budgetS: 60 });
 * console.log(describeSetup(search.chosen, 'en'), search.net.accuracy.mean);
 * search.kept?.model.dispose();
 */
export async function searchSetups(recordings: readonly LabelledRecording[], options: SearchOptions): Promise<ModelSearch> {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const elapsed = () => now() - started;
  const budgetMs = options.budgetS * 1000;
  const seed = options.training.seed;
  const listed = recordings.map(({ recording }) => recording);
  const labels = [...new Set(listed.map((recording) => recording.label))].sort();
  const outer = personFolds(listed, options.folds ?? defaultSearchFolds, seed);
  if (outer.length < 3) throw new CodedError('error.search.too-few-people', { people: outer.flat().join(', ') });
  const windowCache = new WindowCache();
  const setups = options.candidates ?? candidateSetups(options.features);
  const candidates: CandidateScore[] = [];
  const notTried: Setup[] = [];
  const slowest = new Map<NetworkKindName, number>();

  for (const [c, setup] of setups.entries()) {
    const first = candidates.length === 0;
    if (options.signal?.aborted || (!first && elapsed() + (slowest.get(setup.network) ?? 0) > budgetMs)) {
      notTried.push(setup);
      continue;
    }
    options.onProgress?.({ stage: 'candidate', candidate: c, candidates: setups.length, setup });
    const scored = await innerScores(recordings, outer, setup, options, windowCache, first ? () => false : () => elapsed() > budgetMs, now);
    if (scored === 'stopped') {
      notTried.push(setup);
      continue;
    }
    slowest.set(setup.network, Math.max(slowest.get(setup.network) ?? 0, scored.ms));
    candidates.push(scored);
  }

  const usable = candidates.filter((candidate) => candidate.refused === undefined);
  const refusal = candidates.find((candidate) => candidate.refused !== undefined)?.refused;
  if (usable.length === 0 && refusal !== undefined) throw refusal;
  const best = (score: (candidate: CandidateScore) => number) =>
    usable.reduce<CandidateScore | undefined>((top, candidate) => (top === undefined || score(candidate) > score(top) ? candidate : top), undefined);
  const picks = outer.map((_, f) => best((candidate) => candidate.innerAccuracy[f] ?? -Infinity));
  for (const pick of picks) if (pick) pick.picked += 1;
  const chosen = best((candidate) => candidate.accuracy)?.setup;

  const folds: SearchFold[] = [];
  let scoring = 0;
  let cancelled = (options.signal?.aborted ?? false) || chosen === undefined;
  for (const candidate of cancelled ? [] : usable.filter((candidate) => candidate.picked > 0)) {
    const own = outer.filter((_, f) => picks[f] === candidate);
    const cv = await crossValidate(recordings, {
      ...setupSettings(candidate.setup, options.features, options.training),
      folds: own.length,
      people: own,
      windowCache,
      ...(options.signal && { signal: options.signal }),
      ...(options.onEpoch && { onEpoch: options.onEpoch }),
      onFold: () => options.onProgress?.({ stage: 'scoring', fold: (scoring += 1) - 1, folds: outer.length }),
    });
    folds.push(...cv.folds.map((fold) => ({ ...fold, setup: candidate.setup })));
    if (cv.cancelled) cancelled = true;
  }
  folds.sort((a, b) => outer.findIndex((fold) => fold.join() === a.groups.join()) - outer.findIndex((fold) => fold.join() === b.groups.join()));

  let kept: TrainedActivityModel | undefined;
  if (!cancelled && chosen) {
    options.onProgress?.({ stage: 'keeping', setup: chosen });
    kept = await trainActivityModel(recordings, {
      ...setupSettings(chosen, options.features, options.training),
      shares: { ...defaultSplitShares, test: 0 },
      windowCache,
      ...(options.signal && { signal: options.signal }),
      ...(options.onEpoch && { onEpoch: options.onEpoch }),
    });
    if (kept.stopped === 'cancelled') {
      kept.model.dispose();
      kept = undefined;
      cancelled = true;
    }
  }
  const spread = (pick: (fold: FoldResult) => number) => spreadOf(folds.map(pick));
  return {
    labels,
    budgetS: options.budgetS,
    candidates,
    notTried,
    ...(chosen && { chosen }),
    folds,
    net: { accuracy: spread((fold) => fold.net.accuracy), macroF1: spread((fold) => fold.net.macroF1) },
    baseline: { accuracy: spread((fold) => fold.baseline.accuracy), macroF1: spread((fold) => fold.baseline.macroF1) },
    ...(kept && { kept }),
    cancelled,
    elapsedMs: elapsed(),
  };
}

/**
 * One candidate's inner cross-validations, one per outer fold, each on the other outer folds'
 * people only. 'stopped' when cancelled or out of time (`overrun` is asked every epoch).
 */
async function innerScores(
  recordings: readonly LabelledRecording[],
  outer: readonly string[][],
  setup: Setup,
  options: SearchOptions,
  windowCache: WindowCache,
  overrun: () => boolean,
  now: () => number,
): Promise<CandidateScore | 'stopped'> {
  const started = now();
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  options.signal?.addEventListener('abort', onAbort);
  const score: CandidateScore = { setup, accuracy: NaN, macroF1: NaN, innerAccuracy: [], picked: 0, ms: 0 };
  const macroF1: number[] = [];
  try {
    for (const [f, fold] of outer.entries()) {
      const tested = new Set(fold);
      const cv = await crossValidate(
        recordings.filter(({ recording }) => !tested.has(recording.group)),
        {
          ...setupSettings(setup, options.features, options.training),
          folds: outer.length - 1,
          people: outer.filter((_, other) => other !== f),
          windowCache,
          signal: stop.signal,
          onEpoch: (log) => {
            if (overrun()) stop.abort();
            options.onEpoch?.(log);
          },
        },
      );
      if (cv.cancelled) return 'stopped';
      score.innerAccuracy.push(cv.net.accuracy.mean);
      macroF1.push(cv.net.macroF1.mean);
    }
    score.accuracy = spreadOf(score.innerAccuracy).mean;
    score.macroF1 = spreadOf(macroF1).mean;
  } catch (error) {
    score.refused = error;
    score.innerAccuracy = [];
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  score.ms = now() - started;
  return score;
}
