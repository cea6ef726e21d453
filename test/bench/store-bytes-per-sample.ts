import { openBenchPage, serveBenchPage } from './bench-page';
import type { StoreBench, WriteOptions } from './pages/store';
import type { Benchmark, BenchOutput, BenchResult } from './types';

const goal = '<= 16';
const storeSamples = 1_000_000;
/** The naive layout writes about 10,000 samples/s: a million would take minutes, and 50,000 show its cost as well. */
const naiveSamples = 50_000;

interface Layout {
  write: 'writeRecordingSaves' | 'writeImports' | 'writeNaive';
  options: WriteOptions;
}

/**
 * What is measured: a recording as it stands once stopped (saved every second at 100 Hz, 100
 * samples packed per save, as the Recorder does) and an imported file's samples.
 */
const layouts: { name: string; layout: Layout }[] = [
  { name: 'recorded', layout: { write: 'writeRecordingSaves', options: { dbName: 'recorded', batchSamples: 100, maxSamples: storeSamples, maxMs: Infinity } } },
  { name: 'imported', layout: { write: 'writeImports', options: { dbName: 'imported', batchSamples: 5000, maxSamples: storeSamples, maxMs: Infinity } } },
];

/**
 * Bytes the origin's storage grows by per 3-axis sample, from `navigator.storage.estimate()`,
 * after 1,000,000 samples are written through the real MotionStore (see `layouts`), each into
 * a fresh on-disk profile.
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
      for (const { name, layout } of layouts) {
        const stored = await growth(layout);
        const perSample = stored.bytes / stored.samples;
        results.push({
          name: `store.bytes-per-sample.${name}`,
          value: round(perSample),
          unit: 'bytes',
          baseline: round(naivePerSample),
          goal,
        });
        notes.push(`${name}: ${stored.bytes} bytes for ${stored.samples} samples (unpacked, a sample is 16 bytes: float32 time offset and x, y, z)`);
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
