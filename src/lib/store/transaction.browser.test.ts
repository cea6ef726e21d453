import { deleteDB, openDB } from 'idb';
import { expect, test } from 'vitest';
import { committed } from './transaction';

test('a request that throws after others were made aborts the whole transaction, with no request left unheard', async () => {
  const name = `committed-${crypto.randomUUID()}`;
  const db = await openDB(name, 1, { upgrade: (upgrading) => void upgrading.createObjectStore('rows') });
  const unheard: unknown[] = [];
  const listen = (event: PromiseRejectionEvent) => unheard.push(event.reason);
  window.addEventListener('unhandledrejection', listen);
  try {
    const tx = db.transaction('rows', 'readwrite');
    const failing = committed(tx, function* () {
      yield tx.store.add('first', 1);
      // An object is no valid key: IndexedDB throws a DataError at once.
      yield tx.store.add('second', {} as IDBValidKey);
    });
    await expect(failing).rejects.toMatchObject({ name: 'DataError' });
    expect(await db.count('rows')).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(unheard).toEqual([]);
  } finally {
    window.removeEventListener('unhandledrejection', listen);
    db.close();
    await deleteDB(name);
  }
});
