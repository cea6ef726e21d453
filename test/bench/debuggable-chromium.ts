import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromiumArgs } from '../support/chromium';

/**
 * Runs `use` with a headless Chromium listening for the DevTools protocol on a free port, for
 * tools such as Lighthouse that connect by port rather than through Playwright. Launched here
 * rather than through chrome-launcher, which is only a transitive dependency of lighthouse.
 */
export async function withDebuggableChromium<T>(chromiumPath: string, use: (port: number) => Promise<T>): Promise<T> {
  // A fresh profile per run: no cache, service worker or storage left from an earlier run.
  const profile = mkdtempSync(join(tmpdir(), 'motion-lab-bench-'));
  const chromium = spawn(
    chromiumPath,
    ['--headless=new', ...chromiumArgs, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => chromium.once('exit', () => resolve()));
  try {
    return await use(await devToolsPort(profile, exited));
  } finally {
    chromium.kill();
    await exited;
    rmSync(profile, { recursive: true, force: true });
  }
}

/** With port 0 Chromium picks a free port and writes it as the first line of DevToolsActivePort. */
async function devToolsPort(profile: string, exited: Promise<void>): Promise<number> {
  let gone = false;
  void exited.then(() => (gone = true));
  for (const deadline = Date.now() + 30_000; Date.now() < deadline && !gone; await sleep(100)) {
    try {
      const port = Number(readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0]);
      if (port > 0) return port;
    } catch {
      // Not written yet.
    }
  }
  throw new Error(gone ? 'Chromium exited before opening its DevTools port' : 'Chromium opened no DevTools port within 30 s');
}
