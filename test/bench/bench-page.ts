import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { buildInMemory, contentOf } from './build-in-memory';
import { launchPersistentChromium } from '../support/chromium';
import { startPreview } from '../support/preview';
import type { BenchApi } from './pages/expose';

/** A bench page open in Chromium. */
export interface BenchSession<Api extends BenchApi> {
  page: Page;
  /** Calls one of the functions the page exposed (see pages/expose.ts) and returns its result. */
  call<Name extends keyof Api & string>(name: Name, ...args: Parameters<Api[Name]>): Promise<Awaited<ReturnType<Api[Name]>>>;
  /**
   * Quits Chromium and starts it again on the same profile, then loads the page again: what a
   * user closing and reopening the browser does, and the one sure way to make Chromium close
   * its storage files.
   */
  restart(): Promise<void>;
}

/** A bench page built and served; open it with `openBenchPage`. */
export interface BenchSite {
  url: string;
  close(): Promise<void>;
}

/**
 * Builds `entry` (a module in test/bench/pages/) into a page of real app code: Vite with the
 * app's Svelte compiler and target, written to a temp dir with an index.html that loads it, and
 * served by `vite preview` on 127.0.0.1, a secure context like the app's origin.
 */
export async function serveBenchPage(entry: URL): Promise<BenchSite> {
  const dir = mkdtempSync(join(tmpdir(), 'motion-lab-bench-page-'));
  try {
    await buildBenchPage(entry, dir);
    const { server, url } = await startPreview(dir);
    return {
      url,
      async close() {
        await server.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Runs `use` on the page at `url` in headless Chromium with a fresh profile of its own, on disk:
 * Playwright's default context is incognito, where IndexedDB lives in memory, and a storage
 * benchmark there would measure nothing a user's device does.
 */
export async function openBenchPage<Api extends BenchApi, T>(
  chromiumPath: string,
  url: string,
  use: (session: BenchSession<Api>) => Promise<T>,
): Promise<T> {
  const profile = mkdtempSync(join(tmpdir(), 'motion-lab-bench-profile-'));
  let context: BrowserContext | undefined;
  const open = async (): Promise<Page> => {
    context = await launchPersistentChromium(chromiumPath, profile);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await page.waitForFunction(() => 'bench' in window);
    return page;
  };
  try {
    const session: BenchSession<Api> = {
      page: await open(),
      call: (name, ...args) =>
        session.page.evaluate(
          ([name, args]) => {
            const exposed = (window as unknown as { bench: Record<string, (...args: unknown[]) => unknown> }).bench[name];
            if (!exposed) throw new Error(`the bench page exposes no function ${name}`);
            return exposed(...args);
          },
          [name, args] as const,
        ) as never,
      async restart() {
        await context?.close();
        session.page = await open();
      },
    };
    return await use(session);
  } finally {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** `serveBenchPage` and `openBenchPage` in one, for a benchmark that needs one browser. */
export async function withBenchPage<Api extends BenchApi, T>(
  entry: URL,
  chromiumPath: string,
  use: (session: BenchSession<Api>) => Promise<T>,
): Promise<T> {
  const site = await serveBenchPage(entry);
  try {
    return await openBenchPage(chromiumPath, site.url, use);
  } finally {
    await site.close();
  }
}

/** Builds `entry` into `outDir`, in memory first (as shell.first-load-gzip does), plus an index.html that loads it. */
async function buildBenchPage(entry: URL, outDir: string): Promise<void> {
  const files = await buildInMemory(fileURLToPath(entry));
  const tags: string[] = [];
  for (const file of files) {
    const path = join(outDir, file.fileName);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, contentOf(file));
    if (file.fileName.endsWith('.css')) tags.push(`<link rel="stylesheet" href="/${file.fileName}">`);
    if (file.type === 'chunk' && file.isEntry) tags.push(`<script type="module" src="/${file.fileName}"></script>`);
  }
  writeFileSync(
    join(outDir, 'index.html'),
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Motion Lab bench</title>${tags.join('')}</head><body></body></html>\n`,
  );
}
