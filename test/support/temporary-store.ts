import { deleteDB } from 'idb';
import { afterEach, beforeEach } from 'vitest';
import { RecordingStore } from '../../src/lib/store/recordings';

/**
 * A fresh IndexedDB database for each test, deleted after it: tests never see each other's data.
 * Call at the top of a test file; the returned function gives the current test's store.
 */
export function useTemporaryStore(prefix: string): () => RecordingStore {
  let name = '';
  let store: RecordingStore | undefined;
  beforeEach(async () => {
    name = `${prefix}-${crypto.randomUUID()}`;
    store = await RecordingStore.open(name);
  });
  afterEach(async () => {
    store?.db.close();
    await deleteDB(name);
  });
  return () => {
    if (!store) throw new Error('The temporary store exists only inside a test.');
    return store;
  };
}
