import type { MotionDb, StoredLabel } from './schema';
import { StoreError } from './store-error';
import { committed } from './transaction';

/** A label's name as the user typed it, tidied: trimmed, inner spaces collapsed. */
export function normaliseLabel(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/** The label rule: `name` tidied, or a StoreError saying why it cannot be a label. */
export function checkLabel(name: string): string {
  const tidy = normaliseLabel(name);
  if (tidy === '') throw new StoreError('error.label.empty');
  if (tidy.length > 40) throw new StoreError('error.label.too-long', { start: tidy.slice(0, 40), max: 40 });
  return tidy;
}

/**
 * What adding `names` (already through checkLabel) to the stored labels `existing` takes: for each
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

  constructor(db: MotionDb) {
    this.#db = db;
  }

  /** The labels in the order the user sees them. */
  async list(): Promise<string[]> {
    const labels = await this.#db.getAll('labels');
    return labels.sort((a, b) => a.position - b.position).map((label) => label.name);
  }

  async add(name: string): Promise<string> {
    const tidy = checkLabel(name);
    const tx = this.#db.transaction('labels', 'readwrite');
    const [added] = labelsWith(await tx.store.getAll(), [tidy]).added;
    if (!added) throw new StoreError('error.label.exists', { label: tidy });
    await Promise.all([tx.store.add(added), tx.done]);
    return tidy;
  }

  /** Renames a label and relabels every recording that has it, in one transaction. */
  async rename(from: string, to: string): Promise<string> {
    const tidy = checkLabel(to);
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
   * Makes sure every one of `names` (a backup's labels) is a label here, in one transaction: each
   * joins an existing label that matches regardless of case, or is added. Every name is checked
   * by the label rule first, so a bad one throws StoreError with nothing written. Returns, for
   * each name as given, the label it is now.
   */
  async ensureAll(names: readonly string[]): Promise<Map<string, string>> {
    const tidy = names.map((name) => [name, checkLabel(name)] as const);
    const tx = this.#db.transaction('labels', 'readwrite');
    const { names: joined, added } = labelsWith(await tx.store.getAll(), tidy.map(([, label]) => label));
    await committed(tx, function* () {
      for (const row of added) yield tx.store.add(row);
    });
    return new Map(tidy.map(([name, label]) => [name, joined.get(label) ?? label]));
  }
}
