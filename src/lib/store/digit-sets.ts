import type { DigitClasses, DigitSetContents, DigitSetInfo, DigitSetPixels, LabelledImages } from './digit-set';
import type { MotionDb } from './schema';
import { committed } from './transaction';

const pixelsKey = (id: string) => `${id}/pixels`;

/** A set's pixels and labels in buffers of their own: a view would store its whole file's buffer. */
function compact(set: LabelledImages): LabelledImages {
  return { count: set.count, rows: set.rows, cols: set.cols, images: set.images.slice(), labels: set.labels.slice() };
}

/** Digit sets the user opened on the Learn page (`MotionStore.digitSets`). */
export class DigitSetStore {
  readonly #db: MotionDb;

  constructor(db: MotionDb) {
    this.#db = db;
  }

  /** Stores opened digits, their description and their pixels in one transaction. */
  async save(opened: DigitSetContents, classes: DigitClasses, id: string = crypto.randomUUID()): Promise<DigitSetInfo> {
    const info: DigitSetInfo = { id, name: opened.name, files: opened.files, createdAt: Date.now(), trainCount: opened.train.count, testCount: opened.test.count, classes };
    const transaction = this.#db.transaction('digitSets', 'readwrite');
    await committed(transaction, function* () {
      yield transaction.store.put(info);
      yield transaction.store.put({ id: pixelsKey(id), train: compact(opened.train), test: compact(opened.test) });
    });
    return info;
  }

  /** The stored sets, oldest first, without their pixels. */
  async list(): Promise<DigitSetInfo[]> {
    const transaction = this.#db.transaction('digitSets');
    const keys = (await transaction.store.getAllKeys()).filter((key) => !key.endsWith('/pixels'));
    const records = await Promise.all(keys.map((key) => transaction.store.get(key)));
    return records.filter((record): record is DigitSetInfo => record !== undefined && 'name' in record).sort((a, b) => a.createdAt - b.createdAt);
  }

  /** A stored set's training and test digits, or undefined if it is gone. */
  async load(id: string): Promise<DigitSetPixels | undefined> {
    const record = await this.#db.get('digitSets', pixelsKey(id));
    return record && 'train' in record ? record : undefined;
  }

  async delete(id: string): Promise<void> {
    const transaction = this.#db.transaction('digitSets', 'readwrite');
    await Promise.all([transaction.store.delete(id), transaction.store.delete(pixelsKey(id)), transaction.done]);
  }
}
