import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { DigitSetRecord } from './digit-set';
import type { StoredModel } from '../model/record';
import type { Gap, Recording, SpeedFix } from './recording';

/**
 * One stored piece of a recording's samples. Times are float32 offsets from the chunk's own `t0`,
 * exact to well under a microsecond within a chunk, so a 3-axis sample is 16 bytes (4 for time,
 * 12 for x, y, z), 28 with rotation, before packing.
 *
 * - `packed`: the columns losslessly compressed (chunk-codec.ts), about 12 bytes a sample: every
 *   chunk written now, by a running recording's saves as by imports and edits.
 * - `raw`: the columns as they are, as the first version saved a running recording; still read.
 */
export type StoredChunk = {
  recordingId: string;
  index: number;
  /** ms of the chunk's first sample on the recording's clock. */
  t0: number;
  count: number;
  /**
   * ms of the chunk's last sample: an interrupted recording's length is read from its chunks
   * without unpacking them. Absent in chunks written before it was added.
   */
  t1?: number;
  /** Gaps that ended in this chunk's samples (a running recording's saves only). */
  gaps?: Gap[];
  /** GPS fixes taken while this chunk's samples arrived (a running recording's saves only). */
  speedFixes?: SpeedFix[];
} & (
  | { encoding: 'raw'; dt: Float32Array; acc: Float32Array; gyro: Float32Array | null }
  | { encoding: 'packed' | 'delta-packed'; hasGyro: boolean; packed: Uint8Array }
);

export interface StoredLabel {
  name: string;
  /** Order in which labels are shown. */
  position: number;
}

export interface MotionDbSchema extends DBSchema {
  recordings: {
    key: string;
    value: Recording;
    indexes: { 'by-label': string; 'by-started': number };
  };
  chunks: {
    key: [string, number];
    value: StoredChunk;
  };
  labels: {
    key: string;
    value: StoredLabel;
  };
  models: {
    key: string;
    value: StoredModel;
    indexes: { 'by-created': number };
  };
  /** IDX digit files the user opened on the Learn page (MNIST, Fashion-MNIST). */
  digitSets: {
    key: string;
    value: DigitSetRecord;
  };
}

export type MotionDb = IDBPDatabase<MotionDbSchema>;
export type UpgradeTransaction = IDBPTransaction<MotionDbSchema, StoreNames<MotionDbSchema>[], 'versionchange'>;

/**
 * A step from one schema version to the next. Steps run in order inside the one upgrade
 * transaction, so an upgrade either completes or leaves the old database as it was.
 */
export type Migration = (db: MotionDb, transaction: UpgradeTransaction) => void;

/**
 * The labels a new database is made with: part of the schema's history, so never changed. The app
 * then gives a new user the same activities in their language (LabelStore.startIn, with the
 * names in src/lib/classify/activities.ts).
 */
export const defaultLabels = ['walking', 'running', 'biking', 'golfing'];

/** The schema's history: migrations[i] upgrades version i to i + 1. Append only; never edit. */
export const migrations: readonly Migration[] = [
  (db, transaction) => {
    const recordings = db.createObjectStore('recordings', { keyPath: 'id' });
    recordings.createIndex('by-label', 'label');
    recordings.createIndex('by-started', 'startedAt');
    // Chunks are found by key range on [recordingId, index]: no index needed, none to store.
    db.createObjectStore('chunks', { keyPath: ['recordingId', 'index'] });
    db.createObjectStore('labels', { keyPath: 'name' });
    const labels = transaction.objectStore('labels');
    defaultLabels.forEach((name, position) => void labels.put({ name, position }));
  },
  (db) => {
    const models = db.createObjectStore('models', { keyPath: 'id' });
    models.createIndex('by-created', 'createdAt');
  },
  (db) => {
    db.createObjectStore('digitSets', { keyPath: 'id' });
  },
];
