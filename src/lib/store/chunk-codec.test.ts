import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { packColumns, unpackColumns } from './chunk-codec';

function noisy(count: number) {
  const dt = new Float32Array(count);
  const acc = new Float32Array(count * 3);
  const gyro = new Float32Array(count * 3);
  for (let i = 0; i < count; i += 1) {
    dt[i] = i * 10 + (Math.random() - 0.5) * 2;
    acc.set([Math.sin(i / 30) + Math.random() * 0.1, Math.cos(i / 20) + Math.random() * 0.1, 9.81 + Math.random() * 0.1], i * 3);
    gyro.set([Math.random() * 100, -Math.random(), Math.random()], i * 3);
  }
  return { dt, acc, gyro };
}

describe('chunk packing', () => {
  test('gives back every bit, with and without a gyroscope, and is smaller than the raw floats', async () => {
    const { dt, acc, gyro } = noisy(1024);
    const withGyro = await packColumns(dt, acc, gyro);
    expect(await unpackColumns(withGyro, 1024, true, true)).toEqual({ dt, acc, gyro });
    const accOnly = await packColumns(dt, acc, null);
    expect(await unpackColumns(accOnly, 1024, false, true)).toEqual({ dt, acc, gyro: null });
    expect(accOnly.length / 1024).toBeLessThan(13);
  });

  test('round-trips any floats, NaN, infinities and -0 included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.float(), { minLength: 0, maxLength: 60 }).map((values) => values.slice(0, values.length - (values.length % 4))), async (values) => {
        const count = values.length / 4;
        const dt = Float32Array.from(values.slice(0, count));
        const acc = Float32Array.from(values.slice(count));
        const back = await unpackColumns(await packColumns(dt, acc, null), count, false, true);
        expect(new Uint8Array(back.dt.buffer)).toEqual(new Uint8Array(dt.buffer));
        expect(new Uint8Array(back.acc.buffer)).toEqual(new Uint8Array(acc.buffer));
      }),
      { numRuns: 100 },
    );
  });

  test('a chunk of the wrong size is refused', async () => {
    const { dt, acc } = noisy(10);
    await expect(unpackColumns(await packColumns(dt, acc, null), 11, false, true)).rejects.toThrow('holds 160 bytes where 11 samples need 176');
  });

  test('reads chunks packed before time deltas were written', async () => {
    // Written by the first version of packColumns, which packed the time column as it is.
    const firstVersion = Uint8Array.from(atob('Y2CAApU5HxkcHR1hXAYFhwZ7e3t7GHfBgQaG/fv374fxZWTlFByB6gE='), (c) => c.charCodeAt(0));
    expect(await unpackColumns(firstVersion, 4, false, false)).toEqual({
      dt: Float32Array.of(0, 10.25, 19.5, 30.125),
      acc: Float32Array.of(0.5, -1.25, 9.75, 0.625, -1.5, 9.8125, 0.75, -1, 9.875, 1, -0.5, 10),
      gyro: null,
    });
  });
});
