import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { EmulatedMotionSensor, type MotionSample } from '../e2e/motion-sensor';
import { withAppSession } from './app-session';
import { rendererPids } from './slow-browser';
import type { BenchResult, Benchmark } from './types';

const rates = [1, 4, 6] as const;
/** How long the idle page counts readings, and how long the recording runs. */
const idleSeconds = 10;
const recordSeconds = 20;

interface StoredRow {
  sampleCount: number;
  durationMs: number;
  lostSamples: number;
}

interface Run {
  rate: number;
  deliveredHz: number;
  storedHz: number;
  lost: number;
  /** ms of CPU the page's main thread used a second, idle and while recording. */
  idleCpuMsPerS: number;
  recordingCpuMsPerS: number;
}

/**
 * The Record page on a cheap phone: the emulated phone sensor fed a steady 100 Hz sway over the
 * DevTools protocol (Chromium hands a page at most 60 readings a second), the page's CPU slowed
 * 1×, 4× and 6×. At each rate, first an idle Record page counts the readings it receives for
 * `idleSeconds` (what the sensor delivers: the baseline), then the page records for
 * `recordSeconds` and the stored recording's rate is read from IndexedDB. The figure is the
 * share of delivered readings stored, goal ≥ 98 % at 6×. Beside it, the CPU time the page's main
 * thread takes a second while recording at 1×, against the idle page's: the rates move with
 * whatever else the machine runs (the sensor's replay included), CPU time much less.
 */
export const recordKeptReadings: Benchmark = {
  name: 'record.kept-readings',
  needs: 'browser',
  async run({ url, chromiumPath }) {
    return withAppSession({ url, chromiumPath, hash: '#/record' }, async ({ browser, context, page }) => {
      const sensor = await EmulatedMotionSensor.attach(context, page);
      const playing = new AbortController();
      const replay = sensor.replay(sway(rates.length * (idleSeconds + recordSeconds + 15)), { signal: playing.signal });
      const runs: Run[] = [];
      try {
        for (const rate of rates) runs.push(await measure(browser, context, page, rate));
      } finally {
        playing.abort();
        await replay;
        await sensor.detach();
      }
      const results: BenchResult[] = runs.flatMap(({ rate, deliveredHz, storedHz }) => [
        { name: `record.kept-readings.delivered-hz-${rate}x-cpu`, value: deliveredHz, unit: 'Hz' },
        { name: `record.kept-readings.stored-hz-${rate}x-cpu`, value: storedHz, unit: 'Hz', baseline: deliveredHz },
      ]);
      const full = runs[0];
      if (full) {
        // CPU time, unlike the rates, holds still when other work shares the machine.
        results.push({
          name: 'record.kept-readings.main-thread-cpu-1x',
          value: full.recordingCpuMsPerS,
          unit: 'ms/s',
          baseline: full.idleCpuMsPerS,
        });
      }
      const slowest = runs[runs.length - 1];
      if (slowest) {
        results.push({
          name: 'record.kept-readings.share-6x-cpu',
          value: round((100 * slowest.storedHz) / slowest.deliveredHz),
          unit: '%',
          baseline: 100,
          goal: '>= 98',
        });
      }
      return {
        results,
        notes: [
          ...runs.map(
            ({ rate, deliveredHz, storedHz, lost }) =>
              `${rate}× CPU: an idle page received ${deliveredHz} Hz; a ${recordSeconds} s recording stored ${storedHz} Hz and said Lost ${lost}`,
          ),
          `the page's main thread at 1× CPU: ${full?.idleCpuMsPerS} ms of CPU a second idle (receiving the readings), ${full?.recordingCpuMsPerS} while recording (baseline: idle)`,
        ],
      };
    });
  },
};

/** One rate: the idle page's received rate, then a recording's stored rate. */
async function measure(browser: Browser, context: BrowserContext, page: Page, rate: number): Promise<Run> {
  const pids = await rendererPids(browser);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  try {
    const idle = cpuMsPerS(pids);
    const deliveredHz = await receivedHz(page);
    const idleCpuMsPerS = idle();
    await page.getByLabel('Countdown').selectOption('0');
    await page.getByLabel('Duration').selectOption(String(recordSeconds));
    const recording = cpuMsPerS(pids);
    await page.getByRole('button', { name: 'Record' }).click();
    // The previous run's "saved" line goes when this one starts.
    await page.getByTestId('record-stats').waitFor();
    await page.getByTestId('record-saved').waitFor({ timeout: (recordSeconds + 30) * 1000 });
    const recordingCpuMsPerS = recording();
    const stored = await newestRecording(page);
    return {
      rate,
      deliveredHz,
      storedHz: round((1000 * (stored.sampleCount - 1)) / stored.durationMs),
      lost: stored.lostSamples,
      idleCpuMsPerS,
      recordingCpuMsPerS,
    };
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
  }
}

/**
 * Starts counting the CPU time of the renderers' main threads (a renderer's main thread has the
 * process's own id); the function returned says how many ms of it they used a second since.
 */
function cpuMsPerS(pids: number[]): () => number {
  const ticksPerS = 100;
  const cpuMs = () =>
    pids.reduce((sum, pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
        // Fields after the command's closing parenthesis; utime and stime are the 12th and 13th.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return sum + ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerS;
      } catch {
        // The process ended.
        return sum;
      }
    }, 0);
  const startedCpu = cpuMs();
  const started = performance.now();
  return () => round(((cpuMs() - startedCpu) * 1000) / (performance.now() - started));
}

/** Readings a second an idle page receives from its own Accelerometer, from their timestamps. */
async function receivedHz(page: Page): Promise<number> {
  const hz = await page.evaluate(
    (seconds) =>
      new Promise<number>((resolve) => {
        const times: number[] = [];
        const accelerometer = new Accelerometer({ frequency: 100 });
        accelerometer.addEventListener('reading', () => times.push(accelerometer.timestamp ?? NaN));
        accelerometer.start();
        setTimeout(() => {
          accelerometer.stop();
          const span = (times[times.length - 1] ?? 0) - (times[0] ?? 0);
          resolve(span > 0 ? (1000 * (times.length - 1)) / span : 0);
        }, seconds * 1000);
      }),
    idleSeconds,
  );
  return round(hz);
}

/** The newest stored recording's row, read by the page from IndexedDB. */
async function newestRecording(page: Page): Promise<StoredRow> {
  return page.evaluate(
    () =>
      new Promise<StoredRow>((resolve, reject) => {
        const open = indexedDB.open('motion-lab');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('recordings').objectStore('recordings').index('by-started').getAll();
          request.onsuccess = () => {
            const rows = request.result as StoredRow[];
            open.result.close();
            const newest = rows[rows.length - 1];
            if (newest) resolve(newest);
            else reject(new Error('no recording was stored'));
          };
        };
      }),
  );
}

/** A steady 100 Hz sway lasting `seconds`. */
function sway(seconds: number): MotionSample[] {
  return Array.from({ length: seconds * 100 }, (_, i) => ({ t: i * 10, x: Math.sin(i / 10), y: 0.3, z: 9.8, gx: 5 * Math.cos(i / 10) }));
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
