import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, test } from 'vitest';
import { activityCsv } from '../../../test/e2e/seed';

const run = promisify(execFile);
const gcc = spawnSync('gcc', ['--version']).status === 0;
const folder = mkdtempSync(join(tmpdir(), 'motion-lab-export-c-'));

afterAll(() => rmSync(folder, { recursive: true, force: true }));

test('npm run evaluate -- … --export-c writes a library that compiles, the tfjs files and a README', async () => {
  for (const [p, person] of ['ana', 'ben', 'cai', 'dee', 'eli', 'fay'].entries()) {
    for (const [label, hz, amplitude] of [['walking', 1.8, 2], ['running', 2.8, 6]] as const) writeFileSync(join(folder, `${label}.${person}-1.csv`), activityCsv(hz + p * 0.04, amplitude, 16, p));
  }
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
