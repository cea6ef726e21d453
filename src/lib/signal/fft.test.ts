import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fftSizeFor, RealFft } from './fft';

/** The textbook O(N²) DFT, to check the fast one against. */
function naiveDft(input: readonly number[]): { re: number[]; im: number[] } {
  const n = input.length;
  const re: number[] = [];
  const im: number[] = [];
  for (let k = 0; k <= n / 2; k += 1) {
    let sumRe = 0;
    let sumIm = 0;
    input.forEach((x, t) => {
      sumRe += x * Math.cos((2 * Math.PI * k * t) / n);
      sumIm -= x * Math.sin((2 * Math.PI * k * t) / n);
    });
    re.push(sumRe);
    im.push(sumIm);
  }
  return { re, im };
}

describe('RealFft', () => {
  it('matches the textbook DFT for every power-of-two size up to 256', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((bits) =>
          fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 2 ** bits, maxLength: 2 ** bits }),
        ),
        (input) => {
          const fft = new RealFft(input.length);
          const re = new Float64Array(input.length / 2 + 1);
          const im = new Float64Array(input.length / 2 + 1);
          fft.transform(input, re, im);
          const expected = naiveDft(input);
          const scale = 1e-9 * input.length * 100;
          expected.re.forEach((value, k) => expect(Math.abs(re[k]! - value)).toBeLessThan(scale));
          expected.im.forEach((value, k) => expect(Math.abs(im[k]! - value)).toBeLessThan(scale));
        },
      ),
    );
  });

  it('turns an impulse into a flat spectrum', () => {
    const re = new Float64Array(5);
    const im = new Float64Array(5);
    new RealFft(8).transform(Float64Array.of(1, 0, 0, 0, 0, 0, 0, 0), re, im);
    expect([...re]).toEqual([1, 1, 1, 1, 1]);
    expect([...im].map((v) => Math.abs(v) < 1e-15)).toEqual([true, true, true, true, true]);
  });

  it('refuses a size that is not a power of two', () => {
    expect(() => new RealFft(100)).toThrow(RangeError);
    expect(() => new RealFft(1)).toThrow(RangeError);
  });
});

describe('fftSizeFor', () => {
  it('is the next power of two, at least 2', () => {
    expect([1, 2, 3, 64, 65, 100, 128].map(fftSizeFor)).toEqual([2, 2, 4, 64, 128, 128, 128]);
  });
});
