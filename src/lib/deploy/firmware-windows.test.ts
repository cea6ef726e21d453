import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { resample } from '../signal/resample';
import { windowsOf, type WindowConfig } from '../signal/windows';

const harness = fileURLToPath(new URL('../../../test/firmware/resample_windows.c', import.meta.url));
const gcc = spawnSync('gcc', ['--version']).status === 0;
const ci = process.env.CI === 'true';

/** IMU readings at about `rateHz` with jitter, on a µs clock that wraps; a 0.8 s silence in the middle. */
function readings(rateHz: number, seconds: number): { tUs: number[]; acc: number[] } {
  const tUs: number[] = [];
  const acc: number[] = [];
  let t = 2 ** 32 - 3_000_000;
  for (let i = 0; tUs.length < rateHz * seconds; i += 1) {
    t += 1e6 / rateHz + ((i * 7919) % 13) * 20 - 120;
    if (i === Math.round(rateHz * seconds * 0.6)) t += 800_000;
    tUs.push(Math.round(t));
    acc.push(Math.sin(i / 7) * 3, Math.cos(i / 11) * 2, 9.81 + Math.sin(i / 3));
  }
  return { tUs, acc };
}

describe.skipIf(!gcc && !ci)(`the firmware's windows are the app's training windows${gcc ? '' : ' (skipped: gcc is not on PATH)'}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'motion-lab-windows-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const [imuHz, config] of [
    [119, { rateHz: 50, windowS: 2, strideS: 0.5 }],
    [100, { rateHz: 25, windowS: 1.6, strideS: 0.4 }],
  ] as [number, WindowConfig][]) {
    test(`${imuHz} Hz readings into ${config.windowS} s windows at ${config.rateHz} Hz every ${config.strideS} s`, () => {
      expect(gcc, 'gcc is missing').toBe(true);
      const n = Math.round(config.windowS * config.rateHz);
      const stride = Math.round(config.strideS * config.rateHz);
      const binary = join(dir, `windows-${imuHz}`);
      const build = spawnSync(
        'gcc',
        ['-std=c99', '-Wall', '-Wextra', '-Werror', '-pedantic', `-DMOTION_MODEL_RATE_HZ=${config.rateHz}.0`, `-DMOTION_MODEL_WINDOW_SAMPLES=${n}`, `-DMOTION_MODEL_STRIDE_SAMPLES=${stride}`, '-o', binary, harness],
        { encoding: 'utf8' },
      );
      expect(build.stderr).toBe('');
      const { tUs, acc } = readings(imuHz, 12);
      const input = tUs.map((t, i) => `${t % 2 ** 32} ${acc[i * 3]} ${acc[i * 3 + 1]} ${acc[i * 3 + 2]}`).join('\n');
      const run = spawnSync(binary, { input, encoding: 'utf8' });
      expect(run.status).toBe(0);
      const device = run.stdout.trim().split('\n').map((line) => line.split(' ').map(Number));

      const samples = { t: Float64Array.from(tUs, (t) => t / 1000), acc: Float32Array.from(acc), gyro: null };
      const app = windowsOf(resample(samples, { rateHz: config.rateHz }).segments, config);
      expect(app.length).toBeGreaterThan(10);
      expect(device).toHaveLength(app.length);
      let worst = 0;
      app.forEach((window, w) => window.acc.forEach((value, i) => (worst = Math.max(worst, Math.abs(value - device[w]![i]!)))));
      expect(worst).toBeLessThan(1e-5);
    });
  }
});
