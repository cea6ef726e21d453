/**
 * Bench page for training on the whole SisFall set in the browser: the files stored in a
 * database of their own, then the app's compute worker run on it the
 * way the Train page runs it (a ComputeClient request; the worker reads the recordings from
 * IndexedDB itself), and tfjs's stock `model.fit` on the same rows, on this page's thread, as the
 * baseline.
 */
import { startBrowserBackend } from '../../../src/lib/compute/backend.browser';
import { ComputeClient, type ComputeRun } from '../../../src/lib/compute/compute-client';
import { readRecordings } from '../../../src/lib/compute/read-recordings';
import { parseRecordingFile } from '../../../src/lib/io/recording-file';
import { defaultFeatureConfig } from '../../../src/lib/signal/features';
import { MotionStore } from '../../../src/lib/store/motion-store';
import { recordingFor } from '../../../src/lib/store/recordings';
import { balancedClassWeights } from '../../../src/lib/train/fit';
import { defaultFoldCount, defaultTrainingSettings } from '../../../src/lib/train/training-settings';
import { featureRows, fitStock, type StockFit } from '../stock-fit';
import { expose } from './expose';
import { fetchFiles } from './fetch-files';

const database = 'bench-train-sisfall';
const features = { ...defaultFeatureConfig, groups: [...defaultFeatureConfig.groups] };
const training = { ...defaultTrainingSettings, hidden: [...defaultTrainingSettings.hidden] };

/**
 * Times are Date.now() readings, a clock the benchmark in Node shares: it reads the threads' CPU
 * time (thread-cpu.ts) between the same instants.
 */
export interface SplitRun {
  backend: string;
  /** The request sent, then the worker's stage reports (`windows`: every recording's windows and features and the split's standardisation; `training`; `evaluating`), then the `done` reply. */
  at: { requested: number; windows: number; training: number; evaluating: number; done: number };
  /** The training loop alone, as the worker measured it (ModelMetrics.trainMs). */
  trainMs: number;
  epochs: number;
  stopped: string;
  windows: { train: number; validation: number; test: number };
  testAccuracy: number;
}

export interface CvRun {
  backend: string;
  /** The request sent, each fold's start (the first is where `crossValidate` begins), the `done` reply. */
  at: { requested: number; folds: number[]; done: number };
  epochs: number[];
  accuracy: { mean: number; sd: number };
}

/**
 * Stores the SisFall files at `paths` (under this page's origin) in the bench's database as
 * `npm run evaluate` and the Node benchmarks read them (sisfall-recordings.ts): each file's name
 * its id, who recorded it from its name, listed (newest first) in the order of their names. So
 * the worker splits, shuffles and trains exactly as in Node, and the figures compare. Returns how
 * many were stored.
 */
async function storeSisfall(paths: string[], groupPattern: string): Promise<number> {
  const files = await fetchFiles(paths);
  const store = await MotionStore.open(database);
  try {
    for (const [index, file] of files.entries()) {
      const parsed = parseRecordingFile(file.name, new Uint8Array(await file.arrayBuffer()));
      if (!parsed.ok || !parsed.recording.label) throw new Error(`${file.name} did not parse as a labelled recording`);
      const { samples, label } = parsed.recording;
      const group = new RegExp(groupPattern).exec(file.name)?.[1] ?? '';
      await store.add(recordingFor(samples, { id: file.name, name: file.name, label, group, source: 'import', device: 'SisFall', startedAt: files.length - index }), samples);
    }
    return files.length;
  } finally {
    store.close();
  }
}

/** Runs `start` on a fresh worker (as the first run of a visit does); returns its result, its backend and when it was requested and done. */
async function timed<T>(start: (client: ComputeClient) => ComputeRun<T>): Promise<{ result: T; backend: string; requested: number; done: number }> {
  const client = new ComputeClient();
  try {
    const requested = Date.now();
    const run = start(client);
    const result = await run.done;
    const done = Date.now();
    const status = await run.backend;
    return { result, backend: `${status.backend}${status.simd ? ' (simd)' : ''}`, requested, done };
  } finally {
    client.dispose();
  }
}

/** One click on Train with the app's defaults, on every stored recording. */
async function trainSplit(): Promise<SplitRun> {
  const stageAt = new Map<string, number>();
  const { result, backend, requested, done } = await timed((client) => client.train({ database, features, training }, { stage: (stage) => stageAt.set(stage, Date.now()) }));
  const stage = (name: string) => stageAt.get(name) ?? NaN;
  return {
    backend,
    at: { requested, windows: stage('windows'), training: stage('training'), evaluating: stage('evaluating'), done },
    trainMs: result.metrics.trainMs,
    epochs: result.metrics.epochs,
    stopped: result.stopped,
    windows: result.results.test.windows,
    testAccuracy: result.metrics.test.accuracy,
  };
}

/** One "on someone new" with the app's defaults (5 folds by person), on every stored recording. */
async function crossValidate(): Promise<CvRun> {
  const folds: number[] = [];
  const { result, backend, requested, done } = await timed((client) =>
    client.crossValidate({ database, features, training, folds: defaultFoldCount }, { fold: () => folds.push(Date.now()) }),
  );
  return {
    backend,
    at: { requested, folds, done },
    epochs: result.folds.map((fold) => fold.epochs),
    accuracy: { mean: result.net.accuracy.mean, sd: result.net.accuracy.sd },
  };
}

/**
 * tfjs's stock `model.fit` (stock-fit.ts) on this page's wasm backend, `epochs` epochs on the
 * rows of one split of the stored recordings, read back as the worker reads them, with the
 * balanced class weights the app trains with.
 */
async function fitStockOnPage(epochs: number): Promise<StockFit & { trainRows: number; at: { started: number; done: number } }> {
  await startBrowserBackend();
  const rows = featureRows(await readRecordings(database), features, training.seed);
  const started = Date.now();
  const fit = await fitStock(rows, training, epochs, balancedClassWeights(rows.train.y, rows.train.classes));
  return { ...fit, trainRows: rows.train.rows, at: { started, done: Date.now() } };
}

const api = { storeSisfall, trainSplit, crossValidate, fitStock: fitStockOnPage };
export type TrainSisfallBench = typeof api;
expose(api);
