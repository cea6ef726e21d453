import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeIdx, IdxError, pairImages, parseIdx, readIdx, type IdxProblem } from './idx';

const images = encodeIdx({ dims: [3, 2, 2], data: Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 255]) });
const labels = encodeIdx({ dims: [3], data: Uint8Array.from([7, 0, 9]) });

async function problemOf(run: () => unknown): Promise<{ file: string; problem: IdxProblem }> {
  try {
    await run();
  } catch (error) {
    if (error instanceof IdxError) return { file: error.file, problem: error.problem };
    throw error;
  }
  throw new Error('expected an IdxError');
}

describe('readIdx', () => {
  it('reads an image file and a label file, the header read big-endian', async () => {
    const read = await readIdx(images, 'a-images-idx3-ubyte');
    expect(read.dims).toEqual([3, 2, 2]);
    expect([...read.data]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 255]);
    expect(images.subarray(0, 8)).toEqual(Uint8Array.from([0, 0, 8, 3, 0, 0, 0, 3]));
    expect((await readIdx(labels, 'a-labels-idx1-ubyte')).dims).toEqual([3]);
  });

  it('reads the same files gzip-compressed', async () => {
    const read = await readIdx(new Uint8Array(gzipSync(images)), 'a-images-idx3-ubyte.gz');
    expect(read).toEqual(parseIdx(images, 'a'));
  });

  it('pairs images with their labels', async () => {
    const pair = pairImages(await readIdx(images, 'i'), await readIdx(labels, 'l'), 'i', 'l');
    expect(pair).toMatchObject({ count: 3, rows: 2, cols: 2 });
    expect([...pair.labels]).toEqual([7, 0, 9]);
  });

  it('refuses a file that is not IDX, naming it', async () => {
    const text = new TextEncoder().encode('label,x,y\n1,2,3\n');
    expect(await problemOf(() => readIdx(text, 'notes.csv'))).toEqual({ file: 'notes.csv', problem: { code: 'not-idx' } });
    expect(await problemOf(() => readIdx(new Uint8Array(0), 'empty'))).toEqual({ file: 'empty', problem: { code: 'not-idx' } });
  });

  it('refuses a wrong type byte (the magic number’s third byte)', async () => {
    const floats = images.slice();
    floats[2] = 0x0d;
    expect((await problemOf(() => readIdx(floats, 'f'))).problem).toEqual({ code: 'unsupported-type', typeByte: 0x0d });
  });

  it('refuses truncated files, plain or gzip, and files with bytes to spare', async () => {
    expect((await problemOf(() => readIdx(images.subarray(0, images.length - 1), 't'))).problem).toEqual({
      code: 'truncated',
      expectedBytes: images.length,
      foundBytes: images.length - 1,
    });
    expect((await problemOf(() => readIdx(images.subarray(0, 10), 't'))).problem).toMatchObject({ code: 'truncated', foundBytes: 10 });
    const zipped = new Uint8Array(gzipSync(images));
    expect((await problemOf(() => readIdx(zipped.subarray(0, zipped.length - 6), 't.gz'))).problem).toEqual({ code: 'bad-gzip' });
    const longer = new Uint8Array(images.length + 2);
    longer.set(images);
    expect((await problemOf(() => readIdx(longer, 'x'))).problem).toEqual({ code: 'extra-bytes', extraBytes: 2 });
  });

  it('stops decompressing past the size its header declares, or past the limit of a file', async () => {
    const bomb = new Uint8Array(64 * 2 ** 20);
    bomb.set(images.subarray(0, 16));
    expect((await problemOf(() => readIdx(new Uint8Array(gzipSync(bomb)), 'bomb.gz'))).problem).toEqual({ code: 'longer-than-header' });
    const huge = encodeIdx({ dims: [2 ** 20, 28, 28], data: new Uint8Array(0) });
    expect((await problemOf(() => readIdx(new Uint8Array(gzipSync(huge)), 'huge.gz'))).problem).toEqual({ code: 'too-large' });
    expect((await problemOf(() => readIdx(new Uint8Array(gzipSync(new TextEncoder().encode('label,x\n'))), 'notes.csv.gz'))).problem).toEqual({ code: 'not-idx' });
  });

  it('refuses images and labels that do not match, naming the label file', async () => {
    const fewer = encodeIdx({ dims: [2], data: Uint8Array.from([1, 2]) });
    expect(await problemOf(() => pairImages(parseIdx(images, 'i'), parseIdx(fewer, 'l'), 'i', 'l'))).toEqual({
      file: 'l',
      problem: { code: 'count-mismatch', images: 3, labels: 2 },
    });
    expect((await problemOf(() => pairImages(parseIdx(labels, 'l'), parseIdx(labels, 'l'), 'l', 'l'))).problem.code).toBe('not-images');
    expect((await problemOf(() => pairImages(parseIdx(images, 'i'), parseIdx(images, 'i'), 'i', 'i2'))).file).toBe('i2');
    const badLabel = encodeIdx({ dims: [3], data: Uint8Array.from([1, 12, 2]) });
    expect((await problemOf(() => pairImages(parseIdx(images, 'i'), parseIdx(badLabel, 'l'), 'i', 'l'))).problem).toEqual({
      code: 'label-out-of-range',
      index: 1,
      label: 12,
    });
  });

  it('refuses a set of zero images, which would train into NaN', async () => {
    const noImages = encodeIdx({ dims: [0, 28, 28], data: new Uint8Array(0) });
    const noLabels = encodeIdx({ dims: [0], data: new Uint8Array(0) });
    expect(await problemOf(() => pairImages(parseIdx(noImages, 'i'), parseIdx(noLabels, 'l'), 'i', 'l'))).toEqual({ file: 'i', problem: { code: 'no-images' } });
  });

  it('words each problem in English with the file name', () => {
    expect(new IdxError('train-labels-idx1-ubyte', { code: 'count-mismatch', images: 60000, labels: 10000 }).message).toBe(
      'train-labels-idx1-ubyte: 60000 images but 10000 labels',
    );
  });
});
