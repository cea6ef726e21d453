/**
 * A radix-2 FFT for real series. A real series of N values is packed into N/2 complex values
 * (even samples as real parts, odd as imaginary), transformed with a complex FFT of half the
 * size, and the two interleaved spectra are separated again: about half the work of a complex
 * FFT of size N, which matters when every window of every recording goes through it.
 *
 * Tables (bit reversal, twiddles) and work buffers are made once per size and reused, so a
 * transform allocates nothing.
 */
export class RealFft {
  /** Number of real input values; a power of two, at least 2. */
  readonly size: number;
  readonly #half: number;
  readonly #bitReverse: Uint32Array;
  /** cos and sin of 2πj / half, for the half-size complex FFT's butterflies. */
  readonly #cos: Float64Array;
  readonly #sin: Float64Array;
  /** cos and sin of 2πk / size, to separate the even and odd spectra. */
  readonly #splitCos: Float64Array;
  readonly #splitSin: Float64Array;
  readonly #re: Float64Array;
  readonly #im: Float64Array;

  constructor(size: number) {
    if (!Number.isInteger(size) || size < 2 || (size & (size - 1)) !== 0) {
      throw new RangeError(`RealFft: the size must be a power of two of at least 2, not ${size}`);
    }
    this.size = size;
    const half = size / 2;
    this.#half = half;
    this.#bitReverse = new Uint32Array(half);
    const bits = Math.log2(half);
    for (let i = 0; i < half; i += 1) {
      let reversed = 0;
      for (let b = 0; b < bits; b += 1) reversed |= ((i >> b) & 1) << (bits - 1 - b);
      this.#bitReverse[i] = reversed;
    }
    this.#cos = new Float64Array(Math.max(1, half / 2));
    this.#sin = new Float64Array(Math.max(1, half / 2));
    for (let j = 0; j < half / 2; j += 1) {
      this.#cos[j] = Math.cos((2 * Math.PI * j) / half);
      this.#sin[j] = Math.sin((2 * Math.PI * j) / half);
    }
    this.#splitCos = new Float64Array(half + 1);
    this.#splitSin = new Float64Array(half + 1);
    for (let k = 0; k <= half; k += 1) {
      this.#splitCos[k] = Math.cos((2 * Math.PI * k) / size);
      this.#splitSin[k] = Math.sin((2 * Math.PI * k) / size);
    }
    this.#re = new Float64Array(half);
    this.#im = new Float64Array(half);
  }

  /**
   * The discrete Fourier transform X[k] = Σ x[n]·e^(−2πikn/N) of `input` (length `size`), for
   * k = 0 … size/2 (the rest mirrors them for a real series), into `re` and `im` (length
   * size/2 + 1).
   *
   * @example
   * const fft = new RealFft(8);
   * const re = new Float64Array(5), im = new Float64Array(5);
   * fft.transform(Float64Array.of(1, 0, 0, 0, 0, 0, 0, 0), re, im); // re all 1, im all 0
   */
  transform(input: ArrayLike<number>, re: Float64Array, im: Float64Array): void {
    const half = this.#half;
    const zr = this.#re;
    const zi = this.#im;
    for (let m = 0; m < half; m += 1) {
      const at = this.#bitReverse[m]!;
      zr[at] = input[2 * m]!;
      zi[at] = input[2 * m + 1]!;
    }
    for (let length = 2; length <= half; length *= 2) {
      const step = half / length;
      const span = length / 2;
      for (let start = 0; start < half; start += length) {
        for (let j = 0; j < span; j += 1) {
          const wr = this.#cos[j * step]!;
          const wi = -this.#sin[j * step]!;
          const a = start + j;
          const b = a + span;
          const br = zr[b]! * wr - zi[b]! * wi;
          const bi = zr[b]! * wi + zi[b]! * wr;
          zr[b] = zr[a]! - br;
          zi[b] = zi[a]! - bi;
          zr[a] = zr[a]! + br;
          zi[a] = zi[a]! + bi;
        }
      }
    }
    // Z = E + i·O, where E and O are the spectra of the even and odd samples; X[k] = E[k] + W^k·O[k].
    for (let k = 0; k <= half; k += 1) {
      const ar = zr[k % half]!;
      const ai = zi[k % half]!;
      const mirror = (half - k) % half;
      const br = zr[mirror]!;
      const bi = -zi[mirror]!;
      const evenRe = (ar + br) / 2;
      const evenIm = (ai + bi) / 2;
      const oddRe = (ai - bi) / 2;
      const oddIm = -(ar - br) / 2;
      const c = this.#splitCos[k]!;
      const s = this.#splitSin[k]!;
      re[k] = evenRe + c * oddRe + s * oddIm;
      im[k] = evenIm + c * oddIm - s * oddRe;
    }
  }
}

/**
 * The next power of two at or above `n` (and at least 2): the FFT size for a window of n samples.
 *
 * @example
 * fftSizeFor(100) // 128
 */
export function fftSizeFor(n: number): number {
  let size = 2;
  while (size < n) size *= 2;
  return size;
}
