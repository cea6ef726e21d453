import { deleteDB, openDB } from 'idb';
import { expect, test } from 'vitest';
import { addInTasks, committed } from './transaction';

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

test('rows added a few per task all land in the one transaction, and one that fails late keeps none', async () => {
  const name = `in-tasks-${crypto.randomUUID()}`;
  const db = await openDB(name, 1, { upgrade: (upgrading) => void upgrading.createObjectStore('rows', { keyPath: 'id' }) });
  try {
    const rows = Array.from({ length: 11 }, (_, id) => ({ id, value: `row ${id}` }));
    const tx = db.transaction('rows', 'readwrite');
    await committed(tx, function* () {
      yield addInTasks(tx.store, rows, 3);
    });
    expect(await db.getAll('rows')).toEqual(rows);

    // The tenth row repeats a key: the rows added in the tasks before it are undone with it.
    const more = [...Array.from({ length: 9 }, (_, i) => ({ id: 100 + i, value: 'more' })), { id: 0, value: 'again' }];
    const failing = db.transaction('rows', 'readwrite');
    await expect(committed(failing, function* () {
      yield addInTasks(failing.store, more, 3);
    })).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(await db.count('rows')).toBe(11);
  } finally {
    db.close();
    await deleteDB(name);
  }
});
