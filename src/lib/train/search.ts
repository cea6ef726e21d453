import { CodedError } from '../i18n/coded-error';
import type { NetworkKindName, TrainingSettings } from '../model/record';
import type { FeatureConfig } from '../signal/features';
import type { LabelledRecording } from './activity-dataset';
import { crossValidate, personFolds, spreadOf, type FoldResult, type Spread } from './cross-validation';
import type { EpochLog } from './fit';
import { defaultSplitShares } from './split';
import { candidateSetups, defaultSearchFolds, setupSettings, type Setup } from './search-setups';
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

/**
 * Runs the nested search (see the top of this file) and trains the kept model.
 *
 * A candidate starts only while the budget, less what the slowest candidate of its kind took
 * so far, is not spent, and one that overruns the budget is stopped and listed as not tried; the
 * first candidate that trains always runs to the end, so there is always a choice. A candidate that cannot
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
  const setups = options.candidates ?? candidateSetups(options.features);
  const candidates: CandidateScore[] = [];
  const notTried: Setup[] = [];
  const slowest = new Map<NetworkKindName, number>();

  for (const [c, setup] of setups.entries()) {
    // Until one candidate has scores, the next one runs whatever the budget: there must be a choice.
    const first = candidates.every((candidate) => candidate.refused !== undefined);
    if (options.signal?.aborted || (!first && elapsed() + (slowest.get(setup.network) ?? 0) > budgetMs)) {
      notTried.push(setup);
      continue;
    }
    options.onProgress?.({ stage: 'candidate', candidate: c, candidates: setups.length, setup });
    const scored = await innerScores(recordings, outer, setup, options, first ? () => false : () => elapsed() > budgetMs, now);
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
