import { readFileSync } from 'node:fs';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { workerThrottle } from './slow-worker-threads';

/**
 * A cheap phone in a fast machine: the page's main thread slowed with the DevTools protocol
 * (`Emulation.setCPUThrottlingRate`), and the app's worker threads, which the protocol refuses to
 * throttle, given 1/rate of a core by a cgroup (slow-worker-threads.ts), caught as they start.
 * Where there is no such cgroup, the workers run at full speed and `workersSlowed` says why.
 */
export interface SlowDown {
  /** True, or why the workers could not be slowed. */
  workersSlowed: true | string;
  /** Puts the page and the workers back to full speed. */
  stop: () => Promise<void>;
}

export async function slowDown(page: Page, rate: number): Promise<SlowDown> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const throttle = rate > 1 ? workerThrottle(rate) : 'not slowed';
  const timer = typeof throttle === 'string' ? undefined : setInterval(() => throttle.slowNewWorkers(), 50);
  return {
    workersSlowed: typeof throttle === 'string' ? throttle : true,
    async stop() {
      clearInterval(timer);
      if (typeof throttle !== 'string') throttle.release();
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
