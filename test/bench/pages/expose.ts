/**
 * What a bench page offers the benchmark driving it: named functions whose arguments and
 * results cross the DevTools protocol, so they must be plain serialisable values.
 */
export type BenchApi = Record<string, (...args: never[]) => unknown>;

/** Makes `api` callable from the benchmark (see `BenchSession.call` in ../bench-page.ts). */
export function expose(api: BenchApi): void {
  (globalThis as { bench?: BenchApi }).bench = api;
}
