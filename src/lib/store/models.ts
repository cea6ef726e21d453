import type { StoredModel } from '../model/record';
import type { MotionDb } from './schema';
import { StoreError } from './recordings';

/** Newest first. */
export async function listModels(db: MotionDb): Promise<StoredModel[]> {
  return (await db.getAllFromIndex('models', 'by-created')).reverse();
}

export async function getModel(db: MotionDb, id: string): Promise<StoredModel | undefined> {
  return db.get('models', id);
}

export async function saveModel(db: MotionDb, model: StoredModel): Promise<void> {
  await db.put('models', model);
}

export async function renameModel(db: MotionDb, id: string, name: string): Promise<void> {
  const tx = db.transaction('models', 'readwrite');
  const model = await tx.store.get(id);
  if (!model) throw new StoreError(`No model with id ${id}.`);
  const tidy = name.trim();
  if (tidy === '') throw new StoreError('A model needs a name.');
  await Promise.all([tx.store.put({ ...model, name: tidy }), tx.done]);
}

export async function deleteModel(db: MotionDb, id: string): Promise<void> {
  await db.delete('models', id);
}
