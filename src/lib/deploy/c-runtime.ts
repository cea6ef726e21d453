/**
 * The C twins of the signal code every feature group builds on: channel statistics
 * (signal/channel-stats.ts), correlation, the real FFT (signal/fft.ts), the power spectrum
 * (signal/spectrum.ts), the split along gravity (signal/features.ts) and the rhythm group's
 * periodicity, skewness and jerk (signal/rhythm.ts). Each is a line-for-line port, in double precision and in the same order
 * of operations as the TypeScript, so that a feature computed on a board is the feature the model
 * was trained on, to the last few bits, not an approximation of it. A change to those files needs
 * the same change here; the compile test (c-library.test.ts) catches any drift.
 *
 * The generated file defines ML_N (samples per window), ML_FFT, ML_HALF, ML_BINS,
 * ML_BAND_POWER_FLOOR, ML_NO_POWER and ML_JERK_FLOOR before these parts; each part is emitted only when a feature group needs
 * it, as gcc -Wall rejects unused static functions.
 */

/** A part of the runtime, emitted once however many groups need it. */
export type RuntimePart = 'stats' | 'correlation' | 'spectrum' | 'gravity' | 'rhythm';

const stats = `typedef struct {
  double mean;
  double std;
  double min;
  double max;
  double rms;
  int crossings;
} ml_stats;

/* channelStats of signal/channel-stats.ts: two passes, the variance from the deviations. */
static void ml_channel_stats(const double *data, int offset, int stride, int count, ml_stats *out) {
  double sum = 0.0, sum_squares = 0.0, min = HUGE_VAL, max = -HUGE_VAL, mean, deviations = 0.0;
  int i, at, crossings = 0, above, now_above;
  for (i = 0, at = offset; i < count; i++, at += stride) {
    const double v = data[at];
    sum += v;
    sum_squares += v * v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  mean = sum / count;
  above = data[offset] >= mean;
  for (i = 0, at = offset; i < count; i++, at += stride) {
    const double v = data[at];
    const double d = v - mean;
    deviations += d * d;
    now_above = v >= mean;
    if (now_above != above) crossings += 1;
    above = now_above;
  }
  out->mean = mean;
  out->std = sqrt(deviations / count);
  out->min = min;
  out->max = max;
  out->rms = sqrt(sum_squares / count);
  out->crossings = crossings;
}
`;

const correlation = `/* channelCorrelation of signal/channel-stats.ts: 0 when either channel is constant. */
static double ml_correlation(const double *data, int offset_a, int offset_b, int stride, int count, const ml_stats *a, const ml_stats *b) {
  double sum = 0.0, r;
  int i, at;
  if (a->std == 0.0 || b->std == 0.0) return 0.0;
  for (i = 0, at = 0; i < count; i++, at += stride) sum += (data[offset_a + at] - a->mean) * (data[offset_b + at] - b->mean);
  r = sum / (count * a->std * b->std);
  return r < -1.0 ? -1.0 : r > 1.0 ? 1.0 : r;
}
`;

const spectrum = `#define ML_PI 3.141592653589793
#define ML_TWIDDLES (ML_HALF / 2 > 0 ? ML_HALF / 2 : 1)

static double ml_hann[ML_N];
static double ml_power_scale[ML_BINS];
static double ml_cos[ML_TWIDDLES];
static double ml_sin[ML_TWIDDLES];
static double ml_split_cos[ML_HALF + 1];
static double ml_split_sin[ML_HALF + 1];
static unsigned short ml_bit_reverse[ML_HALF];
static double ml_padded[ML_FFT];
static double ml_zr[ML_HALF];
static double ml_zi[ML_HALF];
static double ml_re[ML_BINS];
static double ml_im[ML_BINS];
static double ml_power[ML_BINS];
static int ml_spectrum_ready;

/* The tables of RealFft and Spectrum's constructors, made on the first window. */
static void ml_spectrum_init(void) {
  double sum_squares = 0.0;
  int i, b, bits = 0;
  while ((1 << bits) < ML_HALF) bits += 1;
  for (i = 0; i < ML_HALF; i++) {
    int reversed = 0;
    for (b = 0; b < bits; b++) reversed |= ((i >> b) & 1) << (bits - 1 - b);
    ml_bit_reverse[i] = (unsigned short)reversed;
  }
  ml_cos[0] = 1.0;
  ml_sin[0] = 0.0;
  for (i = 0; i < ML_HALF / 2; i++) {
    ml_cos[i] = cos((2 * ML_PI * i) / ML_HALF);
    ml_sin[i] = sin((2 * ML_PI * i) / ML_HALF);
  }
  for (i = 0; i <= ML_HALF; i++) {
    ml_split_cos[i] = cos((2 * ML_PI * i) / ML_FFT);
    ml_split_sin[i] = sin((2 * ML_PI * i) / ML_FFT);
  }
  for (i = 0; i < ML_N; i++) {
    const double w = 0.5 - 0.5 * cos((2 * ML_PI * i) / ML_N);
    ml_hann[i] = w;
    sum_squares += w * w;
  }
  for (i = 0; i < ML_BINS; i++) ml_power_scale[i] = 2 / (ML_FFT * sum_squares);
  ml_power_scale[0] = 1 / (ML_FFT * sum_squares);
  ml_power_scale[ML_BINS - 1] = 1 / (ML_FFT * sum_squares);
  ml_spectrum_ready = 1;
}

/* RealFft.transform of signal/fft.ts: a half-size complex FFT, then the two spectra separated. */
static void ml_fft(void) {
  int m, length, start, j, k;
  for (m = 0; m < ML_HALF; m++) {
    const int at = ml_bit_reverse[m];
    ml_zr[at] = ml_padded[2 * m];
    ml_zi[at] = ml_padded[2 * m + 1];
  }
  for (length = 2; length <= ML_HALF; length *= 2) {
    const int step = ML_HALF / length;
    const int span = length / 2;
    for (start = 0; start < ML_HALF; start += length) {
      for (j = 0; j < span; j++) {
        const double wr = ml_cos[j * step];
        const double wi = -ml_sin[j * step];
        const int a = start + j;
        const int b = a + span;
        const double br = ml_zr[b] * wr - ml_zi[b] * wi;
        const double bi = ml_zr[b] * wi + ml_zi[b] * wr;
        ml_zr[b] = ml_zr[a] - br;
        ml_zi[b] = ml_zi[a] - bi;
        ml_zr[a] = ml_zr[a] + br;
        ml_zi[a] = ml_zi[a] + bi;
      }
    }
  }
  for (k = 0; k <= ML_HALF; k++) {
    const double ar = ml_zr[k % ML_HALF];
    const double ai = ml_zi[k % ML_HALF];
    const int mirror = (ML_HALF - k) % ML_HALF;
    const double br = ml_zr[mirror];
    const double bi = -ml_zi[mirror];
    const double even_re = (ar + br) / 2;
    const double even_im = (ai + bi) / 2;
    const double odd_re = (ai - bi) / 2;
    const double odd_im = -(ar - br) / 2;
    const double c = ml_split_cos[k];
    const double s = ml_split_sin[k];
    ml_re[k] = even_re + c * odd_re + s * odd_im;
    ml_im[k] = even_im + c * odd_im - s * odd_re;
  }
}

/* Spectrum.compute: mean removed, Hann window, zero padding, one-sided power. */
static void ml_spectrum(const double *series) {
  double sum = 0.0, mean;
  int i, k;
  if (!ml_spectrum_ready) ml_spectrum_init();
  for (i = 0; i < ML_N; i++) sum += series[i];
  mean = sum / ML_N;
  for (i = 0; i < ML_N; i++) ml_padded[i] = (series[i] - mean) * ml_hann[i];
  for (i = ML_N; i < ML_FFT; i++) ml_padded[i] = 0.0;
  ml_fft();
  for (k = 0; k < ML_BINS; k++) ml_power[k] = (ml_re[k] * ml_re[k] + ml_im[k] * ml_im[k]) * ml_power_scale[k];
}

/* Spectrum.binPower: bins from (inclusive) to (exclusive). */
static double ml_bin_power(int from, int to) {
  double total = 0.0;
  int k;
  for (k = from; k < to; k++) total += ml_power[k];
  return total;
}

/* logBandPower of signal/features.ts: log10(power + BAND_POWER_FLOOR), finite for a silent band. */
static double ml_log_band_power(double power) {
  return log10(power + ML_BAND_POWER_FLOOR);
}

/* Spectrum.dominantHz over bins [from, to): the strongest, refined by a parabola through the log power. */
static double ml_dominant_hz(int from, int to, double bin_hz) {
  int k, peak = -1;
  double peak_power = ML_NO_POWER, below, above, a, b, c, curvature, offset = 0.0;
  for (k = from; k < to; k++) {
    if (ml_power[k] > peak_power) {
      peak = k;
      peak_power = ml_power[k];
    }
  }
  if (peak < 0) return 0.0;
  below = peak > 0 ? ml_power[peak - 1] : 0.0;
  above = peak + 1 < ML_BINS ? ml_power[peak + 1] : 0.0;
  if (below <= 0.0 || above <= 0.0 || below > peak_power || above > peak_power) return peak * bin_hz;
  a = log(below);
  b = log(peak_power);
  c = log(above);
  curvature = a - 2 * b + c;
  if (curvature < 0.0) {
    offset = (0.5 * (a - c)) / curvature;
    offset = offset < -0.5 ? -0.5 : offset > 0.5 ? 0.5 : offset;
  }
  return (peak + offset) * bin_hz;
}
`;

const gravity = `static double ml_vertical_horizontal[ML_N * 2];
static double ml_vertical[ML_N];
static double ml_tilt[ML_N];
static ml_stats ml_component[2];
static ml_stats ml_tilt_stats;

/*
 * FeatureExtractor's split along gravity (signal/features.ts): each sample along the window's mean
 * acceleration (mostly gravity) and across it, its angle from it, and their statistics.
 */
static void ml_split_gravity(const double *acc, const ml_stats *channel) {
  const double sx = channel[0].mean, sy = channel[1].mean, sz = channel[2].mean;
  const double gravity = sqrt(sx * sx + sy * sy + sz * sz);
  const double ux = gravity > 0.0 ? sx / gravity : 0.0;
  const double uy = gravity > 0.0 ? sy / gravity : 0.0;
  const double uz = gravity > 0.0 ? sz / gravity : 1.0;
  int i;
  for (i = 0; i < ML_N; i++) {
    const double x = acc[i * 3], y = acc[i * 3 + 1], z = acc[i * 3 + 2];
    const double along = x * ux + y * uy + z * uz;
    const double squared = x * x + y * y + z * z - along * along;
    const double across = sqrt(squared > 0.0 ? squared : 0.0);
    ml_vertical[i] = along - gravity;
    ml_vertical_horizontal[i * 2] = along - gravity;
    ml_vertical_horizontal[i * 2 + 1] = across;
    ml_tilt[i] = atan2(across, along);
  }
  ml_channel_stats(ml_vertical_horizontal, 0, 2, ML_N, &ml_component[0]);
  ml_channel_stats(ml_vertical_horizontal, 1, 2, ML_N, &ml_component[1]);
  ml_channel_stats(ml_tilt, 0, 1, ML_N, &ml_tilt_stats);
}
`;

const rhythm = `static double ml_deviations[ML_N];

/* periodicity of signal/rhythm.ts: the highest normalised autocorrelation at lags from..to, and its lag. */
static void ml_periodicity(const double *series, int from, int to, double *peak, int *lag) {
  double sum = 0.0, mean, energy = 0.0, best = -HUGE_VAL;
  const int last = to < ML_N - 1 ? to : ML_N - 1;
  int i, k;
  for (i = 0; i < ML_N; i++) sum += series[i];
  mean = sum / ML_N;
  for (i = 0; i < ML_N; i++) {
    const double d = series[i] - mean;
    ml_deviations[i] = d;
    energy += d * d;
  }
  *peak = 0.0;
  *lag = 0;
  if (energy / ML_N <= ML_NO_POWER) return;
  for (k = from > 1 ? from : 1; k <= last; k++) {
    const int pairs = ML_N - k;
    double p0 = 0.0, p1 = 0.0, p2 = 0.0, p3 = 0.0, products;
    for (i = 0; i + 3 < pairs; i += 4) {
      p0 += ml_deviations[i] * ml_deviations[i + k];
      p1 += ml_deviations[i + 1] * ml_deviations[i + 1 + k];
      p2 += ml_deviations[i + 2] * ml_deviations[i + 2 + k];
      p3 += ml_deviations[i + 3] * ml_deviations[i + 3 + k];
    }
    for (; i < pairs; i++) p0 += ml_deviations[i] * ml_deviations[i + k];
    products = p0 + p1 + (p2 + p3);
    if (products > best) {
      best = products;
      *lag = k;
    }
  }
  if (*lag > 0) *peak = best / energy;
}

/* skewness of signal/rhythm.ts: 0 for a series constant but for rounding. */
static double ml_skewness(const double *series, const ml_stats *s) {
  double cubes = 0.0;
  int i;
  if (s->std * s->std <= ML_NO_POWER) return 0.0;
  for (i = 0; i < ML_N; i++) {
    const double d = series[i] - s->mean;
    cubes += d * d * d;
  }
  return cubes / ML_N / (s->std * s->std * s->std);
}

/* logJerkRms of signal/rhythm.ts: log10 of the RMS change per second, above a floor. */
static double ml_log_jerk_rms(const double *series) {
  double squares = 0.0;
  int i;
  for (i = 1; i < ML_N; i++) {
    const double d = (series[i] - series[i - 1]) * ML_RATE_HZ;
    squares += d * d;
  }
  return log10(sqrt(squares / (ML_N - 1)) + ML_JERK_FLOOR);
}
`;

const parts: Record<RuntimePart, string> = { stats, correlation, spectrum, gravity, rhythm };

/** The C text of the parts asked for, in dependency order (correlation and the split along gravity read ml_stats). */
export function runtimeSource(needed: ReadonlySet<RuntimePart>): string {
  return (['stats', 'correlation', 'spectrum', 'gravity', 'rhythm'] as const).filter((part) => needed.has(part)).map((part) => parts[part]).join('\n');
}
