import { checkFileSize } from './file-text';
import { causeFact } from '../i18n/coded-error';
import { ImportError, type AnyImportError } from './errors';
import { parseBackup, type RefusedRecording } from './backup';
import { folderOf, personOf, type PersonSource } from './file-name';
import { parseInThisThread, type RecordingParse } from './parse-wire';
import type { GravitySource, RecordingFormat } from './phone-apps';
import type { TimeUnit } from './recording-rules';
import { sensorOfFileName } from './sensor-logger';
import type { Recording } from '../store/recording';
import type { LabelStore } from '../store/labels';
import { recordingFor, StoreError, type RecordingStore } from '../store/recordings';

/** A file to import, as the picker or a drop hands it over (a `File` is one); `name` may be a path in a picked folder. */
export interface ImportFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
  /** The picked file itself: a parse worker reads it there, and the page never holds its bytes. */
  blob?: Blob;
}

export interface ImportOptions {
  /** The label for every file; without it, each file's name gives its label. */
  label?: string;
  /** Where the group (person) comes from, for formats that do not name one; none by default. */
  person?: PersonSource;
  /** Where files are parsed: in this thread by default; the Data page passes the parse worker's. */
  parse?: RecordingParse;
}

/** What an import or a restore needs of the store: adding recordings not already there, with their labels. */
export type ImportTarget = Pick<RecordingStore, 'add' | 'addWithLabel' | 'get'> & { labels: Pick<LabelStore, 'ensureAll'> };

/** What was found in an imported file, for the summary: its format, its timestamps' unit, its rate, and where its gravity came from. */
export interface ImportDetails {
  format: RecordingFormat;
  timeUnit: TimeUnit;
  rateHz: number;
  gravity: GravitySource;
  /** Records passed over for an empty value (WISDM). */
  skippedRecords?: number;
}

export type ImportOutcome =
  | ({ file: string; ok: true; recording: Recording } & ImportDetails)
  | { file: string; ok: false; error: ImportError };

/**
 * The files that make one recording together: the sensor files of one Sensor Logger recording
 * (same folder), each other file alone. In the picked order.
 */
export function importGroups<F extends { name: string }>(files: readonly F[]): F[][] {
  const groups: F[][] = [];
  const sensorGroups = new Map<string, F[]>();
  for (const file of files) {
    if (sensorOfFileName(file.name) === null) {
      groups.push([file]);
      continue;
    }
    const folder = folderOf(file.name) ?? '';
    const group = sensorGroups.get(folder);
    if (group) group.push(file);
    else {
      const started = [file];
      sensorGroups.set(folder, started);
      groups.push(started);
    }
  }
  return groups;
}

/**
 * Imports recording files, each file (or Sensor Logger recording's files) in a transaction of its
 * own (its label, if new, included): a bad file is reported (file, line, what to do) and writes
 * nothing, not even its label, and the files after it still import. A file of several
 * recordings (WISDM) gives an outcome for each.
 */
export async function importRecordingFiles(
  store: ImportTarget,
  files: readonly ImportFile[],
  options: ImportOptions = {},
  onProgress?: (done: number) => void,
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  let done = 0;
  for (const group of importGroups(files)) {
    outcomes.push(...(await importGroup(store, group, options)));
    done += group.length;
    onProgress?.(done);
  }
  return outcomes;
}

async function importGroup(store: ImportTarget, group: readonly ImportFile[], options: ImportOptions): Promise<ImportOutcome[]> {
  const shown = group.map((file) => file.name).join(' + ');
  // Refuse a huge file before reading it into memory.
  for (const file of group) {
    const tooLarge = checkFileSize(file.name, file.size);
    if (tooLarge) return [{ file: shown, ok: false, error: tooLarge }];
  }
  const parse = options.parse ?? parseInThisThread;
  const files = await Promise.all(group.map(async (file) => (file.blob ? { name: file.name, blob: file.blob } : { name: file.name, bytes: await file.arrayBuffer() })));
  const parsed = await parse(files, {
    ...(group.length === 1 && { byteSize: group[0]!.size }),
    ...(options.label !== undefined && { label: options.label }),
  });
  if (!parsed.ok) return [{ file: shown, ok: false, error: parsed.error }];
  const outcomes: ImportOutcome[] = [];
  for (const { label, nameHint, samples, packed, device, timeUnit, format, gravity, rateHz, group: person, skippedRecords } of parsed.recordings) {
    if (!label) {
      outcomes.push({ file: shown, ok: false, error: new ImportError('no-label', {}, { file: shown }) });
      continue;
    }
    // Samples the parse worker packed are stored as they are: the page only writes them.
    const toStore = packed ?? samples;
    const recording = recordingFor(toStore, {
      id: packed?.recordingId ?? crypto.randomUUID(),
      name: nameHint || shown,
      label,
      group: person ?? personOf(group[0]!.name, options.person ?? { from: 'none' }),
      source: 'import',
      device: device ?? shown,
      startedAt: Date.now(),
    });
    try {
      const row = await store.addWithLabel(recording, toStore, label);
      outcomes.push({ file: shown, ok: true, recording: row, format, timeUnit, rateHz, gravity, ...(skippedRecords !== undefined && { skippedRecords }) });
    } catch (error) {
      const refused = error instanceof StoreError ? new ImportError('label-refused', { reason: causeFact(error) }, { file: shown }) : storageError(shown, error);
      outcomes.push({ file: shown, ok: false, error: refused });
    }
  }
  return outcomes;
}

export interface RestoreOutcome {
  /** The names of the recordings restored, in the backup's order. */
  restored: string[];
  /** Recordings already on this device (same id), left as they are. */
  skipped: number;
  /** Recordings not restored (damaged, against the import rules, or not stored), each with why. */
  refused: RefusedRecording[];
}

/**
 * Restores a backup file: its labels, and every recording not already here. A damaged file, or
 * a label the label rule refuses, restores nothing. A recording that breaks the rules an import
 * applies is set aside and named, and the others restore, each in a transaction of its own, so
 * that when the disk fills half way the outcome says which were stored and which were not.
 * Throws ImportError when nothing can be restored.
 */
export async function restoreBackup(store: ImportTarget, file: ImportFile): Promise<RestoreOutcome> {
  // No size limit here, unlike a recording's: a class's backup can pass 100 MB, and must restore.
  const parsed = parseBackup(file.name, new Uint8Array(await file.arrayBuffer()));
  if (!parsed.ok) throw parsed.error;
  const { backup } = parsed;
  // Every label is checked before any is added: a bad one leaves no half-done restore. A
  // backup's label may differ from one here only in case: its recordings join the one here.
  let labels: Map<string, string>;
  try {
    labels = await store.labels.ensureAll(backup.labels);
  } catch (error) {
    throw error instanceof StoreError ? new ImportError('label-refused', { reason: causeFact(error) }, { file: file.name }) : storageError(file.name, error);
  }
  const outcome: RestoreOutcome = { restored: [], skipped: 0, refused: [...backup.refused] };
  for (const { recording, samples } of backup.recordings) {
    try {
      if (await store.get(recording.id)) {
        outcome.skipped += 1;
        continue;
      }
      await store.add({ ...recording, label: labels.get(recording.label) ?? recording.label }, samples);
      outcome.restored.push(recording.name);
    } catch (error) {
      outcome.refused.push({ name: recording.name, error: storageError(file.name, error) });
    }
  }
  return outcome;
}

/**
 * Why the store did not take a file's data: a full disk as such (the store throws the aborted
 * transaction's own QuotaExceededError), anything else in its own words.
 */
function storageError(file: string, error: unknown): AnyImportError {
  if (error instanceof DOMException && error.name === 'QuotaExceededError') return new ImportError('storage-full', {}, { file });
  return new ImportError('not-stored', { reason: causeFact(error) }, { file });
}
