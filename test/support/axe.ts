import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/**
 * What axe-core, the checker Lighthouse's accessibility score runs, finds wrong in the part of the
 * page `selector` picks: each rule broken, with the elements that break it.
 */
export async function accessibilityViolations(page: Page, selector: string): Promise<string[]> {
  // Evaluated, not added as a script tag, which the app's Content-Security-Policy would refuse.
  await page.evaluate(await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async (selector) => {
    const { violations } = await (window as unknown as { axe: { run(context: string): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(selector);
    return violations.map(({ id, nodes }) => `${id}: ${nodes.map(({ target }) => target.join(' ')).join(', ')}`);
  }, selector);
}
