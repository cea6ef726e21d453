import { deleteDB, openDB } from 'idb';
import { afterEach, beforeEach } from 'vitest';
import { MotionStore } from '../../src/lib/store/motion-store';

/**
 * A fresh IndexedDB database for each test, deleted after it: tests never see each other's data.
 * Call at the top of a test file; the returned function gives the current test's store.
 */
export function useTemporaryStore(prefix: string): () => MotionStore {
  let name = '';
  let store: MotionStore | undefined;
  beforeEach(async () => {
    name = `${prefix}-${crypto.randomUUID()}`;
    store = await MotionStore.open(name);
  });
  afterEach(async () => {
    store?.close();
    await deleteDB(name);
  });
  return () => {
    if (!store) throw new Error('The temporary store exists only inside a test.');
    return store;
  };
}

/**
 * How many records `objectStore` of database `name` holds, read through a connection of the
 * test's own: what is on disk, whatever the store's methods say.
 */
export async function countStored(name: string, objectStore: string): Promise<number> {
  const db = await openDB(name);
  try {
    return await db.count(objectStore);
  } finally {
    db.close();
  }
}

/** Runs `use` with a second store on `store`'s database: to the recording locks, another tab. */
export async function withOtherTab<T>(store: MotionStore, use: (other: MotionStore) => Promise<T>): Promise<T> {
  const other = await MotionStore.open(store.name);
  try {
    return await use(other);
  } finally {
    other.close();
  }
}
