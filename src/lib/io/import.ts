import { checkFileSize } from './file-text';
import { causeFact } from '../i18n/coded-error';
import { ImportError } from './errors';
import { parseBackup } from './backup';
import { parseRecordingFile } from './recording-file';
import type { Recording } from '../store/recording';
import type { LabelStore } from '../store/labels';
import { recordingFor, type RecordingStore } from '../store/recordings';

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

/** What an import needs of the store: its labels, and adding recordings not already there. */
export type ImportTarget = Pick<RecordingStore, 'add' | 'get'> & { labels: Pick<LabelStore, 'ensure'> };

export type ImportOutcome =
  | { file: string; ok: true; recording: Recording }
  | { file: string; ok: false; error: ImportError };

/**
 * Imports recording files one by one, each in a transaction of its own: a bad file is reported
 * (file, line, what to do) and writes nothing, and the files after it still import.
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
  const { label: named, nameHint, samples, device } = parsed.recording;
  if (!named) {
    return {
      file: file.name,
      ok: false,
      error: new ImportError('no-label', {}, { file: file.name }),
    };
  }
  let label: string;
  try {
    label = await store.labels.ensure(named);
  } catch (error) {
    return { file: file.name, ok: false, error: new ImportError('label-refused', { reason: causeFact(error) }, { file: file.name }) };
  }
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
    await store.add(recording, samples);
  } catch (error) {
    return { file: file.name, ok: false, error: storageError(file.name, error) };
  }
  return { file: file.name, ok: true, recording };
}

export interface RestoreOutcome {
  restored: number;
  /** Recordings already on this device (same id), left as they are. */
  skipped: number;
}

/** Restores a backup file: its labels, and every recording not already here. */
export async function restoreBackup(store: ImportTarget, file: ImportFile): Promise<RestoreOutcome> {
  const parsed = parseBackup(file.name, new Uint8Array(await file.arrayBuffer()));
  if (!parsed.ok) throw parsed.error;
  // A backup's label may differ from one here only in case: its recordings join the one here.
  const labels = new Map<string, string>();
  try {
    for (const label of parsed.backup.labels) labels.set(label, await store.labels.ensure(label));
  } catch (error) {
    throw new ImportError('label-refused', { reason: causeFact(error) }, { file: file.name });
  }
  let restored = 0;
  let skipped = 0;
  for (const { recording, samples } of parsed.backup.recordings) {
    if (await store.get(recording.id)) {
      skipped += 1;
      continue;
    }
    try {
      await store.add({ ...recording, label: labels.get(recording.label) ?? recording.label }, samples);
    } catch (error) {
      throw storageError(file.name, error);
    }
    restored += 1;
  }
  return { restored, skipped };
}

function storageError(file: string, error: unknown): ImportError {
  if (error instanceof DOMException && error.name === 'QuotaExceededError') return new ImportError('storage-full', {}, { file });
  return new ImportError('not-stored', { reason: causeFact(error) }, { file });
}
