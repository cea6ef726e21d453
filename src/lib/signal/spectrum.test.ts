import { describe, expect, it } from 'vitest';
import { Spectrum, spectrumFor } from './spectrum';

function tone(frequencyHz: number, amplitude: number, samples: number, rateHz: number, offset = 0): Float64Array {
  return Float64Array.from({ length: samples }, (_, i) => offset + amplitude * Math.sin((2 * Math.PI * frequencyHz * i) / rateHz + 0.3));
}

describe('Spectrum', () => {
  it('adds up to the variance: a sine of amplitude A has power A²/2, whatever its offset', () => {
    const spectrum = new Spectrum(100, 50);
    spectrum.compute(tone(2.5, 2, 100, 50, 9.81));
    expect(spectrum.binPower(0, spectrum.power.length)).toBeCloseTo(2, 1);
    expect(spectrum.power[0]).toBeLessThan(1e-3);
  });

  it('finds the frequency of a tone between bins to within 0.05 Hz', () => {
    const spectrum = new Spectrum(100, 50);
    for (const frequencyHz of [1.1, 1.5, 1.8, 2, 2.3, 2.7, 3.2, 4.5, 7]) {
      spectrum.compute(tone(frequencyHz, 1, 100, 50));
      expect(Math.abs(spectrum.dominantHz(0.5, 12) - frequencyHz)).toBeLessThan(0.05);
    }
  });

  it('gives 0 Hz and 0 power for a motionless series', () => {
    const spectrum = new Spectrum(100, 50);
    spectrum.compute(new Float64Array(100).fill(9.81));
    expect(spectrum.dominantHz(0.5, 12)).toBe(0);
    expect(spectrum.bandPower(0.5, 12)).toBeLessThan(1e-20);
  });

  it('puts a bin on a band edge in the upper band, and a band above Nyquist is empty', () => {
    const spectrum = new Spectrum(64, 64); // bins at whole Hz, 0 … 32
    expect(spectrum.binRange(1, 2)).toEqual([1, 2]);
    expect(spectrum.binRange(2, 3)).toEqual([2, 3]);
    expect(spectrum.binRange(40, 50)).toEqual([33, 33]);
  });

  it('is shared per length and rate', () => {
    expect(spectrumFor(100, 50)).toBe(spectrumFor(100, 50));
    expect(spectrumFor(100, 50)).not.toBe(spectrumFor(100, 25));
  });
});
