import { checkFileSize } from './file-text';
import { causeFact } from '../i18n/coded-error';
import { ImportError, type AnyImportError } from './errors';
import { parseBackup, type RefusedRecording } from './backup';
import { parseRecordingFile } from './recording-file';
import type { TimeUnit } from './recording-rules';
import type { Recording } from '../store/recording';
import type { LabelStore } from '../store/labels';
import { recordingFor, StoreError, type RecordingStore } from '../store/recordings';

/** A file to import, as the picker or a drop hands it over (a `File` is one). */
export interface ImportFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface ImportOptions {
  /** The label for every file; without it, each file's name gives its label. */
  label?: string;
  /** A regular expression with one capture group that finds the group (subject) in a file name. */
  groupPattern?: RegExp;
}

/** What an import or a restore needs of the store: adding recordings not already there, with their labels. */
export type ImportTarget = Pick<RecordingStore, 'add' | 'addWithLabel' | 'get'> & { labels: Pick<LabelStore, 'ensureAll'> };

export type ImportOutcome =
  | { file: string; ok: true; recording: Recording; timeUnit: TimeUnit }
  | { file: string; ok: false; error: ImportError };

/**
 * Imports recording files one by one, each in a transaction of its own (its label, if new,
 * included): a bad file is reported (file, line, what to do) and writes nothing, not even its
 * label, and the files after it still import.
 */
export async function importRecordingFiles(
  store: ImportTarget,
  files: readonly ImportFile[],
  options: ImportOptions = {},
  onProgress?: (done: number) => void,
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const file of files) {
    outcomes.push(await importOne(store, file, options));
    onProgress?.(outcomes.length);
  }
  return outcomes;
}

async function importOne(store: ImportTarget, file: ImportFile, options: ImportOptions): Promise<ImportOutcome> {
  // Refuse a huge file before reading it into memory.
  const tooLarge = checkFileSize(file.name, file.size);
  if (tooLarge) return { file: file.name, ok: false, error: tooLarge };
  const parsed = parseRecordingFile(file.name, new Uint8Array(await file.arrayBuffer()), {
    byteSize: file.size,
    ...(options.label !== undefined && { label: options.label }),
  });
  if (!parsed.ok) return { file: file.name, ok: false, error: parsed.error };
  const { label, nameHint, samples, device, timeUnit } = parsed.recording;
  if (!label) return { file: file.name, ok: false, error: new ImportError('no-label', {}, { file: file.name }) };
  const recording = recordingFor(samples, {
    id: crypto.randomUUID(),
    name: nameHint || file.name,
    label,
    group: options.groupPattern?.exec(file.name)?.[1] ?? '',
    source: 'import',
    device: device ?? file.name,
    startedAt: Date.now(),
  });
  try {
    return { file: file.name, ok: true, recording: await store.addWithLabel(recording, samples, label), timeUnit };
  } catch (error) {
    const refused = error instanceof StoreError ? new ImportError('label-refused', { reason: causeFact(error) }, { file: file.name }) : storageError(file.name, error);
    return { file: file.name, ok: false, error: refused };
  }
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
