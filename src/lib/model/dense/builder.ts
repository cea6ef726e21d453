import * as tf from '@tensorflow/tfjs';

export interface ActivityModelConfig {
  inputSize: number;
  classes: number;
  /** Units of each hidden Dense layer, in order. */
  hidden: readonly number[];
  /** Dropout after the first hidden layer: switches off a fraction of its units while training, so the network cannot lean on any one of them (a guard against overfitting). */
  dropout: number;
  learningRate: number;
  /**
   * Seeds the initial weights, so one seed trains the same network twice. Dropout's masks stay
   * random: tfjs reseeds them at every step from a fixed seed, which would drop the same units
   * every batch.
   */
  seed?: number;
}

export const defaultModelConfig = { hidden: [32, 16], dropout: 0.2, learningRate: 0.003 } as const;

/**
 * The activity network: Dense(32, relu) → Dropout → Dense(16, relu) → Dense(k, softmax). Small on
 * purpose: features already summarise each window, and a few thousand weights train in seconds
 * on a phone and fit on a microcontroller.
 */
export function buildActivityModel(config: ActivityModelConfig): tf.Sequential {
  const model = tf.sequential();
  config.hidden.forEach((units, index) => {
    model.add(
      tf.layers.dense({
        units,
        activation: 'relu',
        kernelInitializer: config.seed === undefined ? 'heNormal' : tf.initializers.heNormal({ seed: config.seed + index }),
        ...(index === 0 && { inputShape: [config.inputSize] }),
      }),
    );
    if (index === 0 && config.dropout > 0) model.add(tf.layers.dropout({ rate: config.dropout }));
  });
  model.add(
    tf.layers.dense({
      units: config.classes,
      activation: 'softmax',
      ...(config.seed !== undefined && { kernelInitializer: tf.initializers.glorotUniform({ seed: config.seed + config.hidden.length }) }),
      ...(config.hidden.length === 0 && { inputShape: [config.inputSize] }),
    }),
  );
  return model;
}
