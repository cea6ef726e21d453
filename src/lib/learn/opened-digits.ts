import type { DigitClasses, DigitSetInfo } from '../store/digit-set';
import type { DigitSetStore } from '../store/digit-sets';
import { IdxError, pairImages, readIdx, type IdxArray, type LabelledImages } from './idx';
import { IMAGE_SIDE, sliceImages } from './shipped-digits';

/** A file as the user opened it. */
export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

/** Digits read from IDX files the user opened: a training set and a test set. */
export interface OpenedDigits {
  /** What the files are called without their image/label part, e.g. "train-ubyte + t10k-ubyte". */
  name: string;
  files: string[];
  train: LabelledImages;
  test: LabelledImages;
}

/** A file name without what tells images from labels: both files of a pair end up with the same key. */
function pairKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/\.gz$/, '')
    .replace(/images|labels|idx[13]/g, '')
    .replace(/[-_.]+/g, '-');
}

const isTestName = (name: string) => /t10k|test/i.test(name);

/**
 * Reads MNIST-style IDX files (gzip-compressed or not) opened together: an image file and a
 * label file per set, paired by name (train-images-idx3-ubyte with train-labels-idx1-ubyte).
 * Two pairs give a training and a test set (the test one named t10k or test, as MNIST and
 * Fashion-MNIST name them); one pair is split, its last sixth kept for testing. Any problem throws
 * an IdxError naming the file at fault, before anything is kept.
 */
export async function readOpenedDigits(files: readonly OpenedFile[]): Promise<OpenedDigits> {
  const read: { file: string; idx: IdxArray }[] = [];
  for (const { name, bytes } of files) read.push({ file: name, idx: await readIdx(bytes, name) });
  const pairs = new Map<string, { images?: (typeof read)[number]; labels?: (typeof read)[number] }>();
  for (const entry of read) {
    const side = entry.idx.dims.length === 1 ? 'labels' : 'images';
    const pair = pairs.get(pairKey(entry.file)) ?? {};
    pair[side] = entry;
    pairs.set(pairKey(entry.file), pair);
  }
  const sets: { name: string; set: LabelledImages }[] = [];
  for (const [key, { images, labels }] of pairs) {
    if (!images) throw new IdxError((labels as (typeof read)[number]).file, { code: 'unpaired', missing: 'images' });
    if (!labels) throw new IdxError(images.file, { code: 'unpaired', missing: 'labels' });
    const set = pairImages(images.idx, labels.idx, images.file, labels.file);
    if (set.rows !== IMAGE_SIDE || set.cols !== IMAGE_SIDE) {
      throw new IdxError(images.file, { code: 'size-mismatch', rows: set.rows, cols: set.cols, expectedRows: IMAGE_SIDE, expectedCols: IMAGE_SIDE });
    }
    sets.push({ name: key.replace(/^-|-$/g, ''), set });
  }
  const names = files.map(({ name }) => name);
  if (sets.length > 2) throw new IdxError(names.join(', '), { code: 'too-many-sets', sets: sets.length });
  if (sets.length === 0) throw new IdxError(names.join(', ') || '(no file)', { code: 'not-idx' });
  if (sets.length === 1) {
    const only = sets[0] as (typeof sets)[number];
    const testCount = Math.round(only.set.count / 6);
    return { name: only.name, files: names, train: sliceImages(only.set, 0, only.set.count - testCount), test: sliceImages(only.set, only.set.count - testCount, testCount) };
  }
  const [first, second] = sets as [(typeof sets)[number], (typeof sets)[number]];
  const [train, test] = isTestName(first.name) && !isTestName(second.name) ? [second, first] : [first, second];
  return { name: `${train.name} + ${test.name}`, files: names, train: train.set, test: test.set };
}

/**
 * Reads IDX files the user opened and stores them as one set, with the classes the user said they
 * are. Every file is read and checked first: a bad one throws an IdxError naming it, and nothing is stored.
 */
export async function importDigitFiles(store: Pick<DigitSetStore, 'save'>, files: readonly OpenedFile[], classes: DigitClasses = 'digits'): Promise<DigitSetInfo> {
  return store.save(await readOpenedDigits(files), classes);
}
