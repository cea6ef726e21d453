import { untrack } from 'svelte';
import { defaultLabels } from '../lib/classify/activities';
import { locales } from '../lib/i18n/i18n';
import type { BulkPatch, BulkResult } from '../lib/store/bulk-edits';
import { MotionStore } from '../lib/store/motion-store';
import { ensurePersistentStorage } from '../lib/store/persistence';
import type { Recording } from '../lib/store/recording';
import { labelTotals, type DeletedRecording, type LabelTotal } from '../lib/store/recordings';
import { databaseStatus } from './database-status.svelte';
import { settings } from './settings.svelte';

/**
 * The recordings and labels on this device, as the pages show them. Every change goes to the
 * store first and the lists are read back from it, so the screen never shows what was not saved.
 */
class Dataset {
  recordings = $state.raw<Recording[]>([]);
  labels = $state.raw<string[]>([]);
  loaded = $state(false);
  /** Recordings in progress in other tabs: shown as such, and not offered for editing. */
  recordingElsewhere = $state.raw<ReadonlySet<string>>(new Set());
  /** Whether this browser lets other tabs' recordings be told apart (Web Locks). */
  locksAcrossTabs = $state(true);
  #store: Promise<MotionStore> | undefined;
  readonly #watched = new Set<string>();

  /** A newer version of the app opened in another tab: this one closed its database and must reload. */
  get upgradeWaiting(): boolean {
    return databaseStatus.upgradeWaiting;
  }

  /** Why the data could not be opened (a newer version's database), said by the notice on every page. */
  get openError(): unknown {
    return databaseStatus.newerDatabase;
  }

  /** Per label: recordings and total duration, labels without recordings included. */
  readonly totals: LabelTotal[] = $derived(labelTotals(this.labels, this.recordings));

  constructor() {
    // A new user's starting labels are made in their language (refresh), and follow a change of
    // language until the first recording, as long as the user has not edited them.
    $effect.root(() => {
      $effect(() => {
        void settings.locale;
        if (untrack(() => this.loaded && this.recordings.length === 0)) void this.refresh();
      });
    });
  }

  store(): Promise<MotionStore> {
    // Browsers keep data they promised to persist even under storage pressure; ask when there
    // is first something worth keeping.
    this.#store ??= MotionStore.open(undefined, { onFirstWrite: () => void ensurePersistentStorage(navigator.storage) }).then(
      async (store) => {
        // A recording cut short by a closed tab gets its row back before anything lists it.
        await store.recoverInterrupted();
        void store.upgradeRequested.then(() => (databaseStatus.upgradeWaiting = true));
        this.locksAcrossTabs = store.locksAcrossTabs;
        return store;
      },
    );
    return this.#store;
  }

  /**
   * Opens the data, so that a tab on any page learns when it is not (or no longer) its to use:
   * the store, or undefined when a newer version of the app has it (databaseStatus says so).
   */
  async open(): Promise<MotionStore | undefined> {
    try {
      return await this.store();
    } catch (error) {
      // Said on every page in the user's language, with what to do, rather than as a crash.
      if (databaseStatus.noted(error)) return undefined;
      throw error;
    }
  }

  async refresh(): Promise<void> {
    const store = await this.open();
    if (!store) return;
    let read: [Recording[], string[], Set<string>];
    try {
      if (this.recordings.length === 0) await store.labels.startIn(locales.map(defaultLabels), defaultLabels(settings.locale));
      read = await Promise.all([store.list(), store.labels.list(), store.recordingElsewhere()]);
    } catch (error) {
      // A newer version took the database while this list was read: the page asks for a reload
      // (upgradeWaiting) and keeps the list it has, rather than crashing on a closing connection.
      if (store.upgradePending) {
        databaseStatus.upgradeWaiting = true;
        return;
      }
      throw error;
    }
    const [recordings, labels, elsewhere] = read;
    this.recordings = recordings;
    this.labels = labels;
    this.recordingElsewhere = elsewhere;
    this.loaded = true;
    for (const id of elsewhere) this.#refreshWhenReleased(store, id);
  }

  /** Lists the recordings again once recording `id` stops in its tab, so its finished row shows. */
  #refreshWhenReleased(store: MotionStore, id: string): void {
    if (this.#watched.has(id)) return;
    this.#watched.add(id);
    void store
      .recordingReleased(id)
      .then(() => {
        this.#watched.delete(id);
        return this.refresh();
      })
      // A list not refreshed here (the store closed for an upgrade) is refreshed by the next visit.
      .catch(() => undefined);
  }

  async addLabel(name: string): Promise<string> {
    const added = await (await this.store()).labels.add(name);
    await this.refresh();
    return added;
  }

  async renameLabel(from: string, to: string): Promise<void> {
    await (await this.store()).labels.rename(from, to);
    await this.refresh();
  }

  async removeLabel(name: string): Promise<void> {
    await (await this.store()).labels.remove(name);
    await this.refresh();
  }

  async update(id: string, patch: Partial<Pick<Recording, 'name' | 'label' | 'group' | 'notes'>>): Promise<void> {
    await (await this.store()).update(id, patch);
    await this.refresh();
  }

  async trim(id: string, startMs: number, endMs: number): Promise<void> {
    await (await this.store()).trim(id, startMs, endMs);
    await this.refresh();
  }

  async split(id: string, atMs: number): Promise<void> {
    await (await this.store()).split(id, atMs, crypto.randomUUID());
    await this.refresh();
  }

  async delete(id: string): Promise<DeletedRecording> {
    const deleted = await (await this.store()).delete(id);
    await this.refresh();
    return deleted;
  }

  /** Sets the activity or the person of many recordings; those being recorded are skipped and named. */
  async updateMany(ids: readonly string[], patch: BulkPatch): Promise<BulkResult> {
    const result = await (await this.store()).updateMany(ids, patch);
    await this.refresh();
    return result;
  }

  /** Deletes many recordings for good; those being recorded are skipped and named. */
  async deleteMany(ids: readonly string[]): Promise<BulkResult> {
    const result = await (await this.store()).deleteMany(ids);
    await this.refresh();
    return result;
  }

  async restore(deleted: DeletedRecording): Promise<void> {
    await (await this.store()).restore(deleted);
    await this.refresh();
  }
}

export const dataset = new Dataset();
