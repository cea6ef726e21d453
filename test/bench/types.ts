/** The shapes shared by the benchmark runner and the benchmarks it runs. */

/** A target a figure should meet, written the way it is stored in bench-results.json. */
export type Goal = `<= ${number}` | `>= ${number}`;

/** One figure, as written to bench-results.json. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** A comparable figure measured in the same run, so a change can be told from noise. */
  baseline?: number;
  goal?: Goal;
}

export interface BenchOutput {
  results: BenchResult[];
  /** Lines worth reading next to the figures (what was measured, what failed); printed, not stored. */
  notes?: string[];
}

/** What every benchmark gets: the repository and its production build. */
export interface BuildContext {
  root: string;
  dist: string;
}

/** What a benchmark that drives a browser also gets: the build served by `vite preview`. */
export interface BrowserContext extends BuildContext {
  url: string;
  chromiumPath: string;
}

/**
 * A named benchmark. One run may yield several figures (Lighthouse scores every category
 * in one page load), so `name` names the benchmark and its results are named under it.
 */
export type Benchmark =
  | { name: string; needs: 'build'; run: (context: BuildContext) => Promise<BenchOutput> }
  | { name: string; needs: 'browser'; run: (context: BrowserContext) => Promise<BenchOutput> };

export function meetsGoal(value: number, goal: Goal): boolean {
  const [operator, target] = goal.split(' ') as ['<=' | '>=', string];
  return operator === '<=' ? value <= Number(target) : value >= Number(target);
}
