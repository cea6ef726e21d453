/** Labelled images: `count` images of `rows × cols` bytes (0 = background, 255 = ink), and a class 0–9 each. */
export interface LabelledImages {
  count: number;
  rows: number;
  cols: number;
  images: Uint8Array;
  labels: Uint8Array;
}

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

/** What is stored of a set the user opened: its name, its files, its digits. */
export interface DigitSetContents {
  name: string;
  files: string[];
  train: LabelledImages;
  test: LabelledImages;
}
