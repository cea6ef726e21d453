import { withBenchPage } from './bench-page';
import type { StoreBench, WriteRun } from './pages/store';
import type { Benchmark, BenchOutput, BenchResult } from './types';

const goal = '>= 200000';
const maxSamples = 1_000_000;
const maxMs = 5000;
/** The naive layout is far slower; a shorter run gives its rate as surely. */
const naiveMaxMs = 2000;
/** A replay at 10,000 × 100 Hz delivers a million samples a second, more than any save keeps up with. */
const floodSpeed = 10_000;

/**
 * Samples per second written into IndexedDB, into a fresh on-disk profile, the two ways samples
 * reach the store:
 *
 * - `recording`: the real Recorder fed by a replay of 1,000,000 samples at 10,000 × real time,
 *   from Record until its last save is stored. Each save (at least one a second) holds all
 *   that is pending, packed in chunks of 1024; what is measured is what the recording path
 *   sustains when samples come faster than it can store them.
 * - `import`: `MotionStore.add` of whole 5000-sample files (a SisFall recording's size),
 *   packed, one transaction each, awaited one after another, for 1,000,000 samples or 5 s.
 *
 * Baseline: the same samples as one `{ t, x, y, z }` object per sample, 100 (a second at
 * 100 Hz) or 5000 plain IndexedDB puts per transaction, what the chunked typed-array design is
 * compared with. A note gives the cost of one save of a real-time 100 Hz recording.
 */
export const storeWriteThroughput: Benchmark = {
  name: 'store.write-throughput',
  needs: 'browser',
  async run({ chromiumPath }) {
    return withBenchPage<StoreBench, BenchOutput>(new URL('./pages/store.ts', import.meta.url), chromiumPath, async ({ call }) => {
      const results: BenchResult[] = [];
      const notes: string[] = [];

      const recorded = await call('writeThroughRecorder', { dbName: 'store-recording', batchSamples: 0, maxSamples, maxMs, speed: floodSpeed });
      const naiveRecorded = await call('writeNaive', { dbName: 'naive-recording', batchSamples: 100, maxSamples, maxMs: naiveMaxMs });
      results.push({ name: 'store.write-throughput.recording', value: Math.round(rate(recorded)), unit: 'samples/s', baseline: Math.round(rate(naiveRecorded)), goal });
      notes.push(`recording, Recorder fed ${floodSpeed} × faster than real time: ${describe(recorded, 'chunks')}; naive per-sample objects, 100 per transaction: ${describe(naiveRecorded, 'transactions')}`);

      const imported = await call('writeImports', { dbName: 'store-import', batchSamples: 5000, maxSamples, maxMs });
      const naiveImported = await call('writeNaive', { dbName: 'naive-import', batchSamples: 5000, maxSamples, maxMs: naiveMaxMs });
      results.push({ name: 'store.write-throughput.import', value: Math.round(rate(imported)), unit: 'samples/s', baseline: Math.round(rate(naiveImported)), goal });
      notes.push(`import, 5000 samples per transaction: store ${describe(imported, 'transactions')}; naive per-sample objects ${describe(naiveImported, 'transactions')}`);

      const realTime = await call('writeRecordingSaves', { dbName: 'store-saves', batchSamples: 100, maxSamples: 100_000, maxMs: 3000 });
      const msPerSave = realTime.ms / realTime.transactions;
      notes.push(
        `a 100 Hz recording saves 100 samples a second: ${msPerSave.toFixed(2)} ms per save (packing and transaction, ${realTime.transactions} saves back to back), ${((msPerSave / 1000) * 100).toFixed(2)} % of each second`,
      );
      return { results, notes };
    });
  },
};

function rate(run: WriteRun): number {
  return (run.samples * 1000) / run.ms;
}

function describe(run: WriteRun, what: string): string {
  return `${run.samples} samples in ${run.transactions} ${what}, ${(run.ms / 1000).toFixed(1)} s`;
}
