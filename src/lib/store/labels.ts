import type { RecordingInProgress, RecordingLocks } from './recording-locks';
import type { MotionDb, StoredLabel } from './schema';
import { StoreError } from './store-error';
import { committed } from './transaction';

/** A label's name as the user typed it, tidied: trimmed, inner spaces collapsed. */
export function normaliseLabel(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/** The longest label, in characters: it names a button here, a C string on a board, a line of the board's Bluetooth label list. */
export const maxLabelLength = 40;

/** Control characters (NUL, tab, line breaks…) and the Unicode line and paragraph separators. */
const controlCharacter = /[\p{Cc}\u2028\u2029]/u;

/**
 * The one rule for a label, on every path a label comes in by (typed in the app, a recording's
 * file, a backup, a model file): not empty, at most 40 characters, no control character (a newline
 * would split the board's Bluetooth label list, a NUL cut the label short in C). Returns the label
 * as given; throws StoreError saying what is wrong.
 *
 * @example
 * checkLabel('walking'); // 'walking'
 * checkLabel('walk\ning'); // throws StoreError 'error.label.control'
 */
export function checkLabel(label: string): string {
  if (label.trim() === '') throw new StoreError('error.label.empty');
  if (label.length > maxLabelLength) throw new StoreError('error.label.too-long', { start: label.slice(0, maxLabelLength), max: maxLabelLength });
  const control = controlCharacter.exec(label);
  if (control) throw new StoreError('error.label.control', { start: label.slice(0, control.index), position: control.index + 1 });
  return label;
}

/** A label as given (typed, or from a file), tidied (line breaks and tabs become spaces) and then checked. */
export function tidyLabel(name: string): string {
  return checkLabel(normaliseLabel(name));
}

/**
 * What adding `names` (already through tidyLabel) to the stored labels `existing` takes: for each
 * name, the label it joins (an existing one that matches regardless of case, or itself), and the
 * rows to add for the new ones, placed after the others. For a transaction that adds labels and
 * recordings together.
 */
export function labelsWith(existing: readonly StoredLabel[], names: readonly string[]): { names: Map<string, string>; added: StoredLabel[] } {
  const byLowerCase = new Map(existing.map((label) => [label.name.toLowerCase(), label.name]));
  let position = Math.max(-1, ...existing.map((label) => label.position));
  const added: StoredLabel[] = [];
  const joined = new Map<string, string>();
  for (const name of names) {
    let label = byLowerCase.get(name.toLowerCase());
    if (label === undefined) {
      position += 1;
      added.push({ name, position });
      byLowerCase.set(name.toLowerCase(), name);
      label = name;
    }
    joined.set(name, label);
  }
  return { names: joined, added };
}

/** The labels recordings may carry, in the order the user sees them (`MotionStore.labels`). */
export class LabelStore {
  readonly #db: MotionDb;
  readonly #locks: RecordingLocks;

  /** `locks` are the store's recordings in progress: a label they carry is not renamed under them. */
  constructor(db: MotionDb, locks: RecordingLocks) {
    this.#db = db;
    this.#locks = locks;
  }

  /** The labels in the order the user sees them. */
  async list(): Promise<string[]> {
    const labels = await this.#db.getAll('labels');
    return labels.sort((a, b) => a.position - b.position).map((label) => label.name);
  }

  async add(name: string): Promise<string> {
    const tidy = tidyLabel(name);
    const tx = this.#db.transaction('labels', 'readwrite');
    const [added] = labelsWith(await tx.store.getAll(), [tidy]).added;
    if (!added) throw new StoreError('error.label.exists', { label: tidy });
    await Promise.all([tx.store.add(added), tx.done]);
    return tidy;
  }

  /**
   * Renames a label and relabels every recording that has it, in one transaction. Refused while
   * one of those recordings is being recorded, here or in another tab: its Stop would write the
   * old label back, a label that no longer exists.
   */
  async rename(from: string, to: string): Promise<string> {
    const tidy = tidyLabel(to);
    for (;;) {
      const ids = await this.#db.getAllKeysFromIndex('recordings', 'by-label', from);
      const refusal = async (id: string, where: RecordingInProgress) => {
        const name = (await this.#db.get('recordings', id))?.name ?? id;
        return new StoreError(where === 'here' ? 'error.label.recording-here' : 'error.label.recording-elsewhere', { label: from, name });
      };
      if (await this.#locks.whileNoneRecorded(ids, () => this.#relabel(from, tidy, ids), refusal)) return tidy;
    }
  }

  /**
   * Renames label `from` to `to` and relabels its recordings in one transaction, if they are
   * still the `locked` ones; false, with nothing written, when another began with that label
   * meanwhile (its lock was not taken: the caller tries again).
   */
  async #relabel(from: string, to: string, locked: readonly string[]): Promise<boolean> {
    const tx = this.#db.transaction(['labels', 'recordings'], 'readwrite');
    const labels = tx.objectStore('labels');
    const old = await labels.get(from);
    if (!old) throw new StoreError('error.label.missing', { label: from });
    if (to !== from && (await labels.get(to))) throw new StoreError('error.label.exists', { label: to });
    const recordings = await tx.objectStore('recordings').index('by-label').getAll(from);
    if (recordings.some((recording) => !locked.includes(recording.id))) {
      tx.abort();
      await tx.done.catch(() => undefined);
      return false;
    }
    await Promise.all([
      labels.delete(from),
      labels.put({ name: to, position: old.position }),
      ...recordings.map((recording) => tx.objectStore('recordings').put({ ...recording, label: to })),
      tx.done,
    ]);
    return true;
  }

  /** Removes a label no recording uses; one still in use is refused with how to free it. */
  async remove(name: string): Promise<void> {
    const tx = this.#db.transaction(['labels', 'recordings'], 'readwrite');
    const used = await tx.objectStore('recordings').index('by-label').count(name);
    if (used > 0) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new StoreError(used === 1 ? 'error.label.in-use-one' : 'error.label.in-use', { count: used, label: name });
    }
    await Promise.all([tx.objectStore('labels').delete(name), tx.done]);
  }

  /**
   * Gives a new user the starting labels in their language: while no recording exists and the
   * labels are still exactly one language's defaults (one of `defaults`, in order), they become
   * `wanted`. Labels the user changed, even to none at all, stay theirs. Returns whether the
   * labels were replaced.
   *
   * @example
   * await store.labels.startIn([defaultLabels('en'), defaultLabels('es')], defaultLabels('es'));
   */
  async startIn(defaults: readonly (readonly string[])[], wanted: readonly string[]): Promise<boolean> {
    const tx = this.#db.transaction(['labels', 'recordings'], 'readwrite');
    const [recordings, rows] = await Promise.all([tx.objectStore('recordings').count(), tx.objectStore('labels').getAll()]);
    // A label has no line break (checkLabel), so lists joined by one compare as the lists do.
    const names = rows.sort((a, b) => a.position - b.position).map((label) => label.name).join('\n');
    const untouched = recordings === 0 && defaults.some((labels) => labels.join('\n') === names);
    if (!untouched || names === wanted.join('\n')) {
      await tx.done;
      return false;
    }
    const labels = tx.objectStore('labels');
    await committed(tx, function* () {
      yield labels.clear();
      for (const [position, name] of wanted.entries()) yield labels.add({ name, position });
    });
    return true;
  }

  /**
   * Makes sure every one of `names` (a backup's labels) is a label here, in one transaction: each
   * joins an existing label that matches regardless of case, or is added. Every name is checked
   * by the label rule first, so a bad one throws StoreError with nothing written. Returns, for
   * each name as given, the label it is now.
   */
  async ensureAll(names: readonly string[]): Promise<Map<string, string>> {
    const tidy = names.map((name) => [name, tidyLabel(name)] as const);
    const tx = this.#db.transaction('labels', 'readwrite');
    const { names: joined, added } = labelsWith(await tx.store.getAll(), tidy.map(([, label]) => label));
    await committed(tx, function* () {
      for (const row of added) yield tx.store.add(row);
    });
    return new Map(tidy.map(([name, label]) => [name, joined.get(label) ?? label]));
  }
}
