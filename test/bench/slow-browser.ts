import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';

/**
 * A cheap phone in a fast machine: the page's main thread slowed with the DevTools protocol
 * (`Emulation.setCPUThrottlingRate`), and the app's worker threads, which the protocol refuses to
 * throttle ("Operation is only supported for pages, not workers"), given 1/rate of a core by a
 * Linux cgroup (v1 `cpu` controller, which takes single threads). Where there is no such cgroup
 * (not root, another kernel), the workers run at full speed and `workersSlowed` says so.
 */
export interface SlowDown {
  workersSlowed: boolean;
  /** Puts the page and the workers back to full speed. */
  stop: () => Promise<void>;
}

const cpuCgroup = '/sys/fs/cgroup/cpu';
const periodUs = 100_000;

export async function slowDown(browser: Browser, page: Page, rate: number): Promise<SlowDown> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const group = rate > 1 ? workerCgroup(rate) : undefined;
  const pids = await rendererPids(browser);
  const moved = new Set<string>();
  const poll = (): void => {
    if (!group) return;
    for (const pid of pids) {
      for (const tid of workerThreads(pid)) {
        if (moved.has(tid)) continue;
        try {
          writeFileSync(join(group, 'tasks'), tid);
          moved.add(tid);
        } catch {
          // The thread ended between listing and moving it.
        }
      }
    }
  };
  poll();
  const timer = setInterval(poll, 50);
  return {
    workersSlowed: group !== undefined,
    async stop() {
      clearInterval(timer);
      if (group) releaseCgroup(group);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      await cdp.detach();
    },
  };
}

/** The ids of the browser's renderer processes (the page and its workers live in one of them). */
export async function rendererPids(browser: Browser): Promise<number[]> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
    return processInfo.filter(({ type }) => type === 'renderer').map(({ id }) => id);
  } finally {
    await cdp.detach();
  }
}

/** Resident memory of the given processes together, in bytes (0 for one that has ended). */
export function residentBytes(pids: number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const line = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      total += Number(line?.[1] ?? 0) * 1024;
    } catch {
      // The process ended.
    }
  }
  return total;
}

/** Chromium names a dedicated worker's thread "DedicatedWorker thread" (15 characters in comm). */
function workerThreads(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/task`).filter((tid) => {
      try {
        return readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').startsWith('DedicatedWorker');
      } catch {
        return false;
      }
    });
  } catch {
    return [];
  }
}

function workerCgroup(rate: number): string | undefined {
  if (!existsSync(join(cpuCgroup, 'tasks'))) return undefined;
  const group = join(cpuCgroup, `motion-lab-bench-${process.pid}`);
  try {
    mkdirSync(group, { recursive: true });
    writeFileSync(join(group, 'cpu.cfs_period_us'), String(periodUs));
    writeFileSync(join(group, 'cpu.cfs_quota_us'), String(Math.round(periodUs / rate)));
    return group;
  } catch {
    return undefined;
  }
}

/** Moves the threads back to the root group, then removes the group (it must be empty). */
function releaseCgroup(group: string): void {
  try {
    for (const tid of readFileSync(join(group, 'tasks'), 'utf8').split('\n').filter(Boolean)) {
      try {
        writeFileSync(join(cpuCgroup, 'tasks'), tid);
      } catch {
        // The thread ended.
      }
    }
    rmdirSync(group);
  } catch {
    // Already gone.
  }
}
