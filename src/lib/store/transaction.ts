/** What `committed` needs of a transaction: any idb write transaction has it. */
interface Committing {
  readonly done: Promise<void>;
  readonly error: DOMException | null;
  abort(): void;
}

/**
 * Makes a write transaction's requests with `write`, a generator that yields each one as it
 * makes it, and waits for them and the commit. When anything fails, even a request that throws
 * (a value IndexedDB cannot store) after others were made, the transaction is aborted, so
 * nothing of it is kept, and every request made is waited for, so none fails unheard. Throws the transaction's own error where there is one: a
 * full disk aborts the transaction with a QuotaExceededError, while its pending requests each fail
 * with a plain AbortError that says nothing of why, and whichever rejects first would otherwise be
 * what the user reads.
 *
 * @example
 * await committed(tx, function* () {
 *   yield tx.store.add(row);
 *   yield tx.store.add(other);
 * });
 */
export async function committed(tx: Committing, write: () => Iterable<Promise<unknown>>): Promise<void> {
  const requests: Promise<unknown>[] = [];
  try {
    for (const request of write()) requests.push(request);
    await Promise.all([...requests, tx.done]);
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted or finished: nothing more to undo.
    }
    await Promise.allSettled([...requests, tx.done]);
    throw tx.error ?? error;
  }
}

/**
 * Adds `rows` to `store` a few at a time, each few once the last are stored: their success event
 * is a task of its own, and the transaction stays active in it, so a long recording's chunks are
 * cloned and sent in several short tasks instead of one that froze a cheap phone's page for
 * several hundred ms. For `committed`'s `write`: yield what it returns, as one request.
 *
 * @example
 * await committed(tx, function* () {
 *   yield tx.objectStore('recordings').add(row);
 *   yield addInTasks(tx.objectStore('chunks'), chunks);
 * });
 */
export async function addInTasks<T>(store: { add(row: T): Promise<unknown> }, rows: readonly T[], perTask = 4): Promise<void> {
  for (let start = 0; start < rows.length; start += perTask) {
    await Promise.all(rows.slice(start, start + perTask).map((row) => store.add(row)));
  }
}
