import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportEdgeImpulseCsv } from '../lib/io/csv';

const run = promisify(execFile);
const cli = ['tsx', 'src/cli/evaluate.ts'];

/** A sway at `hz` of `amplitude` m/s² on gravity, 50 Hz, 16 s. */
function sway(hz: number, amplitude: number, phase: number) {
  const n = 800;
  const t = Float64Array.from({ length: n }, (_, i) => i * 20);
  const acc = new Float32Array(n * 3);
  for (let i = 0; i < n; i += 1) {
    const s = Math.sin(2 * Math.PI * hz * (i / 50) + phase);
    acc.set([amplitude * 0.5 * s, amplitude * 0.3 * Math.cos(2 * Math.PI * hz * (i / 50)), 9.81 + amplitude * s], i * 3);
  }
  return exportEdgeImpulseCsv({ t, acc, gyro: null });
}

/** A new folder with six people's walking and running, and golfing too when asked. */
function peopleFolder(prefix: string, golfing = false): string {
  const made = mkdtempSync(join(tmpdir(), prefix));
  ['ana', 'ben', 'cai', 'dee', 'eli', 'fay'].forEach((person, p) => {
    writeFileSync(join(made, `walking.${person}-1.csv`), sway(1.8 + p * 0.04, 2, p));
    writeFileSync(join(made, `running.${person}-1.csv`), sway(2.8 + p * 0.04, 6, p));
    if (golfing) writeFileSync(join(made, `golfing.${person}-1.csv`), sway(0.5 + p * 0.02, 0.5, p));
  });
  return made;
}

let folder: string;

beforeAll(() => {
  folder = peopleFolder('motion-lab-evaluate-');
  writeFileSync(join(folder, 'walking.broken-1.csv'), 'timestamp,accX,accY,accZ\n0,1,2\n');
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('npm run evaluate', () => {
  test('trains on a folder, skips a bad file by name and line, and writes the JSON report', async () => {
    const report = join(folder, 'report.json');
    const { stdout, stderr } = await run('npx', [...cli, folder, '--group', '\\.(\\w+)-', '--epochs', '5', '--json', report], { timeout: 120_000 });
    expect(stderr).toContain('skipped walking.broken-1.csv, line 2');
    expect(stdout).toContain('12 recordings from');
    expect(stdout).toContain('by group: no group on two sides');
    const json = JSON.parse(readFileSync(report, 'utf8')) as {
      labels: string[];
      split: { byGroup: boolean };
      net: { accuracy: number; macroF1: number; f1: Record<string, number> };
      baseline: { accuracy: number; macroF1: number; f1: Record<string, number> };
      confusion: number[][];
    };
    expect(json.labels).toEqual(['running', 'walking']);
    expect(json.split.byGroup).toBe(true);
    expect(Object.keys(json.net.f1)).toEqual(['running', 'walking']);
    expect(json.net.accuracy).toBeGreaterThan(0.8);
    expect(json.net.macroF1).toBeGreaterThan(0.8);
    expect(json.baseline.accuracy).toBeGreaterThanOrEqual(0);
    expect(json.baseline.macroF1).toBeGreaterThanOrEqual(0);
    expect(json.confusion).toHaveLength(2);
  }, 120_000);

  test('with --augment and --turned-test, trains on made-up placements and scores the test recordings turned at random', async () => {
    const report = join(folder, 'turned.json');
    const { stdout } = await run('npx', [...cli, folder, '--group', '\\.(\\w+)-', '--epochs', '5', '--augment', '1', '--turned-test', '--json', report], { timeout: 120_000 });
    expect(stdout).toMatch(/The test recordings turned at random \(a phone in another pocket\): accuracy \d\.\d{3}/);
    const json = JSON.parse(readFileSync(report, 'utf8')) as { net: { accuracy: number }; turnedTest: { accuracy: number; macroF1: number } };
    // The default features do not depend on how the device sits: turning it changes little.
    expect(Math.abs(json.turnedTest.accuracy - json.net.accuracy)).toBeLessThan(0.1);
    expect(json.turnedTest.macroF1).toBeGreaterThan(0.5);
  }, 120_000);

  test('cross-validates by person with --folds: the means in net and baseline, each fold, and a model kept from all the recordings', async () => {
    const report = join(folder, 'folds.json');
    const exported = join(folder, 'exported');
    const { stdout } = await run('npx', [...cli, folder, '--group', '\\.(\\w+)-', '--folds', '3', '--epochs', '5', '--json', report, '--export-c', exported], { timeout: 180_000 });
    expect(stdout).toContain('Cross-validation by person, 3 folds');
    // After cross-validation, the model kept is trained on every recording and exported as without --folds.
    expect(stdout).toContain(`wrote the C library to ${exported}`);
    expect(stdout).toMatch(/int8: \d+ B/);
    const json = JSON.parse(readFileSync(report, 'utf8')) as {
      net: { accuracy: number; macroF1: number };
      baseline: { accuracy: number };
      folds: { groups: string[]; net: { accuracy: number; macroF1: number }; baseline: { accuracy: number } }[];
    };
    expect(json.folds.flatMap((fold) => fold.groups).sort()).toEqual(['ana', 'ben', 'cai', 'dee', 'eli', 'fay']);
    expect(json.net.accuracy).toBeCloseTo(json.folds.reduce((all, fold) => all + fold.net.accuracy, 0) / 3, 12);
    expect(json.net.macroF1).toBeCloseTo(json.folds.reduce((all, fold) => all + fold.net.macroF1, 0) / 3, 12);
    expect(json.baseline.accuracy).toBeCloseTo(json.folds.reduce((all, fold) => all + fold.baseline.accuracy, 0) / 3, 12);
  }, 180_000);

  test('--network cnn trains the 1-D CNN, cross-validated with made-up placements too', async () => {
    const report = join(folder, 'cnn.json');
    await run('npx', [...cli, folder, '--group', '\\.(\\w+)-', '--network', 'cnn', '--folds', '3', '--augment', '1', '--epochs', '2', '--json', report], { timeout: 180_000 });
    const json = JSON.parse(readFileSync(report, 'utf8')) as { network: string; folds: { net: { accuracy: number } }[] };
    expect(json.network).toBe('cnn');
    expect(json.folds).toHaveLength(3);
    for (const fold of json.folds) expect(fold.net.accuracy).toBeGreaterThanOrEqual(0);
  }, 180_000);

  test('--calibrate S calibrates each fold\'s model to each tested person: `calibrated` beside `net`, on the same windows', async () => {
    const report = join(folder, 'calibrated.json');
    const { stdout } = await run('npx', [...cli, folder, '--group', '\\.(\\w+)-', '--folds', '3', '--epochs', '5', '--calibrate', '4', '--json', report], { timeout: 180_000 });
    expect(stdout).toContain('Calibrated to each tested person on the first 4 s of each activity');
    const json = JSON.parse(readFileSync(report, 'utf8')) as {
      net: { accuracy: number };
      calibrated: { accuracy: number; macroF1: number };
      folds: { windows: number; net: { accuracy: number }; calibrated: { accuracy: number; macroF1: number } }[];
    };
    expect(json.folds).toHaveLength(3);
    expect(json.calibrated.accuracy).toBeCloseTo(json.folds.reduce((all, fold) => all + fold.calibrated.accuracy, 0) / 3, 12);
    expect(json.calibrated.macroF1).toBeCloseTo(json.folds.reduce((all, fold) => all + fold.calibrated.macroF1, 0) / 3, 12);
    // Each person's first 4 s of each 16 s recording are calibrated on, not tested: 2 people × 2 recordings × 21 windows of 2 s every 0.5 s.
    for (const fold of json.folds) expect(fold.windows).toBe(2 * 2 * 21);
  }, 180_000);

  test('--turned-people tests each person turned their own way, `calibrated` beside `net` on the same windows as without it', async () => {
    const report = join(folder, 'turned-people.json');
    const { stdout } = await run('npx', [...cli, folder, '--group', '\\.(\\w+)-', '--folds', '3', '--epochs', '5', '--calibrate', '4', '--turned-people', '--json', report], { timeout: 180_000 });
    expect(stdout).toContain('Cross-validation by person, each tested person turned, scaled and stretched their own way, 3 folds');
    const json = JSON.parse(readFileSync(report, 'utf8')) as { turnedPeople: boolean; calibrated: { accuracy: number }; folds: { windows: number }[] };
    expect(json.turnedPeople).toBe(true);
    expect(json.calibrated.accuracy).toBeGreaterThanOrEqual(0);
    // Stretched by up to ±10 %, the 16 s recordings leave 10.4 to 13.6 s after the 4 s take: 17 to 24 windows of 2 s every 0.5 s.
    for (const fold of json.folds) expect(fold.windows).toBeGreaterThanOrEqual(2 * 2 * 17);
    for (const fold of json.folds) expect(fold.windows).toBeLessThanOrEqual(2 * 2 * 24);
    await expect(run('npx', [...cli, folder, '--turned-people'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--turned-people turns the tested people of a cross-validation: give --folds too') });
  }, 180_000);

  test('--search compares setups within the budget, nested, and reports the outer means with the table of candidates', async () => {
    const report = join(folder, 'search.json');
    const exported = join(folder, 'searched');
    // --network dense leaves the CNN out of the candidates.
    const args = [...cli, folder, '--group', '\\.(\\w+)-', '--search', '--network', 'dense', '--budget', '1', '--epochs', '3', '--json', report, '--export-c', exported];
    const { stdout } = await run('npx', args, { timeout: 240_000 });
    expect(stdout).toContain('Setups compared within 1 s');
    expect(stdout).toContain('On someone new, choice included');
    // The model kept, trained on every recording with the chosen setup, is the one exported.
    expect(stdout).toContain(`wrote the C library to ${exported}`);
    type Setup = { network: string; windowS: number; groups: string[]; augment: number };
    const json = JSON.parse(readFileSync(report, 'utf8')) as {
      network: string;
      net: { accuracy: number; macroF1: number };
      folds: { groups: string[]; net: { accuracy: number; macroF1: number }; setup: Setup }[];
      search: { budgetS: number; candidates: { setup: Setup; accuracy: number; macroF1: number; picked: number }[]; chosen: Setup; notTried: Setup[] };
    };
    const dense = { network: 'dense', windowS: 2, groups: ['spectrum', 'vertical', 'rhythm'], augment: 0 };
    expect(json.search.budgetS).toBe(1);
    // The first candidate always runs; how many more fit in a second depends on the machine.
    expect(json.search.candidates[0]).toEqual({ setup: dense, accuracy: expect.any(Number), macroF1: expect.any(Number), picked: expect.any(Number), ms: expect.any(Number) });
    expect(json.search.candidates.length + json.search.notTried.length).toBe(4);
    expect([...json.search.candidates.map((candidate) => candidate.setup), ...json.search.notTried].every((setup) => setup.network === 'dense')).toBe(true);
    expect(json.search.candidates.reduce((all, candidate) => all + candidate.picked, 0)).toBe(3);
    expect(json.search.candidates.map((candidate) => candidate.setup)).toContainEqual(json.search.chosen);
    expect(json.network).toBe('dense');
    expect(json.folds.flatMap((fold) => fold.groups).sort()).toEqual(['ana', 'ben', 'cai', 'dee', 'eli', 'fay']);
    for (const fold of json.folds) expect(json.search.candidates.find((candidate) => JSON.stringify(candidate.setup) === JSON.stringify(fold.setup))?.picked).toBeGreaterThan(0);
    expect(json.net.accuracy).toBeCloseTo(json.folds.reduce((all, fold) => all + fold.net.accuracy, 0) / 3, 12);
    expect(json.net.macroF1).toBeCloseTo(json.folds.reduce((all, fold) => all + fold.net.macroF1, 0) / 3, 12);
  }, 240_000);

  test('without people, --folds refuses the data (exit code 1) and says what is missing', async () => {
    await expect(run('npx', [...cli, folder, '--folds', 'loso', '--epochs', '1'], { timeout: 60_000 })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('Cross-validation by person needs to know who recorded each recording'),
    });
  }, 60_000);

  test('bad arguments are refused with the usage', async () => {
    await expect(run('npx', [...cli, folder, '--epochs', 'many'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--epochs must be a positive number, not “many”.'),
    });
    await expect(run('npx', [...cli, folder, '--folds', '1'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--folds must be a whole number of at least 2, or “loso”, not “1”.') });
    await expect(run('npx', [...cli, folder, '--augment', '1.5'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--augment must be a whole number') });
    await expect(run('npx', [...cli, folder, '--network', 'lstm'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--network must be “dense” or “cnn”, not “lstm”.') });
    await expect(run('npx', [...cli, folder, '--budget', '30'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--budget is the time --search may take') });
    await expect(run('npx', [...cli, folder, '--search', '--augment', '1'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('leave out --augment') });
    await expect(run('npx', [...cli, folder, '--calibrate', '30'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--calibrate adapts the model to each tested person of a cross-validation: give --folds too') });
    await expect(run('npx', [...cli])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('Usage: npm run evaluate') });
  }, 120_000);
});

describe('npm run evaluate --unknown', () => {
  let three: string;

  beforeAll(() => {
    three = peopleFolder('motion-lab-unknown-', true);
  });

  afterAll(() => rmSync(three, { recursive: true, force: true }));

  type UnknownJson = { labels: string[]; net: { accuracy: number }; unknown: { label: string; auroc: number; falseUnknownRate: number; caughtRate: number; accuracyWithUnknown: number } };

  test('leaves the activity out of training and reports the unknown score on it, with one split and with --folds', async () => {
    for (const folds of [[], ['--folds', '3']]) {
      const report = join(three, `unknown${folds.length}.json`);
      const { stdout } = await run('npx', [...cli, three, '--group', '\\.(\\w+)-', '--epochs', '5', '--unknown', 'golfing', ...folds, '--json', report], { timeout: 180_000 });
      expect(stdout).toContain('12 recordings from');
      expect(stdout).toContain('(6 of golfing left out of training)');
      expect(stdout).toMatch(/golfing left out of training: unknown score AUROC \d\.\d{3}/);
      const json = JSON.parse(readFileSync(report, 'utf8')) as UnknownJson;
      expect(json.labels).toEqual(['running', 'walking']);
      expect(json.unknown.label).toBe('golfing');
      // A slow small sway is far from both trained activities.
      expect(json.unknown.auroc).toBeGreaterThan(0.9);
      expect(json.unknown.caughtRate).toBeGreaterThan(0.5);
      expect(json.unknown.falseUnknownRate).toBeGreaterThanOrEqual(0);
      expect(json.unknown.falseUnknownRate).toBeLessThan(0.5);
      expect(json.unknown.accuracyWithUnknown).toBeLessThanOrEqual(json.net.accuracy);
    }
  }, 360_000);

  test('a label that is not in the folder is refused with the usage, naming the labels there', async () => {
    await expect(run('npx', [...cli, three, '--unknown', 'swimming'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--unknown must name one of the labels, golfing, running, walking; not “swimming”.'),
    });
    await expect(run('npx', [...cli, three, '--unknown', 'golfing', '--search'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--unknown measures one setup') });
  }, 60_000);
});
