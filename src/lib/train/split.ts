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
  /**
   * Set when the recordings name who recorded them but no split by person exists (too few people,
   * or an activity too few of them recorded): the recordings were then split one by one, so one
   * person can be on the training and the test side, and the test score is optimistic.
   */
  byRecordingFallback?: { people: number; sides: SplitName[] };
  sides: Record<SplitName, SplitSide>;
}

export interface DatasetSplit {
  /** The side of each recording, by id. */
  assignment: Map<string, SplitName>;
  summary: SplitSummary;
}

/**
 * Splits recordings into train, validation and test (70/15/15 by default), stratified by label,
 * with every group on one side, reproducibly for a seed. When no split by group gives each side in
 * use a recording of each label, it splits by recording and says so in `summary.byRecordingFallback`;
 * it throws a SplitError only when no split by recording exists either.
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
  const random = mulberry32(options.seed ?? 0);
  const people = new Set(recordings.flatMap((r) => (r.group === '' ? [] : [r.group]))).size;
  if (people > 0) {
    const assignment = splitUnits(unitsOf(recordings, true), labels, sides, shares, random);
    if (assignment) return { assignment, summary: splitSummary(recordings, assignment, labels, true) };
  }
  const assignment = splitUnits(unitsOf(recordings, false), labels, sides, shares, random);
  if (!assignment) throw missingLabel(recordings, labels, sides);
  const summary = splitSummary(recordings, assignment, labels, false);
  return { assignment, summary: people > 0 ? { ...summary, byRecordingFallback: { people, sides: [...sides] } } : summary };
}

/**
 * Stratified draws before searching. When subjects recorded different activities, a subject placed
 * for its main activity takes its others along, and one draw can leave a side without an activity
 * that another draw covers. The draws follow each other from one seed, so the result is still
 * reproducible.
 */
export const SPLIT_ATTEMPTS = 20;

/**
 * Search steps (sides tried for one unit) before the search gives up. Datasets small enough to
 * need the search are found in far fewer; a large one that the draws could not split is
 * searched this far and then split by recording.
 */
export const SEARCH_STEPS = 200_000;

/** The side of each recording, with every label on every side in use; undefined when none is found. */
function splitUnits(
  units: readonly Unit[],
  labels: readonly string[],
  sides: readonly SplitName[],
  shares: SplitShares,
  random: () => number,
): Map<string, SplitName> | undefined {
  for (let attempt = 0; attempt < SPLIT_ATTEMPTS; attempt += 1) {
    const sideOf = draw(units, labels, sides, shares, random);
    if (coversEveryLabel(units, sideOf, labels, sides)) return assignmentOf(units, sideOf);
  }
  const sideOf = search(units, labels, sides, shares, random);
  return sideOf && assignmentOf(units, sideOf);
}

/** One draw: each label's units shuffled and dealt out to the sides. */
function draw(units: readonly Unit[], labels: readonly string[], sides: readonly SplitName[], shares: SplitShares, random: () => number): SplitName[] {
  const sideOf = new Array<SplitName>(units.length);
  for (const label of labels) {
    const stratum = units.flatMap((unit, u) => (unit.label === label ? [u] : []));
    shuffle(stratum, random);
    const counts = allocate(stratum.length, sides.map((side) => shares[side]));
    let next = 0;
    sides.forEach((side, s) => {
      for (const u of stratum.slice(next, next + counts[s]!)) sideOf[u] = side;
      next += counts[s]!;
    });
  }
  return sideOf;
}

function coversEveryLabel(units: readonly Unit[], sideOf: readonly SplitName[], labels: readonly string[], sides: readonly SplitName[]): boolean {
  const covered = new Set(units.flatMap((unit, u) => [...unit.labels].map((label) => `${sideOf[u]}\u0000${label}`)));
  return sides.every((side) => labels.every((label) => covered.has(`${side}\u0000${label}`)));
}

function assignmentOf(units: readonly Unit[], sideOf: readonly SplitName[]): Map<string, SplitName> {
  const assignment = new Map<string, SplitName>();
  units.forEach((unit, u) => {
    for (const id of unit.ids) assignment.set(id, sideOf[u]!);
  });
  return assignment;
}

/**
 * A depth-first search over the sides of each unit, for when the draws found no split: three
 * people who each recorded every activity have one split, 1/1/1, that dealing them out by their
 * main activity misses. The units holding the rarest labels are placed first; a branch is dropped
 * as soon as some label is held by fewer of the units still to place than there are sides still
 * lacking it. Each unit tries first the sides it gives a missing label, then the sides furthest
 * under their share, so the split found stays near the shares. Seeded: ties are broken by a shuffle.
 */
function search(
  units: readonly Unit[],
  labels: readonly string[],
  sides: readonly SplitName[],
  shares: SplitShares,
  random: () => number,
): SplitName[] | undefined {
  const order = units.map((_, u) => u);
  shuffle(order, random);
  const holders = new Map(labels.map((label) => [label, units.filter((unit) => unit.labels.has(label)).length]));
  const rarity = (u: number) => Math.min(...[...units[u]!.labels].map((label) => holders.get(label)!));
  order.sort((a, b) => rarity(a) - rarity(b));
  // left[i].get(label): units from position i on in `order` that hold the label.
  const left = order.map(() => new Map<string, number>());
  for (let i = order.length - 1; i >= 0; i -= 1) {
    const counts = new Map(left[i + 1] ?? []);
    for (const label of units[order[i]!]!.labels) counts.set(label, (counts.get(label) ?? 0) + 1);
    left[i] = counts;
  }
  const held = new Map(sides.map((side) => [side, new Map<string, number>()]));
  const size = new Map(sides.map((side) => [side, 0]));
  const sideOf = new Array<SplitName>(units.length);
  let steps = 0;

  const lacking = (label: string) => sides.filter((side) => !held.get(side)!.get(label)).length;
  const hopeless = (i: number) => labels.some((label) => (left[i]?.get(label) ?? 0) < lacking(label));
  const place = (u: number, side: SplitName, step: 1 | -1) => {
    size.set(side, size.get(side)! + step * units[u]!.ids.length);
    const counts = held.get(side)!;
    for (const label of units[u]!.labels) counts.set(label, (counts.get(label) ?? 0) + step);
  };
  const visit = (i: number): boolean => {
    if (hopeless(i)) return false;
    if (i === order.length) return true;
    const u = order[i]!;
    const total = [...size.values()].reduce((a, b) => a + b, 0) + units[u]!.ids.length;
    const gain = (side: SplitName) => [...units[u]!.labels].filter((label) => !held.get(side)!.get(label)).length;
    const under = (side: SplitName) => shares[side] * total - size.get(side)!;
    const tries = [...sides].sort((a, b) => gain(b) - gain(a) || under(b) - under(a));
    for (const side of tries) {
      if ((steps += 1) > SEARCH_STEPS) return false;
      sideOf[u] = side;
      place(u, side, 1);
      if (visit(i + 1)) return true;
      place(u, side, -1);
    }
    return false;
  };
  return visit(0) ? sideOf : undefined;
}

/** The label with the fewest recordings, when there are fewer than sides: the split by recording cannot give every side one. */
function missingLabel(recordings: readonly SplitRecording[], labels: readonly string[], sides: readonly SplitName[]): SplitError {
  const count = (label: string) => recordings.filter((r) => r.label === label).length;
  const label = labels.reduce((fewest, next) => (count(next) < count(fewest) ? next : fewest));
  const recorded = count(label);
  return new SplitError('label-missing-from-split', { label, split: sides[recorded]!, recordings: recorded, sides: [...sides] });
}

/** What is placed on one side as a whole: a group's recordings, or one recording without a group. */
interface Unit {
  key: string;
  ids: string[];
  /** The most frequent label; ties go to the label first in code-point order. */
  label: string;
  labels: Set<string>;
}

/** The units of a split by group (`byGroup`), or of a split by recording. */
function unitsOf(recordings: readonly SplitRecording[], byGroup: boolean): Unit[] {
  const byKey = new Map<string, SplitRecording[]>();
  for (const recording of recordings) {
    const key = !byGroup || recording.group === '' ? `recording:${recording.id}` : `group:${recording.group}`;
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

/** What a split puts on each side, counted. */
export function splitSummary(
  recordings: readonly SplitRecording[],
  assignment: Map<string, SplitName>,
  labels: readonly string[],
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
  return { labels: [...labels], byGroup, sides };
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
  /** No split by recording exists: `recordings` of `label` are fewer than the sides in use. */
  'label-missing-from-split': { label: string; split: SplitName; recordings: number; sides: SplitName[] };
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
  'label-missing-from-split': {
    message: (p) =>
      `No “${p.label}” recording is left for the ${p.split} set: ${plural(p.recordings, 'recording is', 'recordings are')} “${p.label}”, ` +
      `and the ${p.sides.join(', ')} sets each need one.`,
    hint: (p) => `Record more “${p.label}”: at least ${plural(p.sides.length - p.recordings, 'more recording', 'more recordings')}, so that each set has one.`,
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
  'label-missing-from-split': {
    message: (p) =>
      `No queda ninguna grabación de «${p.label}» para el conjunto de ${sideEs[p.split]}: ${plural(p.recordings, 'grabación es', 'grabaciones son')} «${p.label}», ` +
      `y los conjuntos de ${p.sides.map((side) => sideEs[side]).join(', ')} necesitan una cada uno.`,
    hint: (p) => `Graba más «${p.label}»: al menos ${plural(p.sides.length - p.recordings, 'grabación más', 'grabaciones más')}, para que cada conjunto tenga la suya.`,
  },
};

const wordings: Record<Locale, Wording> = { en: english, es: spanish };
