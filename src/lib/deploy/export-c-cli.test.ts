import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { exportEdgeImpulseCsv } from '../io/csv';

const run = promisify(execFile);
const gcc = spawnSync('gcc', ['--version']).status === 0;

/** A sway at `hz` of `amplitude` m/s² on gravity, 50 Hz, 16 s. */
function sway(hz: number, amplitude: number, phase: number) {
  const t = Float64Array.from({ length: 800 }, (_, i) => i * 20);
  const acc = Float32Array.from({ length: 2400 }, (_, at) => {
    const s = Math.sin(2 * Math.PI * hz * (Math.floor(at / 3) / 50) + phase);
    return [amplitude * 0.5 * s, amplitude * 0.3 * Math.cos(s), 9.81 + amplitude * s][at % 3]!;
  });
  return exportEdgeImpulseCsv({ t, acc, gyro: null });
}

let folder: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'motion-lab-export-c-'));
  ['ana', 'ben', 'cai', 'dee', 'eli', 'fay'].forEach((person, p) => {
    writeFileSync(join(folder, `walking.${person}-1.csv`), sway(1.8 + p * 0.04, 2, p));
    writeFileSync(join(folder, `running.${person}-1.csv`), sway(2.8 + p * 0.04, 6, p));
  });
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

test('npm run evaluate -- … --export-c writes a library that compiles, the tfjs files and a README', async () => {
  const out = join(folder, 'deploy');
  const { stdout } = await run('npx', ['tsx', 'src/cli/evaluate.ts', folder, '--group', '\\.(\\w+)-', '--epochs', '5', '--export-c', out], { timeout: 120_000 });
  expect(stdout).toMatch(/wrote the C library to .*deploy \(float32: \d+ B of constant data/);
  for (const file of ['README.md', 'float32/motion_model.c', 'int8/motion_model.h', 'motion_lab/motion_lab.ino', 'motion_lab/motion_model.c', 'tfjs/model.json', 'tfjs/weights.bin']) expect(existsSync(join(out, file)), file).toBe(true);
  expect(readFileSync(join(out, 'int8/motion_model.h'), 'utf8')).toContain('#define MOTION_MODEL_LABELS 2');
  if (gcc) {
    for (const build of ['float32', 'int8']) {
      const compiled = spawnSync('gcc', ['-std=c99', '-Wall', '-Wextra', '-Werror', '-c', '-o', join(out, `${build}.o`), join(out, build, 'motion_model.c')], { encoding: 'utf8' });
      expect(compiled.stderr).toBe('');
    }
  }
}, 120_000);
