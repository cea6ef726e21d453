import { UnsupportedModelError, type CWriter, type Network, type NetworkKindName, type Precision } from '../model/network-kind';
import { liveFalseUnknownRate, liveThresholdOf, precisionMatrices, scoredWidth, unknownRun, unknownStatsMismatch } from '../model/unknown-score';
import { readNetwork, shapeMismatch } from '../model/network-kinds';
import { BAND_POWER_FLOOR, channelNames, DOMINANT_RANGE_HZ, rhythmLags, spectrumBandsHz } from '../signal/features';
import { JERK_FLOOR } from '../signal/rhythm';
import { fftSizeFor } from '../signal/fft';
import { NO_POWER, Spectrum } from '../signal/spectrum';
import { strideSamples, windowSamples } from '../signal/windows';
import type { StoredModel, UnknownStats } from '../model/record';
import { runtimeSource, type RuntimePart } from './c-runtime';
import { DeployError } from './deploy-error';
import { twinsFor, type FeatureTwin } from './feature-twins';

/** What the generator reads from a model: its name, its preprocessing, its weights and its unknown score's statistics, if any. */
export type ExportableModel = Pick<StoredModel, 'name' | 'preprocessing' | 'artifacts' | 'unknown'>;

export type { Precision };

export interface CLibrary {
  precision: Precision;
  header: string;
  source: string;
  /** Static RAM the library keeps (bss), in bytes, as the generator counts it. */
  ramBytes: number;
  /** Constant data (weights, statistics, tables, label names), in bytes. */
  constBytes: number;
}

/**
 * Code of the library for Cortex-M4F (arm-none-eabi-gcc -mcpu=cortex-m4 -mfpu=fpv4-sp-d16
 * -mfloat-abi=hard -Os, text minus constant data), by network kind: the dense kind measured on the
 * default model with every feature group, the CNN on its 'channels' input; the double-precision
 * maths comes from libgcc and libm and is not counted. The compile test checks these figures
 * against arm-none-eabi-size whenever that compiler is present.
 */
export const CODE_BYTES_CORTEX_M4F: Record<NetworkKindName, Record<Precision, number>> = { dense: { float32: 5400, int8: 5500 }, cnn: { float32: 1300, int8: 1400 } };

/** Code the unknown score adds to a library, measured the same way (280–290 B for both kinds and precisions). */
export const UNKNOWN_CODE_BYTES_CORTEX_M4F = 290;

/**
 * Generates a self-contained C99 library (motion_model.h, motion_model.c) that classifies one
 * window exactly as the app does: the same feature code (feature-twins.ts, c-runtime.ts), the
 * training statistics, the network in its kind's own C (model/dense/c-network.ts). No allocation,
 * nothing beyond <math.h>.
 *
 * For 'int8', `calibration` must hold standardised training rows: the layers' input ranges are
 * read from them (model/dense/quantize.ts).
 *
 * Throws DeployError when the model cannot be generated faithfully: no model, a feature without a
 * C twin, weights of no network kind this app runs.
 *
 * @example
 * const { header, source } = generateCLibrary(model, 'float32');
 */
export function generateCLibrary(model: ExportableModel | undefined, precision: Precision, calibration?: Float32Array): CLibrary {
  if (!model) throw new DeployError('no-model', {});
  const { preprocessing } = model;
  const config = preprocessing.features;
  const twins = twinsFor(config, preprocessing.featureNames);
  let network: Network;
  try {
    network = readNetwork(model.artifacts);
  } catch (error) {
    if (error instanceof UnsupportedModelError) throw new DeployError('network-unsupported', { reason: error.message });
    throw error;
  }
  const mismatch = shapeMismatch(network, preprocessing);
  if (mismatch) throw new DeployError('network-shape', { ...mismatch });
  if (precision === 'int8') {
    if (!calibration) throw new DeployError('calibration-missing', {});
    if (calibration.length === 0 || calibration.length % network.inputs !== 0) throw new DeployError('calibration-size', { width: network.inputs, values: calibration.length });
  }

  const n = windowSamples(config);
  const fftSize = fftSizeFor(n);
  const spectrum = new Spectrum(n, config.rateHz);
  const bandBins = spectrumBandsHz.flatMap(([lo, hi]) => spectrum.binRange(lo, hi));
  const [dominantFrom, dominantTo] = spectrum.binRange(...DOMINANT_RANGE_HZ);
  const [lagFrom, lagTo] = rhythmLags(config.rateHz);
  const features = preprocessing.featureNames.length;
  const needs = new Set<RuntimePart>(twins.flatMap((twin) => twin.needs));
  const scale = preprocessing.stats.std.map((std) => (std > 0 ? 1 / std : 1));
  const sizes = new Sizes();

  const { code: networkCode, description, hidden } = network.writeC(precision, calibration, sizes);
  sizes.ram('features and scaled inputs', features * 4 * 2);
  sizes.constant('normalisation statistics', features * 8 * 2);
  sizes.constant('label names', preprocessing.labels.reduce((total, label) => total + new TextEncoder().encode(label).length + 1 + 4, 0));
  if (needs.has('stats')) {
    sizes.ram('window as doubles, magnitude, statistics', n * 3 * 8 + n * 8 + 4 * 48);
    if (needs.has('spectrum')) {
      const half = fftSize / 2;
      const bins = half + 1;
      sizes.ram('spectrum tables and buffers', n * 8 + bins * 8 * 4 + Math.max(1, half / 2) * 16 + (half + 1) * 16 + half * 2 + fftSize * 8 + half * 16 + 4);
      sizes.constant('band bins', bandBins.length * 2);
    }
  }
  if (needs.has('gravity')) sizes.ram('vertical and horizontal parts, tilt', n * 8 * 4 + 3 * 48);
  if (needs.has('rhythm')) sizes.ram('autocorrelation deviations', n * 8);

  const source = [
    `/*
 * motion_model.c: ${precision === 'int8' ? 'the int8 build' : 'the float32 build'} of “${comment(model.name)}”, generated by Motion Lab.
 * Do not edit: export the model again instead. See motion_model.h.
 */
#include <math.h>

#include "motion_model.h"

#define ML_N ${n}
#define ML_FFT ${fftSize}
#define ML_HALF ${fftSize / 2}
#define ML_BINS ${fftSize / 2 + 1}
#define ML_RATE_HZ ${doubleLiteral(config.rateHz)}
#define ML_BIN_HZ ${doubleLiteral(config.rateHz / fftSize)}
#define ML_BANDS ${spectrumBandsHz.length}
#define ML_DOMINANT_FROM ${dominantFrom}
#define ML_DOMINANT_TO ${dominantTo}
#define ML_BAND_POWER_FLOOR ${doubleLiteral(BAND_POWER_FLOOR)}
#define ML_LAG_FROM ${lagFrom}
#define ML_LAG_TO ${lagTo}
#define ML_JERK_FLOOR ${doubleLiteral(JERK_FLOOR)}
/* Power, (m/s²)², below which a series is constant but for rounding (NO_POWER of signal/spectrum.ts). */
#define ML_NO_POWER ${doubleLiteral(NO_POWER)}
#define ML_FEATURES ${features}
`,
    runtimeSource(needs),
    needs.has('spectrum') ? `static const unsigned short ml_band_bins[ML_BANDS * 2] = {${bandBins.join(', ')}};\n` : '',
    featuresFunction(twins, needs),
    `/* Standardisation with the training split's statistics: (value − mean) · scale, scale = 1 / std (1 for a constant feature). */
static const double ml_mean[ML_FEATURES] = {${preprocessing.stats.mean.map(doubleLiteral).join(', ')}};
static const double ml_scale[ML_FEATURES] = {${scale.map(doubleLiteral).join(', ')}};
static float ml_features[ML_FEATURES];
static float ml_scaled[ML_FEATURES];
`,
    networkCode,
    `const char *const motion_model_labels[MOTION_MODEL_LABELS] = {${preprocessing.labels.map(stringLiteral).join(', ')}};

int motion_model_classify(const float *window, float *probabilities) {
  int i, top = 0;
  motion_model_features(window, ml_features);
  for (i = 0; i < ML_FEATURES; i++) ml_scaled[i] = (float)(((double)ml_features[i] - ml_mean[i]) * ml_scale[i]);
  ml_network(ml_scaled, probabilities);
  for (i = 1; i < MOTION_MODEL_LABELS; i++) if (probabilities[i] > probabilities[top]) top = i;
  return top;
}
`,
    model.unknown ? unknownScoreFunction(model.unknown, preprocessing.labels.length, network, hidden, sizes) : '',
  ].join('\n');

  const header = headerText(model, network.kind, precision, n, strideSamples(config), sizes, description, model.unknown);
  return { precision, header, source, ramBytes: sizes.ramBytes, constBytes: sizes.constBytes };
}

/**
 * motion_model_unknown_score(): unknownScore of model/unknown-score.ts on the values it scores
 * (`scoredValues`): the standardised inputs `ml_scaled` when the score reads them, then the last
 * hidden layer `hidden`, both left by the window motion_model_classify last ran on (read as real
 * values whatever the precision: the int8 build dequantises every layer's outputs), in double
 * precision from float32 statistics.
 */
function unknownScoreFunction(unknown: UnknownStats, labels: number, network: Pick<Network, 'inputs' | 'hiddenSize'>, hidden: string, sizes: Sizes): string {
  const mismatch = unknownStatsMismatch(unknown, labels, network);
  if (mismatch) throw new DeployError('network-unsupported', { reason: mismatch });
  const width = scoredWidth(unknown, network);
  const inputs = unknown.withInputs ? network.inputs : 0;
  // One precision matrix per label with its log-determinant; models saved before share one and add nothing.
  const matrices = precisionMatrices(unknown, labels);
  const packed = symmetric(unknown.precision, width);
  const stored = packed ? upperHalves(unknown.precision, width) : unknown.precision;
  sizes.constant(
    `unknown score: label means${unknown.logDeterminants ? ', precision matrices and log-determinants' : ' and precision matrix'}${packed ? ' (each matrix as its upper half)' : ''}`,
    (unknown.means.length * width + stored.length + (unknown.logDeterminants?.length ?? 0)) * 4,
  );
  sizes.ram('unknown score: the values scored and their distance to a mean', width * 8 * 2);
  sizes.ram('unknown score: the run of windows above the live threshold', 4);
  const logDeterminants = unknown.logDeterminants ?? new Array<number>(labels).fill(0);
  return `/* The unknown score: the least over labels of the squared Mahalanobis distance from ${inputs > 0 ? 'the standardised inputs and ' : ''}the last hidden layer to the label's mean${
    unknown.logDeterminants ? ", in the label's own covariance, plus that covariance's log-determinant" : ', one covariance shared by all'
  }. */
#define ML_UNKNOWN_INPUTS ${inputs}
#define ML_UNKNOWN_WIDTH ${width}
#define ML_UNKNOWN_MATRICES ${matrices}
${
  packed
    ? `/* Each precision matrix is symmetric: its upper half is stored, row i holding columns i to ML_UNKNOWN_WIDTH - 1. */
#define ML_UNKNOWN_SIZE (ML_UNKNOWN_WIDTH * (ML_UNKNOWN_WIDTH + 1) / 2)
#define ML_UNKNOWN_UPPER(m, i, j) ((m)[(i) * ML_UNKNOWN_WIDTH - (i) * ((i) - 1) / 2 + (j) - (i)])
#define ML_UNKNOWN_AT(m, i, j) ((i) <= (j) ? ML_UNKNOWN_UPPER(m, i, j) : ML_UNKNOWN_UPPER(m, j, i))`
    : `#define ML_UNKNOWN_SIZE (ML_UNKNOWN_WIDTH * ML_UNKNOWN_WIDTH)
#define ML_UNKNOWN_AT(m, i, j) ((m)[(i) * ML_UNKNOWN_WIDTH + (j)])`
}
static const float ml_unknown_means[MOTION_MODEL_LABELS * ML_UNKNOWN_WIDTH] = {${unknown.means.flatMap((mean) => mean.map(sizes.float)).join(', ')}};
static const float ml_unknown_precision[ML_UNKNOWN_MATRICES * ML_UNKNOWN_SIZE] = {${stored.map(sizes.float).join(', ')}};
static const float ml_unknown_log_determinants[MOTION_MODEL_LABELS] = {${logDeterminants.map(sizes.float).join(', ')}};
static double ml_unknown_values[ML_UNKNOWN_WIDTH];
static double ml_unknown_difference[ML_UNKNOWN_WIDTH];

float motion_model_unknown_score(void) {
  double best = 0;
  int k, i, j;
  for (i = 0; i < ML_UNKNOWN_INPUTS; i++) ml_unknown_values[i] = ml_scaled[i];
  for (i = ML_UNKNOWN_INPUTS; i < ML_UNKNOWN_WIDTH; i++) ml_unknown_values[i] = ${hidden}[i - ML_UNKNOWN_INPUTS];
  for (k = 0; k < MOTION_MODEL_LABELS; k++) {
    const float *precision = ml_unknown_precision + (ML_UNKNOWN_MATRICES == 1 ? 0 : k) * ML_UNKNOWN_SIZE;
    double distance = ml_unknown_log_determinants[k];
    for (i = 0; i < ML_UNKNOWN_WIDTH; i++) ml_unknown_difference[i] = ml_unknown_values[i] - ml_unknown_means[k * ML_UNKNOWN_WIDTH + i];
    for (i = 0; i < ML_UNKNOWN_WIDTH; i++) {
      double row = 0;
      for (j = 0; j < ML_UNKNOWN_WIDTH; j++) row += ML_UNKNOWN_AT(precision, i, j) * ml_unknown_difference[j];
      distance += ml_unknown_difference[i] * row;
    }
    if (k == 0 || distance < best) best = distance;
  }
  return (float)best;
}

/* The run rule (model/unknown-score.ts UnknownRun): windows in a row above the live threshold, held at MOTION_MODEL_UNKNOWN_RUN. */
static unsigned ml_unknown_run_length;

int motion_model_unknown_run(float score) {
  if (!(score > MOTION_MODEL_UNKNOWN_LIVE_THRESHOLD)) ml_unknown_run_length = 0;
  else if (ml_unknown_run_length < MOTION_MODEL_UNKNOWN_RUN) ml_unknown_run_length++;
  return ml_unknown_run_length >= MOTION_MODEL_UNKNOWN_RUN;
}
`;
}

/** Whether every width × width matrix in `matrices` (one after another) equals its transpose exactly. */
function symmetric(matrices: readonly number[], width: number): boolean {
  const size = width * width;
  for (let at = 0; at < matrices.length; at += size) {
    for (let i = 0; i < width; i += 1) for (let j = i + 1; j < width; j += 1) if (matrices[at + i * width + j] !== matrices[at + j * width + i]) return false;
  }
  return true;
}

/** The upper half of each width × width matrix in `matrices`, row by row from the diagonal: half the flash for a symmetric one. */
function upperHalves(matrices: readonly number[], width: number): number[] {
  const size = width * width;
  const halves: number[] = [];
  for (let at = 0; at < matrices.length; at += size) for (let i = 0; i < width; i += 1) for (let j = i; j < width; j += 1) halves.push(matrices[at + i * width + j]!);
  return halves;
}

/** Static RAM and constant data, counted as the generator emits them, for the header's comment. */
class Sizes implements CWriter {
  float = floatLiteral;
  ramBytes = 0;
  constBytes = 0;
  readonly lines: string[] = [];
  ram(what: string, bytes: number): void {
    this.ramBytes += bytes;
    this.lines.push(` *   RAM    ${String(bytes).padStart(6)} B  ${what}`);
  }
  constant(what: string, bytes: number): void {
    this.constBytes += bytes;
    this.lines.push(` *   flash  ${String(bytes).padStart(6)} B  ${what}`);
  }
}

function featuresFunction(twins: readonly FeatureTwin[], needs: ReadonlySet<RuntimePart>): string {
  const prepare = needs.has('stats')
    ? `static double ml_acc[ML_N * 3];
static double ml_magnitude[ML_N];
static ml_stats ml_channel[4];
`
    : '';
  const steps = needs.has('stats')
    ? `  for (i = 0; i < ML_N * 3; i++) ml_acc[i] = window[i];
  for (i = 0; i < ML_N; i++) {
    const double x = ml_acc[i * 3], y = ml_acc[i * 3 + 1], z = ml_acc[i * 3 + 2];
    ml_magnitude[i] = sqrt(x * x + y * y + z * z);
  }
  for (i = 0; i < 3; i++) ml_channel_stats(ml_acc, i, 3, ML_N, &ml_channel[i]);
  ml_channel_stats(ml_magnitude, 0, 1, ML_N, &ml_channel[3]);
${needs.has('gravity') ? '  ml_split_gravity(ml_acc, ml_channel);\n' : ''}`
    : '';
  return `${prepare}
void motion_model_features(const float *window, float *out) {
  int i, at = 0;
${steps}  ${twins.map((twin) => twin.statements).join('\n  ')}
  (void)at;
}
`;
}

function headerText(model: ExportableModel, kind: NetworkKindName, precision: Precision, n: number, stride: number, sizes: Sizes, networkShape: string, unknown: UnknownStats | undefined): string {
  const { features: config, labels, featureNames } = model.preprocessing;
  const code = CODE_BYTES_CORTEX_M4F[kind][precision] + (unknown ? UNKNOWN_CODE_BYTES_CORTEX_M4F : 0);
  return `/*
 * motion_model.h: “${comment(model.name)}”, exported by Motion Lab as a C99 library (${precision}).
 *
 * Classifies one window of acceleration exactly as the app does: resampled to ${config.rateHz} Hz,
 * ${config.windowS} s windows (${n} samples) every ${config.strideS} s (${stride} samples), ${featureNames.length} ${config.input === 'features' ? 'features' : 'raw inputs'}
 * computed by the same code as the app's (${config.input === 'features' ? config.groups.join(', ') : `${channelNames(config).map((name) => (name === 'mag' ? '|a|' : name)).join(', ')} per sample`}), standardised with the
 * training split's statistics, then the network (${networkShape}).
 * Labels, by index: ${labels.map((label, i) => `${i} ${comment(label)}`).join(', ')}.
 *
 * No dynamic allocation and nothing beyond <math.h> (link with -lm). Not reentrant: the buffers
 * are static, so classify from one thread (the sketch's loop) at a time.
 *
 * Memory, as generated:
${sizes.lines.join('\n')}
 *   RAM    ${String(sizes.ramBytes).padStart(6)} B  static in total (bss), plus about 350 B of stack for its own calls
 *          on a Cortex-M4F (gcc -fstack-usage) and what libm's functions take
 *   flash  ${String(sizes.constBytes).padStart(6)} B  constant data in total
 *   flash  about ${(code / 1024).toFixed(1)} KB of code on a Cortex-M4F (-Os), plus libm's double-precision
 *          sqrt, exp, log, sin and cos if the sketch does not use them already.
 */
#ifndef MOTION_MODEL_H
#define MOTION_MODEL_H

#define MOTION_MODEL_RATE_HZ ${doubleLiteral(config.rateHz)}
#define MOTION_MODEL_WINDOW_SAMPLES ${n}
#define MOTION_MODEL_STRIDE_SAMPLES ${stride}
#define MOTION_MODEL_FEATURES ${featureNames.length}
#define MOTION_MODEL_LABELS ${labels.length}
#define MOTION_MODEL_INT8 ${precision === 'int8' ? 1 : 0}

#ifdef __cplusplus
extern "C" {
#endif

/* Label names, by the index motion_model_classify returns. */
extern const char *const motion_model_labels[MOTION_MODEL_LABELS];

/*
 * Classifies one window: MOTION_MODEL_WINDOW_SAMPLES samples of x, y, z acceleration in m/s²,
 * interleaved (x0, y0, z0, x1, …), taken at MOTION_MODEL_RATE_HZ, all finite. Writes one
 * probability per label into probabilities[MOTION_MODEL_LABELS] and returns the most probable
 * label's index.
 */
int motion_model_classify(const float *window, float *probabilities);

/* The window's MOTION_MODEL_FEATURES inputs before standardisation, as the app computes them. */
void motion_model_features(const float *window, float *features);
${
  unknown
    ? `
/*
 * How unlike anything the model was trained on the window motion_model_classify last classified
 * is (call it right after). MOTION_MODEL_UNKNOWN_THRESHOLD calls at most ${(unknown.falseUnknownRate * 100).toFixed(1)} % of each
 * validation person's windows of trained activities unknown; MOTION_MODEL_UNKNOWN_LIVE_THRESHOLD,
 * stricter, ${unknown.liveThreshold === undefined ? 'the same here (a model saved before it)' : `at most ${(liveFalseUnknownRate * 100).toFixed(1)} %`}.
 */
#define MOTION_MODEL_UNKNOWN_THRESHOLD ${floatLiteral(unknown.threshold)}
#define MOTION_MODEL_UNKNOWN_LIVE_THRESHOLD ${floatLiteral(liveThresholdOf(unknown))}
float motion_model_unknown_score(void);

/*
 * The app's Live page says "unknown" only after MOTION_MODEL_UNKNOWN_RUN windows in a row score
 * above MOTION_MODEL_UNKNOWN_LIVE_THRESHOLD: a short odd moment is not unknown. Call this once
 * per window, in order, with its motion_model_unknown_score(); 1 when the window is unknown so.
 */
#define MOTION_MODEL_UNKNOWN_RUN ${unknownRun}
int motion_model_unknown_run(float score);
`
    : ''
}
#ifdef __cplusplus
}
#endif

#endif
`;
}

/** A float32 value as the shortest C literal that reads back as the same float. */
export function floatLiteral(value: number): string {
  const exact = Math.fround(value);
  if (!Number.isFinite(exact)) throw new DeployError('not-finite', { value: String(value) });
  for (let digits = 1; digits <= 9; digits += 1) {
    const text = exact.toPrecision(digits);
    if (Math.fround(Number(text)) === exact) return `${text.includes('.') || text.includes('e') ? text : `${text}.`}f`;
  }
  return `${exact.toPrecision(9)}f`;
}

/** A double as a C literal that reads back as the same double. */
function doubleLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new DeployError('not-finite', { value: String(value) });
  const text = String(value);
  return text.includes('.') || text.includes('e') ? text : `${text}.0`;
}

/**
 * Text as a C string literal that reads back byte for byte. Besides quotes, backslashes and bytes
 * outside printable ASCII, `?` is written as an octal escape: C99 reads `??!` as `|` (a trigraph).
 */
function stringLiteral(text: string): string {
  const escaped = (byte: number) => byte < 0x20 || byte >= 0x7f || byte === 0x22 || byte === 0x5c || byte === 0x3f;
  return `"${Array.from(new TextEncoder().encode(text), (byte) => (escaped(byte) ? `\\${byte.toString(8).padStart(3, '0')}` : String.fromCharCode(byte))).join('')}"`;
}

/**
 * Text safe inside a C comment: `*\/` would end it, `/*` trips -Wcomment, and a line break, a NUL
 * or a `??/` (the trigraph for a backslash) has no place in one.
 */
function comment(text: string): string {
  return text
    .replace(/\*\//g, '* /')
    .replace(/\/\*/g, '/ *')
    .replace(/\?(?=\?)/g, '? ')
    .replace(/\p{Cc}+/gu, ' ');
}
