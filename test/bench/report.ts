import { writeFileSync } from 'node:fs';
import { meetsGoal, type BenchResult } from './types';

/** What became of one benchmark. */
export type Outcome =
  | { name: string; status: 'done'; results: BenchResult[]; notes: string[] }
  | { name: string; status: 'skipped' | 'failed'; reason: string };

export function printTable(outcomes: readonly Outcome[]): void {
  const header = ['name', 'value', 'unit', 'baseline', 'goal', 'met'];
  const rows = outcomes.flatMap((outcome) =>
    outcome.status === 'done'
      ? outcome.results.map((result) => [
          result.name,
          String(result.value),
          result.unit,
          result.baseline === undefined ? '' : String(result.baseline),
          result.goal ?? '',
          result.goal === undefined ? '' : meetsGoal(result.value, result.goal) ? 'yes' : 'NO',
        ])
      : [[outcome.name, outcome.status, '', '', '', '']],
  );
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  console.log(['', line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n'));

  const notes = outcomes.flatMap((outcome) => (outcome.status === 'done' ? outcome.notes : []));
  // Benchmarks skipped for one reason (no Chromium) share one line rather than repeat it.
  const reasons = new Map<string, string[]>();
  for (const outcome of outcomes) {
    if (outcome.status === 'done') continue;
    const key = `${outcome.status}: ${outcome.reason}`;
    reasons.set(key, [...(reasons.get(key) ?? []), outcome.name]);
  }
  for (const [reason, names] of reasons) notes.push(`${names.join(', ')} ${reason}`);
  if (notes.length > 0) console.log(['', ...notes].join('\n'));
}

/** bench-results.json: the figures only, so runs can be compared by machine. */
export function writeResults(path: string, outcomes: readonly Outcome[]): void {
  const results = outcomes.flatMap((outcome) => (outcome.status === 'done' ? outcome.results : []));
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
}
