import { openBenchPage, serveBenchPage } from './bench-page';
import type { StoreBench, WriteOptions } from './pages/store';
import { chunkSizes } from './store-write-throughput';
import type { Benchmark, BenchOutput, BenchResult } from './types';

const goal = '<= 16';
const storeSamples = 1_000_000;
/** The naive layout writes about 10,000 samples/s: a million would take minutes, and 50,000 show its cost as well. */
const naiveSamples = 50_000;

interface Layout {
  write: 'writeThroughStore' | 'writeNaive';
  options: WriteOptions;
}

/**
 * Bytes the origin's storage grows by per 3-axis sample, from `navigator.storage.estimate()`,
 * after 1,000,000 samples are written through `RecordingStore.append` in chunks of 100 (the
 * Recorder's 1-s flush at 100 Hz) or 1024 (an import), each into a fresh on-disk profile.
 *
 * The figure is read only once it is settled: Chromium is quit and started again on the same
 * profile and the database opened, then the estimate is read until two readings agree. Read
 * straight after writing, the estimate is whatever size the LevelDB files had at the last
 * commit, mid-compaction: up to twice the settled figure, and it stays there through closing the
 * database, waiting and reloading the page. After a restart Chromium counts a database only once
 * it is opened (0 bytes before). The growth includes the database's own few kilobytes, spread
 * over the million samples.
 *
 * Baseline: the same for the naive layout, one `{ t, x, y, z }` object per sample (50,000 of
 * them, in transactions of 1024 puts).
 */
export const storeBytesPerSample: Benchmark = {
  name: 'store.bytes-per-sample',
  needs: 'browser',
  async run({ chromiumPath }) {
    const site = await serveBenchPage(new URL('./pages/store.ts', import.meta.url));
    try {
      const growth = (layout: Layout) =>
        openBenchPage<StoreBench, { bytes: number; samples: number }>(chromiumPath, site.url, async (session) => {
          const before = await session.call('usageBytes');
          const run = await session.call(layout.write, layout.options);
          await session.restart();
          const after = await session.call('settledUsageBytes', [layout.options.dbName]);
          return { bytes: after - before, samples: run.samples };
        });
      const naive = await growth({
        write: 'writeNaive',
        options: { dbName: 'naive', batchSamples: 1024, maxSamples: naiveSamples, maxMs: Infinity },
      });
      const naivePerSample = naive.bytes / naive.samples;
      const results: BenchResult[] = [];
      const notes: string[] = [];
      for (const batchSamples of chunkSizes) {
        const stored = await growth({
          write: 'writeThroughStore',
          options: { dbName: `store-${batchSamples}`, batchSamples, maxSamples: storeSamples, maxMs: Infinity },
        });
        const perSample = stored.bytes / stored.samples;
        results.push({
          name: `store.bytes-per-sample.chunk-${batchSamples}`,
          value: round(perSample),
          unit: 'bytes',
          baseline: round(naivePerSample),
          goal,
        });
        notes.push(
          `chunks of ${batchSamples}: ${stored.bytes} bytes for ${stored.samples} samples, ${round(perSample - 16)} per sample ` +
            'above the 16 of float32 time offset and x, y, z (keys, index entries, value headers, row versions not yet compacted away)',
        );
      }
      notes.push(`naive per-sample objects: ${naive.bytes} bytes for ${naive.samples} samples`);
      return { results, notes } satisfies BenchOutput;
    } finally {
      await site.close();
    }
  },
};

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
