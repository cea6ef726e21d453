import { StoreError } from './recordings';

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
    await new Promise<void>((acquired, refused) => {
      navigator.locks
        .request(this.#name(id), { ifAvailable: true }, (lock) => {
          if (!lock) {
            refused(new StoreError('error.store.recording-elsewhere', { name: id }));
            return undefined;
          }
          acquired();
          return new Promise<void>((release) => this.#held.set(id, release));
        })
        .catch(refused);
    });
  }

  release(id: string): void {
    this.#held.get(id)?.();
    this.#held.delete(id);
  }

  /**
   * Runs `edit` of recording `id` while no recording holds it, holding its lock meanwhile; else
   * rejects with what `refusal` makes of where it is being recorded, and `edit` never runs.
   */
  async whileFree<T>(id: string, edit: () => Promise<T>, refusal: (where: RecordingInProgress) => Promise<Error>): Promise<T> {
    if (this.#held.has(id)) throw await refusal('here');
    if (!this.acrossTabs) return edit();
    return navigator.locks.request(this.#name(id), { ifAvailable: true }, async (lock) => {
      if (!lock) throw await refusal('elsewhere');
      return edit();
    });
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

  #name(id: string): string {
    return `${this.#prefix}${id}`;
  }
}
