import * as tf from '@tensorflow/tfjs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hasSisfall, sisfallDir } from '../../../test/support/shared-data';
import { readNetwork } from '../model/network-kinds';
import { scoredValues, UnknownRun, unknownRun, unknownScore } from '../model/unknown-score';
import { fitUnknownStats } from '../train/unknown-score';
import { parseRecordingFile } from '../io/recording-file';
import type { LabelledRecording } from '../train/activity-dataset';
import { modelArtifacts } from '../train/model-artifacts';
import { trainActivityModel } from '../train/train-activity';
import { defaultTrainingSettings } from '../train/training-settings';
import { defaultFeatureConfig, extractorFor, featureGroups, type FeatureConfig } from '../signal/features';
import { windowSamples } from '../signal/windows';
import { joinRows, networkInputs } from '../model/inputs';
import { buildCnnModel } from '../model/cnn/builder';
import { fitStandardization, standardize } from '../signal/standardize';
import { trainingRows } from './calibration';
import { CODE_BYTES_CORTEX_M4F, floatLiteral, generateCLibrary, UNKNOWN_CODE_BYTES_CORTEX_M4F, type CLibrary, type ExportableModel } from './c-library';
import { DeployError } from './deploy-error';
import { tinyModel } from './tiny-model';

const harness = fileURLToPath(new URL('../../../test/firmware/classify_windows.c', import.meta.url));
const hasCompiler = (command: string) => spawnSync(command, ['--version']).status === 0;
const gcc = hasCompiler('gcc');
const armGcc = hasCompiler('arm-none-eabi-gcc');
const ci = process.env.CI === 'true';
const missing = (compiler: string, install: string) => ` (skipped: ${compiler} is not on PATH; install it with ${install} to run)`;

/** A synthetic activity: a sway at `hz` of `amplitude` m/s² on top of gravity, tilted by `tilt`, 50 Hz. */
function activity(id: string, label: string, group: string, hz: number, amplitude: number, tilt: number): LabelledRecording {
  const n = 20 * 50;
  const t = new Float64Array(n);
  const acc = new Float32Array(n * 3);
  for (let i = 0; i < n; i += 1) {
    t[i] = i * 20;
    const s = Math.sin(2 * Math.PI * hz * (i / 50) + tilt);
    const bump = Math.sin(2 * Math.PI * 2.1 * hz * (i / 50)) * amplitude * 0.2;
    acc.set([9.81 * Math.sin(tilt) + amplitude * s * 0.5 + bump, amplitude * Math.cos(2 * Math.PI * hz * (i / 50)) * 0.3, 9.81 * Math.cos(tilt) + amplitude * s], i * 3);
  }
  return { recording: { id, name: id, label, group, speedFixes: [] }, samples: { t, acc, gyro: null } };
}

function generated(): LabelledRecording[] {
  return ['ana', 'ben', 'cai', 'dee', 'eli', 'fay', 'gus'].flatMap((person, p) => [
    activity(`${person}-walk`, 'walking', person, 1.8 + p * 0.03, 2, p * 0.2),
    activity(`${person}-run`, 'running', person, 2.8 + p * 0.03, 6, p * 0.2),
    activity(`${person}-golf`, 'golfing', person, 0.6 + p * 0.02, 0.6, p * 0.2),
  ]);
}

/** Eight SisFall recordings of each activity, each person's in one place. */
function recorded(): LabelledRecording[] {
  const names = readdirSync(sisfallDir).filter((name) => name.endsWith('.csv')).sort();
  const picked = ['walking', 'running', 'stairs'].flatMap((label) => names.filter((name) => name.startsWith(`${label}.`)).filter((_, i) => i % 6 === 0).slice(0, 8));
  return picked.map((name) => {
    const parsed = parseRecordingFile(name, readFileSync(join(sisfallDir, name)));
    if (!parsed.ok || !parsed.recording.label) throw new Error(`${name} did not parse`);
    const group = /\.(S[AE]\d+)-/.exec(name)?.[1] ?? '';
    return { recording: { id: name, name, label: parsed.recording.label, group, speedFixes: [] }, samples: parsed.recording.samples };
  });
}

/** Every window of the recordings, one after another (windows × samples × 3 values). */
function windowsOfAll(recordings: readonly LabelledRecording[], config: FeatureConfig): Float32Array[] {
  return recordings.flatMap(({ samples }) => networkInputs({ features: config }, samples).windows.map((window) => window.acc));
}

/** Windows on the edges of the features: still, weightless, a lone spike, noise, one axis only. */
function edgeWindows(config: FeatureConfig): Float32Array[] {
  const n = windowSamples(config);
  const make = (value: (i: number, axis: number) => number) => Float32Array.from({ length: n * 3 }, (_, at) => value(Math.floor(at / 3), at % 3));
  let seed = 7;
  const noise = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5) * 8;
  return [
    make((_, axis) => (axis === 2 ? 9.81 : 0)),
    make(() => 0),
    make((i, axis) => (axis === 1 && i === 40 ? 30 : axis === 2 ? 9.81 : 0)),
    make((_, axis) => (axis === 2 ? 9.81 : 0) + noise()),
    make((i, axis) => (axis === 0 ? 9.81 + 3 * Math.sin((2 * Math.PI * 2 * i) / config.rateHz) : 0)),
  ];
}

interface Trained {
  model: ExportableModel;
  calibration: Float32Array;
  windows: Float32Array[];
}

async function train(name: string, recordings: LabelledRecording[], windows: Float32Array[]): Promise<Trained> {
  const training = { ...defaultTrainingSettings, epochs: 30 };
  const result = await trainActivityModel(recordings, { features: defaultFeatureConfig, training });
  const artifacts = await modelArtifacts(result.model);
  result.model.dispose();
  const model = { name, preprocessing: result.preprocessing, artifacts, unknown: result.unknown };
  return { model, calibration: trainingRows({ ...model, trainedOn: result.trainedOn }, recordings), windows };
}

/**
 * A CNN on the windows' channels with seeded random weights, its statistics and calibration from
 * all the recordings: the C must compute what the TypeScript does whatever the weights, and
 * training a CNN on the cpu backend would take minutes.
 */
async function untrainedCnn(recordings: readonly LabelledRecording[], windows: Float32Array[]): Promise<Trained> {
  const features: FeatureConfig = { ...defaultFeatureConfig, input: 'channels' };
  const labels = ['golfing', 'running', 'walking'];
  const rows = joinRows(recordings.map(({ samples }) => networkInputs({ features }, samples).rows));
  const featureNames = [...extractorFor(features).names];
  const stats = fitStandardization(rows, featureNames.length);
  const network = buildCnnModel({ inputSize: featureNames.length, channels: 4, classes: labels.length, dropout: 0, learningRate: 0.01, seed: 4 });
  const weights = network.getWeights().map((weight, i) => tf.randomUniform(weight.shape, -0.4, 0.4, 'float32', 20 + i));
  network.setWeights(weights);
  tf.dispose(weights);
  const artifacts = await modelArtifacts(network);
  network.dispose();
  const calibration = standardize(rows, stats);
  const y = Float32Array.from(recordings.flatMap(({ recording, samples }) => networkInputs({ features }, samples).windows.map(() => labels.indexOf(recording.label))));
  const examples = { x: calibration, y, rows: y.length, cols: featureNames.length };
  const unknown = fitUnknownStats(readNetwork(artifacts), examples, examples, labels.length, { withInputs: false });
  const model = { name: 'generated “walk, run, golf”, CNN', preprocessing: { features, featureNames, stats, labels }, artifacts, unknown };
  return { model, calibration, windows };
}

/** What the app computes for each window: its features, then its inputs (networkInputs), then the network. */
function inTypeScript(model: ExportableModel, windows: readonly Float32Array[]): { features: Float32Array[]; probabilities: Float32Array[] } {
  const { preprocessing } = model;
  const network = readNetwork(model.artifacts);
  const width = preprocessing.featureNames.length;
  const features = windows.map((window) => networkInputs({ features: preprocessing.features }, window, new Float32Array(width)));
  const probabilities = windows.map((window) => network.forward(networkInputs(preprocessing, window, new Float32Array(width)), new Float32Array(preprocessing.labels.length)));
  return { features, probabilities };
}

function argmax(values: ArrayLike<number>): number {
  let top = 0;
  for (let i = 1; i < values.length; i += 1) if (values[i]! > values[top]!) top = i;
  return top;
}

describe.skipIf(!gcc && !ci)(`the exported C library against the app's pipeline${gcc ? '' : missing('gcc', 'apt-get install gcc')}`, () => {
  let dir = '';
  const models = new Map<string, Trained>();

  beforeAll(async () => {
    await tf.setBackend('cpu');
    dir = mkdtempSync(join(tmpdir(), 'motion-lab-c-'));
    const synthetic = generated();
    models.set('generated', await train('generated “walk, run, golf”', synthetic, [...windowsOfAll(synthetic, defaultFeatureConfig), ...edgeWindows(defaultFeatureConfig)]));
    models.set('generated-cnn', await untrainedCnn(synthetic, [...windowsOfAll(synthetic, defaultFeatureConfig), ...edgeWindows(defaultFeatureConfig)]));
    if (hasSisfall()) {
      const sisfall = recorded();
      models.set('recorded', await train('SisFall */ walking, running, stairs', sisfall, windowsOfAll(sisfall, defaultFeatureConfig)));
    }
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Writes the library, compiles it with the harness, runs it on the windows; one line of numbers per window. */
  function runInC(library: CLibrary, windows: readonly Float32Array[], mode: 'classify' | 'features' | 'unknown', tag: string): number[][] {
    expect(gcc, 'gcc is missing: install it (apt-get install gcc)').toBe(true);
    const folder = join(dir, `${tag}-${library.precision}`);
    rmSync(folder, { recursive: true, force: true });
    spawnSync('mkdir', ['-p', folder]);
    writeFileSync(join(folder, 'motion_model.h'), library.header);
    writeFileSync(join(folder, 'motion_model.c'), library.source);
    const binary = join(folder, 'classify_windows');
    const build = spawnSync('gcc', ['-std=c99', '-Wall', '-Wextra', '-Werror', '-pedantic', '-O2', `-I${folder}`, '-o', binary, harness, join(folder, 'motion_model.c'), '-lm'], {
      encoding: 'utf8',
    });
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
    const input = new Float32Array(windows.reduce((total, w) => total + w.length, 0));
    let at = 0;
    for (const window of windows) {
      input.set(window, at);
      at += window.length;
    }
    const run = spawnSync(binary, mode === 'classify' ? [] : [mode], { input: new Uint8Array(input.buffer), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run.status).toBe(0);
    return run.stdout.trim().split('\n').map((line) => line.split(' ').map(Number));
  }

  for (const source of ['generated', 'recorded', 'generated-cnn'] as const) {
    const skip = source === 'recorded' && !hasSisfall();
    const note = skip ? ' (skipped: ../shared/data/sisfall is not beside the checkout)' : '';

    test.skipIf(skip)(`float32 on ${source} windows: the same features, probabilities within 1e-4${note}`, () => {
      const { model, windows } = models.get(source)!;
      const expected = inTypeScript(model, windows);
      const library = generateCLibrary(model, 'float32');
      const features = runInC(library, windows, 'features', source);
      expect(features).toHaveLength(windows.length);
      let worstFeature = 0;
      features.forEach((row, w) =>
        row.forEach((value, f) => {
          const want = expected.features[w]![f]!;
          worstFeature = Math.max(worstFeature, Math.abs(value - want) / Math.max(1, Math.abs(want)));
        }),
      );
      expect(worstFeature).toBeLessThan(1e-5);
      const classified = runInC(library, windows, 'classify', source);
      let worst = 0;
      classified.forEach(([label, ...probabilities], w) => {
        expect(label).toBe(argmax(expected.probabilities[w]!));
        probabilities.forEach((p, k) => (worst = Math.max(worst, Math.abs(p - expected.probabilities[w]![k]!))));
      });
      expect(classified.length).toBeGreaterThan(source === 'recorded' ? 200 : 500);
      expect(worst).toBeLessThan(1e-4);
    });

    test.skipIf(skip)(`int8 on ${source} windows: labels agree with the app's on at least 99 %${note}`, () => {
      const { model, windows, calibration } = models.get(source)!;
      const expected = inTypeScript(model, windows).probabilities.map(argmax);
      // The network's weights halve at least; the unknown score's statistics stay float32 in both.
      const scoreless: ExportableModel = { name: model.name, preprocessing: model.preprocessing, artifacts: model.artifacts };
      expect(generateCLibrary(scoreless, 'int8', calibration).constBytes).toBeLessThan(generateCLibrary(scoreless, 'float32').constBytes / 2);
      const int8 = generateCLibrary(model, 'int8', calibration);
      const classified = runInC(int8, windows, 'classify', source);
      const agree = classified.filter(([label], w) => label === expected[w]).length / classified.length;
      expect(agree).toBeGreaterThanOrEqual(0.99);
      // Probabilities still add up to 1: the softmax reads dequantised sums.
      for (const [, ...probabilities] of classified) expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    });
  }

  for (const source of ['generated', 'generated-cnn'] as const) {
    test(`the unknown score on ${source} windows: float32 as the app's within 1e-4, int8 the same verdict on at least 95 %`, () => {
      const { model, windows, calibration } = models.get(source)!;
      const network = readNetwork(model.artifacts);
      const width = model.preprocessing.featureNames.length;
      const expected = windows.map((window) => unknownScore(model.unknown!, scoredValues(model.unknown!, network, networkInputs(model.preprocessing, window, new Float32Array(width)))));
      const float = runInC(generateCLibrary(model, 'float32'), windows, 'unknown', `${source}-unknown`);
      expect(float).toHaveLength(windows.length);
      let worst = 0;
      float.forEach(([, score], w) => (worst = Math.max(worst, Math.abs(score! - expected[w]!) / Math.max(1, Math.abs(expected[w]!)))));
      expect(worst).toBeLessThan(1e-4);
      // Some windows of each kind on both sides of the threshold, or the verdicts below could not disagree.
      const unknownWindows = expected.filter((score) => score > model.unknown!.threshold).length;
      expect(unknownWindows).toBeGreaterThan(0);
      expect(unknownWindows).toBeLessThan(windows.length);
      // The run rule as Live's, on the board's own scores; some windows said unknown, some not.
      const run = new UnknownRun(model.unknown!);
      const verdicts = float.map(([, , verdict]) => verdict);
      expect(verdicts).toEqual(float.map(([, score]) => (run.add(score!) ? 1 : 0)));
      expect(verdicts).toContain(1);
      expect(verdicts).toContain(0);
      const int8 = runInC(generateCLibrary(model, 'int8', calibration), windows, 'unknown', `${source}-unknown`);
      const same = int8.filter(([, score], w) => score! > model.unknown!.threshold === expected[w]! > model.unknown!.threshold).length / windows.length;
      expect(same).toBeGreaterThanOrEqual(0.95);
    }, 60_000);
  }

  test('a model saved with one covariance shared by every label: the board scores as the app does', () => {
    const { model, windows } = models.get('generated')!;
    const network = readNetwork(model.artifacts);
    const width = model.preprocessing.featureNames.length;
    const { logDeterminants, precision, ...rest } = model.unknown!;
    expect(logDeterminants).toHaveLength(model.preprocessing.labels.length);
    const size = Math.sqrt(precision.length / model.preprocessing.labels.length);
    const shared = { ...rest, precision: precision.slice(0, size * size) };
    const sharedModel = { ...model, unknown: shared };
    const library = generateCLibrary(sharedModel, 'float32');
    expect(library.source).toContain('#define ML_UNKNOWN_MATRICES 1\n');
    const expected = windows.map((window) => unknownScore(shared, scoredValues(shared, network, networkInputs(model.preprocessing, window, new Float32Array(width)))));
    const float = runInC(library, windows, 'unknown', 'generated-shared-unknown');
    float.forEach(([, score], w) => expect(Math.abs(score! - expected[w]!) / Math.max(1, Math.abs(expected[w]!))).toBeLessThan(1e-4));
    // The same windows score otherwise with a covariance per label.
    const perLabel = windows.map((window) => unknownScore(model.unknown!, scoredValues(model.unknown!, network, networkInputs(model.preprocessing, window, new Float32Array(width)))));
    expect(perLabel).not.toEqual(expected);
    // A symmetric matrix is stored as its upper half; one a rounding off symmetric (as models saved
    // before were made) whole, and still scored as the app scores it.
    expect(library.source).toContain('its upper half is stored');
    const lopsided = { ...shared, precision: shared.precision.map((value, at) => (at === 1 ? Math.fround(value * (1 + 1e-6)) : value)) };
    const whole = generateCLibrary({ ...model, unknown: lopsided }, 'float32');
    expect(whole.source).not.toContain('its upper half is stored');
    expect(whole.constBytes - library.constBytes).toBe(((size * (size - 1)) / 2) * 4);
    const lopsidedExpected = windows.map((window) => unknownScore(lopsided, scoredValues(lopsided, network, networkInputs(model.preprocessing, window, new Float32Array(width)))));
    runInC(whole, windows, 'unknown', 'generated-lopsided-unknown').forEach(([, score], w) => expect(Math.abs(score! - lopsidedExpected[w]!) / Math.max(1, Math.abs(lopsidedExpected[w]!))).toBeLessThan(1e-4));
  }, 60_000);

  test('a model saved without an unknown score exports no unknown score', () => {
    const { model } = models.get('generated')!;
    const { unknown, ...without } = model;
    expect(unknown).toBeDefined();
    expect(generateCLibrary(without, 'float32').header).not.toContain('motion_model_unknown_score');
    expect(generateCLibrary(model, 'float32').header).toContain('float motion_model_unknown_score(void);');
    // The live rule: Live's threshold and run, the very constants the app uses.
    const header = generateCLibrary(model, 'float32').header;
    expect(header).toContain(`#define MOTION_MODEL_UNKNOWN_RUN ${unknownRun}\n`);
    expect(header).toContain(`#define MOTION_MODEL_UNKNOWN_LIVE_THRESHOLD ${floatLiteral(unknown!.liveThreshold!)}\n`);
    expect(header).toContain('int motion_model_unknown_run(float score);');
    // A model saved before the live threshold: the board's live threshold is its threshold.
    const before = { ...unknown!, threshold: 12.5 };
    delete before.liveThreshold;
    expect(generateCLibrary({ ...model, unknown: before }, 'float32').header).toContain(`#define MOTION_MODEL_UNKNOWN_LIVE_THRESHOLD ${floatLiteral(12.5)}\n`);
  });

  test(`every feature group's twin computes the app's features, on generated and edge windows${hasSisfall() ? ' and SisFall’s' : ''}`, () => {
    const features: FeatureConfig = { ...defaultFeatureConfig, groups: [...featureGroups] };
    const tiny = tinyModel(extractorFor(features).names, ['a', 'b']);
    const model = { ...tiny, preprocessing: { ...tiny.preprocessing, features } };
    const sisfall = hasSisfall() ? windowsOfAll(recorded(), features).filter((_, i) => i % 4 === 0) : [];
    const windows = [...windowsOfAll(generated(), features), ...edgeWindows(features), ...sisfall];
    const expected = inTypeScript(model, windows).features;
    const computed = runInC(generateCLibrary(model, 'float32'), windows, 'features', 'every-group');
    expect(computed).toHaveLength(windows.length);
    let worst = 0;
    let worstName = '';
    computed.forEach((row, w) =>
      row.forEach((value, f) => {
        const gap = Math.abs(value - expected[w]![f]!) / Math.max(1, Math.abs(expected[w]![f]!));
        if (gap > worst) [worst, worstName] = [gap, model.preprocessing.featureNames[f]!];
      }),
    );
    expect(worst, worstName).toBeLessThan(1e-5);
  });

  test.skipIf(!armGcc && !ci)(`compiles for the Nano's Cortex-M4F; the header's memory figures are right${armGcc ? '' : missing('arm-none-eabi-gcc', 'apt-get install gcc-arm-none-eabi')}`, () => {
    expect(armGcc, 'arm-none-eabi-gcc is missing: .ci/run installs gcc-arm-none-eabi').toBe(true);
    for (const [source, precision] of [['generated', 'float32'], ['generated', 'int8'], ['generated-cnn', 'float32'], ['generated-cnn', 'int8']] as const) {
      const { model, calibration } = models.get(source)!;
      const kind = readNetwork(model.artifacts).kind;
      const library = generateCLibrary(model, precision, calibration);
      const folder = join(dir, `arm-${source}-${precision}`);
      spawnSync('mkdir', ['-p', folder]);
      writeFileSync(join(folder, 'motion_model.h'), library.header);
      writeFileSync(join(folder, 'motion_model.c'), library.source);
      const object = join(folder, 'motion_model.o');
      const build = spawnSync(
        'arm-none-eabi-gcc',
        ['-std=c99', '-Wall', '-Wextra', '-Werror', '-pedantic', '-mcpu=cortex-m4', '-mfpu=fpv4-sp-d16', '-mfloat-abi=hard', '-mthumb', '-Os', '-c', '-o', object, join(folder, 'motion_model.c')],
        { encoding: 'utf8' },
      );
      expect(build.stderr).toBe('');
      expect(build.status).toBe(0);
      const [text = 0, data = 0, bss = 0] = spawnSync('arm-none-eabi-size', [object], { encoding: 'utf8' }).stdout.split('\n')[1]!.trim().split(/\s+/).map(Number);
      expect(data).toBe(0);
      // The generator counts each buffer; the compiler adds a few bytes of alignment between them.
      expect(bss).toBeGreaterThanOrEqual(library.ramBytes);
      expect(bss).toBeLessThan(library.ramBytes + 64);
      // text is code and constant data; the header's code estimate must hold within 15 %.
      const code = CODE_BYTES_CORTEX_M4F[kind][precision] + (model.unknown ? UNKNOWN_CODE_BYTES_CORTEX_M4F : 0);
      expect(Math.abs(text - library.constBytes - code) / code).toBeLessThan(0.15);
      // The budget for the CNN's int8 build: 64 KB of flash, 32 KB of RAM.
      if (kind === 'cnn' && precision === 'int8') {
        expect(text).toBeLessThanOrEqual(64 * 1024);
        expect(bss).toBeLessThanOrEqual(32 * 1024);
      }
    }
  });
});

describe('refusals: a library that would compute something else is never generated', () => {
  const names = [...extractorFor(defaultFeatureConfig).names];
  const model = (featureNames: string[]) => tinyModel(featureNames, ['a', 'b']);

  test('no trained model', () => {
    expect(() => generateCLibrary(undefined, 'float32')).toThrow(expect.objectContaining({ code: 'no-model', message: expect.stringMatching(/no trained model to export: train one/) }));
  });

  test('a feature without a C twin is named', () => {
    const changed = [...names.slice(0, -1), 'vert.jerk'];
    expect(() => generateCLibrary(model(changed), 'float32')).toThrow(DeployError);
    expect(() => generateCLibrary(model(changed), 'float32')).toThrow(expect.objectContaining({ code: 'features-without-twin', params: { features: ['vert.jerk'] } }));
    expect(() => generateCLibrary(model(changed), 'float32')).toThrow(/no C twin for “vert\.jerk”/);
  });

  test('inputs in another order are refused', () => {
    const swapped = [names[1]!, names[0]!, ...names.slice(2)];
    expect(() => generateCLibrary(model(swapped), 'float32')).toThrow(`input 1 is “${names[1]}”`);
    expect(() => generateCLibrary(model(swapped), 'float32')).toThrow(expect.objectContaining({ code: 'inputs-out-of-order', params: { position: 1, modelInput: names[1], twinInput: names[0] } }));
  });

  test('a raw-window model whose inputs are not its window is refused', () => {
    const raw = { ...defaultFeatureConfig, input: 'raw' as const };
    const window = [...extractorFor(raw).names];
    const shorter = { ...tinyModel(window.slice(3), ['a', 'b']) };
    shorter.preprocessing = { ...shorter.preprocessing, features: raw };
    expect(() => generateCLibrary(shorter, 'float32')).toThrow(expect.objectContaining({ code: 'raw-window-mismatch', params: { modelInputs: window.length - 3, windowInputs: window.length } }));
    const exact = { ...tinyModel(window, ['a', 'b']) };
    exact.preprocessing = { ...exact.preprocessing, features: raw };
    expect(generateCLibrary(exact, 'float32').header).toContain(`#define MOTION_MODEL_FEATURES ${window.length}`);
  });

  test('an int8 build needs training rows', () => {
    expect(() => generateCLibrary(model(names), 'int8')).toThrow(expect.objectContaining({ code: 'calibration-missing' }));
  });

  test('an int8 build refuses calibration values that are not whole rows, or none', () => {
    for (const values of [0, names.length + 1]) {
      expect(() => generateCLibrary(model(names), 'int8', new Float32Array(values))).toThrow(expect.objectContaining({ code: 'calibration-size', params: { width: names.length, values } }));
    }
  });

  test('the default model generates, and says what it holds', () => {
    const library = generateCLibrary(model(names), 'float32');
    expect(library.header).toContain(`#define MOTION_MODEL_WINDOW_SAMPLES ${windowSamples(defaultFeatureConfig)}`);
    expect(library.header).toContain(`#define MOTION_MODEL_FEATURES ${names.length}`);
    expect(library.source).not.toMatch(/malloc|#include <(?!math\.h)/);
  });
});

describe.skipIf(!gcc && !ci)(`names and labels reach the board as typed${gcc ? '' : missing('gcc', 'apt-get install gcc')}`, () => {
  test('trigraphs, comment marks, quotes and backslashes compile under -Werror and read back byte for byte', () => {
    const labels = ['what??!', 'a /* b */ c', 'end ??/', '"quoted" \\ ?', 'ñandú'];
    const library = generateCLibrary({ ...tinyModel(undefined, labels), name: 'model /* ??/\n*/ ??= ??( //' }, 'float32');
    const folder = mkdtempSync(join(tmpdir(), 'motion-lab-c-text-'));
    try {
      writeFileSync(join(folder, 'motion_model.h'), library.header);
      writeFileSync(join(folder, 'motion_model.c'), library.source);
      writeFileSync(
        join(folder, 'labels.c'),
        '#include <stdio.h>\n#include "motion_model.h"\nint main(void) {\n  int i;\n  for (i = 0; i < MOTION_MODEL_LABELS; i++) { fputs(motion_model_labels[i], stdout); putchar(0); }\n  return 0;\n}\n',
      );
      const binary = join(folder, 'labels');
      const build = spawnSync('gcc', ['-std=c99', '-Wall', '-Wextra', '-Werror', '-pedantic', `-I${folder}`, '-o', binary, join(folder, 'labels.c'), join(folder, 'motion_model.c'), '-lm'], { encoding: 'utf8' });
      expect(build.stderr).toBe('');
      expect(build.status).toBe(0);
      const run = spawnSync(binary, { encoding: 'utf8' });
      expect(run.stdout.split('\0').slice(0, -1)).toEqual(labels);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
