import type { MotionDb } from './schema';
import { StoreError } from './recordings';

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

/** A label the user typed, tidied (line breaks and tabs become spaces) and then checked. */
function checkName(name: string): string {
  return checkLabel(normaliseLabel(name));
}

/** The labels recordings may carry, in the order the user sees them (`MotionStore.labels`). */
export class LabelStore {
  readonly #db: MotionDb;

  constructor(db: MotionDb) {
    this.#db = db;
  }

  /** The labels in the order the user sees them. */
  async list(): Promise<string[]> {
    const labels = await this.#db.getAll('labels');
    return labels.sort((a, b) => a.position - b.position).map((label) => label.name);
  }

  async add(name: string): Promise<string> {
    const tidy = checkName(name);
    const tx = this.#db.transaction('labels', 'readwrite');
    const existing = await tx.store.getAll();
    if (existing.some((label) => label.name.toLowerCase() === tidy.toLowerCase())) {
      throw new StoreError('error.label.exists', { label: tidy });
    }
    const position = Math.max(-1, ...existing.map((label) => label.position)) + 1;
    await Promise.all([tx.store.add({ name: tidy, position }), tx.done]);
    return tidy;
  }

  /** Renames a label and relabels every recording that has it, in one transaction. */
  async rename(from: string, to: string): Promise<string> {
    const tidy = checkName(to);
    const tx = this.#db.transaction(['labels', 'recordings'], 'readwrite');
    const labels = tx.objectStore('labels');
    const old = await labels.get(from);
    if (!old) throw new StoreError('error.label.missing', { label: from });
    if (tidy !== from && (await labels.get(tidy))) throw new StoreError('error.label.exists', { label: tidy });
    const recordings = await tx.objectStore('recordings').index('by-label').getAll(from);
    await Promise.all([
      labels.delete(from),
      labels.put({ name: tidy, position: old.position }),
      ...recordings.map((recording) => tx.objectStore('recordings').put({ ...recording, label: tidy })),
      tx.done,
    ]);
    return tidy;
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
   * The label an imported recording should carry: an existing one that matches regardless of case
   * (`Walking` → `walking`), or a new one made from `name`.
   */
  async ensure(name: string): Promise<string> {
    const wanted = normaliseLabel(name).toLowerCase();
    const existing = (await this.list()).find((label) => label.toLowerCase() === wanted);
    return existing ?? this.add(name);
  }
}
