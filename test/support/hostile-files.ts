/**
 * The files a hostile classmate would share (issue 12), written into a folder: the inspect CLI's
 * test refuses each, and the same files measure its worst time and memory.
 */
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { tinyModel } from '../../src/lib/deploy/tiny-model';
import { exportModel } from '../../src/lib/io/model-file';
import { encodeIdx } from '../../src/lib/learn/idx';
import type { StoredModel } from '../../src/lib/model/record';
import { defaultTrainingSettings } from '../../src/lib/train/training-settings';

/** A model file the app accepts: the tiny two-label model with whole metrics and settings. */
export function goodModel(): StoredModel {
  const scores = { accuracy: 0.9, f1: [0.9, 0.9] };
  return {
    ...tinyModel(),
    id: 'good',
    createdAt: 1_700_000_000_000,
    training: defaultTrainingSettings,
    metrics: { train: scores, validation: scores, test: scores, baseline: scores, confusion: [[9, 1], [1, 9]], epochs: 3, trainMs: 10 },
  };
}

/** `model` exported, then changed as parsed JSON by `damage`. */
function damagedModel(damage: (file: { model: Record<string, unknown> & { preprocessing: Record<string, unknown> & { features: Record<string, unknown> } } }) => void): string {
  const file = JSON.parse(exportModel(goodModel())) as Parameters<typeof damage>[0];
  damage(file);
  return JSON.stringify(file);
}

/** Writes `parts` one after another, so a file of 90 MB never has to be one string. */
function writeParts(path: string, parts: Iterable<string>): void {
  const fd = openSync(path, 'w');
  try {
    for (const part of parts) writeSync(fd, part);
  } finally {
    closeSync(fd);
  }
}

/** A gzip stream of the IDX header of ten 28 × 28 images followed by `zeroMegabytes` MB of zeros: a few MB that expand a thousandfold. */
function idxBomb(zeroMegabytes: number): Uint8Array {
  const header = encodeIdx({ dims: [10, 28, 28], data: new Uint8Array(0) });
  const zeros = new Uint8Array(2 ** 20);
  // Gzip members may follow one another: each megabyte is one member, so the bomb is built in pieces.
  const zero = gzipSync(zeros, { level: 9 });
  return new Uint8Array(Buffer.concat([gzipSync(header), ...Array.from({ length: zeroMegabytes }, () => zero)]));
}

/**
 * The hostile files of issue 12, by name, written into `folder`; `large` adds the ones that take
 * most time and memory to write (the 90 MB cell, the 4 GB IDX bomb).
 */
export function writeHostileFiles(folder: string, { large }: { large: boolean }): string[] {
  const files: Record<string, () => void> = {
    'metrics-test-only.motion-lab-model.json': () => writeFileSync(join(folder, 'metrics-test-only.motion-lab-model.json'), damagedModel((file) => (file.model.metrics = { test: { accuracy: 0.9 } }))),
    'rate-1e9.motion-lab-model.json': () => writeFileSync(join(folder, 'rate-1e9.motion-lab-model.json'), damagedModel((file) => (file.model.preprocessing.features.rateHz = 1e9))),
    'window-1e7.motion-lab-model.json': () => writeFileSync(join(folder, 'window-1e7.motion-lab-model.json'), damagedModel((file) => (file.model.preprocessing.features.windowS = 1e7))),
    'null-layer.motion-lab-model.json': () =>
      writeFileSync(join(folder, 'null-layer.motion-lab-model.json'), damagedModel((file) => (((file.model.artifacts as { modelTopology: { config: { layers: unknown[] } } }).modelTopology.config.layers[0] = null)))),
    'newline-label.motion-lab-model.json': () => writeFileSync(join(folder, 'newline-label.motion-lab-model.json'), damagedModel((file) => ((file.model.preprocessing.labels as string[])[0] = 'walk\ning'))),
    'million-columns.csv': () => writeParts(join(folder, 'million-columns.csv'), [Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(','), '\n0,1\n']),
    'too-large.csv': () => {
      const fd = openSync(join(folder, 'too-large.csv'), 'w');
      writeSync(fd, 'timestamp,accX,accY,accZ\n', 0);
      writeSync(fd, '\n', 100 * 2 ** 20 + 1);
      closeSync(fd);
    },
    'idx-bomb-small.gz': () => writeFileSync(join(folder, 'idx-bomb-small.gz'), idxBomb(64)),
  };
  if (large) {
    files['huge-cell.csv'] = () => writeParts(join(folder, 'huge-cell.csv'), ['timestamp,accX,accY,accZ\n0,', ...Array.from({ length: 90 }, () => 'x'.repeat(2 ** 20)), ',0,9.8\n']);
    files['idx-bomb.gz'] = () => writeFileSync(join(folder, 'idx-bomb.gz'), idxBomb(4096));
  }
  for (const write of Object.values(files)) write();
  return Object.keys(files);
}
