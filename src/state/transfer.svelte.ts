import { backupFileName, exportBackup } from '../lib/io/backup';
import { importRecordingFiles, restoreBackup, type ImportFile, type ImportOutcome, type ImportTarget } from '../lib/io/import';
import { partsOfFileName, personOf, type PersonSource } from '../lib/io/file-name';
import { WorkerRecordingParser } from '../lib/io/recording-parser';
import { messageOf } from '../lib/i18n/coded-error';
import { labelForActivity } from '../lib/classify/activities';
import { demoDataset } from '../lib/demo/demo-dataset';
import type { Recording } from '../lib/store/recording';
import type { LabelStore } from '../lib/store/labels';
import type { RecordingStore } from '../lib/store/recordings';
import { downloadText } from '../shell/download';
import { dataset } from './dataset.svelte';
import { nextTask } from './next-task';
import { settings } from './settings.svelte';

/**
 * A picked file as the import takes it: named by its path inside a picked folder, so that the
 * folder can give the person or the label. Its size is asked when its turn comes: each asking
 * looks the file up on disk, and for a class's 120 files at once that froze a cheap phone's page
 * for over a second.
 */
export function pickedFile(file: File): ImportFile {
  return {
    name: file.webkitRelativePath || file.name,
    get size() {
      return file.size;
    },
    arrayBuffer: () => file.arrayBuffer(),
    blob: file,
  };
}

/** What moving data in and out needs of the dataset (the app's `dataset`; a fake in tests). */
export interface TransferData {
  readonly recordings: readonly Recording[];
  store(): Promise<ImportTarget & Pick<RecordingStore, 'readSamples'> & { labels: Pick<LabelStore, 'list'> }>;
  refresh(): Promise<void>;
}

/** A restore's outcome as the page shows it: which recordings were stored, and which not and why, worded. */
export type RestoreResult =
  | { ok: true; restored: string[]; skipped: number; refused: { name: string; error: string }[] }
  | { ok: false; error: string };

/**
 * The Data page's import of recording files, and its backup and restore of everything: each
 * workflow from the files to the stored result, its progress and its outcome. One per panel.
 */
export class Transfer {
  /** The label for every imported file; empty: each file's name gives its label. */
  label = $state('');
  /** Where each file's person (group) comes from, when its format does not name one. */
  personFrom = $state<PersonSource['from']>('none');
  /** Which part of the file name gives the person (1 = the first), split at -, _ and . */
  personPart = $state(1);
  /** The advanced choice: a regular expression whose one capture group finds the person in a file name. */
  groupPattern = $state('');
  /** Why `groupPattern` is not a regular expression, found when importing. */
  patternError = $state<string | undefined>();
  busy = $state(false);
  progress = $state({ done: 0, total: 0 });
  outcomes = $state.raw<ImportOutcome[]>([]);
  restored = $state.raw<RestoreResult | undefined>();

  readonly failures = $derived(this.outcomes.filter((outcome) => !outcome.ok));
  readonly imported = $derived(this.outcomes.length - this.failures.length);
  /** Files whose timestamps were not in milliseconds, and the unit they were read in. */
  readonly otherUnits = $derived(
    this.outcomes.flatMap((outcome) => (outcome.ok && outcome.format.startsWith('Edge Impulse') && outcome.timeUnit !== 'ms' ? [{ file: outcome.file, unit: outcome.timeUnit }] : [])),
  );
  /** Recordings from other phone apps: what was found in each (format, timestamps' unit, rate, gravity). */
  readonly fromApps = $derived(this.outcomes.flatMap((outcome) => (outcome.ok && !outcome.format.startsWith('Edge Impulse') ? [outcome] : [])));
  /** Files chosen and waiting for "Import", so that the person each would get can be checked first. */
  pending = $state.raw<ImportFile[]>([]);
  /** What each waiting file would get: its person by the chosen source, and its label. */
  readonly preview = $derived.by(() => {
    const chosen = this.#personSource();
    return this.pending.map((file) => ({
      file: file.name,
      person: 'source' in chosen ? personOf(file.name, chosen.source) : '',
      label: this.label || (partsOfFileName(file.name).label ?? ''),
    }));
  });

  /** Loading the demo dataset: how many recordings it added, or why it stopped. */
  demo = $state.raw<{ state: 'loading' } | { state: 'done'; added: number; total: number } | { state: 'failed'; error: string } | undefined>();

  readonly #data: TransferData;
  readonly #download: typeof downloadText;

  constructor(data: TransferData = dataset, download: typeof downloadText = downloadText) {
    this.#data = data;
    this.#download = download;
  }

  /**
   * Files the user chose: kept for the preview until `importPending` when the person comes from
   * their folder or a part of their name (choices made without seeing the names), else imported
   * at once.
   */
  async choose(files: readonly ImportFile[]): Promise<void> {
    // Nothing more in the picker's change event: its task already holds the browser's delivery of
    // the files, over 200 ms for a class's 120 on a cheap phone (the class-size benchmark).
    await nextTask();
    if (this.personFrom === 'none' || this.personFrom === 'pattern') return this.importFiles(files);
    this.pending = [...files];
  }

  /** Imports the files waiting in the preview. */
  async importPending(): Promise<void> {
    const files = this.pending;
    this.pending = [];
    await this.importFiles(files);
  }

  /** Imports `files` one by one; a bad one is reported and the others still import. */
  async importFiles(files: readonly ImportFile[]): Promise<void> {
    const chosen = this.#personSource();
    this.patternError = 'error' in chosen ? chosen.error : undefined;
    if (!('source' in chosen) || files.length === 0) return;
    const person = chosen.source;
    this.busy = true;
    this.outcomes = [];
    this.progress = { done: 0, total: files.length };
    // The work starts in a task of its own: the picker's change event ends at once, and its task
    // holds only the browser's own delivery of the files (long for a class's 120 on a cheap phone).
    await nextTask();
    // Files are parsed in a worker, so that the page stays responsive while a class's files import.
    const parser = typeof Worker === 'function' ? new WorkerRecordingParser() : undefined;
    try {
      this.outcomes = await importRecordingFiles(
        await this.#data.store(),
        files,
        { ...(this.label !== '' && { label: this.label }), person, ...(parser && { parse: parser.parse }) },
        (done) => (this.progress = { done, total: files.length }),
      );
    } finally {
      parser?.close();
      this.busy = false;
      await this.#data.refresh();
    }
  }

  /**
   * Loads the demo dataset (synthetic, made by the app's own code: src/lib/demo), each recording
   * with its label in one transaction: an activity joins the label here that names it, in either
   * language, or comes in the user's language. The ones already here (same id) are left as they
   * are, so a second load adds nothing, whatever the language.
   */
  async loadDemo(): Promise<void> {
    if (this.demo?.state === 'loading') return;
    this.demo = { state: 'loading' };
    try {
      const store = await this.#data.store();
      const labels = await store.labels.list();
      const demo = demoDataset((activity) => labelForActivity(labels, activity, settings.locale), Date.now());
      let added = 0;
      for (const { recording, samples } of demo) {
        if (await store.get(recording.id)) continue;
        await store.addWithLabel(recording, samples, recording.label);
        added += 1;
      }
      this.demo = { state: 'done', added, total: demo.length };
    } catch (error) {
      this.demo = { state: 'failed', error: messageOf(error, settings.locale) };
    } finally {
      await this.#data.refresh();
    }
  }

  /** Downloads every recording and the labels as one backup file. */
  async backup(): Promise<void> {
    const store = await this.#data.store();
    const recordings = await Promise.all(this.#data.recordings.map(async (recording) => ({ recording, samples: await store.readSamples(recording.id) })));
    this.#download(backupFileName(Date.now()), exportBackup({ labels: await store.labels.list(), recordings }), 'application/json');
  }

  /** Restores a backup file: its labels, and every recording not already here. */
  async restore(file: ImportFile): Promise<void> {
    this.restored = undefined;
    try {
      const { restored, skipped, refused } = await restoreBackup(await this.#data.store(), file);
      this.restored = { ok: true, restored, skipped, refused: refused.map(({ name, error }) => ({ name, error: messageOf(error, settings.locale) })) };
    } catch (error) {
      this.restored = { ok: false, error: messageOf(error, settings.locale) };
    } finally {
      await this.#data.refresh();
    }
  }

  /** The chosen person source, or why its pattern is not a valid regular expression. */
  #personSource(): { source: PersonSource } | { error: string } {
    if (this.personFrom === 'part') return { source: { from: 'part', index: this.personPart } };
    if (this.personFrom !== 'pattern') return { source: { from: this.personFrom } };
    if (this.groupPattern.trim() === '') return { source: { from: 'none' } };
    try {
      return { source: { from: 'pattern', pattern: new RegExp(this.groupPattern) } };
    } catch (error) {
      return { error: messageOf(error, settings.locale) };
    }
  }
}
