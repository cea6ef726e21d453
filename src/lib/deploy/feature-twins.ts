import { featureGroups, featureNames, rhythmNames, spectrumBandsHz, type FeatureConfig, type FeatureGroup } from '../signal/features';
import type { RuntimePart } from './c-runtime';
import { DeployError } from './deploy-error';

/**
 * The C twin of one feature group of signal/features.ts: the names of the values it writes, in
 * order, and the C statements that write them into `out[at++]`.
 *
 * The statements run inside motion_model_features after the shared preparation: `ml_acc` (the
 * window as doubles, interleaved x, y, z), `ml_magnitude` and `ml_channel[0..3]` (the statistics
 * of x, y, z and |a|), and, when a twin needs 'gravity', the split along gravity
 * (`ml_vertical`, `ml_vertical_horizontal`, `ml_component`, `ml_tilt_stats`), as
 * FeatureExtractor.extract computes them before any group.
 */
export interface FeatureTwin {
  /** The names this twin computes; checked against the model's own list before anything is generated. */
  names: readonly string[];
  /** Runtime parts (c-runtime.ts) the statements call. */
  needs: readonly RuntimePart[];
  statements: string;
}

const channels = ['x', 'y', 'z', 'mag'] as const;
const bandNames = (prefix: string) => spectrumBandsHz.map(([lo, hi]) => `${prefix}.logPower.${lo}-${hi}Hz`);

/**
 * Every feature group that has a C twin. A group missing here (one added to features.ts after
 * this file was written) cannot be exported: the generator refuses it by name rather than ship
 * a library that computes something else.
 */
export const featureTwins: Partial<Record<FeatureGroup, FeatureTwin>> = {
  statistics: {
    names: channels.flatMap((c) => ['mean', 'std', 'min', 'max', 'range', 'rms'].map((s) => `${c}.${s}`)),
    needs: ['stats'],
    statements: `for (i = 0; i < 4; i++) {
    const ml_stats *s = &ml_channel[i];
    out[at++] = (float)s->mean;
    out[at++] = (float)s->std;
    out[at++] = (float)s->min;
    out[at++] = (float)s->max;
    out[at++] = (float)(s->max - s->min);
    out[at++] = (float)s->rms;
  }`,
  },
  crossings: {
    names: channels.map((c) => `${c}.meanCrossingsPerS`),
    needs: ['stats'],
    statements: `for (i = 0; i < 4; i++) out[at++] = (float)(ml_channel[i].crossings * (ML_RATE_HZ / ML_N));`,
  },
  spectrum: {
    names: [...bandNames('mag'), 'mag.dominantHz'],
    needs: ['stats', 'spectrum'],
    statements: `ml_spectrum(ml_magnitude);
  for (i = 0; i < ML_BANDS; i++) out[at++] = (float)ml_log_band_power(ml_bin_power(ml_band_bins[2 * i], ml_band_bins[2 * i + 1]));
  out[at++] = (float)ml_dominant_hz(ML_DOMINANT_FROM, ML_DOMINANT_TO, ML_BIN_HZ);`,
  },
  correlation: {
    names: ['corr.xy', 'corr.xz', 'corr.yz'],
    needs: ['stats', 'correlation'],
    statements: `out[at++] = (float)ml_correlation(ml_acc, 0, 1, 3, ML_N, &ml_channel[0], &ml_channel[1]);
  out[at++] = (float)ml_correlation(ml_acc, 0, 2, 3, ML_N, &ml_channel[0], &ml_channel[2]);
  out[at++] = (float)ml_correlation(ml_acc, 1, 2, 3, ML_N, &ml_channel[1], &ml_channel[2]);`,
  },
  vertical: {
    names: ['vert.std', 'vert.min', 'vert.max', 'vert.range', 'horiz.mean', 'horiz.std', 'horiz.max', ...bandNames('vert'), 'vert.dominantHz', 'corr.vertHoriz'],
    needs: ['stats', 'correlation', 'spectrum', 'gravity'],
    statements: `{
    const ml_stats *v = &ml_component[0];
    const ml_stats *h = &ml_component[1];
    out[at++] = (float)v->std;
    out[at++] = (float)v->min;
    out[at++] = (float)v->max;
    out[at++] = (float)(v->max - v->min);
    out[at++] = (float)h->mean;
    out[at++] = (float)h->std;
    out[at++] = (float)h->max;
    ml_spectrum(ml_vertical);
    for (i = 0; i < ML_BANDS; i++) out[at++] = (float)ml_log_band_power(ml_bin_power(ml_band_bins[2 * i], ml_band_bins[2 * i + 1]));
    out[at++] = (float)ml_dominant_hz(ML_DOMINANT_FROM, ML_DOMINANT_TO, ML_BIN_HZ);
    out[at++] = (float)ml_correlation(ml_vertical_horizontal, 0, 1, 2, ML_N, v, h);
  }`,
  },
  rhythm: {
    names: rhythmNames,
    needs: ['stats', 'gravity', 'rhythm'],
    statements: `{
    double peak;
    int lag;
    ml_periodicity(ml_magnitude, ML_LAG_FROM, ML_LAG_TO, &peak, &lag);
    out[at++] = (float)peak;
    out[at++] = (float)(lag / ML_RATE_HZ);
    ml_periodicity(ml_vertical, ML_LAG_FROM, ML_LAG_TO, &peak, &lag);
    out[at++] = (float)peak;
    out[at++] = (float)(lag / ML_RATE_HZ);
    out[at++] = (float)ml_skewness(ml_vertical, &ml_component[0]);
    out[at++] = (float)ml_log_jerk_rms(ml_magnitude);
    out[at++] = (float)(ml_component[0].crossings * (ML_RATE_HZ / ML_N));
    out[at++] = (float)(ml_component[1].crossings * (ML_RATE_HZ / ML_N));
    out[at++] = (float)ml_tilt_stats.mean;
    out[at++] = (float)ml_tilt_stats.std;
  }`,
  },
};

/** The raw inputs: the window's own values, |a| per sample (magnitudeOf, rounded to float), or both (the CNN's channels). */
function rawTwin(config: FeatureConfig): FeatureTwin {
  const names = featureNames(config);
  if (config.input === 'raw' && !config.rawMagnitudeOnly) return { names, needs: [], statements: 'for (i = 0; i < ML_N * 3; i++) out[at++] = window[i];' };
  const axes = config.input === 'channels' ? '\n    out[at++] = window[i * 3];\n    out[at++] = window[i * 3 + 1];\n    out[at++] = window[i * 3 + 2];' : '';
  return {
    names,
    needs: [],
    statements: `for (i = 0; i < ML_N; i++) {
    const double x = window[i * 3], y = window[i * 3 + 1], z = window[i * 3 + 2];${axes}
    out[at++] = (float)sqrt(x * x + y * y + z * z);
  }`,
  };
}

/**
 * The twins that compute a model's inputs, in row order, after checking that together they
 * write exactly the model's feature list. Throws DeployError naming the first feature that has no
 * twin, or that the twin computes in a different place.
 *
 * @example
 * const twins = twinsFor(model.preprocessing.features, model.preprocessing.featureNames);
 */
export function twinsFor(config: FeatureConfig, modelNames: readonly string[]): FeatureTwin[] {
  if (config.input !== 'features') {
    const twin = rawTwin(config);
    checkNames(twin.names, modelNames, true);
    return [twin];
  }
  const twins: FeatureTwin[] = [];
  for (const group of featureGroups) {
    if (!config.groups.includes(group)) continue;
    const twin = featureTwins[group];
    if (!twin) {
      throw new DeployError('group-without-twin', { group, features: featureNames({ ...config, groups: [group] }) });
    }
    twins.push(twin);
  }
  checkNames(
    twins.flatMap((twin) => twin.names),
    modelNames,
  );
  return twins;
}

function checkNames(twinNames: readonly string[], modelNames: readonly string[], raw = false): void {
  const inOrder = twinNames.length === modelNames.length && modelNames.every((name, i) => name === twinNames[i]);
  if (inOrder) return;
  // A raw model's inputs are the window's own samples: a mismatch means the window is not the one it was trained on.
  if (raw) throw new DeployError('raw-window-mismatch', { modelInputs: modelNames.length, windowInputs: twinNames.length });
  const missing = modelNames.filter((name) => !twinNames.includes(name));
  if (missing.length > 0) throw new DeployError('features-without-twin', { features: missing });
  const at = modelNames.findIndex((name, i) => name !== twinNames[i]);
  if (at >= 0 && at < twinNames.length) throw new DeployError('inputs-out-of-order', { position: at + 1, modelInput: modelNames[at]!, twinInput: twinNames[at]! });
  throw new DeployError('input-count', { modelInputs: modelNames.length, computedInputs: twinNames.length });
}
