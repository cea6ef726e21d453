import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeIdx, IdxError } from './idx';
import { readOpenedDigits, type OpenedFile } from './opened-digits';

/** A pair of IDX files of `count` 28 × 28 images, each filled with its index, labelled index mod 10. */
function pair(prefix: string, count: number, gzip = false): OpenedFile[] {
  const images = encodeIdx({ dims: [count, 28, 28], data: Uint8Array.from({ length: count * 784 }, (_, i) => Math.floor(i / 784) % 256) });
  const labels = encodeIdx({ dims: [count], data: Uint8Array.from({ length: count }, (_, i) => i % 10) });
  const wrap = (bytes: Uint8Array) => (gzip ? new Uint8Array(gzipSync(bytes)) : bytes);
  const ending = gzip ? '-ubyte.gz' : '-ubyte';
  return [
    { name: `${prefix}-images-idx3${ending}`, bytes: wrap(images) },
    { name: `${prefix}-labels-idx1${ending}`, bytes: wrap(labels) },
  ];
}

async function problem(files: OpenedFile[]): Promise<{ file: string; code: string }> {
  try {
    await readOpenedDigits(files);
  } catch (error) {
    if (error instanceof IdxError) return { file: error.file, code: error.problem.code };
    throw error;
  }
  throw new Error('expected an IdxError');
}

describe('readOpenedDigits', () => {
  it('pairs MNIST’s four files by name, in any order, gzip or not, and tells training from test', async () => {
    const [trainImages, trainLabels] = pair('train', 60, true) as [OpenedFile, OpenedFile];
    const [testImages, testLabels] = pair('t10k', 10) as [OpenedFile, OpenedFile];
    const opened = await readOpenedDigits([testLabels, trainImages, testImages, trainLabels]);
    expect(opened.train.count).toBe(60);
    expect(opened.test.count).toBe(10);
    expect([...opened.test.labels]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(opened.name).toBe('train-ubyte + t10k-ubyte');
  });

  it('splits a single pair, keeping its last sixth for testing', async () => {
    const opened = await readOpenedDigits(pair('fashion', 60));
    expect([opened.train.count, opened.test.count]).toEqual([50, 10]);
    expect(opened.test.images[0]).toBe(50);
  });

  it('names the file without its partner, of the wrong size, or that is not IDX', async () => {
    expect(await problem(pair('train', 5).slice(0, 1))).toEqual({ file: 'train-images-idx3-ubyte', code: 'unpaired' });
    const small = encodeIdx({ dims: [2, 8, 8], data: new Uint8Array(128) });
    const labels = encodeIdx({ dims: [2], data: new Uint8Array(2) });
    expect(await problem([{ name: 'a-images', bytes: small }, { name: 'a-labels', bytes: labels }])).toEqual({ file: 'a-images', code: 'size-mismatch' });
    expect(await problem([...pair('train', 5), { name: 'notes.txt', bytes: new TextEncoder().encode('hello') }])).toEqual({ file: 'notes.txt', code: 'not-idx' });
    expect((await problem([...pair('a', 2), ...pair('b', 2), ...pair('c', 2)])).code).toBe('too-many-sets');
    expect((await problem([])).code).toBe('not-idx');
  });
});
