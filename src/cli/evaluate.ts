/**
 * `npm run evaluate -- <folder> [--group <regex>] [--folds K|loso] [--network dense|cnn] [--search [--budget S]]
 * [--rate 50] [--window 2] [--stride 0.5] [--epochs N] [--seed S] [--augment N] [--turned-test] [--turned-people] [--calibrate S] [--unknown <label>] [--json <file>] [--export-c <folder>]`
 *
 * Trains and tests the activity model on a folder of recordings (Edge Impulse CSV or JSON, label
 * from the file name) with the app's own code and defaults, in Node on the wasm backend, and
 * prints the split, the network's and the rule baseline's test scores and the confusion matrix.
 * With --folds, it cross-validates by person instead (K folds, or one per person with `loso`),
 * and prints each fold, the mean and spread over folds and each person's accuracy; the model
 * exported is then trained on all the recordings. --augment N trains on N made-up placements of
 * each training recording besides it (turned, scaled, stretched at random); --turned-test also
 * scores the test recordings turned at random. --network cnn trains the 1-D CNN on the window's
 * x, y, z and |a| instead of the dense net on features.
 *
 * --calibrate S (with --folds) calibrates each fold's model to each tested person
 * (train/calibrate.ts) on the first S seconds of each of their activities and tests it on the
 * rest of theirs; those seconds are then left out of every score, so `net` (the model as trained)
 * and `calibrated` are scored on the same windows. Its --json adds `calibrated: { accuracy, macroF1 }`,
 * means over folds, and each fold's `calibrated`.
 *
 * --turned-people (with --folds) tests each person as if they wore the device their own way: all
 * of a tested person's recordings turned, scaled and stretched by one made-up placement drawn for
 * that person (signal/augment.ts), the same for their calibration take and the rest, while
 * training sees everyone as recorded. SisFall's people all wore it on the same belt, which leaves
 * calibration no room; this is the stand-in for a phone in another pocket. Its --json adds
 * `turnedPeople: true`.
 *
 * --search finds the best setup (train/search.ts): candidate setups (feature groups, window
 * length, dense or CNN, made-up placements) compared by cross-validation by person within
 * --budget seconds (60 by default), nested: outer folds by person (--folds, 3 by default), the
 * setup of each chosen by an inner cross-validation on the other people and tested on the fold's.
 * It prints the candidates with their inner (selection) scores and how often each was chosen, and
 * the honest score, the mean of the outer tests; the model kept (and exported) is trained on all
 * the recordings with the best setup. Its --json is that of --folds (net, baseline: the outer
 * means; folds, each with the `setup` it tested) plus
 * `search: { budgetS, candidates: [{ setup, accuracy, macroF1, picked, ms, refused? }], chosen, notTried }`,
 * a setup being `{ network, windowS, groups, augment }`. Every --json has `network`: the kind trained
 * (with --search, the chosen one's). With --export-c, it also writes what the Train page's Export gives: the C library (float32 and
 * int8, calibrated on exactly the training side's recordings), the tfjs model files and a README.
 *
 * --unknown <label> leaves that activity out of training and measures the unknown score
 * (model/unknown-score.ts) on it: its --json adds `unknown: { label, auroc, falseUnknownRate,
 * caughtRate, accuracyWithUnknown }`, the AUROC of the score between the test windows of the known
 * activities and every window of the left-out one, the shares of each called unknown at the
 * threshold the model chose on its validation windows, and the known test windows' accuracy when a
 * window called unknown counts as wrong (`net` is then the known activities' accuracy); with
 * --folds, means over folds. It also prints the same shares as Live and the board say unknown (the
 * live threshold, `unknownRun` windows in a row of one recording), which --json leaves out.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { startBackend } from '../lib/compute/backend';
import { trainingRows } from '../lib/deploy/calibration';
import { hintOf, messageOf } from '../lib/i18n/coded-error';
import { loadText, translate } from '../lib/i18n/i18n';
import { allTextParts } from '../lib/i18n/text-parts';
import { deployBundle, sketchFiles } from '../lib/deploy/deploy-bundle';
import { parseRecordingFile } from '../lib/io/recording-file';
import type { LabelledRecording } from '../lib/train/activity-dataset';
import { modelArtifacts } from '../lib/train/model-artifacts';
import { crossValidate, type CrossValidation, type Spread } from '../lib/train/cross-validation';
import { searchSetups } from '../lib/train/search';
import { candidateSetups, defaultSearchBudgetS, defaultSearchFolds, describeSetup, type Setup } from '../lib/train/search-setups';
import type { EpochLog } from '../lib/train/fit';
import { defaultSplitShares, splitNames } from '../lib/train/split';
import { predictRows, trainActivityModel, type TrainedActivityModel } from '../lib/train/train-activity';
import { evaluate } from '../lib/train/metrics';
import { mulberry32 } from '../lib/train/random';
import { joinRows, networkInputs } from '../lib/model/inputs';
import { readNetwork } from '../lib/model/network-kinds';
import { isUnknown, scoredValues, UnknownRun, unknownRun, unknownScore } from '../lib/model/unknown-score';
import { auroc, shareAbove } from '../lib/train/unknown-score';
import { augmentSamples } from '../lib/signal/augment';
import { defaultTrainingSettings, type FoldCount } from '../lib/train/training-settings';
import { defaultFeatureConfig, type FeatureConfig } from '../lib/signal/features';
import type { NetworkKindName } from '../lib/model/record';

// The command line words any area's text (in English), not one page's: all of it, before anything runs.
await loadText(allTextParts, 'en');

const usage =
  'Usage: npm run evaluate -- <folder of CSV or JSON recordings> [--group <regex with one capture group>] [--folds K (cross-validation by person, K ≥ 2) | --folds loso (one fold per person)] [--network dense|cnn (the network: a dense net on features, or the 1-D CNN on x, y, z, |a|)] [--search (find the best setup, nested cross-validation by person; --folds: the outer folds, 3 by default)] [--budget S (seconds for comparing setups, 60 by default)] [--rate 50] [--window 2] [--stride 0.5] [--epochs N] [--seed S] [--augment N (made-up placements per training recording)] [--turned-test (also score the test recordings turned at random)] [--turned-people (with --folds: each tested person turned, scaled and stretched by a placement of their own)] [--calibrate S (with --folds: adapt to each tested person on S seconds of each activity)] [--unknown <label> (leave that activity out of training and measure the unknown score on it)] [--json <file>] [--export-c <folder>]';

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
        folds: { type: 'string' },
        rate: { type: 'string' },
        window: { type: 'string' },
        stride: { type: 'string' },
        epochs: { type: 'string' },
        seed: { type: 'string' },
        json: { type: 'string' },
        'export-c': { type: 'string' },
        augment: { type: 'string' },
        'turned-test': { type: 'boolean' },
        'turned-people': { type: 'boolean' },
        network: { type: 'string' },
        search: { type: 'boolean' },
        budget: { type: 'string' },
        calibrate: { type: 'string' },
        unknown: { type: 'string' },
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

const folds: FoldCount | undefined = (() => {
  if (values.folds === undefined || values.folds === 'loso') return values.folds;
  const count = Number(values.folds);
  if (!Number.isInteger(count) || count < 2) fail(`--folds must be a whole number of at least 2, or “loso”, not “${values.folds}”.`);
  return count;
})();

const network: NetworkKindName | undefined = (() => {
  const kinds: readonly string[] = ['dense', 'cnn'] satisfies NetworkKindName[];
  if (values.network === undefined || kinds.includes(values.network)) return values.network as NetworkKindName | undefined;
  return fail(`--network must be “dense” or “cnn”, not “${values.network}”.`);
})();
if (values.search && values.augment !== undefined) fail('--search tries made-up placements itself: leave out --augment.');
if (!values.search && values.budget !== undefined) fail('--budget is the time --search may take: give --search too.');
if (values.search && typeof folds === 'number' && folds < 3) fail('--search needs at least 3 outer folds: it chooses on some people and tests on others.');
const budgetS = positive('budget', values.budget, defaultSearchBudgetS);
if (values.calibrate !== undefined && (folds === undefined || values.search)) fail('--calibrate adapts the model to each tested person of a cross-validation: give --folds too, without --search.');
if (values['turned-people'] && (folds === undefined || values.search)) fail('--turned-people turns the tested people of a cross-validation: give --folds too, without --search.');
const calibrateS = values.calibrate === undefined ? undefined : positive('calibrate', values.calibrate, 0);
if (values.search && values.unknown !== undefined) fail('--unknown measures one setup: leave out --search.');

const features: FeatureConfig = {
  ...defaultFeatureConfig,
  ...(network === 'cnn' && { input: 'channels' as const }),
  rateHz: positive('rate', values.rate, defaultFeatureConfig.rateHz),
  windowS: positive('window', values.window, defaultFeatureConfig.windowS),
  strideS: positive('stride', values.stride, defaultFeatureConfig.strideS),
};
const training = {
  ...defaultTrainingSettings,
  ...(network && { network }),
  epochs: Math.round(positive('epochs', values.epochs, defaultTrainingSettings.epochs)),
  seed: Math.round(positive('seed', values.seed, defaultTrainingSettings.seed)),
  augment: (() => {
    const copies = Number(values.augment ?? 0);
    if (!Number.isInteger(copies) || copies < 0) fail(`--augment must be a whole number of made-up placements per recording, 0 or more, not “${values.augment}”.`);
    return copies;
  })(),
};

let names: string[];
try {
  names = readdirSync(folder).filter((name) => ['.csv', '.json'].includes(extname(name).toLowerCase())).sort();
} catch (error) {
  fail(`Cannot read the folder ${folder}: ${messageOf(error)}`);
}
if (names.length === 0) fail(`${folder} holds no .csv or .json recordings.`);

const read: LabelledRecording[] = [];
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
  read.push({
    recording: { id: name, name, label: parsed.recording.label, group: groupPattern?.exec(name)?.[1] ?? '', speedFixes: [] },
    samples: parsed.recording.samples,
  });
}

const labelsRead = [...new Set(read.map(({ recording }) => recording.label))].sort();
if (values.unknown !== undefined && !labelsRead.includes(values.unknown)) fail(`--unknown must name one of the labels, ${labelsRead.join(', ')}; not “${values.unknown}”.`);
/** What is trained and tested on: every recording but the left-out activity's (--unknown). */
const recordings = read.filter(({ recording }) => recording.label !== values.unknown);
const leftOut = read.filter(({ recording }) => recording.label === values.unknown);

// The same single-threaded wasm binaries the app serves, read from the installed package.
const wasmDir = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
const backend = await startBackend({ plain: join(wasmDir, 'tfjs-backend-wasm.wasm'), simd: join(wasmDir, 'tfjs-backend-wasm-simd.wasm') });

console.log(`${recordings.length} recordings from ${folder}${skipped > 0 ? ` (${skipped} skipped)` : ''}${leftOut.length > 0 ? ` (${leftOut.length} of ${values.unknown} left out of training)` : ''}; TensorFlow.js ${backend.version} on ${backend.backend}${backend.simd ? ' (SIMD)' : ''}`);
const onEpoch = (log: EpochLog) => {
  if (log.epoch % 10 === 0) console.log(`  epoch ${log.epoch}: loss ${log.loss.toFixed(3)}, val loss ${log.valLoss.toFixed(3)}, val accuracy ${log.valAccuracy.toFixed(3)}`);
};
const pad = (text: string, width: number) => text.padEnd(width);

/** Runs a step that may refuse the data: a refusal is printed with its hint and ends with exit code 1. */
async function orRefuse<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    const hint = hintOf(error);
    console.error(`${messageOf(error)}${hint ? ` ${hint}` : ''}`);
    process.exit(1);
  }
}

const started = performance.now();
const report = values.search ? await searchBestSetup() : folds === undefined ? await evaluateOneSplit() : await crossValidateByPerson(folds);
if (values.json) {
  writeFileSync(values.json, `${JSON.stringify(report.json, null, 2)}\n`);
  console.log(`wrote ${values.json}`);
}
if (values['export-c'] !== undefined) await exportC(values['export-c'], report.kept ?? (await orRefuse(() => trainActivityModel(recordings, { features, training, shares: { ...defaultSplitShares, test: 0 }, onEpoch }))));

/** One split by person (or by recording), trained and tested: the report of `npm run evaluate` without --folds. */
async function evaluateOneSplit() {
  const result = await orRefuse(() => trainActivityModel(recordings, { features, training, onEpoch }));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const { labels } = result.preprocessing;
  const f1Of = (scores: number[]) => Object.fromEntries(labels.map((label, i) => [label, scores[i] ?? 0]));
  console.log(`\nSplit (${result.split.byGroup ? 'by group: no group on two sides' : 'by recording'}):`);
  if (result.split.byRecordingFallback) console.log(`  ${translate('en', 'train.splitOptimistic', { people: result.split.byRecordingFallback.people })}`);
  for (const side of splitNames) {
    const s = result.split.sides[side];
    console.log(`  ${pad(side, 11)} ${s.recordings} recordings, ${s.groups} groups, ${result.windows[side]} windows (${labels.map((l) => `${l} ${s.perLabel[l] ?? 0}`).join(', ')})`);
  }
  console.log(`\nTrained ${result.history.length} epochs in ${seconds} s (${result.stopped}).`);
  console.log(`\n${pad('', 12)}${pad('network', 10)}rules`);
  console.log(`${pad('accuracy', 12)}${pad(result.test.accuracy.toFixed(3), 10)}${result.baseline.accuracy.toFixed(3)}`);
  console.log(`${pad('macro-F1', 12)}${pad(result.test.macroF1.toFixed(3), 10)}${result.baseline.macroF1.toFixed(3)}`);
  labels.forEach((label, i) =>
    console.log(`${pad(`F1 ${label}`, 12)}${pad((result.metrics.test.f1[i] ?? 0).toFixed(3), 10)}${(result.metrics.baseline.f1[i] ?? 0).toFixed(3)}`),
  );
  console.log(`\nConfusion (test; rows true, columns predicted${result.metrics.confusion[0]?.length === labels.length + 1 ? ', last column: other' : ''}):`);
  console.log(`${pad('', 10)}${labels.map((l) => pad(l, 10)).join('')}`);
  result.metrics.confusion.forEach((row, i) => console.log(`${pad(labels[i] ?? '', 10)}${row.slice(0, labels.length).map((n) => pad(String(n), 10)).join('')}`));
  console.log(`\n${result.diagnosis.message}`);
  const turned = values['turned-test'] ? turnedTest(result) : undefined;
  if (turned) console.log(`\nThe test recordings turned at random (a phone in another pocket): accuracy ${turned.accuracy.toFixed(3)}, macro-F1 ${turned.macroF1.toFixed(3)}.`);
  const unknown = values.unknown === undefined ? undefined : printUnknown(await unknownScores(result));
  return {
    kept: result,
    json: {
      labels,
      network: training.network,
      split: result.split,
      net: { accuracy: result.test.accuracy, macroF1: result.test.macroF1, f1: f1Of(result.metrics.test.f1) },
      baseline: { accuracy: result.baseline.accuracy, macroF1: result.baseline.macroF1, f1: f1Of(result.metrics.baseline.f1) },
      confusion: result.metrics.confusion.map((row) => row.slice(0, labels.length)),
      ...(turned && { turnedTest: turned }),
      ...(unknown && { unknown }),
    },
  };
}

/**
 * The model's test recordings scored again, each turned by a rotation drawn at random (seeded), as
 * if the device sat another way: how much of the score depends on how the training people wore it.
 */
function turnedTest(result: TrainedActivityModel): { accuracy: number; macroF1: number } {
  const random = mulberry32(training.seed + 1);
  const testIds = new Set(result.trainedOn.test);
  const { labels } = result.preprocessing;
  const truth: number[] = [];
  const rows: Float32Array[] = [];
  for (const { recording, samples } of recordings) {
    if (!testIds.has(recording.id)) continue;
    const inputs = networkInputs(result.preprocessing, augmentSamples(samples, random, { rotate: true, scale: 0, stretch: 0 }));
    rows.push(inputs.rows);
    truth.push(...inputs.windows.map(() => labels.indexOf(recording.label)));
  }
  const cols = result.preprocessing.featureNames.length;
  const scored = evaluate(labels, truth, predictRows(result.model, joinRows(rows), truth.length, cols));
  return { accuracy: scored.accuracy, macroF1: scored.macroF1 };
}

interface UnknownScores {
  auroc: number;
  falseUnknownRate: number;
  caughtRate: number;
  accuracyWithUnknown: number;
  /**
   * The same shares as Live says unknown (model/unknown-score.ts `UnknownRun`: the live threshold,
   * `unknownRun` windows in a row of one recording), and the most of one tested person's known
   * windows; printed, not in --json.
   */
  live: { falseUnknownRate: number; caughtRate: number; mostOfOnePerson: number };
}

/**
 * --unknown on one trained model: the unknown score of its test windows (known activities) and of
 * every window of the left-out activity, the AUROC between them and the shares above the model's
 * threshold, and the known test windows' accuracy when a window called unknown counts as wrong.
 */
async function unknownScores(run: TrainedActivityModel): Promise<UnknownScores> {
  const network = readNetwork(await modelArtifacts(run.model));
  const testIds = new Set(run.trainedOn.test);
  const { labels } = run.preprocessing;
  const probabilities = new Float32Array(labels.length);
  const liveRun = new UnknownRun(run.unknown);
  const scored = (chosen: readonly LabelledRecording[]) => {
    const scores: number[] = [];
    let rightAndKnown = 0;
    let liveUnknown = 0;
    /** Each person's windows and those Live calls unknown. */
    const people = new Map<string, { windows: number; unknown: number }>();
    for (const { recording, samples } of chosen) {
      const { rows, windows } = networkInputs(run.preprocessing, samples);
      const width = rows.length / Math.max(1, windows.length);
      const person = people.get(recording.group || recording.id) ?? { windows: 0, unknown: 0 };
      people.set(recording.group || recording.id, person);
      liveRun.reset();
      for (let w = 0; w < windows.length; w += 1) {
        const row = rows.subarray(w * width, (w + 1) * width);
        const score = unknownScore(run.unknown, scoredValues(run.unknown, network, row));
        network.forward(row, probabilities);
        const top = probabilities.indexOf(Math.max(...probabilities));
        if (labels[top] === recording.label && !isUnknown(run.unknown, score)) rightAndKnown += 1;
        scores.push(score);
        const unknownLive = liveRun.add(score);
        liveUnknown += unknownLive ? 1 : 0;
        person.windows += 1;
        person.unknown += unknownLive ? 1 : 0;
      }
    }
    const mostOfOnePerson = Math.max(0, ...[...people.values()].map((person) => person.unknown / Math.max(1, person.windows)));
    return { scores, rightAndKnown, liveShare: liveUnknown / Math.max(1, scores.length), mostOfOnePerson };
  };
  const known = scored(recordings.filter(({ recording }) => testIds.has(recording.id)));
  const unknown = scored(leftOut);
  return {
    auroc: auroc(known.scores, unknown.scores),
    falseUnknownRate: shareAbove(known.scores, run.unknown.threshold),
    caughtRate: shareAbove(unknown.scores, run.unknown.threshold),
    accuracyWithUnknown: known.rightAndKnown / known.scores.length,
    live: { falseUnknownRate: known.liveShare, caughtRate: unknown.liveShare, mostOfOnePerson: known.mostOfOnePerson },
  };
}

/** Prints --unknown's figures and gives its JSON. */
function printUnknown({ live, ...scores }: UnknownScores) {
  const percent = (share: number) => `${(100 * share).toFixed(1)} %`;
  console.log(
    `\n${values.unknown} left out of training: unknown score AUROC ${scores.auroc.toFixed(3)}; called unknown: ${percent(scores.caughtRate)} of its windows, ${percent(scores.falseUnknownRate)} of the known activities' test windows (accuracy on those, unknown counted wrong: ${scores.accuracyWithUnknown.toFixed(3)})`,
  );
  console.log(
    `As Live says it (the live threshold, ${unknownRun} windows in a row): ${percent(live.caughtRate)} of its windows, ${percent(live.falseUnknownRate)} of the known activities' test windows (the most of one person: ${percent(live.mostOfOnePerson)})`,
  );
  return { label: values.unknown, ...scores };
}

/** Cross-validation by person: each fold's scores, the means (the JSON's `net` and `baseline`) and each person's accuracy. */
async function crossValidateByPerson(count: FoldCount) {
  const foldsUnknown: UnknownScores[] = [];
  const cv = await orRefuse(() =>
    crossValidate(recordings, {
      features,
      training,
      folds: count,
      onEpoch,
      onFold: (fold, total) => console.log(`fold ${fold + 1} of ${total}`),
      ...(calibrateS !== undefined && { calibrateS }),
      ...(values['turned-people'] && { testedAs: turnedPerson }),
      ...(values.unknown !== undefined && { onTrained: async (run: TrainedActivityModel) => void foldsUnknown.push(await unknownScores(run)) }),
    }),
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\nCross-validation by person${values['turned-people'] ? ', each tested person turned, scaled and stretched their own way' : ''}, ${cv.folds.length} folds, in ${seconds} s:`);
  printFolds(cv);
  if (cv.calibrated) {
    console.log(`\nCalibrated to each tested person on the first ${calibrateS} s of each activity (scores above and below on the rest of their recordings):`);
    console.log(`${pad('fold', 6)}${pad('network', 10)}calibrated`);
    cv.folds.forEach((fold, f) => console.log(`${pad(String(f + 1), 6)}${pad(fold.net.accuracy.toFixed(3), 10)}${fold.calibrated?.accuracy.toFixed(3)}`));
    console.log(`${pad('accuracy', 12)}${cv.net.accuracy.mean.toFixed(3)} → ${cv.calibrated.accuracy.mean.toFixed(3)} ± ${cv.calibrated.accuracy.sd.toFixed(3)}`);
    console.log(`${pad('macro-F1', 12)}${cv.net.macroF1.mean.toFixed(3)} → ${cv.calibrated.macroF1.mean.toFixed(3)}`);
  }
  console.log(`\nPer person (network, rules): ${cv.perPerson.map((p) => `${p.group} ${p.accuracy.toFixed(2)}/${p.baseline.toFixed(2)}`).join(', ')}`);
  const mean = (pick: (scores: UnknownScores) => number) => foldsUnknown.reduce((sum, scores) => sum + pick(scores), 0) / foldsUnknown.length;
  const unknown =
    values.unknown === undefined
      ? undefined
      : printUnknown({
          auroc: mean((scores) => scores.auroc),
          falseUnknownRate: mean((scores) => scores.falseUnknownRate),
          caughtRate: mean((scores) => scores.caughtRate),
          accuracyWithUnknown: mean((scores) => scores.accuracyWithUnknown),
          live: {
            falseUnknownRate: mean((scores) => scores.live.falseUnknownRate),
            caughtRate: mean((scores) => scores.live.caughtRate),
            mostOfOnePerson: Math.max(...foldsUnknown.map((scores) => scores.live.mostOfOnePerson)),
          },
        });
  const folded = foldsJson(cv);
  return {
    kept: undefined,
    json: {
      labels: cv.labels,
      network: training.network,
      ...folded,
      ...(cv.calibrated && {
        calibrated: { accuracy: cv.calibrated.accuracy.mean, macroF1: cv.calibrated.macroF1.mean },
        folds: folded.folds.map((fold, f) => ({ ...fold, calibrated: cv.folds[f]!.calibrated })),
      }),
      perPerson: cv.perPerson,
      ...(values['turned-people'] && { turnedPeople: true }),
      ...(unknown && { unknown }),
    },
  };
}

/**
 * --turned-people: one person's recordings, all turned, scaled and stretched by the same made-up
 * placement, drawn from the seed and the person's place among everyone's names.
 */
function turnedPerson(own: LabelledRecording[]): LabelledRecording[] {
  const people = [...new Set(recordings.map(({ recording }) => recording.group))].sort();
  const seed = training.seed * 1009 + people.indexOf(own[0]?.recording.group ?? '');
  return own.map(({ recording, samples }) => ({ recording, samples: augmentSamples(samples, mulberry32(seed)) }));
}

type FoldScores = Pick<CrossValidation, 'folds' | 'net' | 'baseline'>;

/** Each fold's scores, then the mean and spread over folds, of the network and of the rules. */
function printFolds({ folds: done, net, baseline }: FoldScores, setupOf?: (fold: number) => string) {
  const people = (groups: string[]) => (groups.length > 4 ? `${groups.slice(0, 4).join(' ')} +${groups.length - 4}` : groups.join(' '));
  console.log(`${pad('fold', 6)}${pad('network', 10)}${pad('macro-F1', 10)}${pad('rules', 8)}${pad('windows', 9)}people${setupOf ? ' · setup' : ''}`);
  done.forEach((fold, f) =>
    console.log(
      `${pad(String(f + 1), 6)}${pad(fold.net.accuracy.toFixed(3), 10)}${pad(fold.net.macroF1.toFixed(3), 10)}${pad(fold.baseline.accuracy.toFixed(3), 8)}${pad(String(fold.windows), 9)}${people(fold.groups)}${setupOf ? ` · ${setupOf(f)}` : ''}`,
    ),
  );
  const spread = ({ mean, sd, min, max }: Spread) => `${mean.toFixed(3)} ± ${sd.toFixed(3)} (${min.toFixed(3)}–${max.toFixed(3)})`;
  console.log(`\n${pad('', 12)}${pad('network', 30)}rules`);
  console.log(`${pad('accuracy', 12)}${pad(spread(net.accuracy), 30)}${spread(baseline.accuracy)}`);
  console.log(`${pad('macro-F1', 12)}${pad(spread(net.macroF1), 30)}${spread(baseline.macroF1)}`);
}

/** The JSON of --folds: the means over folds in `net` and `baseline`, their spread, and each fold. */
function foldsJson({ folds: done, net, baseline }: FoldScores) {
  return {
    net: { accuracy: net.accuracy.mean, macroF1: net.macroF1.mean },
    baseline: { accuracy: baseline.accuracy.mean, macroF1: baseline.macroF1.mean },
    spread: { net, baseline },
    folds: done.map((fold) => ({ groups: fold.groups, net: fold.net, baseline: fold.baseline, windows: fold.windows })),
  };
}

/** --search: the candidates with their inner scores, the honest nested score, and the model kept from all the recordings. */
async function searchBestSetup() {
  const name = (setup: Setup) => describeSetup(setup, 'en');
  const search = await orRefuse(() =>
    searchSetups(recordings, {
      features,
      training,
      budgetS,
      folds: folds ?? defaultSearchFolds,
      ...(network && { candidates: candidateSetups(features).filter((setup) => setup.network === network) }),
      onProgress: (progress) => {
        if (progress.stage === 'candidate') console.log(`setup ${progress.candidate + 1} of ${progress.candidates}: ${name(progress.setup)}`);
        else if (progress.stage === 'scoring') console.log(`testing the choice on fold ${progress.fold + 1} of ${progress.folds}`);
        else console.log(`training the kept model on every recording: ${name(progress.setup)}`);
      },
    }),
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`\nSetups compared within ${search.budgetS} s (inner cross-validation by person, the scores the choice was made on):`);
  console.log(`${pad('accuracy', 10)}${pad('macro-F1', 10)}${pad('chosen', 8)}${pad('time', 9)}setup`);
  for (const candidate of search.candidates) {
    const refused = candidate.refused === undefined ? '' : ` (could not train: ${messageOf(candidate.refused)})`;
    console.log(`${pad(candidate.accuracy.toFixed(3), 10)}${pad(candidate.macroF1.toFixed(3), 10)}${pad(`${candidate.picked}×`, 8)}${pad(`${(candidate.ms / 1000).toFixed(1)} s`, 9)}${name(candidate.setup)}${refused}`);
  }
  if (search.notTried.length > 0) console.log(`Not tried, for lack of time: ${search.notTried.map(name).join('; ')}.`);
  console.log(`\nOn someone new, choice included (each fold's choice tested on people who took no part in it), ${search.folds.length} folds, ${seconds} s in all:`);
  printFolds(search, (f) => name(search.folds[f]!.setup));
  console.log(`\nKept: ${search.chosen ? name(search.chosen) : '-'}, trained on every recording.`);
  return {
    kept: search.kept,
    json: {
      labels: search.labels,
      network: search.chosen?.network,
      ...foldsJson(search),
      folds: search.folds.map((fold) => ({ groups: fold.groups, net: fold.net, baseline: fold.baseline, windows: fold.windows, setup: fold.setup })),
      search: {
        budgetS: search.budgetS,
        candidates: search.candidates.map((candidate) => ({
          setup: candidate.setup,
          accuracy: candidate.accuracy,
          macroF1: candidate.macroF1,
          picked: candidate.picked,
          ms: Math.round(candidate.ms),
          ...(candidate.refused !== undefined && { refused: messageOf(candidate.refused) }),
        })),
        chosen: search.chosen,
        notTried: search.notTried,
      },
    },
  };
}

/** What the Train page's Export gives, from the model kept: trained on one split, or on all the recordings after cross-validation. */
async function exportC(target: string, result: TrainedActivityModel) {
  const artifacts = await modelArtifacts(result.model);
  result.model.dispose();
  const { labels } = result.preprocessing;
  try {
    const model = { name: `${labels.join(', ')} · ${names.length} files from ${folder}`, preprocessing: result.preprocessing, trainedOn: result.trainedOn, unknown: result.unknown, artifacts };
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
