import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { goodModel, writeHostileFiles } from '../../test/support/hostile-files';
import { phyphoxCsv, physicsToolboxCsv, sensorLoggerCsvs, sensorLoggerJson, walkSamples, wisdmLines, zipOf } from '../../test/support/phone-app-files';
import { hasSisfall, sisfallDir } from '../../test/support/shared-data';
import { exportBackup } from '../lib/io/backup';
import { exportEdgeImpulseCsv } from '../lib/io/csv';
import { exportModel } from '../lib/io/model-file';
import { encodeIdx } from '../lib/learn/idx';
import { recordingFor } from '../lib/store/recordings';

const execute = promisify(execFile);

/** Runs inspect with the heap held to 512 MB, as the issue bounds it; its output and exit status. */
async function inspect(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await execute('npx', ['tsx', 'src/cli/inspect.ts', ...args], { timeout: 120_000, maxBuffer: 16 * 2 ** 20, env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=512' } });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

let folder: string;
let hostile: string[];

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'motion-lab-inspect-'));
  const t = Float64Array.from({ length: 500 }, (_, i) => i * 20);
  const samples = { t, acc: new Float32Array(1500).fill(9.8), gyro: null };
  writeFileSync(join(folder, 'walking.ana-1.csv'), exportEdgeImpulseCsv(samples));
  writeFileSync(join(folder, 'tiny.motion-lab-model.json'), exportModel(goodModel()));
  const recording = recordingFor(samples, { id: 'r1', name: 'ana-1', label: 'walking', group: 'ana', source: 'import', device: 'phone', startedAt: 0 });
  writeFileSync(join(folder, 'backup.json'), exportBackup({ labels: ['walking'], recordings: [{ recording, samples }] }));
  const backwards = { t: Float64Array.from(t, (time, i) => (i === 7 ? 0 : time)), acc: samples.acc, gyro: null };
  writeFileSync(
    join(folder, 'part-bad.backup.json'),
    exportBackup({ labels: ['walking'], recordings: [{ recording, samples }, { recording: { ...recording, id: 'r2', name: 'ben-1' }, samples: backwards }] }),
  );
  writeFileSync(join(folder, 'train-labels-idx1-ubyte'), encodeIdx({ dims: [3], data: Uint8Array.from([1, 2, 3]) }));
  mkdirSync(join(folder, 'pair'));
  writeFileSync(join(folder, 'pair', 'train-images-idx3-ubyte'), encodeIdx({ dims: [3, 28, 28], data: new Uint8Array(3 * 28 * 28) }));
  writeFileSync(join(folder, 'pair', 'train-labels-idx1-ubyte'), encodeIdx({ dims: [3], data: Uint8Array.from([1, 2, 3]) }));
  const hostileFolder = join(folder, 'hostile');
  mkdirSync(hostileFolder);
  hostile = writeHostileFiles(hostileFolder, { large: false });
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** One file of each other phone app's format, written as the app writes it, in `apps/`; and the ones refused, in `refused/`. */
async function writeAppFiles(): Promise<void> {
  const walk = walkSamples(300);
  const apps = join(folder, 'apps');
  const csvs = sensorLoggerCsvs(walk);
  for (const sub of ['walking.ana', 'walking.ben']) mkdirSync(join(apps, sub), { recursive: true });
  writeFileSync(join(apps, 'walking.ana', 'Raw Data.csv'), phyphoxCsv(walk, { separator: ';' }));
  writeFileSync(join(apps, 'running.caro-1.csv'), physicsToolboxCsv(walk));
  writeFileSync(join(apps, 'walking.ben', 'Accelerometer.csv'), csvs.Accelerometer);
  writeFileSync(join(apps, 'walking.ben', 'Gravity.csv'), csvs.Gravity);
  writeFileSync(join(apps, 'stairs.dani.zip'), await zipOf({ 'TotalAcceleration.csv': csvs.TotalAcceleration, 'Gyroscope.csv': csvs.Gyroscope, 'metadata.csv': 'version\n3\n' }));
  writeFileSync(join(apps, 'golfing.eli.json'), sensorLoggerJson(walk, ['TotalAcceleration']));
  const half = { t: walk.t.slice(0, 100), acc: walk.acc.slice(0, 300), gyro: null };
  writeFileSync(join(apps, 'WISDM_ar_v1.1_raw.txt'), wisdmLines([{ user: 33, activity: 'Jogging', samples: half }, { user: 7, activity: 'Walking', samples: half }]));
  const refused = join(folder, 'refused');
  mkdirSync(refused);
  writeFileSync(join(refused, 'Raw Data.csv'), phyphoxCsv(walk, { withoutG: true }));
  writeFileSync(join(refused, 'Accelerometer.csv'), csvs.Accelerometer);
}

describe('npm run inspect', () => {
  test('a recording, a model, a backup and an IDX pair are ok, one line each; exit 0', async () => {
    const { stdout, code } = await inspect(join(folder, 'walking.ana-1.csv'), join(folder, 'tiny.motion-lab-model.json'), join(folder, 'backup.json'), join(folder, 'pair'));
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^ok .*walking\.ana-1\.csv: Edge Impulse CSV, 500 samples, 50 Hz, 10\.0 s$/);
    expect(lines[1]).toMatch(/^ok .*tiny\.motion-lab-model\.json: model “walk or run”, dense network, \d+ inputs, 2 labels \(running, walking\)/);
    expect(lines[2]).toMatch(/^ok .*backup\.json: backup, 1 recordings, 1 labels, 500 samples$/);
    expect(lines[3]).toMatch(/^ok .*train-images-idx3-ubyte: IDX, 3 images of 28 × 28$/);
    expect(lines[4]).toMatch(/^ok .*train-labels-idx1-ubyte: IDX, 3 labels$/);
    expect(code).toBe(0);
  }, 120_000);

  test('a backup with one damaged recording is ok, as restore takes the others, and names the one set aside', async () => {
    const { stdout, code } = await inspect(join(folder, 'part-bad.backup.json'));
    expect(stdout.trim()).toMatch(/^ok .*part-bad\.backup\.json: backup, 1 recordings, 1 labels, 500 samples; 1 set aside as restore would: ben-1 \(.+\)$/);
    expect(code).toBe(0);
  }, 60_000);

  test('every hostile file of issue 12 is refused with the app’s message, in 512 MB; exit 1', async () => {
    const { stdout, code } = await inspect(join(folder, 'hostile'));
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(hostile.length);
    for (const line of lines) expect(line).toMatch(/^refused /);
    const said = (name: string) => lines.find((line) => line.includes(`${name}:`)) ?? '';
    expect(said('metrics-test-only.motion-lab-model.json')).toContain('model.metrics');
    expect(said('rate-1e9.motion-lab-model.json')).toContain('out of bounds');
    expect(said('window-1e7.motion-lab-model.json')).toContain('out of bounds');
    expect(said('null-layer.motion-lab-model.json')).toContain('Layer 1 of the model is not a layer');
    expect(said('newline-label.motion-lab-model.json')).toContain('control character');
    expect(said('million-columns.csv').length).toBeLessThan(1000);
    expect(said('too-large.csv')).toContain('more than the 100 MB');
    expect(said('idx-bomb-small.gz')).toContain('decompresses to more bytes than its header describes');
    expect(code).toBe(1);
  }, 120_000);

  test('IDX files are checked together, as the digits lesson opens them: labels need their images', async () => {
    const { stdout, code } = await inspect(join(folder, 'train-labels-idx1-ubyte'), join(folder, 'walking.ana-1.csv'));
    expect(stdout.trim().split('\n')).toEqual([expect.stringMatching(/^ok .*walking\.ana-1\.csv/), expect.stringMatching(/^refused .*train-labels-idx1-ubyte: has no images file to go with it/)]);
    expect(code).toBe(1);
    const together = await inspect(join(folder, 'pair'));
    expect(together.stdout).toMatch(/^ok .*train-images-idx3-ubyte: IDX, 3 images of 28 × 28\nok .*train-labels-idx1-ubyte: IDX, 3 labels\n$/);
    expect(together.code).toBe(0);
  }, 120_000);

  test('--json gives the same verdicts as data', async () => {
    const { stdout, code } = await inspect('--json', join(folder, 'walking.ana-1.csv'), join(folder, 'hostile', 'null-layer.motion-lab-model.json'));
    expect(JSON.parse(stdout)).toEqual([
      expect.objectContaining({ ok: true, format: 'Edge Impulse CSV', samples: 500, rateHz: 50, durationMs: 9980 }),
      expect.objectContaining({ ok: false, message: expect.stringContaining('not a layer') }),
    ]);
    expect(code).toBe(1);
  }, 120_000);

  test('each other phone app’s file is ok, with its format, unit and gravity; those without gravity are refused', async () => {
    await writeAppFiles();
    const { stdout, code } = await inspect(join(folder, 'apps'));
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(6);
    const said = (name: string) => lines.find((line) => line.includes(name)) ?? '';
    expect(said('golfing.eli.json')).toMatch(/^ok .*: Sensor Logger JSON, 300 samples, 100 Hz, 3\.0 s, timestamps in ns, gravity as recorded$/);
    expect(said('running.caro-1.csv')).toMatch(/: Physics Toolbox CSV, 300 samples, 100 Hz, 3\.0 s, timestamps in s, gravity as recorded$/);
    expect(said('stairs.dani.zip')).toMatch(/: Sensor Logger zip, 300 samples, .*timestamps in ns, gravity as recorded$/);
    expect(said('Raw Data.csv')).toMatch(/^ok .*walking\.ana\/Raw Data\.csv: phyphox CSV, 300 samples, 100 Hz, 3\.0 s, timestamps in s, gravity as recorded$/);
    expect(said('Gravity.csv')).toMatch(/^ok .*walking\.ben\/Accelerometer\.csv \+ .*walking\.ben\/Gravity\.csv: Sensor Logger CSV, 300 samples, 100 Hz, 3\.0 s, timestamps in ns, gravity restored from the app’s gravity sensor$/);
    expect(said('WISDM')).toMatch(/: WISDM, 2 recordings \(2 people, 2 activities\), 200 samples, 100 Hz, .*timestamps in ns, gravity as recorded$/);
    expect(code).toBe(0);

    const json = await inspect('--json', join(folder, 'apps', 'golfing.eli.json'), join(folder, 'refused'));
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({ ok: true, format: 'Sensor Logger JSON', samples: 300, rateHz: 100, durationMs: 2990 }),
      expect.objectContaining({ ok: false, message: expect.stringMatching(/Accelerometer\.csv: Sensor Logger: this export has no gravity in it/) }),
      expect.objectContaining({ ok: false, message: expect.stringMatching(/Raw Data\.csv: phyphox: this export has no gravity in it/) }),
    ]);
    expect(json.code).toBe(1);
  }, 120_000);

  test('no path, an unknown option or a missing path is a usage error: exit 2', async () => {
    for (const args of [[], ['--nope', folder], [join(folder, 'missing.csv')]]) {
      const { stderr, code } = await inspect(...args);
      expect(stderr).toContain('Usage: npm run inspect');
      expect(code).toBe(2);
    }
  }, 120_000);

  test.skipIf(!hasSisfall())(`every file of ../shared/data/sisfall is ok${hasSisfall() ? '' : ' (skipped: ../shared/data/sisfall is not beside the checkout)'}`, async () => {
    const { stdout, code } = await inspect(sisfallDir);
    const lines = stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(100);
    expect(lines.filter((line) => !line.startsWith('ok '))).toEqual([]);
    expect(code).toBe(0);
  }, 120_000);
});
