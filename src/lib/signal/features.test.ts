import { describe, expect, it } from 'vitest';
import {
  BAND_POWER_FLOOR,
  defaultFeatureConfig,
  extractFeatures,
  extractorFor,
  featureGroups,
  featureNames,
  FeatureExtractor,
  logBandPower,
  rhythmLags,
  rhythmNames,
  type FeatureConfig,
} from './features';
import { mulberry32 } from '../train/random';
import { augmentSamples } from './augment';
import { windowSamples } from './windows';

/** The named values of a row. */
function named(row: Float32Array, names: readonly string[]): Record<string, number> {
  return Object.fromEntries(names.map((name, i) => [name, row[i]!]));
}

function extract(acc: Float32Array, config: FeatureConfig): Record<string, number> {
  const names = featureNames(config);
  return named(extractFeatures({ acc }, config, new Float32Array(names.length)), names);
}

/** Samples in a window of the default config: 2 s at 50 Hz. */
const n = windowSamples(defaultFeatureConfig);

/** A default window: the phone still, z up, its magnitude bouncing at `frequencyHz`. */
function bouncing(frequencyHz: number, amplitude = 2): Float32Array {
  return bouncingFor(frequencyHz, n, amplitude);
}

/** The same over `samples` samples at 50 Hz. */
function bouncingFor(frequencyHz: number, samples: number, amplitude = 2): Float32Array {
  const acc = new Float32Array(samples * 3);
  for (let i = 0; i < samples; i += 1) acc[i * 3 + 2] = 9.81 + amplitude * Math.sin((2 * Math.PI * frequencyHz * i) / 50 + 0.4);
  return acc;
}

const bands = ['0.5-1', '1-2', '2-3', '3-5', '5-8', '8-12'].map((band) => `mag.logPower.${band}Hz`);

/**
 * The default window with the five groups a model could use before the rhythm group, the phone's
 * own axes included: their 53 values keep their names and order, as saved models rely on them.
 */
const every: FeatureConfig = { ...defaultFeatureConfig, groups: ['statistics', 'crossings', 'spectrum', 'correlation', 'vertical'] };

/** Every group there is. */
const all: FeatureConfig = { ...defaultFeatureConfig, groups: [...featureGroups] };

/** A band's power in (m/s²)², back from its logarithm. */
const power = (f: Record<string, number>, band: string) => 10 ** f[band]! - BAND_POWER_FLOOR;

describe('featureNames', () => {
  it('lists 53 features in a fixed order with every group', () => {
    const names = featureNames(every);
    expect(names).toHaveLength(53);
    expect(names.slice(0, 6)).toEqual(['x.mean', 'x.std', 'x.min', 'x.max', 'x.range', 'x.rms']);
    expect(names.slice(18, 24)).toEqual(['mag.mean', 'mag.std', 'mag.min', 'mag.max', 'mag.range', 'mag.rms']);
    expect(names.slice(24, 38)).toEqual([
      'x.meanCrossingsPerS',
      'y.meanCrossingsPerS',
      'z.meanCrossingsPerS',
      'mag.meanCrossingsPerS',
      ...bands,
      'mag.dominantHz',
      'corr.xy',
      'corr.xz',
      'corr.yz',
    ]);
    expect(names.slice(38)).toEqual([
      'vert.std',
      'vert.min',
      'vert.max',
      'vert.range',
      'horiz.mean',
      'horiz.std',
      'horiz.max',
      ...bands.map((band) => band.replace('mag.', 'vert.')),
      'vert.dominantHz',
      'corr.vertHoriz',
    ]);
  });

  it('uses by default the 32 features that do not depend on how the device sits', () => {
    expect(defaultFeatureConfig.groups).toEqual(['spectrum', 'vertical', 'rhythm']);
    const names = featureNames(defaultFeatureConfig);
    expect(names).toHaveLength(32);
    expect(names.filter((name) => /^(x|y|z)\.|^corr\.(xy|xz|yz)$/.test(name))).toEqual([]);
  });

  it('adds the rhythm group after the 53, never among them', () => {
    const names = featureNames(all);
    expect(names.slice(0, 53)).toEqual(featureNames(every));
    expect(names.slice(53)).toEqual([
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
    ]);
  });

  it('keeps the groups in their own order whatever order the config lists them in', () => {
    const some = featureNames({ ...defaultFeatureConfig, groups: ['correlation', 'crossings'] });
    expect(some).toEqual(['x.meanCrossingsPerS', 'y.meanCrossingsPerS', 'z.meanCrossingsPerS', 'mag.meanCrossingsPerS', 'corr.xy', 'corr.xz', 'corr.yz']);
  });

  it('names raw inputs per sample, interleaved or magnitude only', () => {
    const raw: FeatureConfig = { ...defaultFeatureConfig, input: 'raw' };
    expect(featureNames(raw)).toHaveLength(n * 3);
    expect(featureNames(raw).slice(0, 4)).toEqual(['x[0]', 'y[0]', 'z[0]', 'x[1]']);
    expect(featureNames({ ...raw, rawMagnitudeOnly: true }).slice(n - 2)).toEqual([`mag[${n - 2}]`, `mag[${n - 1}]`]);
  });
});

describe('logBandPower', () => {
  it('is log₁₀ of the power above the floor', () => {
    expect(logBandPower(1 - BAND_POWER_FLOOR)).toBeCloseTo(0, 12);
    expect(logBandPower(100 - BAND_POWER_FLOOR)).toBeCloseTo(2, 12);
    expect(logBandPower(0)).toBe(-3);
  });
});

describe('vertical features', () => {
  /** Bobbing up and down at 2 Hz while drifting sideways at 0.5 Hz, with gravity along `up` (a unit vector). */
  function bobbing(up: [number, number, number]): Float32Array {
    // A horizontal direction perpendicular to `up`.
    const side: [number, number, number] = Math.abs(up[2]) < 0.9 ? [up[1], -up[0], 0] : [1, 0, 0];
    const norm = Math.hypot(...side);
    const acc = new Float32Array(n * 3);
    for (let i = 0; i < n; i += 1) {
      const v = 9.81 + 1.5 * Math.sin((2 * Math.PI * 2 * i) / 50);
      const h = 0.8 * Math.sin((2 * Math.PI * 0.5 * i) / 50 + 1);
      for (let c = 0; c < 3; c += 1) acc[i * 3 + c] = v * up[c]! + (h * side[c]!) / norm;
    }
    return acc;
  }

  it('find the up-and-down rhythm whichever way the phone is held', () => {
    const upright = extract(bobbing([0, 0, 1]), every);
    const tilted = extract(bobbing([Math.SQRT1_2, 0, Math.SQRT1_2]), every);
    expect(upright['vert.dominantHz']).toBeCloseTo(2, 1);
    expect(upright['vert.std']).toBeCloseTo(1.5 / Math.SQRT2, 1);
    for (const name of ['vert.std', 'vert.range', 'vert.dominantHz', 'horiz.std', 'vert.logPower.1-2Hz']) {
      expect(tilted[name], name).toBeCloseTo(upright[name]!, 1);
    }
    // The per-axis means, by contrast, tell the two holds apart.
    expect(tilted['x.mean']).not.toBeCloseTo(upright['x.mean']!, 0);
  });
});

describe('the default features', () => {
  /** `acc` turned by `angle` radians around the unit `axis` (Rodrigues' formula), as a device held another way would see it. */
  function rotated(acc: Float32Array, axis: [number, number, number], angle: number): Float32Array {
    const [kx, ky, kz] = axis;
    const [c, s] = [Math.cos(angle), Math.sin(angle)];
    const out = new Float32Array(acc.length);
    for (let i = 0; i < acc.length; i += 3) {
      const [x, y, z] = [acc[i]!, acc[i + 1]!, acc[i + 2]!];
      const dot = kx * x + ky * y + kz * z;
      out[i] = x * c + (ky * z - kz * y) * s + kx * dot * (1 - c);
      out[i + 1] = y * c + (kz * x - kx * z) * s + ky * dot * (1 - c);
      out[i + 2] = z * c + (kx * y - ky * x) * s + kz * dot * (1 - c);
    }
    return out;
  }

  it('are the same however the device is turned, unlike the axes’ own', () => {
    // A stride: a 1.8 Hz bounce with its second harmonic, a 0.9 Hz sway and a forward push.
    const acc = new Float32Array(n * 3);
    for (let i = 0; i < n; i += 1) {
      const t = i / 50;
      acc[i * 3] = 0.9 * Math.sin(2 * Math.PI * 0.9 * t);
      acc[i * 3 + 1] = 1.2 * Math.sin(2 * Math.PI * 1.8 * t + 0.7);
      acc[i * 3 + 2] = 9.81 + 2 * Math.sin(2 * Math.PI * 1.8 * t) + 0.6 * Math.sin(2 * Math.PI * 3.6 * t + 1);
    }
    const axis = [1, 2, 2].map((v) => v / 3) as [number, number, number];
    const upright = extract(acc, all);
    const turned = extract(rotated(acc, axis, 1.1), all);
    for (const name of [...featureNames(defaultFeatureConfig), ...rhythmNames]) expect(turned[name], name).toBeCloseTo(upright[name]!, 3);
    expect(Math.abs(turned['x.mean']! - upright['x.mean']!)).toBeGreaterThan(1);
    expect(Math.abs(turned['corr.yz']! - upright['corr.yz']!)).toBeGreaterThan(0.1);
  });
});

describe('a simulated pocket', () => {
  it('the default and rhythm features of a stride read the same in 20 random placements; the axes’ own do not', () => {
    // A stride with a sway, a forward push and uneven steps, so that no feature sits on a tie.
    const acc = new Float32Array(n * 3);
    for (let i = 0; i < n; i += 1) {
      const t = i / 50;
      acc[i * 3] = 0.9 * Math.sin(2 * Math.PI * 0.9 * t) + 0.4 * Math.sin(2 * Math.PI * 3.1 * t);
      acc[i * 3 + 1] = 1.2 * Math.sin(2 * Math.PI * 1.8 * t + 0.7);
      acc[i * 3 + 2] = 9.81 + 2 * Math.sin(2 * Math.PI * 1.8 * t) + 0.8 * Math.sin(2 * Math.PI * 0.9 * t + 1) + 0.6 * Math.sin(2 * Math.PI * 3.6 * t + 1);
    }
    const samples = { t: Float64Array.from({ length: n }, (_, i) => i * 20), acc, gyro: null };
    const asWorn = extract(acc, all);
    const random = mulberry32(17);
    let axesMoved = 0;
    for (let placement = 0; placement < 20; placement += 1) {
      const turned = extract(augmentSamples(samples, random, { rotate: true, scale: 0, stretch: 0 }).acc, all);
      for (const name of [...featureNames(defaultFeatureConfig), ...rhythmNames]) expect(turned[name], `${name}, placement ${placement}`).toBeCloseTo(asWorn[name]!, 3);
      axesMoved += Math.abs(turned['z.mean']! - asWorn['z.mean']!) > 1 ? 1 : 0;
    }
    expect(axesMoved).toBeGreaterThan(15);
  });
});

describe('extractFeatures', () => {
  it('computes the statistics, crossings and correlations of a window by hand', () => {
    // 4 samples at 2 Hz: x = 1, 3, 1, 3; y = 2x; z = −x, so |a| = √6·x.
    const config: FeatureConfig = { ...every, rateHz: 2, windowS: 2, strideS: 1 };
    const f = extract(Float32Array.of(1, 2, -1, 3, 6, -3, 1, 2, -1, 3, 6, -3), config);
    const r6 = Math.sqrt(6);
    const expected: Record<string, number> = {
      'x.mean': 2, 'x.std': 1, 'x.min': 1, 'x.max': 3, 'x.range': 2, 'x.rms': Math.sqrt(5),
      'y.mean': 4, 'y.std': 2, 'y.min': 2, 'y.max': 6, 'y.range': 4, 'y.rms': Math.sqrt(20),
      'z.mean': -2, 'z.std': 1, 'z.min': -3, 'z.max': -1, 'z.range': 2, 'z.rms': Math.sqrt(5),
      'mag.mean': 2 * r6, 'mag.std': r6, 'mag.min': r6, 'mag.max': 3 * r6, 'mag.range': 2 * r6, 'mag.rms': Math.sqrt(30),
      // 3 crossings of the mean in 4 samples, which last 4 / 2 Hz = 2 s
      'x.meanCrossingsPerS': 1.5, 'y.meanCrossingsPerS': 1.5, 'z.meanCrossingsPerS': 1.5, 'mag.meanCrossingsPerS': 1.5,
      'corr.xy': 1, 'corr.xz': -1, 'corr.yz': -1,
    };
    for (const [name, value] of Object.entries(expected)) expect(f[name], name).toBeCloseTo(value, 5);
  });

  it('gives a constant axis no spread, no crossings and no correlation', () => {
    const f = extract(bouncing(2), every);
    expect([f['x.std'], f['x.range'], f['x.meanCrossingsPerS'], f['corr.xy'], f['corr.xz']]).toEqual([0, 0, 0, 0, 0]);
  });

  it('finds 2 Hz as the dominant frequency of a 2 Hz bounce, its power shared by the bands on either side of 2 Hz', () => {
    const f = extract(bouncing(2), defaultFeatureConfig);
    expect(f['mag.dominantHz']).toBeCloseTo(2, 1);
    // A sine of amplitude 2 has a variance of 2 (m/s²)². With a 2 s window the Hann lobe is ±1 Hz
    // wide, so a tone on the 2 Hz edge falls in both bands: 1–2 Hz gets more, as its last bin
    // (1.95 Hz) is nearer to 2 Hz than the 2–3 Hz band's first.
    const total = bands.reduce((sum, band) => sum + power(f, band), 0);
    expect(total).toBeCloseTo(2, 1);
    expect((power(f, 'mag.logPower.1-2Hz') + power(f, 'mag.logPower.2-3Hz')) / total).toBeGreaterThan(0.99);
    expect(power(f, 'mag.logPower.1-2Hz') / total).toBeGreaterThan(0.55);
    expect(power(f, 'mag.logPower.2-3Hz') / total).toBeGreaterThan(0.2);
  });

  it('concentrates the power of a 2.5 Hz bounce in the 2–3 Hz band, as log₁₀ of the power', () => {
    const f = extract(bouncing(2.5), defaultFeatureConfig);
    expect(f['mag.dominantHz']).toBeCloseTo(2.5, 1);
    const total = bands.reduce((sum, band) => sum + power(f, band), 0);
    expect(total).toBeCloseTo(2, 1);
    expect(power(f, 'mag.logPower.2-3Hz') / total).toBeGreaterThan(0.8);
    // In a 4 s window the lobe is narrower: nearly all the variance, log₁₀ 2, sits in the band.
    const long: FeatureConfig = { ...defaultFeatureConfig, windowS: 4 };
    const row = extractFeatures({ acc: bouncingFor(2.5, windowSamples(long)) }, long, new Float32Array(featureNames(long).length));
    expect(named(row, featureNames(long))['mag.logPower.2-3Hz']).toBeCloseTo(Math.log10(2), 2);
  });

  it('gives a still window the floor in every band, magnitude and vertical', () => {
    const still = new Float32Array(n * 3);
    for (let i = 0; i < n; i += 1) still.set([1, -2, 9.5], i * 3);
    const f = extract(still, defaultFeatureConfig);
    const all = [...bands, ...bands.map((band) => band.replace('mag.', 'vert.'))];
    expect(all.map((band) => f[band])).toEqual(all.map(() => -3));
  });

  it('copies the window for raw input, or its magnitude', () => {
    const acc = Float32Array.from({ length: n * 3 }, (_, i) => [0, 4, 3][i % 3]!);
    const raw: FeatureConfig = { ...defaultFeatureConfig, input: 'raw' };
    expect(extractFeatures({ acc }, raw, new Float32Array(n * 3))).toEqual(acc);
    expect([...extractFeatures({ acc }, { ...raw, rawMagnitudeOnly: true }, new Float32Array(n))]).toEqual(new Array(n).fill(5));
  });

  it('gives the CNN its channels: x, y, z and |a| per sample, sample after sample', () => {
    const acc = Float32Array.from({ length: n * 3 }, (_, i) => [0, 4, 3][i % 3]! * (1 + Math.floor(i / 3)));
    const channels: FeatureConfig = { ...defaultFeatureConfig, input: 'channels' };
    expect(featureNames(channels)).toHaveLength(n * 4);
    expect(featureNames(channels).slice(0, 5)).toEqual(['x[0]', 'y[0]', 'z[0]', 'mag[0]', 'x[1]']);
    const row = extractFeatures({ acc }, channels, new Float32Array(n * 4));
    expect([...row.slice(0, 8)]).toEqual([0, 4, 3, 5, 0, 8, 6, 10]);
    expect(row[n * 4 - 1]).toBe(5 * n);
  });

  it('writes into the row it is given, one window after another into rows', () => {
    const extractor = extractorFor(every);
    const rows = extractor.rows([{ acc: bouncing(2) }, { acc: bouncing(3) }]);
    expect(rows).toHaveLength(106);
    const second = named(rows.subarray(53), extractor.names);
    expect(second['mag.dominantHz']).toBeCloseTo(3, 1);
  });

  it('refuses a window or a row of the wrong size, and a config without features', () => {
    expect(() => extractFeatures({ acc: new Float32Array(n * 3 - 3) }, every, new Float32Array(53))).toThrow(`${n} samples`);
    expect(() => extractFeatures({ acc: new Float32Array(n * 3) }, every, new Float32Array(37))).toThrow(/53 values/);
    expect(() => new FeatureExtractor({ ...defaultFeatureConfig, groups: [] })).toThrow(/No feature group/);
    expect(() => new FeatureExtractor({ ...defaultFeatureConfig, windowS: 0.01 })).toThrow(/fewer than 2 samples/);
    expect(() => new FeatureExtractor({ ...defaultFeatureConfig, windowS: Number.NaN })).toThrow(/fewer than 2 samples/);
    expect(() => new FeatureExtractor({ ...defaultFeatureConfig, strideS: 0 })).toThrow(/more than 0 s/);
    expect(() => new FeatureExtractor({ ...defaultFeatureConfig, strideS: Number.NaN })).toThrow(/more than 0 s/);
  });

  it('gives a fresh extractor when a config is changed in place', () => {
    const config = { ...every };
    expect(featureNames(config)).toHaveLength(53);
    config.groups = ['correlation'];
    expect(featureNames(config)).toHaveLength(3);
  });
});

describe('rhythm features', () => {
  it('search lags of 0.25–1.25 s, in samples at the rate', () => {
    expect(rhythmLags(50)).toEqual([13, 63]);
    expect(rhythmLags(2)).toEqual([1, 3]);
  });

  it('read a 2 Hz bounce along gravity as a repeat every 0.5 s, with no tilt and no sideways motion', () => {
    const f = extract(bouncing(2), all);
    expect(f['mag.autocorrLagS']).toBeCloseTo(0.5, 5);
    expect(f['vert.autocorrLagS']).toBeCloseTo(0.5, 5);
    // A perfect repeat, shrunk by the 25 of 100 samples the lag leaves without a partner.
    expect(f['mag.autocorrPeak']).toBeCloseTo(0.75, 1);
    expect(f['vert.autocorrPeak']).toBeCloseTo(f['mag.autocorrPeak']!, 5);
    expect(f['vert.skewness']).toBeCloseTo(0, 1);
    // 4 cycles in 2 s cross the mean 8 times: 4 a second; the horizontal part stays 0.
    expect(f['vert.meanCrossingsPerS']).toBeCloseTo(4, 0);
    expect(f['horiz.meanCrossingsPerS']).toBe(0);
    expect([f['tilt.meanRad'], f['tilt.stdRad']]).toEqual([0, 0]);
    // |Δ|a|| · 50 of a sine of amplitude 2 at 2 Hz: RMS about 2 · 2π · 2 / √2 = 17.8 m/s³.
    expect(10 ** f['mag.logJerkRms']!).toBeCloseTo((2 * 2 * Math.PI * 2) / Math.SQRT2, 0);
  });

  it('compute the tilt from the vertical, skewness and jerk of a window by hand', () => {
    // 4 samples at 2 Hz, two leaning 0.3 rad and two 0.7 rad from z, to either side: the mean
    // acceleration points along z, so each sample's angle from it is its own lean.
    const config: FeatureConfig = { ...all, rateHz: 2, windowS: 2, strideS: 1 };
    const lean = (angle: number, side: number) => [side * 9.81 * Math.sin(angle), 0, 9.81 * Math.cos(angle)];
    const f = extract(Float32Array.from([...lean(0.3, 1), ...lean(0.3, -1), ...lean(0.7, 1), ...lean(0.7, -1)]), config);
    expect(f['tilt.meanRad']).toBeCloseTo(0.5, 5);
    expect(f['tilt.stdRad']).toBeCloseTo(0.2, 5);
    // Vertical v = 9.81 (cos θ − mean cos θ): +a, +a, −a, −a with a = 9.81 (cos 0.3 − cos 0.7) / 2.
    const a = (9.81 * (Math.cos(0.3) - Math.cos(0.7))) / 2;
    expect(f['vert.skewness']).toBeCloseTo(0, 5);
    // Lags 1–3: r(1) = (a² − a² + a²) / 4a² = 0.25, r(2) = −2a² / 4a², r(3) = −a² / 4a²: the peak is at lag 1 (0.5 s).
    expect(f['vert.autocorrPeak']).toBeCloseTo(0.25, 5);
    expect(f['vert.autocorrLagS']).toBeCloseTo(0.5, 5);
    expect(f['vert.meanCrossingsPerS']).toBeCloseTo(0.5, 5);
    expect(f['horiz.meanCrossingsPerS']).toBeCloseTo(0.5, 5);
    expect(a).toBeGreaterThan(0);
    // |a| is 9.81 throughout, but for float32 rounding: the floor's logarithm, and no repeat.
    expect(f['mag.logJerkRms']).toBeCloseTo(-3, 3);
    expect([f['mag.autocorrPeak'], f['mag.autocorrLagS']]).toEqual([0, 0]);
  });

  it('give a still window no repeat, no skew, no tilt and the jerk floor', () => {
    const still = new Float32Array(n * 3);
    for (let i = 0; i < n; i += 1) still.set([1, -2, 9.5], i * 3);
    const f = extract(still, all);
    // Splitting along gravity leaves rounding errors of 10⁻¹⁵ m/s²: read as no motion, not as a repeat or a skew.
    for (const name of rhythmNames.filter((name) => name !== 'mag.logJerkRms')) expect(f[name], name).toBeCloseTo(0, 6);
    expect(f['mag.logJerkRms']).toBe(-3);
  });
});
