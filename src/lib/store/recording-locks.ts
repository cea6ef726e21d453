import { StoreError } from './store-error';

/** Where a recording that refuses an edit is being recorded. */
export type RecordingInProgress = 'here' | 'elsewhere';

/**
 * One lock per recording in progress, so that no tab edits what another is still recording: a
 * delete there would come back at this tab's Stop with its first chunks missing, a trim would be
 * silently undone. With the Web Locks API (every browser that runs the app from https or
 * localhost) a lock is held across the tabs of the origin and let go by the browser when its tab
 * dies, so a crashed recording is never locked for good. Without it (`acrossTabs` false) only
 * this store's own recordings are guarded, and the app says so rather than pretend.
 */
export class RecordingLocks {
  readonly #prefix: string;
  /** The recordings this store is recording, each with what lets its lock go. */
  readonly #held = new Map<string, () => void>();
  readonly acrossTabs: boolean;

  /** `databaseName` scopes the locks: two databases' recordings never block each other. */
  constructor(databaseName: string) {
    this.#prefix = `${databaseName}/recording/`;
    this.acrossTabs = typeof navigator !== 'undefined' && 'locks' in navigator;
  }

  /** How many recordings this store is recording now. */
  get heldHere(): number {
    return this.#held.size;
  }

  /** Takes recording `id`'s lock for a recording starting here, until `release(id)`. */
  async hold(id: string): Promise<void> {
    if (!this.acrossTabs) {
      this.#held.set(id, () => undefined);
      return;
    }
    const release = await this.#tryLock(id);
    if (!release) throw new StoreError('error.store.recording-elsewhere', { name: id });
    this.#held.set(id, release);
  }

  release(id: string): void {
    this.#held.get(id)?.();
    this.#held.delete(id);
  }

  /**
   * Runs `edit` of recording `id` while no recording holds it, holding its lock meanwhile; else
   * rejects with what `refusal` makes of where it is being recorded, and `edit` never runs.
   */
  whileFree<T>(id: string, edit: () => Promise<T>, refusal: (where: RecordingInProgress) => Promise<Error>): Promise<T> {
    return this.whileNoneRecorded([id], edit, (_, where) => refusal(where));
  }

  /**
   * Runs `edit` of recordings `ids` while none of them is being recorded, here or in another tab,
   * holding their locks meanwhile; else rejects with what `refusal` makes of the first one being
   * recorded and where, and `edit` never runs: all of them or none.
   */
  async whileNoneRecorded<T>(ids: readonly string[], edit: () => Promise<T>, refusal: (id: string, where: RecordingInProgress) => Promise<Error>): Promise<T> {
    const here = ids.find((id) => this.#held.has(id));
    if (here !== undefined) throw await refusal(here, 'here');
    if (!this.acrossTabs) return edit();
    const releases = await this.#tryLocks(ids);
    try {
      const elsewhere = ids.find((_, i) => !releases[i]);
      if (elsewhere !== undefined) throw await refusal(elsewhere, 'elsewhere');
      return await edit();
    } finally {
      for (const release of releases) release?.();
    }
  }

  /**
   * Runs `edit` of those of recordings `ids` that no recording holds, here or in another tab,
   * holding their locks meanwhile, so none of them starts recording halfway. Returns what `edit`
   * returned (undefined when every one was busy: it does not run) and the ids it left alone.
   */
  async whileFreeAll<T>(ids: readonly string[], edit: (free: string[]) => Promise<T>): Promise<{ result: T | undefined; busy: string[] }> {
    const here = ids.filter((id) => this.#held.has(id));
    const others = ids.filter((id) => !this.#held.has(id));
    if (!this.acrossTabs) return { result: others.length > 0 ? await edit(others) : undefined, busy: here };
    const releases = await this.#tryLocks(others);
    try {
      const free = others.filter((_, i) => releases[i]);
      const busy = [...here, ...others.filter((_, i) => !releases[i])];
      return { result: free.length > 0 ? await edit(free) : undefined, busy };
    } finally {
      for (const release of releases) release?.();
    }
  }

  /** The ids of the recordings other tabs (or other stores) are recording now. */
  async elsewhere(): Promise<Set<string>> {
    if (!this.acrossTabs) return new Set();
    const { held = [] } = await navigator.locks.query();
    const ids = held.flatMap(({ name }) => (name?.startsWith(this.#prefix) ? [name.slice(this.#prefix.length)] : []));
    return new Set(ids.filter((id) => !this.#held.has(id)));
  }

  /** Resolves once recording `id`, recorded elsewhere, is let go (stopped, or its tab closed). */
  async released(id: string): Promise<void> {
    if (!this.acrossTabs) return;
    await navigator.locks.request(this.#name(id), () => undefined);
  }

  /** Takes the locks of recordings `ids` that no one holds: for each, what lets it go, or undefined. */
  #tryLocks(ids: readonly string[]): Promise<((() => void) | undefined)[]> {
    // ifAvailable never waits, so taking the locks all at once cannot deadlock with another tab.
    return Promise.all(ids.map((id) => this.#tryLock(id)));
  }

  /** Takes recording `id`'s lock if no one holds it: resolves with what lets it go, or undefined. */
  #tryLock(id: string): Promise<(() => void) | undefined> {
    return new Promise((resolve, reject) => {
      navigator.locks
        .request(this.#name(id), { ifAvailable: true }, (lock) => {
          if (!lock) {
            resolve(undefined);
            return undefined;
          }
          return new Promise<void>((release) => resolve(release));
        })
        .catch(reject);
    });
  }

  #name(id: string): string {
    return `${this.#prefix}${id}`;
  }
}
