import { describe, expect, it } from 'vitest';
import { packDigitFiles } from '../../../build/mnist-digits';
import { countPerClass, decodeShippedDigits, splitShipped } from './shipped-digits';

describe('the shipped digits', () => {
  const files = packDigitFiles();

  it('fit in 2 MB', () => {
    expect(files.images.length + files.labels.length).toBeLessThanOrEqual(2 * 1024 * 1024);
  });

  it('decode to the package’s 10,000 digits with its counts per digit', async () => {
    const set = await decodeShippedDigits(files.images, files.labels);
    expect(set).toMatchObject({ count: 10_000, rows: 28, cols: 28 });
    expect(countPerClass(set.labels)).toEqual([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
  });

  it('split 8,000 / 1,000 / 1,000 with every digit in each part', async () => {
    const { train, validation, test } = splitShipped(await decodeShippedDigits(files.images, files.labels));
    expect([train.count, validation.count, test.count]).toEqual([8000, 1000, 1000]);
    expect(test.images.length).toBe(1000 * 784);
    for (const part of [train, validation, test]) expect(Math.min(...countPerClass(part.labels))).toBeGreaterThan(part.count / 20);
  });

  it('keep the package’s pixels to its three decimals', async () => {
    const { createRequire } = await import('node:module');
    const zeros = (createRequire(import.meta.url)('mnist/src/digits/0.json') as { data: number[] }).data;
    const set = await decodeShippedDigits(files.images, files.labels);
    const first = set.labels.indexOf(0);
    const pixels = [...set.images.subarray(first * 784, (first + 1) * 784)].map((byte) => Number((byte / 255).toFixed(3)));
    // Which of the package's zeros it is: the one whose pixels all match.
    const matches = Array.from({ length: zeros.length / 784 }, (_, index) => index).filter((index) =>
      pixels.every((value, pixel) => Math.abs(value - (zeros[index * 784 + pixel] as number)) < 0.0021),
    );
    expect(matches.length).toBeGreaterThanOrEqual(1);
  });
});
