import { channelCorrelation, channelStats, emptyChannelStats, type ChannelStats } from './channel-stats';
import { magnitudeOf } from './magnitude';
import { logJerkRms, periodicity, skewness, type Periodicity } from './rhythm';
import { Spectrum } from './spectrum';
import { checkWindowBounds, defaultWindowConfig, windowSamples, type MotionWindow, type WindowConfig } from './windows';

/**
 * What the network reads from a window: either a few dozen numbers that summarise it (features),
 * or the window itself (raw). Features let a small network learn from minutes of data; raw input
 * leaves the network to find its own, which needs more data and more units.
 *
 * Channels are x, y, z (the phone's axes) and mag (|a|, which does not depend on how the phone is
 * held; see magnitude.ts). n is the number of samples in the window, r the rate in Hz, c̄ the
 * channel's mean over the window. A model uses the spectrum, vertical and rhythm groups by default
 * (defaultFeatureGroups, 32 values), the ones that read the same however the device sits; the
 * statistics, crossings and correlations are there to switch on.
 *
 * | name                      | formula                                     | why it helps                                                                                             |
 * |---------------------------|---------------------------------------------|----------------------------------------------------------------------------------------------------------|
 * | `c.mean`                  | Σc / n                                      | on an axis, which way gravity points: how the phone is held (upright in a pocket, flat on handlebars)     |
 * | `c.std`                   | √(Σ(c − c̄)² / n)                            | how hard the motion is: on |a| at the waist about 2 m/s² walking, 7–9 running (SisFall)                  |
 * | `c.min`, `c.max`          | smallest, largest value                     | the hardest impacts: heel strikes when running reach 2–3 g                                               |
 * | `c.range`                 | max − min                                   | peak-to-peak swing, a second, outlier-sensitive view of intensity                                        |
 * | `c.rms`                   | √(Σc² / n)                                  | total acceleration energy, gravity included                                                              |
 * | `c.meanCrossingsPerS`     | sign changes of c − c̄, × r / n              | a rough frequency without an FFT: about twice the cadence for steps, noisy for a smooth golf swing        |
 * | `mag.logPower.<lo>-<hi>Hz` | log₁₀(P + 10⁻³), P = Σ of the power spectrum, lo ≤ f < hi | where the motion's variance lies in frequency: steps at 1.5–3.5 Hz, a swing below 1 Hz, road buzz above 5 |
 * | `mag.dominantHz`          | strongest frequency in 0.5–3.5 Hz           | the step (or pedal) cadence: about 1.8 Hz walking, 2.7 Hz running (SisFall medians)                      |
 * | `corr.xy`, `.xz`, `.yz`   | Pearson correlation of two axes             | whether the axes move together: a swing rotates the phone, steps shake it mostly along one axis          |
 *
 * | `vert.std`, `.min`, `.max`, `.range` | of v = a · ĝ − |ḡ|, ĝ the window's mean direction | the body's up-and-down motion, whichever way the phone is held: stairs lift it step by step, walking bobs it |
 * | `horiz.mean`, `.std`, `.max` | of h = |a − (a · ĝ) ĝ|                  | motion across gravity: swaying, swinging, the forward push of a stride                                    |
 * | `vert.logPower.<lo>-<hi>Hz`, `vert.dominantHz` | as for the magnitude, of v | the vertical rhythm alone, where stairs and level walking differ most                                     |
 * | `corr.vertHoriz`          | Pearson correlation of v and h              | whether lift and sway happen together, as they do climbing a step                                        |
 *
 * | `mag.autocorrPeak`, `vert.autocorrPeak` | highest normalised autocorrelation at lags of 0.25–1.25 s (rhythm.ts) | how evenly the motion repeats: steps and hops repeat, stairs less evenly |
 * | `mag.autocorrLagS`, `vert.autocorrLagS` | that lag, in s                       | the step or stride period                                                                                 |
 * | `vert.skewness`           | Σ(v − v̄)³ / n ÷ σ³                          | a landing is a short hard push and a long soft fall; its asymmetry differs up stairs, down and on the level |
 * | `mag.logJerkRms`          | log₁₀(√(Σ(Δ|a| · r)² / (n − 1)) + 10⁻³)     | how sharp the edges are: a heel strike against a step onto a stair                                       |
 * | `vert.meanCrossingsPerS`, `horiz.meanCrossingsPerS` | as for the axes, of v and h | a frequency without an FFT, whichever way the device sits                                                |
 * | `tilt.meanRad`, `tilt.stdRad` | of θ = atan2(h, a · ĝ), each sample's angle from ĝ | how far the device swings from its average hold: a thigh swings far more than a waist, and more on stairs |
 *
 * Band powers and the dominant frequency are read from the magnitude only (spectrum.ts explains
 * the scaling, in (m/s²)²). Per-axis spectra would triple them, and each axis's spectrum changes
 * with the phone's orientation, which a small network trained on a few recordings cannot learn
 * to undo; the cadence the spectrum is there to catch shows fully in the magnitude.
 *
 * Band powers enter as logarithms. They span four orders of magnitude (10⁻³ (m/s²)² in a quiet
 * band, 10 and more under a running step), and one person moves two or three times harder than
 * another doing the same thing: a factor, which the logarithm turns into a shift that looks
 * alike at every level. Standardised raw powers are instead a few huge values and a crowd near
 * zero, so the network reads little but the loudest band. The floor (BAND_POWER_FLOOR, about
 * the noise of a phone's or an ADXL345's accelerometer) keeps a silent band finite. On SisFall,
 * split by subject (means over 5 splits, 2 s windows), the logarithm alone took validation
 * accuracy from 0.94 to 0.97 and test accuracy from 0.94 to 0.96, mostly through fewer walks
 * taken for stairs.
 */

/** Groups of features that can be switched on and off, in the order they appear in a row. */
export const featureGroups = ['statistics', 'crossings', 'spectrum', 'correlation', 'vertical', 'rhythm'] as const;
export type FeatureGroup = (typeof featureGroups)[number];

export interface FeatureConfig extends WindowConfig {
  /**
   * 'features': the table above; 'raw': the resampled window's own values; 'channels': per sample
   * x, y, z and |a|, the layout the 1-D CNN reads (samples × 4, channels fastest).
   */
  input: 'features' | 'raw' | 'channels';
  /** For 'features': which groups; a row holds them in the order of `featureGroups`, whatever the order here. */
  groups: FeatureGroup[];
  /** For 'raw': |a| per sample instead of x, y, z. */
  rawMagnitudeOnly: boolean;
}

/**
 * The groups a model uses unless told otherwise: the ones that do not depend on how the phone
 * sits. Spectrum (of |a|), vertical (motion along and across gravity) and rhythm (how evenly |a|
 * and the vertical part repeat, their shape, the device's tilt) read the same whichever way a
 * phone is held in a pocket or a sensor is strapped to a waist. The statistics, crossings and
 * correlations of the x, y and z axes instead tell mostly how this person's device was tilted:
 * on SisFall, split by subject, a network with them learnt the tilt of the people it trained on
 * and took a person whose belt sat differently for someone on stairs (walking right 68 % of the
 * time for SE01). Over 10 subject splits in 4 s windows, validation accuracy was the same with or without them
 * (0.978 and 0.977), test accuracy 0.964 with them and 0.977 without, with 22 inputs instead of 53.
 * The rhythm group, chosen by 5-fold cross-validation by person on SisFall, took the mean from
 * 0.963 to 0.970 (folds seeded 1) and from 0.962 to 0.967 (seeded 2), most for the older people
 * the network found hardest (SE09 0.81 → 0.87), and costs about 20 µs a window.
 */
export const defaultFeatureGroups: readonly FeatureGroup[] = ['spectrum', 'vertical', 'rhythm'];

export const defaultFeatureConfig: FeatureConfig = {
  ...defaultWindowConfig,
  input: 'features',
  groups: [...defaultFeatureGroups],
  rawMagnitudeOnly: false,
};

/** Bands of the magnitude's power spectrum, in Hz, each lo ≤ f < hi. */
export const spectrumBandsHz: readonly (readonly [lo: number, hi: number])[] = [
  [0.5, 1],
  [1, 2],
  [2, 3],
  [3, 5],
  [5, 8],
  [8, 12],
];

/**
 * Where `mag.dominantHz` looks. Below 0.5 Hz is drift (turning, shifting the phone), not motion.
 * Above 3.5 Hz (210 steps/min) no one steps, but a slow walk's harmonics can outweigh its steps:
 * searched up to 12 Hz, the SisFall slow walks of 7 of the 38 subjects peak at 3.4–5.1 Hz, two
 * or three times their cadence. What lies above is in the band powers.
 */
export const DOMINANT_RANGE_HZ = [0.5, 3.5] as const;

/**
 * Added to a band's power, (m/s²)², before its logarithm is taken: 10⁻³ is a motion of 0.03 m/s²
 * RMS, the noise floor of a phone's accelerometer or of SisFall's ADXL345 (3.9 mg a step), so
 * what lies below it is noise and reads as -3 whatever its exact value.
 */
export const BAND_POWER_FLOOR = 1e-3;

/**
 * A band's power as the features give it: log₁₀(power + BAND_POWER_FLOOR).
 *
 * @example
 * logBandPower(0.999) // 0: a band holding 1 (m/s²)² of variance
 */
export function logBandPower(power: number): number {
  return Math.log10(power + BAND_POWER_FLOOR);
}

/**
 * Lags, in s, where `mag.autocorrPeak` and `vert.autocorrPeak` look for a repeat: from a quick
 * run's step (0.25 s, 240 steps/min) to a slow walk's stride (two steps of 0.6 s).
 */
export const RHYTHM_LAGS_S = [0.25, 1.25] as const;

/** RHYTHM_LAGS_S in samples at `rateHz`, rounded: the range the C twin is generated with too. */
export function rhythmLags(rateHz: number): [from: number, to: number] {
  return [Math.max(1, Math.round(RHYTHM_LAGS_S[0] * rateHz)), Math.round(RHYTHM_LAGS_S[1] * rateHz)];
}

/** The rhythm group's values, in row order. */
export const rhythmNames: readonly string[] = [
  'mag.autocorrPeak',
  'mag.autocorrLagS',
  'vert.autocorrPeak',
  'vert.autocorrLagS',
  'vert.skewness',
  'mag.logJerkRms',
  'vert.meanCrossingsPerS',
  'horiz.meanCrossingsPerS',
  'tilt.meanRad',
  'tilt.stdRad',
];

const channels = ['x', 'y', 'z', 'mag'] as const;
const statistics = ['mean', 'std', 'min', 'max', 'range', 'rms'] as const;
const axisPairs = [
  [0, 1],
  [0, 2],
  [1, 2],
] as const;

/**
 * Turns windows into rows of numbers for one FeatureConfig. Everything that depends only on the
 * config (the names, the window length, the FFT tables, the band's bins, scratch buffers) is made
 * once here, so `extract` allocates nothing.
 */
export class FeatureExtractor {
  readonly config: FeatureConfig;
  /** The name of each value of a row, in order. */
  readonly names: readonly string[];
  /** Samples a window must have. */
  readonly windowSamples: number;
  readonly #groups: ReadonlySet<FeatureGroup>;
  readonly #spectrum: Spectrum;
  /** [from, to) bins of each band, flattened. */
  readonly #bandBins: Int32Array;
  readonly #magnitude: Float64Array;
  /** Vertical and horizontal components, interleaved v, h; and v alone for its spectrum. */
  readonly #verticalHorizontal: Float64Array;
  readonly #vertical: Float64Array;
  readonly #stats: readonly ChannelStats[];
  readonly #componentStats: readonly [ChannelStats, ChannelStats];
  readonly #tilt: Float64Array;
  readonly #tiltStats: ChannelStats;
  readonly #periodicity: Periodicity = { peak: 0, lag: 0 };
  readonly #deviations: Float64Array;
  /** Lags the autocorrelation searches, in samples: RHYTHM_LAGS_S at the config's rate. */
  readonly #lags: readonly [from: number, to: number];

  constructor(config: FeatureConfig) {
    this.config = config;
    this.windowSamples = windowSamples(config);
    // Written so that NaN (an emptied number field) fails too.
    if (!(this.windowSamples >= 2)) {
      throw new RangeError(`A window of ${config.windowS} s at ${config.rateHz} Hz has fewer than 2 samples: make it longer.`);
    }
    if (!(config.strideS > 0)) throw new RangeError(`A stride of ${config.strideS} s moves no window forward: make it more than 0 s.`);
    if (config.input === 'features' && config.groups.length === 0) throw new RangeError('No feature group is enabled: enable at least one.');
    this.#groups = new Set(config.groups);
    this.names = featureNamesOf(config, this.#groups, this.windowSamples);
    this.#spectrum = new Spectrum(this.windowSamples, config.rateHz);
    this.#bandBins = Int32Array.from(spectrumBandsHz.flatMap(([lo, hi]) => this.#spectrum.binRange(lo, hi)));
    this.#magnitude = new Float64Array(this.windowSamples);
    this.#verticalHorizontal = new Float64Array(this.windowSamples * 2);
    this.#vertical = new Float64Array(this.windowSamples);
    this.#stats = channels.map(() => emptyChannelStats());
    this.#componentStats = [emptyChannelStats(), emptyChannelStats()];
    this.#tilt = new Float64Array(this.windowSamples);
    this.#tiltStats = emptyChannelStats();
    this.#deviations = new Float64Array(this.windowSamples);
    this.#lags = rhythmLags(config.rateHz);
  }

  /**
   * Writes the row of `acc` (one window, interleaved x, y, z) into `out`, which must hold
   * `names.length` values, and returns `out`.
   *
   * @example
   * const extractor = new FeatureExtractor(defaultFeatureConfig);
   * const row = extractor.extract(window.acc, new Float32Array(extractor.names.length));
   */
  extract(acc: Float32Array, out: Float32Array): Float32Array {
    const n = this.windowSamples;
    if (acc.length !== n * 3) throw new RangeError(`A window here holds ${n} samples (${n * 3} values), not ${acc.length} values.`);
    if (out.length !== this.names.length) throw new RangeError(`A row here holds ${this.names.length} values, not ${out.length}.`);
    if (this.config.input === 'raw') {
      if (this.config.rawMagnitudeOnly) magnitudeOf(acc, out);
      else out.set(acc);
      return out;
    }
    if (this.config.input === 'channels') {
      // |a| beside the axes: the one channel that reads the same however the device is held.
      const magnitude = magnitudeOf(acc, this.#magnitude);
      for (let i = 0; i < n; i += 1) {
        out[i * 4] = acc[i * 3]!;
        out[i * 4 + 1] = acc[i * 3 + 1]!;
        out[i * 4 + 2] = acc[i * 3 + 2]!;
        out[i * 4 + 3] = magnitude[i]!;
      }
      return out;
    }

    const magnitude = magnitudeOf(acc, this.#magnitude);
    const stats = this.#stats;
    for (let c = 0; c < 3; c += 1) channelStats(acc, c, 3, n, stats[c]!);
    channelStats(magnitude, 0, 1, n, stats[3]!);

    let at = 0;
    if (this.#groups.has('statistics')) {
      for (const s of stats) {
        out[at++] = s.mean;
        out[at++] = s.std;
        out[at++] = s.min;
        out[at++] = s.max;
        out[at++] = s.max - s.min;
        out[at++] = s.rms;
      }
    }
    if (this.#groups.has('crossings')) {
      const perSecond = this.config.rateHz / n;
      for (const s of stats) out[at++] = s.meanCrossings * perSecond;
    }
    if (this.#groups.has('spectrum')) {
      const spectrum = this.#spectrum;
      spectrum.compute(magnitude);
      for (let b = 0; b < this.#bandBins.length; b += 2) out[at++] = logBandPower(spectrum.binPower(this.#bandBins[b]!, this.#bandBins[b + 1]!));
      out[at++] = spectrum.dominantHz(DOMINANT_RANGE_HZ[0], DOMINANT_RANGE_HZ[1]);
    }
    if (this.#groups.has('correlation')) {
      for (const [a, b] of axisPairs) out[at++] = channelCorrelation(acc, a, b, 3, n, stats[a]!, stats[b]!);
    }
    if (this.#groups.has('vertical') || this.#groups.has('rhythm')) this.#splitAlongGravity(acc);
    if (this.#groups.has('vertical')) at = this.#verticalFeatures(out, at);
    if (this.#groups.has('rhythm')) this.#rhythmFeatures(out, at);
    return out;
  }

  /**
   * Splits each sample into a vertical part (along the window's mean acceleration, which is
   * mostly gravity) and a horizontal one, so the features no longer depend on how the phone sits,
   * with their statistics and each sample's angle from the vertical.
   */
  #splitAlongGravity(acc: Float32Array): void {
    const n = this.windowSamples;
    const [sx, sy, sz] = [this.#stats[0]!.mean, this.#stats[1]!.mean, this.#stats[2]!.mean];
    const gravity = Math.hypot(sx, sy, sz);
    const [ux, uy, uz] = gravity > 0 ? [sx / gravity, sy / gravity, sz / gravity] : [0, 0, 1];
    const vh = this.#verticalHorizontal;
    const vertical = this.#vertical;
    const tilt = this.#tilt;
    for (let i = 0; i < n; i += 1) {
      const x = acc[i * 3]!;
      const y = acc[i * 3 + 1]!;
      const z = acc[i * 3 + 2]!;
      const along = x * ux + y * uy + z * uz;
      const across = Math.sqrt(Math.max(0, x * x + y * y + z * z - along * along));
      vertical[i] = along - gravity;
      vh[i * 2] = along - gravity;
      vh[i * 2 + 1] = across;
      tilt[i] = Math.atan2(across, along);
    }
    const [v, h] = this.#componentStats;
    channelStats(vh, 0, 2, n, v);
    channelStats(vh, 1, 2, n, h);
    channelStats(tilt, 0, 1, n, this.#tiltStats);
  }

  /** The vertical group, from #splitAlongGravity's parts; returns where the next group starts. */
  #verticalFeatures(out: Float32Array, start: number): number {
    const n = this.windowSamples;
    const vh = this.#verticalHorizontal;
    const [v, h] = this.#componentStats;
    let at = start;
    out[at++] = v.std;
    out[at++] = v.min;
    out[at++] = v.max;
    out[at++] = v.max - v.min;
    out[at++] = h.mean;
    out[at++] = h.std;
    out[at++] = h.max;
    const spectrum = this.#spectrum;
    spectrum.compute(this.#vertical);
    for (let b = 0; b < this.#bandBins.length; b += 2) out[at++] = logBandPower(spectrum.binPower(this.#bandBins[b]!, this.#bandBins[b + 1]!));
    out[at++] = spectrum.dominantHz(DOMINANT_RANGE_HZ[0], DOMINANT_RANGE_HZ[1]);
    out[at++] = channelCorrelation(vh, 0, 1, 2, n, v, h);
    return at;
  }

  /** The rhythm group: periodicity, skewness, jerk, crossings and tilt, of |a| and of the vertical part. */
  #rhythmFeatures(out: Float32Array, start: number): void {
    const n = this.windowSamples;
    const rate = this.config.rateHz;
    const [from, to] = this.#lags;
    const [v, h] = this.#componentStats;
    const found = this.#periodicity;
    let at = start;
    periodicity(this.#magnitude, n, from, to, found, this.#deviations);
    out[at++] = found.peak;
    out[at++] = found.lag / rate;
    periodicity(this.#vertical, n, from, to, found, this.#deviations);
    out[at++] = found.peak;
    out[at++] = found.lag / rate;
    out[at++] = skewness(this.#vertical, n, v.mean, v.std);
    out[at++] = logJerkRms(this.#magnitude, n, rate);
    out[at++] = v.meanCrossings * (rate / n);
    out[at++] = h.meanCrossings * (rate / n);
    out[at++] = this.#tiltStats.mean;
    out[at] = this.#tiltStats.std;
  }

  /**
   * The rows of many windows, one after another in one array (windows × names.length values),
   * ready to become a tensor.
   *
   * @example
   * const rows = extractor.rows(windowsOf(segments, config));
   */
  rows(windows: readonly Pick<MotionWindow, 'acc'>[]): Float32Array {
    const width = this.names.length;
    const rows = new Float32Array(windows.length * width);
    windows.forEach((window, i) => this.extract(window.acc, rows.subarray(i * width, (i + 1) * width)));
    return rows;
  }
}

function featureNamesOf(config: FeatureConfig, groups: ReadonlySet<FeatureGroup>, samples: number): string[] {
  if (config.input !== 'features') {
    const perSample = channelNames(config);
    return Array.from({ length: samples }, (_, i) => perSample.map((channel) => `${channel}[${i}]`)).flat();
  }
  const names: string[] = [];
  if (groups.has('statistics')) for (const c of channels) for (const s of statistics) names.push(`${c}.${s}`);
  if (groups.has('crossings')) for (const c of channels) names.push(`${c}.meanCrossingsPerS`);
  if (groups.has('spectrum')) {
    for (const [lo, hi] of spectrumBandsHz) names.push(`mag.logPower.${lo}-${hi}Hz`);
    names.push('mag.dominantHz');
  }
  if (groups.has('correlation')) for (const [a, b] of axisPairs) names.push(`corr.${channels[a]}${channels[b]}`);
  if (groups.has('vertical')) {
    names.push('vert.std', 'vert.min', 'vert.max', 'vert.range', 'horiz.mean', 'horiz.std', 'horiz.max');
    for (const [lo, hi] of spectrumBandsHz) names.push(`vert.logPower.${lo}-${hi}Hz`);
    names.push('vert.dominantHz', 'corr.vertHoriz');
  }
  if (groups.has('rhythm')) names.push(...rhythmNames);
  return names;
}

/**
 * The channels of one sample in a raw or channels row, in order: ['x', 'y', 'z', 'mag'] for
 * 'channels'; empty for 'features', whose values are not per sample.
 *
 * @example
 * channelNames({ ...defaultFeatureConfig, input: 'channels' }).length // 4
 */
export function channelNames(config: Pick<FeatureConfig, 'input' | 'rawMagnitudeOnly'>): readonly string[] {
  if (config.input === 'channels') return channels;
  if (config.input === 'raw') return config.rawMagnitudeOnly ? ['mag'] : ['x', 'y', 'z'];
  return [];
}

/** Extractors made so far; a session uses a handful of configs, so a list is enough. */
const extractors: FeatureExtractor[] = [];

/**
 * The extractor for a config, made on first use and kept. Matched by the config's values, not the
 * object, so a config edited in place (a settings form) never gets a stale one; comparing a few
 * fields costs far less than the extraction.
 *
 * @example
 * const extractor = extractorFor(model.featureConfig);
 * extractor.extract(liveWindow, row);
 */
export function extractorFor(config: FeatureConfig): FeatureExtractor {
  let extractor = extractors.find((known) => sameConfig(known.config, config));
  if (!extractor) {
    checkWindowBounds(config);
    extractor = new FeatureExtractor({ ...config, groups: [...config.groups] });
    extractors.push(extractor);
  }
  return extractor;
}

function sameConfig(a: FeatureConfig, b: FeatureConfig): boolean {
  return (
    a.rateHz === b.rateHz &&
    a.windowS === b.windowS &&
    a.strideS === b.strideS &&
    a.input === b.input &&
    a.rawMagnitudeOnly === b.rawMagnitudeOnly &&
    featureGroups.every((group) => a.groups.includes(group) === b.groups.includes(group))
  );
}

/**
 * The names of a row's values for a config, in order: the same list every time, so a model's
 * inputs can be checked against the config saved with it.
 *
 * @example
 * featureNames(defaultFeatureConfig).slice(0, 3) // ['x.mean', 'x.std', 'x.min']
 */
export function featureNames(config: FeatureConfig): readonly string[] {
  return extractorFor(config).names;
}

/**
 * Writes the features of one window into a preallocated row and returns it.
 *
 * @example
 * const row = new Float32Array(featureNames(config).length);
 * extractFeatures(window, config, row);
 */
export function extractFeatures(window: Pick<MotionWindow, 'acc'>, config: FeatureConfig, out: Float32Array): Float32Array {
  return extractorFor(config).extract(window.acc, out);
}
