import { fftSizeFor, RealFft } from './fft';

/**
 * The power spectrum of one channel of a window: what the features' band powers and the step
 * cadence of the rule baseline are read from.
 *
 * The series' mean is removed first, so that gravity's 1 g (on the magnitude, or on whichever
 * axis points down) does not leak into the lowest band. A Hann window then tapers both ends to
 * zero: a 2 s window rarely holds a whole number of steps, and the jump between its ends would
 * otherwise spread power over every band. The series is zero-padded to the next power of two.
 *
 * Power is one-sided and scaled so that the bins add up to the Hann-weighted mean square of the
 * centred series, Σ(w·(x − x̄))² / Σw², about its variance: a band's power is in (m/s²)², the
 * variance the motion has in that band, whatever the window length or FFT size.
 *
 * Resolution is set by the window, not the padding: with a 2 s window a pure tone spreads over
 * about ±1 Hz (the Hann main lobe is 4 / window s wide), so a tone at a band edge shares its power
 * between both bands.
 */
export class Spectrum {
  /** Samples per series. */
  readonly length: number;
  readonly rateHz: number;
  readonly fftSize: number;
  /** Frequency step between bins: bin k is at k × binHz. */
  readonly binHz: number;
  /** One-sided power of bins 0 … fftSize/2 after `compute`, in the series' units squared. */
  readonly power: Float64Array;
  readonly #fft: RealFft;
  readonly #hann: Float64Array;
  readonly #padded: Float64Array;
  readonly #re: Float64Array;
  readonly #im: Float64Array;
  /** Per bin: 2 / (N · Σw²), 1 / (N · Σw²) for bin 0 and the Nyquist bin, which have no mirror. */
  readonly #scale: Float64Array;

  constructor(length: number, rateHz: number) {
    if (!Number.isInteger(length) || length < 2) throw new RangeError(`Spectrum: a series needs at least 2 samples, not ${length}`);
    if (!(rateHz > 0) || !Number.isFinite(rateHz)) throw new RangeError(`Spectrum: the rate must be above 0 Hz, not ${rateHz}`);
    this.length = length;
    this.rateHz = rateHz;
    this.fftSize = fftSizeFor(length);
    this.binHz = rateHz / this.fftSize;
    this.#fft = new RealFft(this.fftSize);
    // The periodic Hann window (÷ length, not length − 1): the one whose spectrum leaks least
    // between bins for spectral analysis.
    this.#hann = new Float64Array(length);
    let sumSquares = 0;
    for (let i = 0; i < length; i += 1) {
      const w = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / length);
      this.#hann[i] = w;
      sumSquares += w * w;
    }
    const bins = this.fftSize / 2 + 1;
    this.#padded = new Float64Array(this.fftSize);
    this.#re = new Float64Array(bins);
    this.#im = new Float64Array(bins);
    this.power = new Float64Array(bins);
    this.#scale = new Float64Array(bins).fill(2 / (this.fftSize * sumSquares));
    this.#scale[0] = 1 / (this.fftSize * sumSquares);
    this.#scale[bins - 1] = 1 / (this.fftSize * sumSquares);
  }

  /**
   * Fills `power` with the spectrum of `series` (exactly `length` values).
   *
   * @example
   * const spectrum = spectrumFor(100, 50);
   * spectrum.compute(magnitude);
   * spectrum.dominantHz(1, 3.5); // steps per second
   */
  compute(series: ArrayLike<number>): void {
    const n = this.length;
    if (series.length !== n) throw new RangeError(`Spectrum: expected ${n} samples, got ${series.length}`);
    let sum = 0;
    for (let i = 0; i < n; i += 1) sum += series[i]!;
    const mean = sum / n;
    const padded = this.#padded;
    for (let i = 0; i < n; i += 1) padded[i] = (series[i]! - mean) * this.#hann[i]!;
    this.#fft.transform(padded, this.#re, this.#im);
    for (let k = 0; k < this.power.length; k += 1) {
      const re = this.#re[k]!;
      const im = this.#im[k]!;
      this.power[k] = (re * re + im * im) * this.#scale[k]!;
    }
  }

  /**
   * The bins whose frequency f satisfies loHz ≤ f < hiHz, as [from, to): the same bins
   * `bandPower` adds, for callers that read many windows and want the range once.
   *
   * @example
   * new Spectrum(100, 50).binRange(2, 3) // [6, 8]: bins at 2.34 and 2.73 Hz
   */
  binRange(loHz: number, hiHz: number): [from: number, to: number] {
    const last = this.power.length;
    const from = Math.min(last, Math.max(0, Math.ceil(loHz / this.binHz - 1e-9)));
    const to = Math.min(last, Math.max(from, Math.ceil(hiHz / this.binHz - 1e-9)));
    return [from, to];
  }

  /**
   * Power of the bins from `from` (inclusive) to `to` (exclusive).
   *
   * @example
   * const [from, to] = spectrum.binRange(2, 3); // once
   * spectrum.binPower(from, to); // for every window
   */
  binPower(from: number, to: number): number {
    let total = 0;
    for (let k = from; k < to; k += 1) total += this.power[k]!;
    return total;
  }

  /**
   * Power of the bins with loHz ≤ f < hiHz; 0 for a band above the Nyquist frequency.
   *
   * @example
   * spectrum.bandPower(2, 3); // (m/s²)² of the motion between 2 and 3 Hz
   */
  bandPower(loHz: number, hiHz: number): number {
    const [from, to] = this.binRange(loHz, hiHz);
    return this.binPower(from, to);
  }

  /**
   * The frequency of the strongest bin with loHz ≤ f < hiHz, refined between bins by fitting a
   * parabola through the log power of the peak and its neighbours (the Hann main lobe is close
   * to a Gaussian, whose log is a parabola), so the estimate is not stuck on the 0.39 Hz grid of a
   * 2 s window at 50 Hz. 0 when no bin in the band holds more than NO_POWER (a motionless series).
   *
   * @example
   * spectrum.compute(magnitude);
   * spectrum.dominantHz(0.5, 3.5); // e.g. 1.83 for a walk
   */
  dominantHz(loHz: number, hiHz: number): number {
    const [from, to] = this.binRange(loHz, hiHz);
    let peak = -1;
    let peakPower = NO_POWER;
    for (let k = from; k < to; k += 1) {
      if (this.power[k]! > peakPower) {
        peak = k;
        peakPower = this.power[k]!;
      }
    }
    if (peak < 0) return 0;
    const below = this.power[peak - 1] ?? 0;
    const above = this.power[peak + 1] ?? 0;
    // Only a true local maximum is refined; a peak at the edge of the range is a lobe's flank.
    if (below <= 0 || above <= 0 || below > peakPower || above > peakPower) return peak * this.binHz;
    const a = Math.log(below);
    const b = Math.log(peakPower);
    const c = Math.log(above);
    const curvature = a - 2 * b + c;
    const offset = curvature < 0 ? Math.max(-0.5, Math.min(0.5, (0.5 * (a - c)) / curvature)) : 0;
    return (peak + offset) * this.binHz;
  }
}

/**
 * Power below this, (m/s²)², is rounding error, not motion: the mean of a constant series is not
 * always exactly its value in floating point, and what is left shows as a peak at a random bin.
 */
export const NO_POWER = 1e-12;

const spectra = new Map<string, Spectrum>();

/**
 * The shared Spectrum for series of `length` samples at `rateHz`: its tables and buffers are
 * made on first use and kept, as every window of a model has the same length. One module
 * instance per page or worker, and JavaScript runs one call at a time in each, so sharing the
 * buffers is safe; a caller reads `power` before the next `compute`.
 *
 * @example
 * const spectrum = spectrumFor(100, 50);
 */
export function spectrumFor(length: number, rateHz: number): Spectrum {
  const key = `${length}@${rateHz}`;
  let spectrum = spectra.get(key);
  if (!spectrum) {
    spectrum = new Spectrum(length, rateHz);
    spectra.set(key, spectrum);
  }
  return spectrum;
}
