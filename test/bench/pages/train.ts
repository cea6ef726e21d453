/**
 * Bench page for training: the app's compute worker trained the way the Train page trains (one
 * `train` request through a ComputeClient; the worker reads the recordings from IndexedDB), and
 * tfjs's stock `model.fit` on the same feature rows, on this page's thread, as the baseline.
 */
import { deleteDB } from 'idb';
import { startBrowserBackend } from '../../../src/lib/compute/backend.browser';
import { ComputeClient } from '../../../src/lib/compute/compute-client';
import { MotionStore } from '../../../src/lib/store/motion-store';
import { recordingFor } from '../../../src/lib/store/recordings';
import { defaultTrainingSettings } from '../../../src/lib/train/training-settings';
import { defaultFeatureConfig } from '../../../src/lib/signal/features';
import { featureRows, fitStock, type StockFit } from '../stock-fit';
import { expose } from './expose';
import { syntheticDataset, type DatasetOptions } from '../../../src/lib/demo/synthetic-motion';

export interface WorkerRun {
  /** From sending the request to the `done` reply: what the user waits for after clicking Train. */
  totalMs: number;
  /** From sending the request to the `backend` reply: the worker started, tfjs loaded, wasm running. */
  backendMs: number;
  backend: string;
  /** The training loop alone, as the worker measured it (ModelMetrics.trainMs). */
  trainMs: number;
  epochs: number;
  stopped: string;
  windows: { train: number; validation: number; test: number };
  testAccuracy: number;
}

const features = { ...defaultFeatureConfig, groups: [...defaultFeatureConfig.groups] };
const training = { ...defaultTrainingSettings, hidden: [...defaultTrainingSettings.hidden] };

/**
 * One click on Train, in a fresh worker (the first training of a visit): the recordings are
 * stored in a database of their own first, and the clock runs from the request to the evaluated
 * model's weights being back.
 */
async function trainInWorker(dataset: DatasetOptions): Promise<WorkerRun> {
  const database = `bench-train-${crypto.randomUUID()}`;
  const store = await MotionStore.open(database);
  for (const [index, { recording, samples }] of syntheticDataset(dataset).entries()) {
    await store.add(recordingFor(samples, { ...recording, source: 'import', device: 'bench', startedAt: index }), samples);
  }
  store.close();
  const client = new ComputeClient();
  try {
    const started = performance.now();
    const run = client.train({ database, features, training });
    const backendMs = run.backend.then(() => performance.now() - started);
    const outcome = await run.done;
    const totalMs = performance.now() - started;
    const status = await run.backend;
    return {
      totalMs,
      backendMs: await backendMs,
      backend: `${status.backend}${status.simd ? ' (simd)' : ''}`,
      trainMs: outcome.metrics.trainMs,
      epochs: outcome.metrics.epochs,
      stopped: outcome.stopped,
      windows: outcome.results.test.windows,
      testAccuracy: outcome.metrics.test.accuracy,
    };
  } finally {
    client.dispose();
    await deleteDB(database);
  }
}

/**
 * The same training done the stock way (stock-fit.ts) on this page's wasm backend: the rows
 * trainActivityModel would train on, `epochs` epochs of `model.fit`. No class weights: the
 * synthetic labels are balanced, so the worker's balanced weights are all about 1.
 */
async function fitStockOnPage(dataset: DatasetOptions, epochs: number): Promise<StockFit> {
  await startBrowserBackend();
  return fitStock(featureRows(syntheticDataset(dataset), features, training.seed), training, epochs);
}

const api = { trainInWorker, fitStock: fitStockOnPage };
export type TrainBench = typeof api;
expose(api);
