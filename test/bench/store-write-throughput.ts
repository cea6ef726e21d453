import { withBenchPage } from './bench-page';
import type { StoreBench, WriteRun } from './pages/store';
import type { Benchmark, BenchOutput, BenchResult } from './types';

const goal = '>= 200000';
/**
 * The two ways samples reach the store: a running recording's 1-s saves at 100 Hz (appends of
 * 100 raw samples), and imports (a whole 5000-sample file, like a SisFall recording, in packed
 * chunks in one transaction).
 */
export const writePaths = [
  { name: 'recording', write: 'writeThroughStore', batchSamples: 100 },
  { name: 'import', write: 'writeImports', batchSamples: 5000 },
] as const;
const maxSamples = 1_000_000;
const maxMs = 5000;
/** The naive layout is far slower; a shorter run gives its rate as surely. */
const naiveMaxMs = 2000;

/**
 * Samples per second written into IndexedDB through the real RecordingStore, each transaction
 * awaited before the next, for 1,000,000 samples or 5 s, whichever comes first, into a fresh
 * on-disk profile: `append` as the Recorder saves (one chunk of 100 and the recording's updated
 * row per transaction) and `add` as an import stores a file (5000 samples, packed).
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
        for (const { name, write, batchSamples } of writePaths) {
          const store = await call(write, { dbName: `store-${name}`, batchSamples, maxSamples, maxMs });
          const naive = await call('writeNaive', { dbName: `naive-${name}`, batchSamples, maxSamples, maxMs: naiveMaxMs });
          results.push({
            name: `store.write-throughput.${name}`,
            value: Math.round(rate(store)),
            unit: 'samples/s',
            baseline: Math.round(rate(naive)),
            goal,
          });
          notes.push(`${name}, ${batchSamples} samples per transaction: store ${describe(store)}; naive per-sample objects ${describe(naive)}`);
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
