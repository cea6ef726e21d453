import type { WordedError } from '../i18n/coded-error';

/**
 * What can go wrong when a file is imported, kept as data: a `code` for each kind of problem and
 * the values that describe it (`params`), so any language can word it. Each language words them
 * in a table of its own (import-errors.en.ts, import-errors.es.ts).
 */

/** What a JSON field should have held, named so that each can be worded in any language. */
export type FieldKind =
  | 'object'
  | 'array'
  | 'string'
  | 'number'
  | 'positive-number'
  | 'non-negative-number'
  | 'count'
  | 'boolean'
  | 'base64'
  | 'absent'
  | 'source'
  | 'axes';

/** The phone apps whose exports may lack gravity, each with its own advice on what to export instead. */
export type PhoneApp = 'phyphox' | 'physics-toolbox' | 'sensor-logger';

/** The values that describe each kind of problem, by code. */
export interface ImportErrorParams {
  'file-too-large': { sizeBytes: number; limitBytes: number };
  'not-text': Record<string, never>;
  'empty-file': Record<string, never>;
  'no-samples': Record<string, never>;
  'missing-columns': { found: string[]; needed: string[]; missing: string[] };
  'duplicate-column': { column: string };
  'row-too-short': { found: number; expected: number };
  'row-too-long': { found: number; expected: number };
  'not-a-number': { cell: string; column: string };
  'not-finite': { cell: string; column: string };
  'value-too-large': { cell: string; column: string };
  'timestamp-backwards': { previousMs: number; timestampMs: number };
  /** Finite timestamps an infinite time apart. */
  'implausible-duration': { firstMs: number; lastMs: number };
  /** Timestamps whose spacing gives no motion sensor's rate in any unit (s, ms, µs, ns); the rate as if in ms. */
  'implausible-rate': { rateHz: number };
  /** Samples so close together (1e-320 ms) that their rate is infinite. */
  'rate-not-finite': Record<string, never>;
  'invalid-json': Record<string, never>;
  'invalid-field': { path: string; expected: FieldKind };
  'length-mismatch': { path: string; found: number; expected: number };
  'duplicate-value': { path: string; value: string };
  'unknown-reference': { path: string; value: string; list: 'labels' | 'groups' };
  'missing-sensors': { found: string[]; needed: string[]; missing: string[] };
  'unsupported-units': { sensor: string; units: string; supported: string[] };
  'not-a-backup': Record<string, never>;
  'unsupported-version': { version: number; supported: number };
  'is-backup': Record<string, never>;
  'not-a-model': Record<string, never>;
  'model-mismatch': { reason: string };
  'no-label': Record<string, never>;
  /** An app's export without gravity, and nothing in it to add gravity back from. */
  'gravity-not-restorable': { app: PhoneApp };
  /** A Sensor Logger file whose name does not say which sensor it holds. */
  'unknown-sensor-file': { expected: string[] };
  'damaged-zip': Record<string, never>;
  /** A zip with no recording the app reads in it. */
  'no-recording-in-zip': Record<string, never>;
  /** A file of several recordings (WISDM) asked for as one. */
  'several-recordings': { count: number };
  /** The file's label was refused by the store (empty, too long); the reason is worded in the reader's language. */
  'label-refused': { reason: WordedError };
  'storage-full': Record<string, never>;
  'not-stored': { reason: WordedError };
}

export type ImportErrorCode = keyof ImportErrorParams;

/** Where a problem is: the file as the user named it and, for text, the 1-based line. */
export interface ErrorPlace {
  file: string;
  line?: number;
}

/** How one language words each problem: what is wrong, and what the user can do. */
export type ImportWording = {
  [C in ImportErrorCode]: { message: (p: ImportErrorParams[C]) => string; hint: (p: ImportErrorParams[C]) => string };
};

/** How one language names the place of a problem: the file, or the file and its line. */
export interface PlaceWording {
  place(place: ErrorPlace): string;
}
