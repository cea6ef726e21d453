import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFloat32, formatFloat64, formatSampleValues } from './number-format';

describe('formatFloat32', () => {
  it.each([
    [-1.446, '-1.446'],
    [0.1, '0.1'],
    [9.80665, '9.80665'],
    [16777217, '16777216'],
    [1 / 3, '0.33333334'],
    [3.4028234663852886e38, '3.4028235e+38'],
    [1.401298464324817e-45, '1e-45'],
    [1.1754942106924411e-38, '1.1754942e-38'],
    [-0, '-0'],
  ])('writes %s as %s', (value, text) => {
    expect(formatFloat32(Math.fround(value))).toBe(text);
  });

  it('reads back as exactly the same float32, with no more than 9 significant digits', () => {
    fc.assert(
      fc.property(fc.float({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = formatFloat32(value);
        expect(Object.is(Math.fround(Number(text)), value)).toBe(true);
        const read = Number(text);
        expect(read === 0 || Number(read.toPrecision(9)) === read).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('is never longer than the shortest decimal of 6 digits or fewer', () => {
    fc.assert(
      fc.property(fc.integer({ min: -999_999, max: 999_999 }), fc.integer({ min: -6, max: 3 }), (mantissa, exponent) => {
        const decimal = Number(`${mantissa}e${exponent}`);
        expect(Number(formatFloat32(Math.fround(decimal)))).toBe(decimal);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formatFloat64', () => {
  it('reads back as exactly the same double, -0 included', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
      expect(Object.is(Number(formatFloat64(value)), value)).toBe(true);
    }));
  });
});

describe('formatSampleValues', () => {
  it('writes acceleration, then rotation when there is a gyroscope', () => {
    const samples = { t: new Float64Array(2), acc: Float32Array.from([1, 2, 3, 4, 5, 6]), gyro: Float32Array.from([7, 8, 9, 10, 11, 12]) };
    expect(formatSampleValues(samples, 1)).toBe('4,5,6,10,11,12');
    expect(formatSampleValues({ ...samples, gyro: null }, 0)).toBe('1,2,3');
  });
});
