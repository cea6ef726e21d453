import { CHUNK_SAMPLES } from '../../src/lib/store/recordings';
import { withBenchPage } from './bench-page';
import type { StoreBench, WriteRun } from './pages/store';
import type { Benchmark, BenchOutput, BenchResult } from './types';

const goal = '>= 200000';
/** Samples per chunk: a 1-s flush of the Recorder at 100 Hz, and an import's chunk. */
export const chunkSizes = [100, CHUNK_SAMPLES];
const maxSamples = 1_000_000;
const maxMs = 5000;
/** The naive layout is far slower; a shorter run gives its rate as surely. */
const naiveMaxMs = 2000;

/**
 * Samples per second written into IndexedDB through `RecordingStore.append`, the Recorder's path:
 * one transaction per chunk holding the chunk and the recording's updated row, each awaited
 * before the next, for 1,000,000 samples or 5 s, whichever comes first. 3-axis samples in chunks
 * of 100 (a 1-s flush at 100 Hz) and of 1024 (an import's chunk size; an import itself writes a
 * whole file in one transaction, see import.sisfall), into a fresh on-disk profile.
 *
 * Baseline: the same samples as one `{ t, x, y, z }` object per sample, with as many plain
 * IndexedDB puts per transaction as the chunk has samples, i.e. what the chunked typed-array
 * design is compared with.
 */
export const storeWriteThroughput: Benchmark = {
  name: 'store.write-throughput',
  needs: 'browser',
  async run({ chromiumPath }) {
    return withBenchPage<StoreBench, BenchOutput>(
      new URL('./pages/store.ts', import.meta.url),
      chromiumPath,
      async ({ call }) => {
        const results: BenchResult[] = [];
        const notes: string[] = [];
        for (const batchSamples of chunkSizes) {
          const store = await call('writeThroughStore', { dbName: `store-${batchSamples}`, batchSamples, maxSamples, maxMs });
          const naive = await call('writeNaive', { dbName: `naive-${batchSamples}`, batchSamples, maxSamples, maxMs: naiveMaxMs });
          results.push({
            name: `store.write-throughput.chunk-${batchSamples}`,
            value: Math.round(rate(store)),
            unit: 'samples/s',
            baseline: Math.round(rate(naive)),
            goal,
          });
          notes.push(`chunks of ${batchSamples}: store ${describe(store)}; naive per-sample objects ${describe(naive)}`);
        }
        return { results, notes };
      },
    );
  },
};

function rate(run: WriteRun): number {
  return (run.samples * 1000) / run.ms;
}

function describe(run: WriteRun): string {
  return `${run.samples} samples in ${run.transactions} transactions, ${(run.ms / 1000).toFixed(1)} s, ${((run.ms * 1000) / run.transactions).toFixed(0)} µs per transaction`;
}
