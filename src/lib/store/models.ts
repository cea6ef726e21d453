import type { StoredModel } from '../model/record';
import type { MotionDb } from './schema';
import { StoreError } from './recordings';

/** A model's name as typed, trimmed; throws StoreError when nothing is left of it. */
export function tidyModelName(name: string): string {
  const tidy = name.trim();
  if (tidy === '') throw new StoreError('error.store.model-name');
  return tidy;
}

/** Trained models with everything needed to use them again (`MotionStore.models`). */
export class ModelStore {
  readonly #db: MotionDb;

  constructor(db: MotionDb) {
    this.#db = db;
  }

  /** Newest first. */
  async list(): Promise<StoredModel[]> {
    return (await this.#db.getAllFromIndex('models', 'by-created')).reverse();
  }

  async get(id: string): Promise<StoredModel | undefined> {
    return this.#db.get('models', id);
  }

  async save(model: StoredModel): Promise<void> {
    await this.#db.put('models', model);
  }

  async rename(id: string, name: string): Promise<void> {
    const tx = this.#db.transaction('models', 'readwrite');
    const model = await tx.store.get(id);
    if (!model) throw new StoreError('error.store.missing-model', { id });
    const tidy = tidyModelName(name);
    await Promise.all([tx.store.put({ ...model, name: tidy }), tx.done]);
  }

  async delete(id: string): Promise<void> {
    await this.#db.delete('models', id);
  }
}
