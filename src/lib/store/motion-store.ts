import { DB_NAME, openMotionDb } from './db';
import { DigitSetStore } from './digit-sets';
import { LabelStore } from './labels';
import { ModelStore } from './models';
import { RecordingStore } from './recordings';
import type { MotionDb } from './schema';

/**
 * The app's data on this device, opened once: recordings and their samples (its own methods),
 * labels, models and digit sets. It alone holds the database; callers say what they store, never
 * how (chunks, transactions, keys).
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
  /** The database's name: a second `open` of it sees the same data. */
  readonly name: string;

  private constructor(db: MotionDb, options: { onFirstWrite?: () => void }) {
    super(db, options);
    this.labels = new LabelStore(db);
    this.models = new ModelStore(db);
    this.digitSets = new DigitSetStore(db);
    this.name = db.name;
    this.#db = db;
  }

  /**
   * Opens (and upgrades) database `name`. `onFirstWrite` runs once, before the first recording
   * is written: the app asks for persistent storage then.
   */
  static async open(name = DB_NAME, options: { onFirstWrite?: () => void } = {}): Promise<MotionStore> {
    return new MotionStore(await openMotionDb(name), options);
  }

  /** Closes the database; the store cannot be used after. */
  close(): void {
    this.#db.close();
  }
}
