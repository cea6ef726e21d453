/**
 * `npm run bench` (after `vite build`), or `tsx test/bench/run.ts [filter]` to run only the
 * benchmarks whose name contains the filter (or that a result name such as
 * `lighthouse.performance` belongs to). Prints a table and writes bench-results.json at the
 * repository root. Exits non-zero only when a benchmark could not run; a missed goal is
 * shown in the table, not treated as a crash.
 */
import { join } from 'node:path';
import { findChromium, missingChromiumMessage } from '../support/chromium';
import { root, startPreview } from '../support/preview';
import { benchmarks } from './registry';
import { printTable, writeResults, type Outcome } from './report';
import type { Benchmark, BuildContext } from './types';

const filter = process.argv[2] ?? '';
const selected = benchmarks.filter(({ name }) => name.includes(filter) || filter.startsWith(`${name}.`));
if (selected.length === 0) {
  console.error(`No benchmark matches "${filter}". Benchmarks: ${benchmarks.map(({ name }) => name).join(', ')}`);
  process.exit(2);
}

const build: BuildContext = { root, dist: join(root, 'dist') };
const chromiumPath = findChromium();
// The preview server is started only when a browser benchmark will actually use it.
const preview =
  chromiumPath && selected.some(({ needs }) => needs === 'browser') ? await startPreview() : undefined;

const outcomes: Outcome[] = [];
try {
  for (const benchmark of selected) {
    console.log(`bench: ${benchmark.name}…`);
    outcomes.push(await runOne(benchmark));
  }
} finally {
  await preview?.server.close();
}

printTable(outcomes);
const resultsPath = join(root, 'bench-results.json');
writeResults(resultsPath, outcomes);
console.log(`\nwrote ${resultsPath}`);
process.exitCode = outcomes.some(({ status }) => status === 'failed') ? 1 : 0;

async function runOne(benchmark: Benchmark): Promise<Outcome> {
  const { name } = benchmark;
  const started = performance.now();
  try {
    let output;
    if (benchmark.needs === 'build') {
      output = await benchmark.run(build);
    } else if (chromiumPath && preview) {
      output = await benchmark.run({ ...build, url: preview.url, chromiumPath });
    } else {
      return { name, status: 'skipped', reason: missingChromiumMessage };
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    return { name, status: 'done', results: output.results, notes: [...(output.notes ?? []), `${name} took ${seconds} s`] };
  } catch (error) {
    return { name, status: 'failed', reason: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}
