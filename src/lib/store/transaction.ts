
/**
 * Waits for a write transaction's requests and its commit. When it fails, throws the
 * transaction's own error where there is one: a full disk aborts the transaction with a
 * QuotaExceededError, while its pending requests each fail with a plain AbortError that says
 * nothing of why, and whichever rejects first would otherwise be what the user reads.
 *
 * @example
 * await committed(tx, [tx.store.add(row), tx.store.add(other)]);
 */
/** What `committed` needs of a transaction: any idb write transaction has it. */
interface Committing {
  readonly done: Promise<void>;
  readonly error: DOMException | null;
}

export async function committed(tx: Committing, requests: readonly Promise<unknown>[]): Promise<void> {
  try {
    await Promise.all([...requests, tx.done]);
  } catch (error) {
    await tx.done.catch(() => undefined);
    throw tx.error ?? error;
  }
}
