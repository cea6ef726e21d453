import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Segment } from './resample';
import { defaultFeatureConfig, extractorFor } from './features';
import { checkWindowBounds, defaultWindowConfig, windowCount, windowsOf, windowSamples, strideSamples } from './windows';

function segment(t0Ms: number, samples: number, rateHz = 50): Segment {
  return { t0Ms, rateHz, acc: Float32Array.from({ length: samples * 3 }, (_, i) => t0Ms + Math.floor(i / 3)) };
}

describe('windowsOf', () => {
  it('gives floor((n − length) / stride) + 1 windows per segment, never one across two', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 5 }),
        fc.integer({ min: 1, max: 150 }),
        fc.integer({ min: 1, max: 60 }),
        (lengths, length, stride) => {
          const config = { rateHz: 50, windowS: length / 50, strideS: stride / 50 };
          // Segments a second apart; each sample holds its own index within its segment's numbering.
          let start = 0;
          const segments = lengths.map((n) => {
            const s = segment(start, n);
            start += n + 1000;
            return s;
          });
          const windows = windowsOf(segments, config);
          const expected = lengths.map((n) => (n < length ? 0 : Math.floor((n - length) / stride) + 1));
          expect(windows).toHaveLength(expected.reduce((a, b) => a + b, 0));
          for (const window of windows) {
            const owner = segments[window.segment]!;
            expect(window.acc.length).toBe(length * 3);
            expect(window.acc.buffer).toBe(owner.acc.buffer);
            const first = (window.acc.byteOffset - owner.acc.byteOffset) / 12;
            expect(first % stride).toBe(0);
            expect(first + length).toBeLessThanOrEqual(owner.acc.length / 3);
            expect(window.t0Ms).toBeCloseTo(owner.t0Ms + first * 20, 9);
          }
        },
      ),
    );
  });

  it('makes 2 s windows every 0.5 s by default: 17 in 10 s at 50 Hz', () => {
    expect([windowSamples(defaultWindowConfig), strideSamples(defaultWindowConfig)]).toEqual([100, 25]);
    const windows = windowsOf([segment(1000, 500)], defaultWindowConfig);
    expect(windows).toHaveLength(17);
    expect(windows.map((w) => w.t0Ms).slice(0, 3)).toEqual([1000, 1500, 2000]);
    expect(windowCount(500, 100, 25)).toBe(17);
    expect(windowCount(99, 100, 25)).toBe(0);
  });

  it('refuses segments at another rate than the windows', () => {
    expect(() => windowsOf([segment(0, 200, 25)], defaultWindowConfig)).toThrow(/25 Hz/);
  });
});

describe('the one bound on a window', () => {
  it('the default and the lessons’ windows pass; SisFall’s 200 Hz for 10 s too', () => {
    for (const config of [defaultWindowConfig, { rateHz: 200, windowS: 10, strideS: 1 }, { rateHz: 50, windowS: 0.5, strideS: 0.1 }]) expect(() => checkWindowBounds(config)).not.toThrow();
  });

  it('a rate, a window, a stride or their product out of bounds is refused before any extractor is built', () => {
    const hostile = [
      { rateHz: 1e9, windowS: 2, strideS: 0.5 },
      { rateHz: 50, windowS: 1e7, strideS: 0.5 },
      { rateHz: 1000, windowS: 13, strideS: 0.5 },
      { rateHz: 50, windowS: 2, strideS: 0 },
      { rateHz: 50, windowS: 0.01, strideS: 0.01 },
      { rateHz: Number.NaN, windowS: 2, strideS: 0.5 },
    ];
    for (const config of hostile) {
      expect(() => checkWindowBounds(config)).toThrow(expect.objectContaining({ code: 'error.window.out-of-bounds' }));
      expect(() => extractorFor({ ...defaultFeatureConfig, ...config })).toThrow(/out of bounds/);
    }
  });
});
