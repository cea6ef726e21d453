import lighthouse, { type Result } from 'lighthouse';
import { withDebuggableChromium } from './debuggable-chromium';
import type { Benchmark, BenchResult, Goal } from './types';

/** Lighthouse category id → the score (0–100) the app must reach. */
const goals: Record<string, number> = {
  performance: 95,
  accessibility: 100,
  'best-practices': 100,
};

/**
 * Lighthouse 12's default (mobile, simulated throttling) run of the default page, one page
 * load for all categories. Where a category misses its goal, the audits that cost it points
 * are listed so they can be fixed. No baseline: the scores are absolute.
 */
export const lighthouseScores: Benchmark = {
  name: 'lighthouse',
  needs: 'browser',
  async run({ url, chromiumPath }) {
    const lhr = await withDebuggableChromium(chromiumPath, async (port) => {
      const result = await lighthouse(`${url}/`, {
        port,
        logLevel: 'error',
        output: 'json',
        onlyCategories: Object.keys(goals),
      });
      if (!result) throw new Error('Lighthouse returned no result');
      return result.lhr;
    });
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);

    const results: BenchResult[] = [];
    const notes: string[] = [];
    for (const [id, target] of Object.entries(goals)) {
      const category = lhr.categories[id];
      if (!category || category.score === null) throw new Error(`Lighthouse gave no ${id} score`);
      const score = Math.round(category.score * 100);
      const goal: Goal = `>= ${target}`;
      results.push({ name: `lighthouse.${id}`, value: score, unit: 'score', goal });
      if (score < target) notes.push(`lighthouse.${id} ${score} < ${target}; audits losing points:`, ...lostPoints(lhr, category));
    }
    return { results, notes };
  },
};

/** The scored audits of a category that did not pass in full, as "  id: title (value)". */
function lostPoints(lhr: Result, category: Result.Category): string[] {
  return category.auditRefs.flatMap(({ id, weight }) => {
    const audit = lhr.audits[id];
    if (!audit || audit.score === null || audit.score >= 1) return [];
    const value = audit.displayValue ? `, ${audit.displayValue}` : '';
    return [`  ${id}: ${audit.title} (score ${audit.score}, weight ${weight}${value})`];
  });
}
