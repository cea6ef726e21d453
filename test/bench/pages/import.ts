/**
 * Bench page for importing recording files: the real `importRecordingFiles`, which the Data
 * page's import runs (parse each file, find or make its label, store it in one transaction).
 */
import { parseRecordingFile } from '../../../src/lib/io/recording-file';
import { sampleCount } from '../../../src/lib/sensors/samples';
import { importRecordingFiles } from '../../../src/lib/io/import';
import { MotionStore } from '../../../src/lib/store/motion-store';
import { expose } from './expose';
import { fetchFiles } from './fetch-files';

export interface ImportRun {
  ms: number;
  imported: number;
  samples: number;
  /** One line per file that did not import: the file and why. */
  failures: string[];
  /** ms to read and parse the same files again, storing nothing: the import's share that is parsing. */
  parseMs: number;
}

let files: File[] = [];

/** Fetches the files at `paths` into memory (see fetch-files.ts); returns their bytes. */
async function loadFiles(paths: string[]): Promise<number> {
  files = await fetchFiles(paths);
  return files.reduce((sum, file) => sum + file.size, 0);
}

/** Imports the loaded files into a new database, timed from the first file read to the last one stored. */
async function importLoaded({ dbName, groupPattern }: { dbName: string; groupPattern: string }): Promise<ImportRun> {
  const store = await MotionStore.open(dbName);
  try {
    const started = performance.now();
    const outcomes = await importRecordingFiles(store, files, { person: { from: 'pattern', pattern: new RegExp(groupPattern) } });
    const ms = performance.now() - started;
    let samples = 0;
    const failures: string[] = [];
    for (const outcome of outcomes) {
      if (outcome.ok) samples += outcome.recording.sampleCount;
      else failures.push(`${outcome.file}: ${outcome.error.message}`);
    }
    // A cheap check that the samples really are stored, not only their rows.
    const [first] = await store.list();
    if (first && sampleCount(await store.readSamples(first.id)) !== first.sampleCount) {
      throw new Error(`${first.name}: the stored samples do not match its sample count`);
    }
    return { ms, imported: outcomes.length - failures.length, samples, failures, parseMs: await timeParsing() };
  } finally {
    store.close();
  }
}

async function timeParsing(): Promise<number> {
  const started = performance.now();
  for (const file of files) parseRecordingFile(file.name, new Uint8Array(await file.arrayBuffer()), { byteSize: file.size });
  return performance.now() - started;
}

const api = { loadFiles, importLoaded };
export type ImportBench = typeof api;
expose(api);
