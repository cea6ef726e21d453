/**
 * Fuzzing every format the app opens through the functions the pages call (importRecordingFiles,
 * restoreBackup, parseModelFile, importDigitFiles), 10,000 mutated inputs each: none throws past
 * the reader (every refusal is the app's coded error, with a short message), and a refused file
 * writes nothing. The same inputs go through real IndexedDB, a sample of them, in
 * fuzz.browser.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { backupSeeds, csvSeeds, edgeImpulseJsonSeeds, idxSeeds, modelSeeds, phoneAppSeeds } from '../../../test/support/fuzz-corpus';
import { mutatedInputs } from '../../../test/support/mutator';
import { IdxError } from '../learn/idx';
import { importDigitFiles } from '../learn/opened-digits';
import type { MotionSamples } from '../sensors/samples';
import type { Recording } from '../store/recording';
import { ImportError } from './errors';
import { importRecordingFiles, restoreBackup, type ImportFile, type ImportTarget } from './import';
import { parseModelFile } from './model-file';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
/** A message quotes at most excerpts of the file: a few hundred characters, whatever the input. */
const MAX_MESSAGE = 1000;

function file(name: string, bytes: Uint8Array): ImportFile {
  return { name, size: bytes.length, arrayBuffer: async () => bytes.slice().buffer };
}

/** A store that keeps what is written in memory, and counts every write. */
function memoryTarget() {
  const rows = new Map<string, { recording: Recording; samples: MotionSamples }>();
  const labels: string[] = [];
  let writes = 0;
  const target: ImportTarget = {
    get: async (id) => rows.get(id)?.recording,
    add: async (recording, samples) => {
      writes += 1;
      rows.set(recording.id, { recording, samples });
    },
    addWithLabel: async (recording, samples, label) => {
      // Files parsed in this thread come as samples; only the parse worker packs them.
      if ('chunks' in samples) throw new Error('Unexpected packed samples');
      writes += 1;
      if (!labels.includes(label)) labels.push(label);
      rows.set(recording.id, { recording: { ...recording, label }, samples });
      return rows.get(recording.id)!.recording;
    },
    labels: {
      ensureAll: async (names) => {
        for (const name of names) if (!labels.includes(name)) labels.push(name);
        return new Map(names.map((name) => [name, name]));
      },
    },
  };
  return { target, rows, labels, writes: () => writes };
}

/*
 * The checks below return what is wrong (or '') instead of calling expect() per value: ten
 * thousand inputs of a hundred values each would spend most of the time in the assertions.
 */

/** What is wrong with a refusal: not the app's coded error, or without a short message. */
function unworded(error: unknown): string {
  if (!(error instanceof ImportError || error instanceof IdxError)) return `not a coded error: ${String(error)}`;
  if (error.message.length === 0 || error.message.length >= MAX_MESSAGE) return `a message of ${error.message.length} characters`;
  return '';
}

/** What is wrong with a stored recording: figures or samples that are not finite, or a count that is not the samples'. */
function broken(recording: Recording, samples: MotionSamples): string {
  if (!(Number.isFinite(recording.durationMs) && recording.durationMs >= 0)) return `duration ${recording.durationMs}`;
  if (!(Number.isFinite(recording.rateHz) && recording.rateHz >= 0)) return `rate ${recording.rateHz}`;
  if (samples.t.length !== recording.sampleCount) return 'count';
  for (const values of [samples.t, samples.acc, samples.gyro ?? []]) for (const value of values) if (!Number.isFinite(value)) return `value ${value}`;
  return '';
}

/** Collects what went wrong, with the input's number, to assert once at the end. */
function problems() {
  const found: string[] = [];
  return { found, note: (run: number, problem: string) => void (problem && found.length < 5 && found.push(`input ${run}: ${problem}`)) };
}

// Ten thousand inputs per format take a few seconds each on a loaded machine.
describe(`fuzzing, ${RUNS} mutated inputs per format`, { timeout: 60_000 }, () => {
  it.each([
    ['recording CSV', 'walking.a.csv', csvSeeds, false, 1 / 20],
    ['Edge Impulse JSON', 'walking.a.json', edgeImpulseJsonSeeds, true, 1 / 20],
    ...phoneAppSeeds.map(({ format, name, seeds, json, importedShare = 1 / 20 }) => [format, name, seeds, json, importedShare] as const),
  ] as const)('%s through importRecordingFiles', async (_, name, seeds, json, importedShare) => {
    let imported = 0;
    let run = 0;
    const { found, note } = problems();
    for (const bytes of mutatedInputs(1, seeds, RUNS, { json })) {
      run += 1;
      const store = memoryTarget();
      // A file gives one outcome per recording (WISDM several): each stored one is whole, each refusal worded.
      const outcomes = await importRecordingFiles(store.target, [file(name, bytes)]);
      const stored = outcomes.filter((outcome) => outcome.ok).length;
      if (stored > 0) imported += 1;
      if (store.writes() !== stored) note(run, `${store.writes()} writes for ${stored} recordings`);
      if (stored === 0 && store.labels.length > 0) note(run, 'a refused file wrote');
      for (const outcome of outcomes) {
        if (outcome.ok) {
          const { recording, samples } = store.rows.get(outcome.recording.id)!;
          note(run, broken(recording, samples));
        } else note(run, unworded(outcome.error));
      }
    }
    expect(found).toEqual([]);
    // Both sides are reached: the mutations are neither all harmless nor all fatal.
    expect(imported).toBeGreaterThan(RUNS * importedShare);
    expect(imported).toBeLessThan(RUNS);
  });

  it('backups through restoreBackup', async () => {
    let restored = 0;
    let run = 0;
    const { found, note } = problems();
    for (const bytes of mutatedInputs(2, backupSeeds, RUNS, { json: true })) {
      run += 1;
      const store = memoryTarget();
      try {
        const outcome = await restoreBackup(store.target, file('backup.json', bytes));
        restored += outcome.restored.length;
        if (store.writes() !== outcome.restored.length) note(run, `${store.writes()} writes for ${outcome.restored.length} restored`);
        for (const { error } of outcome.refused) note(run, unworded(error));
        for (const { recording, samples } of store.rows.values()) note(run, broken(recording, samples));
      } catch (error) {
        note(run, unworded(error) || (store.writes() > 0 ? 'a refused backup wrote' : ''));
      }
    }
    expect(found).toEqual([]);
    expect(restored).toBeGreaterThan(RUNS / 20);
  });

  // Before the model file was checked whole and bounded (issue 12, items 1 and 4), a layer whose
  // shape was not a list threw a TypeError here, and a huge rate froze the reader.
  it('model files through parseModelFile', () => {
    let accepted = 0;
    let run = 0;
    const { found, note } = problems();
    for (const bytes of mutatedInputs(3, modelSeeds, RUNS, { json: true })) {
      run += 1;
      try {
        const result = parseModelFile('m.motion-lab-model.json', bytes);
        if (result.ok) accepted += 1;
        else note(run, unworded(result.error));
      } catch (error) {
        note(run, `threw ${String(error)}`);
        // A reader that throws may also freeze on the next input: stop at the first problem.
        break;
      }
    }
    expect(found).toEqual([]);
    expect(accepted).toBeGreaterThan(0);
  });

  it('IDX pairs through importDigitFiles', async () => {
    let stored = 0;
    let run = 0;
    const { found, note } = problems();
    const seeds = [idxSeeds.images, idxSeeds.labels];
    for (const bytes of mutatedInputs(4, seeds, RUNS)) {
      run += 1;
      // Each input stands in for one file of the pair; the other stays as it was.
      const labelsDamaged = run % 2 === 0;
      let saves = 0;
      const store = { save: async () => ((saves += 1), { id: 'x', name: 'x', files: [], createdAt: 0, trainCount: 0, testCount: 0, classes: 'digits' as const }) };
      const files = [
        { name: 'train-images-idx3-ubyte', bytes: labelsDamaged ? idxSeeds.images : bytes },
        { name: 'train-labels-idx1-ubyte', bytes: labelsDamaged ? bytes : idxSeeds.labels },
      ];
      try {
        await importDigitFiles(store, files);
        stored += 1;
      } catch (error) {
        note(run, unworded(error) || (saves > 0 ? 'a refused pair was saved' : ''));
      }
    }
    expect(found).toEqual([]);
    expect(stored).toBeGreaterThan(0);
  });
});
