import type { WordedError } from '../i18n/coded-error';
import type { Locale } from '../i18n/i18n';
import type { SplitName } from '../model/record';
import type { Recording } from '../store/recording';
import { mulberry32, shuffle } from './random';

/**
 * Splitting a dataset into training, validation and test recordings.
 *
 * Recordings are split, never windows: the overlapping windows of one recording are nearly
 * copies of each other, and a model tested on windows whose neighbours it trained on scores as if
 * it had seen the test. For the same reason every recording of one subject (its `group`) goes to
 * one side: a model that learnt one person's gait must be tested on other people.
 *
 * Each label is split on its own (stratified), so every side has every activity in about the
 * training proportions. With groups, a group counts under the label most of its recordings have.
 * Sides are balanced in groups, not in recordings, so they may deviate from the shares when groups
 * differ in size.
 */

export const splitNames: readonly SplitName[] = ['train', 'validation', 'test'];

/** The share of recordings (or groups) each side gets; normalised by their sum. 0 leaves a side out. */
export type SplitShares = Record<SplitName, number>;
export const defaultSplitShares: SplitShares = { train: 0.7, validation: 0.15, test: 0.15 };

export interface SplitOptions {
  shares?: SplitShares;
  /** The same seed and recordings give the same split, in whatever order the recordings are listed. */
  seed?: number;
}

/** What a split needs of a recording. */
export type SplitRecording = Pick<Recording, 'id' | 'label' | 'group'>;

/** One side of a split, for the UI to show. */
export interface SplitSide {
  recordings: number;
  /** Distinct non-empty groups (subjects). */
  groups: number;
  /** Recordings of each label, every label listed (0 included). */
  perLabel: Record<string, number>;
}

export interface SplitSummary {
  /** Every label, sorted. */
  labels: string[];
  /** Whether recordings were kept together by group. */
  byGroup: boolean;
  sides: Record<SplitName, SplitSide>;
}

export interface DatasetSplit {
  /** The side of each recording, by id. */
  assignment: Map<string, SplitName>;
  summary: SplitSummary;
}

/**
 * Splits recordings into train, validation and test (70/15/15 by default), stratified by label,
 * with every group on one side, reproducibly for a seed. Throws a SplitError when it cannot give
 * each side in use at least one recording of each label (in SPLIT_ATTEMPTS draws).
 *
 * @example
 * const { assignment, summary } = splitRecordings(recordings, { seed: 42 });
 * const trainIds = recordings.filter((r) => assignment.get(r.id) === 'train').map((r) => r.id);
 */
export function splitRecordings(recordings: readonly SplitRecording[], options: SplitOptions = {}): DatasetSplit {
  const labels = [...new Set(recordings.map((r) => r.label))].sort(byCodePoint);
  if (labels.length < 2) throw new SplitError('too-few-labels', { labels });
  const shares = normalisedShares(options.shares ?? defaultSplitShares);
  const sides = splitNames.filter((side) => shares[side] > 0);
  const byGroup = recordings.some((r) => r.group !== '');
  const units = unitsOf(recordings);
  if (byGroup && units.length < sides.length) throw new SplitError('too-few-groups', { groups: units.length, needed: sides.length });

  const random = mulberry32(options.seed ?? 0);
  let firstProblem: SplitError | undefined;
  for (let attempt = 0; attempt < SPLIT_ATTEMPTS; attempt += 1) {
    const assignment = assign(units, labels, sides, shares, random);
    const summary = summarise(recordings, assignment, labels, byGroup);
    const problem = missingLabel(summary, units, sides);
    if (!problem) return { assignment, summary };
    firstProblem ??= problem;
  }
  throw firstProblem!;
}

/**
 * Draws before giving up. When subjects recorded different activities, a subject placed for its
 * main activity takes its others along, and one draw can leave a side without an activity that
 * another draw covers. The draws follow each other from one seed, so the result is still
 * reproducible.
 */
export const SPLIT_ATTEMPTS = 20;

/** One draw: each label's units shuffled and dealt out to the sides. */
function assign(units: readonly Unit[], labels: readonly string[], sides: readonly SplitName[], shares: SplitShares, random: () => number) {
  const assignment = new Map<string, SplitName>();
  for (const label of labels) {
    const stratum = units.filter((unit) => unit.label === label);
    shuffle(stratum, random);
    const counts = allocate(stratum.length, sides.map((side) => shares[side]));
    let next = 0;
    sides.forEach((side, s) => {
      for (const unit of stratum.slice(next, next + counts[s]!)) for (const id of unit.ids) assignment.set(id, side);
      next += counts[s]!;
    });
  }
  return assignment;
}

/** The first label, in label then side order, with no recording on a side in use. */
function missingLabel(summary: SplitSummary, units: readonly Unit[], sides: readonly SplitName[]): SplitError | undefined {
  for (const label of summary.labels) {
    for (const side of sides) {
      if (summary.sides[side].perLabel[label] === 0) {
        const having = units.filter((unit) => unit.labels.has(label)).length;
        return new SplitError('label-missing-from-split', { label, split: side, units: having, byGroup: summary.byGroup, sides: [...sides] });
      }
    }
  }
  return undefined;
}

/** What is placed on one side as a whole: a group's recordings, or one recording without a group. */
interface Unit {
  key: string;
  ids: string[];
  /** The most frequent label; ties go to the label first in code-point order. */
  label: string;
  labels: Set<string>;
}

function unitsOf(recordings: readonly SplitRecording[]): Unit[] {
  const byKey = new Map<string, SplitRecording[]>();
  for (const recording of recordings) {
    const key = recording.group === '' ? `recording:${recording.id}` : `group:${recording.group}`;
    const members = byKey.get(key);
    if (members) members.push(recording);
    else byKey.set(key, [recording]);
  }
  // Sorted, so the listing order of recordings never changes the split.
  return [...byKey.keys()].sort(byCodePoint).map((key) => {
    const members = byKey.get(key)!;
    const counts = new Map<string, number>();
    for (const member of members) counts.set(member.label, (counts.get(member.label) ?? 0) + 1);
    const [label] = [...counts].sort((a, b) => b[1] - a[1] || byCodePoint(a[0], b[0]))[0]!;
    return { key, ids: members.map((member) => member.id), label, labels: new Set(counts.keys()) };
  });
}

/**
 * How many of `count` units each side gets: the largest-remainder rounding of count × share, then
 * one moved from the largest side to any empty side while the largest can spare one, so that a
 * label with as many units as sides still reaches every side.
 */
function allocate(count: number, shares: readonly number[]): number[] {
  const ideal = shares.map((share) => share * count);
  const counts = ideal.map(Math.floor);
  const order = ideal.map((value, i) => ({ i, rest: value - Math.floor(value) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (let left = count - counts.reduce((a, b) => a + b, 0), k = 0; left > 0; left -= 1, k += 1) {
    const at = order[k % order.length]!.i;
    counts[at] = counts[at]! + 1;
  }
  for (let empty = counts.indexOf(0); empty >= 0; empty = counts.indexOf(0)) {
    const largest = counts.indexOf(Math.max(...counts));
    if (counts[largest]! < 2) break;
    counts[largest] = counts[largest]! - 1;
    counts[empty] = 1;
  }
  return counts;
}

function summarise(
  recordings: readonly SplitRecording[],
  assignment: Map<string, SplitName>,
  labels: string[],
  byGroup: boolean,
): SplitSummary {
  const groups = Object.fromEntries(splitNames.map((side) => [side, new Set<string>()])) as Record<SplitName, Set<string>>;
  const sides = Object.fromEntries(
    splitNames.map((side) => [side, { recordings: 0, groups: 0, perLabel: Object.fromEntries(labels.map((label) => [label, 0])) }]),
  ) as Record<SplitName, SplitSide>;
  for (const recording of recordings) {
    const side = assignment.get(recording.id)!;
    sides[side].recordings += 1;
    sides[side].perLabel[recording.label] = (sides[side].perLabel[recording.label] ?? 0) + 1;
    if (recording.group !== '') groups[side].add(recording.group);
  }
  for (const side of splitNames) sides[side].groups = groups[side].size;
  return { labels, byGroup, sides };
}

function normalisedShares(shares: SplitShares): SplitShares {
  const values = splitNames.map((side) => shares[side]);
  const total = values.reduce((a, b) => a + b, 0);
  if (values.some((value) => !Number.isFinite(value) || value < 0) || !(shares.train > 0) || !(total > 0)) {
    throw new SplitError('invalid-shares', { ...shares });
  }
  return { train: shares.train / total, validation: shares.validation / total, test: shares.test / total };
}

/** Sorting by code point, not locale: the same order, and so the same split, on every device. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The values that describe each kind of problem, by code. */
export interface SplitErrorParams {
  'too-few-labels': { labels: string[] };
  'invalid-shares': SplitShares;
  /** `groups`: subjects, each recording without one counting as its own. */
  'too-few-groups': { groups: number; needed: number };
  'label-missing-from-split': { label: string; split: SplitName; units: number; byGroup: boolean; sides: SplitName[] };
}

export type SplitErrorCode = keyof SplitErrorParams;

/**
 * A dataset that cannot be split, and why. `message` and `hint` are English, for the CLI and logs;
 * `code` and `params` carry the same facts, and `wordIn`/`hintIn` word them in the user's language.
 */
export class SplitError<C extends SplitErrorCode = SplitErrorCode> extends Error implements WordedError {
  override readonly name = 'SplitError';
  readonly code: C;
  readonly params: SplitErrorParams[C];
  /** What the user can do about it. */
  readonly hint: string;

  constructor(code: C, params: SplitErrorParams[C]) {
    super(wordings.en[code].message(params));
    this.code = code;
    this.params = params;
    this.hint = this.hintIn('en');
  }

  wordIn(locale: Locale): string {
    return wordings[locale][this.code].message(this.params);
  }

  hintIn(locale: Locale): string {
    return wordings[locale][this.code].hint(this.params);
  }
}

/** Any one split error, as a union over codes, so that checking `code` narrows `params`. */
export type AnySplitError = { [C in SplitErrorCode]: SplitError<C> }[SplitErrorCode];

type Wording = {
  [C in SplitErrorCode]: { message: (p: SplitErrorParams[C]) => string; hint: (p: SplitErrorParams[C]) => string };
};

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

const english: Wording = {
  'too-few-labels': {
    message: (p) =>
      p.labels.length === 0 ? 'There are no recordings to train on.' : `All recordings are “${p.labels[0]}”: a classifier needs at least two labels.`,
    hint: () => 'Record at least two different activities.',
  },
  'invalid-shares': {
    message: (p) => `The shares train ${p.train}, validation ${p.validation}, test ${p.test} cannot split a dataset.`,
    hint: () => 'Give training a share above 0, and validation and test shares of 0 or more.',
  },
  'too-few-groups': {
    message: (p) =>
      `There are recordings of ${plural(p.groups, 'subject', 'subjects')}, and each of the ${p.needed} sets needs its own.`,
    hint: () => 'Record with more people, or use fewer sets (set the validation or test share to 0).',
  },
  'label-missing-from-split': {
    message: (p) =>
      `No “${p.label}” recording is left for the ${p.split} set: ${plural(p.units, p.byGroup ? 'subject has' : 'recording is', p.byGroup ? 'subjects have' : 'recordings are')} “${p.label}”, ` +
      `and the ${p.sides.join(', ')} sets each need one${p.byGroup ? ' of their own' : ''}.`,
    hint: (p) =>
      `Record more “${p.label}”${p.byGroup ? ' with other people' : ''}` +
      (p.split === 'train' ? '.' : `, or use fewer sets (set the ${p.split} share to 0).`),
  },
};

const sideEs: Record<SplitName, string> = { train: 'entrenamiento', validation: 'validación', test: 'prueba' };

const spanish: Wording = {
  'too-few-labels': {
    message: (p) =>
      p.labels.length === 0 ? 'No hay grabaciones con las que entrenar.' : `Todas las grabaciones son «${p.labels[0]}»: un clasificador necesita al menos dos etiquetas.`,
    hint: () => 'Graba al menos dos actividades distintas.',
  },
  'invalid-shares': {
    message: (p) => `Las proporciones entrenamiento ${p.train}, validación ${p.validation}, prueba ${p.test} no pueden dividir un conjunto de datos.`,
    hint: () => 'Da al entrenamiento una proporción mayor que 0, y a validación y prueba proporciones de 0 o más.',
  },
  'too-few-groups': {
    message: (p) => `Hay grabaciones de ${plural(p.groups, 'persona', 'personas')}, y cada uno de los ${p.needed} conjuntos necesita la suya.`,
    hint: () => 'Graba con más personas, o usa menos conjuntos (pon a 0 la proporción de validación o de prueba).',
  },
  'label-missing-from-split': {
    message: (p) =>
      `No queda ninguna grabación de «${p.label}» para el conjunto de ${sideEs[p.split]}: ${plural(p.units, p.byGroup ? 'persona tiene' : 'grabación es', p.byGroup ? 'personas tienen' : 'grabaciones son')} «${p.label}», ` +
      `y los conjuntos de ${p.sides.map((side) => sideEs[side]).join(', ')} necesitan una cada uno${p.byGroup ? ', de personas distintas' : ''}.`,
    hint: (p) =>
      `Graba más «${p.label}»${p.byGroup ? ' con otras personas' : ''}` + (p.split === 'train' ? '.' : `, o usa menos conjuntos (pon a 0 la proporción de ${sideEs[p.split]}).`),
  },
};

const wordings: Record<Locale, Wording> = { en: english, es: spanish };
