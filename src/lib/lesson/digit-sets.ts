import type { MotionDb } from '../store/schema';
import type { LabelledImages } from './idx';
import { readOpenedDigits, type OpenedDigits, type OpenedFile } from './opened-digits';

/** What a set's ten classes are: the digits 0–9 or Fashion-MNIST's clothing. IDX files don't say; the user does. */
export type DigitClasses = 'digits' | 'fashion';

/** What the page lists of a stored digit set: small, read without its pixels. */
export interface DigitSetInfo {
  id: string;
  name: string;
  files: string[];
  createdAt: number;
  trainCount: number;
  testCount: number;
  /** Absent in sets stored before the choice existed: those are digits. */
  classes?: DigitClasses;
}

/** A stored set's classes, digits when it doesn't say (or when there is no stored set: the shipped digits). */
export const classesOf = (info: Pick<DigitSetInfo, 'classes'> | undefined): DigitClasses => info?.classes ?? 'digits';

/** A stored set's images and labels, a record of their own (key `<id>/pixels`): 55 MB for the full MNIST. */
export interface DigitSetPixels {
  id: string;
  train: LabelledImages;
  test: LabelledImages;
}

/** The digitSets store holds both kinds of record, so that listing never reads pixels. */
export type DigitSetRecord = DigitSetInfo | DigitSetPixels;

const pixelsKey = (id: string) => `${id}/pixels`;

/** A set's pixels and labels in buffers of their own: a view would store its whole file's buffer. */
function compact(set: LabelledImages): LabelledImages {
  return { count: set.count, rows: set.rows, cols: set.cols, images: set.images.slice(), labels: set.labels.slice() };
}

/** Stores opened digits, their description and their pixels in one transaction. */
export async function saveDigitSet(db: MotionDb, opened: OpenedDigits, classes: DigitClasses, id: string = crypto.randomUUID()): Promise<DigitSetInfo> {
  const info: DigitSetInfo = { id, name: opened.name, files: opened.files, createdAt: Date.now(), trainCount: opened.train.count, testCount: opened.test.count, classes };
  const transaction = db.transaction('digitSets', 'readwrite');
  await Promise.all([
    transaction.store.put(info),
    transaction.store.put({ id: pixelsKey(id), train: compact(opened.train), test: compact(opened.test) }),
    transaction.done,
  ]);
  return info;
}

/**
 * Reads IDX files the user opened and stores them as one set, with the classes the user said they
 * are. Every file is read and checked first: a bad one throws an IdxError naming it, and nothing is stored.
 */
export async function importDigitFiles(db: MotionDb, files: readonly OpenedFile[], classes: DigitClasses = 'digits'): Promise<DigitSetInfo> {
  return saveDigitSet(db, await readOpenedDigits(files), classes);
}

/** The stored sets, oldest first, without their pixels. */
export async function listDigitSets(db: MotionDb): Promise<DigitSetInfo[]> {
  const transaction = db.transaction('digitSets');
  const keys = (await transaction.store.getAllKeys()).filter((key) => !key.endsWith('/pixels'));
  const records = await Promise.all(keys.map((key) => transaction.store.get(key)));
  return records.filter((record): record is DigitSetInfo => record !== undefined && 'name' in record).sort((a, b) => a.createdAt - b.createdAt);
}

/** A stored set's training and test digits, or undefined if it is gone. */
export async function loadDigitSet(db: MotionDb, id: string): Promise<DigitSetPixels | undefined> {
  const record = await db.get('digitSets', pixelsKey(id));
  return record && 'train' in record ? record : undefined;
}

export async function deleteDigitSet(db: MotionDb, id: string): Promise<void> {
  const transaction = db.transaction('digitSets', 'readwrite');
  await Promise.all([transaction.store.delete(id), transaction.store.delete(pixelsKey(id)), transaction.done]);
}
