import { defaultFeatureConfig, extractorFor } from '../signal/features';
import type { ExportableModel } from './c-library';

/**
 * A model of one Dense softmax layer over the default features, with fixed weights and no
 * training, for tests that need a model's shape rather than its skill.
 *
 * @example
 * generateCLibrary(tinyModel(), 'float32');
 */
export function tinyModel(featureNames: readonly string[] = extractorFor(defaultFeatureConfig).names, labels = ['running', 'walking']): ExportableModel {
  const inputs = featureNames.length;
  const weights = Float32Array.from({ length: inputs * labels.length + labels.length }, (_, i) => Math.sin(i) / 4);
  return {
    name: 'walk or run',
    preprocessing: {
      features: defaultFeatureConfig,
      featureNames: [...featureNames],
      stats: { mean: featureNames.map(() => 1), std: featureNames.map(() => 2) },
      labels,
    },
    artifacts: {
      modelTopology: { config: { layers: [{ class_name: 'Dense', config: { name: 'd', units: labels.length, activation: 'softmax' } }] } },
      weightSpecs: [
        { name: 'd/kernel', shape: [inputs, labels.length], dtype: 'float32' },
        { name: 'd/bias', shape: [labels.length], dtype: 'float32' },
      ],
      weightData: weights.buffer,
    },
  };
}
