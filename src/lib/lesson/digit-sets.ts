import type { MotionDb } from '../store/schema';
import type { LabelledImages } from './idx';
import { readOpenedDigits, type OpenedDigits, type OpenedFile } from './opened-digits';

/** Digits the user opened from IDX files, kept in IndexedDB so that they work offline after. */
export interface StoredDigitSet {
  id: string;
  name: string;
  files: string[];
  createdAt: number;
  train: LabelledImages;
  test: LabelledImages;
}

/** A set's pixels and labels in buffers of their own: a view would store its whole file's buffer. */
function compact(set: LabelledImages): LabelledImages {
  return { count: set.count, rows: set.rows, cols: set.cols, images: set.images.slice(), labels: set.labels.slice() };
}

/** Stores opened digits in one transaction; returns the stored set. */
export async function saveDigitSet(db: MotionDb, opened: OpenedDigits, id: string = crypto.randomUUID()): Promise<StoredDigitSet> {
  const stored: StoredDigitSet = { id, name: opened.name, files: opened.files, createdAt: Date.now(), train: compact(opened.train), test: compact(opened.test) };
  await db.put('digitSets', stored);
  return stored;
}

/**
 * Reads IDX files the user opened and stores them as one set. Every file is read and checked
 * first: a bad one throws an IdxError naming it, and nothing is stored.
 */
export async function importDigitFiles(db: MotionDb, files: readonly OpenedFile[]): Promise<StoredDigitSet> {
  return saveDigitSet(db, await readOpenedDigits(files));
}

export async function listDigitSets(db: MotionDb): Promise<StoredDigitSet[]> {
  return (await db.getAll('digitSets')).sort((a, b) => a.createdAt - b.createdAt);
}

export async function deleteDigitSet(db: MotionDb, id: string): Promise<void> {
  await db.delete('digitSets', id);
}
