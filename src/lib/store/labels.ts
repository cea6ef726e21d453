import type { MotionDb } from './schema';
import { StoreError } from './recordings';

/** A label's name as the user typed it, tidied: trimmed, inner spaces collapsed. */
export function normaliseLabel(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

function checkName(name: string): string {
  const tidy = normaliseLabel(name);
  if (tidy === '') throw new StoreError('error.label.empty');
  if (tidy.length > 40) throw new StoreError('error.label.too-long', { start: tidy.slice(0, 40), max: 40 });
  return tidy;
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
