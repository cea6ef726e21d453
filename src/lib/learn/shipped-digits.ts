import { pairImages, readIdx, type LabelledImages } from './idx';

/** MNIST's digits are 28 × 28 pixels. */
export const IMAGE_SIDE = 28;

/** How the shipped digits are split: the lesson's three sets. */
export const shippedSplit = { train: 8000, validation: 1000, test: 1000 } as const;

/** Reads the shipped asset (two gzip-compressed IDX files) back into labelled images. */
export async function decodeShippedDigits(imagesGz: Uint8Array, labelsGz: Uint8Array): Promise<LabelledImages> {
  return pairImages(await readIdx(imagesGz, 'mnist-digits-images'), await readIdx(labelsGz, 'mnist-digits-labels'), 'mnist-digits-images', 'mnist-digits-labels');
}

/** Rows `from` to `from + count` of a set, as a set of its own (views, no copy). */
export function sliceImages(set: LabelledImages, from: number, count: number): LabelledImages {
  const pixels = set.rows * set.cols;
  return {
    count,
    rows: set.rows,
    cols: set.cols,
    images: set.images.subarray(from * pixels, (from + count) * pixels),
    labels: set.labels.subarray(from, from + count),
  };
}

export interface DigitSplit {
  train: LabelledImages;
  validation: LabelledImages;
  test: LabelledImages;
}

/** The shipped digits as 8,000 / 1,000 / 1,000, in their stored (already shuffled) order. */
export function splitShipped(set: LabelledImages): DigitSplit {
  return {
    train: sliceImages(set, 0, shippedSplit.train),
    validation: sliceImages(set, shippedSplit.train, shippedSplit.validation),
    test: sliceImages(set, shippedSplit.train + shippedSplit.validation, shippedSplit.test),
  };
}

/**
 * A pair of IDX files opened by the user (training and test): the last tenth of the training
 * file validates, the test file tests, so that the test digits are never seen while training.
 */
export function splitOpened(train: LabelledImages, test: LabelledImages): DigitSplit {
  const validation = Math.round(train.count / 10);
  return {
    train: sliceImages(train, 0, train.count - validation),
    validation: sliceImages(train, train.count - validation, validation),
    test,
  };
}

/** Digits per class, e.g. to check a set against the package's own counts. */
export function countPerClass(labels: ArrayLike<number>, classes = 10): number[] {
  const counts = new Array<number>(classes).fill(0);
  for (let index = 0; index < labels.length; index += 1) counts[labels[index] as number] = (counts[labels[index] as number] ?? 0) + 1;
  return counts;
}
