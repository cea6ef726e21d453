import { deleteRecordings, updateRecordings, type BulkPatch, type BulkResult } from './bulk-edits';
import { DB_NAME, openMotionDb } from './db';
import { DigitSetStore } from './digit-sets';
import { LabelStore } from './labels';
import { ModelStore } from './models';
import type { Recording } from './recording';
import { RecordingLocks, type RecordingInProgress } from './recording-locks';
import { RecordingStore, StoreError, type DeletedRecording } from './recordings';
import type { MotionDb } from './schema';

type RecordingPatch = Parameters<RecordingStore['update']>[1];

/**
 * The app's data on this device, opened once: recordings and their samples (its own methods),
 * labels, models and digit sets. It alone holds the database; callers say what they store, never
 * how (chunks, transactions, keys).
 *
 * A recording in progress is locked (recording-locks.ts) from `begin` to `finish`: no other tab,
 * and no other store, may delete, trim, split or rename it, or rename its label, meanwhile.
 *
 * @example
 * const store = await MotionStore.open();
 * await store.begin(recording);
 * await store.appendSamples(recording.id, samples, { gaps });
 * const labels = await store.labels.list();
 */
export class MotionStore extends RecordingStore {
  readonly labels: LabelStore;
  readonly models: ModelStore;
  readonly digitSets: DigitSetStore;
  readonly #db: MotionDb;
  readonly #locks: RecordingLocks;
  /** The database's name: a second `open` of it sees the same data. */
  readonly name: string;
  /**
   * Resolves when a newer version of the app, opened in another tab, waits for this store to
   * close: whoever records here stops and finishes, and the store closes once no recording of
   * its own is in progress. It cannot be used after; the tab must reload.
   */
  readonly upgradeRequested: Promise<void>;
  #requestUpgrade: () => void = () => undefined;
  #upgradePending = false;

  private constructor(db: MotionDb, options: { onFirstWrite?: () => void }) {
    super(db, options);
    this.#locks = new RecordingLocks(db.name);
    this.labels = new LabelStore(db, this.#locks);
    this.models = new ModelStore(db);
    this.digitSets = new DigitSetStore(db);
    this.name = db.name;
    this.#db = db;
    this.upgradeRequested = new Promise((resolve) => (this.#requestUpgrade = resolve));
  }

  /**
   * Opens (and upgrades) database `name`. `onFirstWrite` runs once, before the first recording
   * is written: the app asks for persistent storage then. A database already upgraded by a newer
   * version of the app is refused with a StoreError that says to reload.
   */
  static async open(name = DB_NAME, options: { onFirstWrite?: () => void } = {}): Promise<MotionStore> {
    let store: MotionStore | undefined;
    try {
      const db = await openMotionDb(name, undefined, (db) => (store ? store.#closeForUpgrade() : db.close()));
      store = new MotionStore(db, options);
      return store;
    } catch (error) {
      if (error instanceof DOMException && error.name === 'VersionError') {
        throw new StoreError('error.store.newer-database', {}, { cause: error });
      }
      throw error;
    }
  }

  /** Whether a newer version asked for the database: this store is closing, or closed, for good. */
  get upgradePending(): boolean {
    return this.#upgradePending;
  }

  /** Whether recordings in progress are guarded across tabs (Web Locks), not only in this one. */
  get locksAcrossTabs(): boolean {
    return this.#locks.acrossTabs;
  }

  /** The ids of the recordings in progress in other tabs. */
  recordingElsewhere(): Promise<Set<string>> {
    return this.#locks.elsewhere();
  }

  /** Resolves once recording `id`, in progress in another tab, is stopped there (or its tab closed). */
  recordingReleased(id: string): Promise<void> {
    return this.#locks.released(id);
  }

  override async begin(recording: Recording): Promise<void> {
    if (this.#upgradePending) throw new StoreError('error.store.closed');
    await this.#locks.hold(recording.id);
    try {
      await super.begin(recording);
    } catch (error) {
      this.#locks.release(recording.id);
      throw error;
    }
  }

  override async finish(recording: Recording): Promise<void> {
    try {
      await super.finish(recording);
    } finally {
      this.#locks.release(recording.id);
      if (this.#upgradePending && this.#locks.heldHere === 0) this.close();
    }
  }

  /** Deletes the row of a recording begun here that never received a sample (its source would not start). */
  async discard(id: string): Promise<void> {
    this.#locks.release(id);
    await super.delete(id);
  }

  override update(id: string, patch: RecordingPatch): Promise<Recording> {
    return this.#locks.whileFree(id, () => super.update(id, patch), (where) => this.#refusal(id, where));
  }

  override trim(id: string, startMs: number, endMs: number): Promise<Recording> {
    return this.#locks.whileFree(id, () => super.trim(id, startMs, endMs), (where) => this.#refusal(id, where));
  }

  override split(id: string, atMs: number, newId: string): Promise<[Recording, Recording]> {
    return this.#locks.whileFree(id, () => super.split(id, atMs, newId), (where) => this.#refusal(id, where));
  }

  override delete(id: string): Promise<DeletedRecording> {
    return this.#locks.whileFree(id, () => super.delete(id), (where) => this.#refusal(id, where));
  }

  /**
   * Sets the activity and/or the person of recordings `ids` in one transaction (nothing changes
   * if it fails); those being recorded, here or in another tab, are left alone and named.
   */
  updateMany(ids: readonly string[], patch: BulkPatch): Promise<BulkResult> {
    const tidy = patch.group === undefined ? patch : { ...patch, group: patch.group.trim() };
    return this.#onFree(ids, (free) => updateRecordings(this.#db, free, tidy));
  }

  /** Deletes recordings `ids` in one transaction, as `updateMany` changes them; it cannot be undone. */
  deleteMany(ids: readonly string[]): Promise<BulkResult> {
    return this.#onFree(ids, (free) => deleteRecordings(this.#db, free));
  }

  /** Closes the database; the store cannot be used after. */
  close(): void {
    this.#db.close();
  }

  /**
   * A newer version waits: no new recording begins here, a running one finishes (its recorder
   * stops on `upgradeRequested`), and the connection closes after that recording's last save.
   * IndexedDB lets the transactions already running end before it closes.
   */
  #closeForUpgrade(): void {
    this.#upgradePending = true;
    this.#requestUpgrade();
    if (this.#locks.heldHere === 0) this.close();
  }

  async #onFree(ids: readonly string[], write: (free: string[]) => Promise<number>): Promise<BulkResult> {
    const { result = 0, busy } = await this.#locks.whileFreeAll(ids, write);
    const skipped = await Promise.all(busy.map(async (id) => (await this.get(id))?.name ?? id));
    return { changed: result, skipped };
  }

  async #refusal(id: string, where: RecordingInProgress): Promise<StoreError> {
    const name = (await this.get(id))?.name ?? id;
    return new StoreError(where === 'here' ? 'error.store.recording-here' : 'error.store.recording-elsewhere', { name });
  }
}
