/**
 * `npm run evaluate -- <folder> [--group <regex>] [--rate 50] [--window 2] [--stride 0.5]
 * [--epochs N] [--seed S] [--json <file>] [--export-c <folder>]`
 *
 * Trains and tests the activity model on a folder of recordings (Edge Impulse CSV or JSON, label
 * from the file name) with the app's own code and defaults, in Node on the wasm backend, and
 * prints the split, the network's and the rule baseline's test scores and the confusion matrix.
 * With --export-c, it also writes what the Train page's Export gives: the C library (float32 and
 * int8, calibrated on exactly the training side's recordings), the tfjs model files and a README.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { startBackend } from '../lib/compute/backend';
import { trainingRows } from '../lib/deploy/calibration';
import { messageOf } from '../lib/i18n/coded-error';
import { deployBundle, sketchFiles } from '../lib/deploy/deploy-bundle';
import { parseRecordingFile } from '../lib/io/recording-file';
import type { LabelledRecording } from '../lib/train/activity-dataset';
import { modelArtifacts } from '../lib/train/model-artifacts';
import { trainActivityModel } from '../lib/train/train-activity';
import { defaultTrainingSettings } from '../lib/train/training-settings';
import { defaultFeatureConfig } from '../lib/signal/features';

const usage =
  'Usage: npm run evaluate -- <folder of CSV or JSON recordings> [--group <regex with one capture group>] [--rate 50] [--window 2] [--stride 0.5] [--epochs N] [--seed S] [--json <file>] [--export-c <folder>]';

function fail(message: string): never {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) fail(`--${name} must be a positive number, not “${value}”.`);
  return number;
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        group: { type: 'string' },
        rate: { type: 'string' },
        window: { type: 'string' },
        stride: { type: 'string' },
        epochs: { type: 'string' },
        seed: { type: 'string' },
        json: { type: 'string' },
        'export-c': { type: 'string' },
      },
    });
  } catch (error) {
    return fail(messageOf(error));
  }
})();

const folder = positionals[0];
if (!folder || positionals.length > 1) fail('Give exactly one folder of recordings.');
let groupPattern: RegExp | undefined;
try {
  groupPattern = values.group === undefined ? undefined : new RegExp(values.group);
} catch (error) {
  fail(`--group is not a valid regular expression: ${messageOf(error)}`);
}

const features = {
  ...defaultFeatureConfig,
  rateHz: positive('rate', values.rate, defaultFeatureConfig.rateHz),
  windowS: positive('window', values.window, defaultFeatureConfig.windowS),
  strideS: positive('stride', values.stride, defaultFeatureConfig.strideS),
};
const training = {
  ...defaultTrainingSettings,
  epochs: Math.round(positive('epochs', values.epochs, defaultTrainingSettings.epochs)),
  seed: Math.round(positive('seed', values.seed, defaultTrainingSettings.seed)),
};

let names: string[];
try {
  names = readdirSync(folder).filter((name) => ['.csv', '.json'].includes(extname(name).toLowerCase())).sort();
} catch (error) {
  fail(`Cannot read the folder ${folder}: ${messageOf(error)}`);
}
if (names.length === 0) fail(`${folder} holds no .csv or .json recordings.`);

const recordings: LabelledRecording[] = [];
let skipped = 0;
for (const name of names) {
  const parsed = parseRecordingFile(name, readFileSync(join(folder, name)));
  if (!parsed.ok) {
    skipped += 1;
    console.error(`skipped ${parsed.error.message} ${parsed.error.hint}`);
    continue;
  }
  if (!parsed.recording.label) {
    skipped += 1;
    console.error(`skipped ${name}: its name gives no label (expected “label.anything.csv”).`);
    continue;
  }
  recordings.push({
    recording: { id: name, name, label: parsed.recording.label, group: groupPattern?.exec(name)?.[1] ?? '', speedFixes: [] },
    samples: parsed.recording.samples,
  });
}

// The same single-threaded wasm binaries the app serves, read from the installed package.
const wasmDir = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
const backend = await startBackend({ plain: join(wasmDir, 'tfjs-backend-wasm.wasm'), simd: join(wasmDir, 'tfjs-backend-wasm-simd.wasm') });

console.log(`${recordings.length} recordings from ${folder}${skipped > 0 ? ` (${skipped} skipped)` : ''}; TensorFlow.js ${backend.version} on ${backend.backend}${backend.simd ? ' (SIMD)' : ''}`);
const started = performance.now();
let result;
try {
  result = await trainActivityModel(recordings, {
    features,
    training,
    onEpoch: (log) => {
      if (log.epoch % 10 === 0) console.log(`  epoch ${log.epoch}: loss ${log.loss.toFixed(3)}, val loss ${log.valLoss.toFixed(3)}, val accuracy ${log.valAccuracy.toFixed(3)}`);
    },
  });
} catch (error) {
  const hint = typeof error === 'object' && error !== null && 'hint' in error ? ` ${String(error.hint)}` : '';
  console.error(`${messageOf(error)}${hint}`);
  process.exit(1);
}
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const { labels } = result.preprocessing;
const pad = (text: string, width: number) => text.padEnd(width);
const f1Of = (scores: number[]) => Object.fromEntries(labels.map((label, i) => [label, scores[i] ?? 0]));

console.log(`\nSplit (${result.split.byGroup ? 'by group: no group on two sides' : 'by recording'}):`);
for (const side of ['train', 'validation', 'test'] as const) {
  const s = result.split.sides[side];
  console.log(`  ${pad(side, 11)} ${s.recordings} recordings, ${s.groups} groups, ${result.windows[side]} windows (${labels.map((l) => `${l} ${s.perLabel[l] ?? 0}`).join(', ')})`);
}
console.log(`\nTrained ${result.history.length} epochs in ${seconds} s (${result.stopped}).`);
console.log(`\n${pad('', 12)}${pad('network', 10)}rules`);
console.log(`${pad('accuracy', 12)}${pad(result.metrics.test.accuracy.toFixed(3), 10)}${result.metrics.baseline.accuracy.toFixed(3)}`);
labels.forEach((label, i) =>
  console.log(`${pad(`F1 ${label}`, 12)}${pad((result.metrics.test.f1[i] ?? 0).toFixed(3), 10)}${(result.metrics.baseline.f1[i] ?? 0).toFixed(3)}`),
);
console.log(`\nConfusion (test; rows true, columns predicted${result.metrics.confusion[0]?.length === labels.length + 1 ? ', last column: other' : ''}):`);
console.log(`${pad('', 10)}${labels.map((l) => pad(l, 10)).join('')}`);
result.metrics.confusion.forEach((row, i) => console.log(`${pad(labels[i] ?? '', 10)}${row.slice(0, labels.length).map((n) => pad(String(n), 10)).join('')}`));
console.log(`\n${result.diagnosis.message}`);
const artifacts = values['export-c'] === undefined ? undefined : await modelArtifacts(result.model);
result.model.dispose();

if (values.json) {
  writeFileSync(
    values.json,
    `${JSON.stringify(
      {
        labels,
        split: result.split,
        net: { accuracy: result.metrics.test.accuracy, f1: f1Of(result.metrics.test.f1) },
        baseline: { accuracy: result.metrics.baseline.accuracy, f1: f1Of(result.metrics.baseline.f1) },
        confusion: result.metrics.confusion.map((row) => row.slice(0, labels.length)),
      },
      null,
      2,
    )}\n`,
  );
  console.log(`wrote ${values.json}`);
}

if (values['export-c'] !== undefined && artifacts) {
  const target = values['export-c'];
  try {
    const model = { name: `${labels.join(', ')} · ${names.length} files from ${folder}`, preprocessing: result.preprocessing, trainedOn: result.trainedOn, artifacts };
    const sketchFolder = new URL('../../static/firmware/motion_lab/', import.meta.url);
    const sketch = Object.fromEntries(sketchFiles.map((name) => [name, readFileSync(new URL(name, sketchFolder), 'utf8')])) as Record<(typeof sketchFiles)[number], string>;
    const bundle = deployBundle(model, trainingRows(model, recordings), sketch);
    for (const file of bundle.files) {
      const path = join(target, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
    }
    console.log(
      `wrote the C library to ${target} (float32: ${bundle.float32.constBytes} B of constant data and ${bundle.float32.ramBytes} B of RAM; int8: ${bundle.int8.constBytes} B and ${bundle.int8.ramBytes} B), the tfjs model files (${bundle.tfjsWeightBytes} B of weights) and a README`,
    );
  } catch (error) {
    console.error(`Cannot export to ${target}: ${messageOf(error)}`);
    process.exit(1);
  }
}
