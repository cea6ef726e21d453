import { mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The DevTools protocol slows a page's CPU but refuses a worker's ("Operation is only supported
 * for pages, not workers"), and the app trains in a worker. So the worker's thread is slowed the
 * way the kernel can: moved into a cgroup (v1 `cpu` controller) whose quota is a sixth of one
 * core, as a 6× slower CPU would give it. That needs Linux, root and a writable
 * /sys/fs/cgroup/cpu; where any is missing, `workerThrottle` says why and slows nothing.
 */

/** How much slower than this machine the benchmarks make the CPU of a cheap phone. */
export const cheapPhoneSlowdown = 6;

const cpuRoot = '/sys/fs/cgroup/cpu';
const periodUs = 100_000;

export interface WorkerThrottle {
  /** Moves every worker thread of Chromium's renderers (descendants of this process) not yet slowed into the slow group; returns how many it moved. */
  slowNewWorkers(): number;
  /** Puts the threads back and removes the group. */
  release(): void;
}

/** Parent process id of `pid`, or 0 when it is gone. */
function parentOf(pid: number): number {
  try {
    // The command name in parentheses may hold spaces: the fields after its closing parenthesis are fixed.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return 0;
  }
}

function descendsFromUs(pid: number): boolean {
  for (let at = pid; at > 1; at = parentOf(at)) if (at === process.pid) return true;
  return false;
}

/** Thread ids named `name` (DedicatedWorker: how Chromium names a Web Worker's thread) in processes this one started. */
export function threadsNamed(name = 'DedicatedWorker'): number[] {
  const threads: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid || !descendsFromUs(pid)) continue;
    try {
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        if (readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim() === name) threads.push(Number(tid));
      }
    } catch {
      // The process ended while being read.
    }
  }
  return threads;
}

/** A group that gives its threads 1/`rate` of one core, or the reason there can be none here. */
export function workerThrottle(rate: number): WorkerThrottle | string {
  if (process.platform !== 'linux') return 'not Linux';
  const group = join(cpuRoot, `motion-lab-bench-${process.pid}`);
  try {
    mkdirSync(group);
    writeFileSync(join(group, 'cpu.cfs_period_us'), String(periodUs));
    writeFileSync(join(group, 'cpu.cfs_quota_us'), String(Math.round(periodUs / rate)));
  } catch (error) {
    return `no cgroup v1 cpu controller to write to (${error instanceof Error ? error.message : String(error)})`;
  }
  const slowed = new Set<number>();
  return {
    slowNewWorkers() {
      let moved = 0;
      for (const tid of threadsNamed()) {
        if (slowed.has(tid)) continue;
        try {
          writeFileSync(join(group, 'tasks'), String(tid));
          slowed.add(tid);
          moved += 1;
        } catch {
          // The thread ended.
        }
      }
      return moved;
    },
    release() {
      // Every thread in the group, not only those moved in: a thread started by a slowed one is
      // born in its group, and the group cannot be removed while it holds any.
      for (let round = 0; round < 10; round += 1) {
        const left = [...new Set([...slowed, ...readFileSync(join(group, 'tasks'), 'utf8').split('\n').filter(Boolean).map(Number)])];
        slowed.clear();
        if (left.length === 0) break;
        for (const tid of left) {
          try {
            writeFileSync(join(cpuRoot, 'tasks'), String(tid));
          } catch {
            // The thread ended.
          }
        }
      }
      rmdirSync(group);
    },
  };
}
