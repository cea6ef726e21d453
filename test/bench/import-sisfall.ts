import { hasSisfall, sisfallDir } from '../support/shared-data';
import { withBenchPage } from './bench-page';
import type { ImportBench } from './pages/import';
import { serveSisfall, sisfallSubject } from './sisfall-recordings';
import type { Benchmark, BenchOutput } from './types';

/**
 * ms to import all 458 SisFall CSV files into a fresh IndexedDB through `importRecordingFiles`,
 * the Data page's import: each file parsed by `parseRecordingFile`, its label found or made, and
 * stored with `MotionStore.add` in a transaction of its own, one file after another. The
 * files are in the page's memory as `File`s before the clock starts, as after a user picks them.
 * Without ../shared/data/sisfall the benchmark reports no figure and says why.
 */
export const importSisfall: Benchmark = {
  name: 'import.sisfall',
  needs: 'browser',
  async run({ chromiumPath }): Promise<BenchOutput> {
    if (!hasSisfall()) return { results: [], notes: [`import.sisfall skipped: ${sisfallDir} not found`] };
    return withBenchPage<ImportBench, BenchOutput>(new URL('./pages/import.ts', import.meta.url), chromiumPath, async ({ page, call }) => {
      const bytes = await call('loadFiles', await serveSisfall(page));
      // The subject (SA01, SE15) as a user would give it, so every file also gets its group.
      const run = await call('importLoaded', { dbName: 'import-sisfall', groupPattern: sisfallSubject.source });
      if (run.failures.length > 0) throw new Error(`${run.failures.length} files did not import:\n${run.failures.join('\n')}`);
      return {
        results: [{ name: 'import.sisfall', value: Math.round(run.ms), unit: 'ms', goal: '<= 5000' }],
        notes: [
          `import.sisfall: ${run.imported} files, ${(bytes / 2 ** 20).toFixed(1)} MiB, ${run.samples} samples: ` +
            `${Math.round((run.samples * 1000) / run.ms)} samples/s, ${(run.ms / run.imported).toFixed(1)} ms per file; ` +
            `reading and parsing alone take ${Math.round(run.parseMs)} ms, the rest is labels and IndexedDB`,
        ],
      };
    });
  },
};
