import { readFileSync } from 'node:fs';
import { threadsNamed } from './slow-worker-threads';

/** Linux counts a thread's CPU time in clock ticks of 10 ms (USER_HZ 100 on every mainstream build). */
const msPerTick = 10;

/** The CPU time a set of threads used, read as a run goes on. */
export interface CpuWatch {
  /** The threads' CPU ms up to the wall-clock time `dateMs` (a Date.now() reading), interpolated between readings. */
  at(dateMs: number): number;
  stop(): void;
}

function cpuMsOf(tid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${tid}/stat`, 'utf8');
    // utime and stime are fields 14 and 15; the command name in parentheses may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * msPerTick;
  } catch {
    return undefined;
  }
}

/**
 * Watches the CPU time of Chromium's threads named `name` (DedicatedWorker: the compute
 * worker's; the executable's name: each Chromium process's main thread, a page's among them) every `everyMs`. On a machine shared with other
 * work the wall clock also counts the time other processes had the cores; the threads' own CPU
 * time does not, so a figure can be told from the machine's load. A thread that ends keeps the
 * time it had at its last reading. Linux only: elsewhere there is no watch.
 */
export function watchThreadCpu(name: string, everyMs = 50): CpuWatch | undefined {
  if (process.platform !== 'linux') return undefined;
  // Per thread: its CPU ms when first seen (0 for one started after the watch) and at its last reading.
  const threads = new Map<number, { from: number; last: number }>();
  const readings: [dateMs: number, cpuMs: number][] = [];
  let sinceScan = Infinity;
  const read = () => {
    // Finding the threads walks /proc: done every quarter second, not at every reading.
    sinceScan += everyMs;
    if (sinceScan >= 250) {
      const first = readings.length === 0;
      for (const tid of threadsNamed(name)) {
        if (!threads.has(tid)) threads.set(tid, { from: first ? (cpuMsOf(tid) ?? 0) : 0, last: 0 });
      }
      sinceScan = 0;
    }
    let total = 0;
    for (const [tid, thread] of threads) {
      thread.last = cpuMsOf(tid) ?? thread.last;
      total += Math.max(0, thread.last - thread.from);
    }
    readings.push([Date.now(), total]);
  };
  read();
  const timer = setInterval(read, everyMs);
  return {
    at(dateMs) {
      const after = readings.findIndex(([at]) => at >= dateMs);
      if (after === -1) return readings.at(-1)?.[1] ?? NaN;
      const [toAt, toMs] = readings[after]!;
      const [fromAt, fromMs] = readings[after - 1] ?? readings[after]!;
      return toAt === fromAt ? toMs : fromMs + ((toMs - fromMs) * (dateMs - fromAt)) / (toAt - fromAt);
    },
    stop() {
      read();
      clearInterval(timer);
    },
  };
}
