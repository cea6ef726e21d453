import * as tf from '@tensorflow/tfjs';
import { gzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { exportBackup } from '../../src/lib/io/backup';
import { exportModel } from '../../src/lib/io/model-file';
import { encodeIdx } from '../../src/lib/learn/idx';
import { buildActivityModel } from '../../src/lib/model/dense/builder';
import type { MotionSamples } from '../../src/lib/sensors/samples';
import { defaultFeatureConfig, featureNames } from '../../src/lib/signal/features';
import { recordingFor } from '../../src/lib/store/recordings';
import { modelArtifacts } from '../../src/lib/train/model-artifacts';
import { defaultTrainingSettings } from '../../src/lib/train/training-settings';
import type { Page } from 'playwright-core';
import { describeInBrowser, openApp, useBrowser } from './fixture';

/**
 * Runs `action` as if the disk filled after `rowsLeft` more rows (recordings, digit sets,
 * models): each write after that fails as a full disk's does, with a QuotaExceededError.
 * Chromium's quota override (`Storage.overrideQuotaForOrigin`) does not make IndexedDB refuse a
 * single large write in this setup, so the failure is made in the page, where the app meets it.
 */
async function withDiskFullAfter<T>(page: Page, rowsLeft: number, action: () => Promise<T>): Promise<T> {
  await page.evaluate((left) => {
    const state = window as unknown as { __rowsLeft?: number; __unpatch?: () => void };
    state.__rowsLeft = left;
    const originals = { add: IDBObjectStore.prototype.add, put: IDBObjectStore.prototype.put };
    for (const method of ['add', 'put'] as const) {
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
        if (['recordings', 'digitSets', 'models'].includes(this.name)) {
          if (state.__rowsLeft === 0) throw new DOMException('The current transaction exceeded its quota limitations.', 'QuotaExceededError');
          state.__rowsLeft = (state.__rowsLeft ?? 0) - 1;
        }
        return originals[method].apply(this, args);
      };
    }
    state.__unpatch = () => Object.assign(IDBObjectStore.prototype, originals);
  }, rowsLeft);
  try {
    return await action();
  } finally {
    await page.evaluate(() => (window as unknown as { __unpatch: () => void }).__unpatch());
  }
}

/** Samples that compress badly, so that a few recordings fill a small quota. */
function noisySamples(count: number, seed: number): MotionSamples {
  let state = seed;
  const next = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31) * 20 - 10;
  return { t: Float64Array.from({ length: count }, (_, i) => i * 10), acc: Float32Array.from({ length: count * 3 }, next), gyro: null };
}

function csv(count: number): string {
  return ['timestamp,accX,accY,accZ', ...Array.from({ length: count }, (_, i) => `${i * 20},${Math.sin(i)},0.5,9.8`)].join('\n');
}

describeInBrowser('import, restore and the disk', () => {
  const browser = useBrowser();

  test('two failing files of the same name in one drop are both reported, and the page does not crash', async () => {
    const { context, page, errors } = await openApp(browser(), '#/data');
    const bad = { name: 'walking.same.csv', mimeType: 'text/csv', buffer: Buffer.from('timestamp,accX,accY,accZ\n0,1,oops,3\n') };
    await page.getByRole('group', { name: 'Drop files here to import them' }).locator('input[type=file]').setInputFiles([bad, { ...bad, buffer: Buffer.from('') }]);
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toBe('0 imported, 2 not imported.');
    expect(await page.getByTestId('import-failures').locator('li').count()).toBe(2);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the import summary says which unit the timestamps were read in', async () => {
    const { context, page, errors } = await openApp(browser(), '#/data');
    const seconds = ['timestamp,accX,accY,accZ', ...Array.from({ length: 50 }, (_, i) => `${i * 0.02},0,0,9.8`)].join('\n');
    await page.getByRole('group', { name: 'Drop files here to import them' }).locator('input[type=file]').setInputFiles([{ name: 'walking.secs.csv', mimeType: 'text/csv', buffer: Buffer.from(seconds) }]);
    await expect.poll(() => page.getByTestId('import-units').textContent()).toBe('walking.secs.csv: its timestamps were read as s, from their spacing, and converted to ms.');
    // The list refreshes from the store's change notice, a moment after the summary.
    await expect.poll(() => page.getByTestId('recordings').textContent()).toContain('50 samples at 50 Hz');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a full disk: a restore names what it stored and what not; a batch import words every failure and creates no label for it', async () => {
    const { context, page, errors } = await openApp(browser(), '#/data');
    const recordings = Array.from({ length: 10 }, (_, i) => {
      const samples = noisySamples(500, i + 1);
      return { recording: recordingFor(samples, { id: `r${i}`, name: `noisy ${i}`, label: 'walking', group: '', source: 'phone', device: 'x', startedAt: i }), samples };
    });
    const backup = exportBackup({ labels: ['walking'], recordings });
    const outcome = page.getByTestId('restore-outcome');
    const text = await withDiskFullAfter(page, 5, async () => {
      await page.locator('input[type=file][accept=".json,application/json"]').setInputFiles([{ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backup) }]);
      await outcome.waitFor({ timeout: 60_000 });
      return outcome.innerText();
    });
    const restored = /Restored: ([^.]*)\./.exec(text)?.[1]?.split(', ') ?? [];
    expect(restored).toEqual(['noisy 0', 'noisy 1', 'noisy 2', 'noisy 3', 'noisy 4']);
    const notRestored = recordings.map(({ recording }) => recording.name).filter((name) => !restored.includes(name));
    expect(text).toContain(`${restored.length} recordings restored, 0 already here.`);
    expect(text).toContain(`${notRestored.length} not restored:`);
    for (const name of notRestored) expect(text).toContain(`${name}: backup.json: storage on this device is full`);
    const listed = await page.getByTestId('recordings').locator('.name').allTextContents();
    expect(listed.sort()).toEqual([...restored].sort());

    const files = ['stairs', 'hopping', 'skipping'].map((label) => ({ name: `${label}.big.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv(100)) }));
    const failures = await withDiskFullAfter(page, 0, async () => {
      await page.getByRole('group', { name: 'Drop files here to import them' }).locator('input[type=file]').setInputFiles(files);
      await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
      return page.getByTestId('import-failures').locator('li').allInnerTexts();
    });
    expect(failures).toHaveLength(3);
    for (const failure of failures) expect(failure).toMatch(/\.big\.csv: storage on this device is full, so it was not stored\./);
    const labels = await page.getByTestId('label-totals').locator('tbody th').allTextContents();
    expect(labels).not.toContain('stairs');
    expect(labels).not.toContain('skipping');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('a full disk: a digit set and a model file are refused with words, not the crash panel', async () => {
    const { context, page, errors } = await openApp(browser(), '#/learn/digits');
    await page.getByTestId('digits-split').waitFor();
    const count = 30;
    const images = encodeIdx({ dims: [count, 28, 28], data: Uint8Array.from({ length: count * 784 }, (_, i) => (i * 2_654_435_761) % 251) });
    const labels = encodeIdx({ dims: [count], data: Uint8Array.from({ length: count }, (_, i) => i % 10) });
    const result = page.getByTestId('idx-result');
    await withDiskFullAfter(page, 0, async () => {
      await page.getByTestId('idx-files').setInputFiles([
        { name: 'train-images-idx3-ubyte.gz', mimeType: 'application/gzip', buffer: gzipSync(images) },
        { name: 'train-labels-idx1-ubyte', mimeType: 'application/octet-stream', buffer: Buffer.from(labels) },
      ]);
      await result.waitFor({ timeout: 60_000 });
    });
    expect(await result.textContent()).toMatch(/the set could not be stored: This device’s storage for Motion Lab is full/);

    await tf.setBackend('cpu');
    const names = [...featureNames(defaultFeatureConfig)];
    const network = buildActivityModel({ inputSize: names.length, classes: 2, hidden: [64], dropout: 0, learningRate: 0.01 });
    const model = exportModel({
      id: 'm1',
      name: 'walking, running',
      createdAt: 1,
      preprocessing: { features: defaultFeatureConfig, featureNames: names, stats: { mean: names.map(() => 0), std: names.map(() => 1) }, labels: ['running', 'walking'] },
      training: defaultTrainingSettings,
      metrics: { train: { accuracy: 1, f1: [1, 1] }, validation: { accuracy: 1, f1: [1, 1] }, test: { accuracy: 1, f1: [1, 1] }, baseline: { accuracy: 0.5, f1: [0.5, 0.5] }, confusion: [[1, 0], [0, 1]], epochs: 1, trainMs: 1 },
      trainedOn: { train: [], validation: [], test: [], fingerprint: 'x' },
      artifacts: await modelArtifacts(network),
    });
    network.dispose();
    await page.getByRole('link', { name: 'Train' }).click();
    const alert = page.getByRole('alert');
    await withDiskFullAfter(page, 0, async () => {
      await page.locator('input[type=file][accept=".json,application/json"]').setInputFiles([{ name: 'm.motion-lab-model.json', mimeType: 'application/json', buffer: Buffer.from(model) }]);
      await alert.first().waitFor({ timeout: 60_000 });
    });
    expect(await alert.first().textContent()).toMatch(/storage for Motion Lab is full/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
