import { withBenchPage, type BenchSession } from './bench-page';
import type { TrainSisfallBench } from './pages/train-sisfall';
import { serveSisfall, sisfallSubject } from './sisfall-recordings';

/**
 * The training bench page (pages/train-sisfall.ts) in headless Chromium with every SisFall file
 * stored in its database, as `npm run evaluate` reads them, then `use` on it. Storing is not
 * timed here: import.sisfall times the Data page's import.
 */
export function withSisfallInBrowser<T>(chromiumPath: string, use: (session: BenchSession<TrainSisfallBench>) => Promise<T>): Promise<T> {
  return withBenchPage<TrainSisfallBench, T>(new URL('./pages/train-sisfall.ts', import.meta.url), chromiumPath, async (session) => {
    await session.call('storeSisfall', await serveSisfall(session.page), sisfallSubject.source);
    return use(session);
  });
}
