import type * as tf from '@tensorflow/tfjs';
import { buildActivityModel, type ActivityModelConfig } from './dense/builder';
import type { NetworkKindName } from './network-kind';

/**
 * The tfjs builder of each network kind: the worker's side of the registry (network-kinds.ts is
 * the page's). Only training imports this file, so TensorFlow.js stays in the compute worker's
 * chunk and never reaches a page.
 *
 * @example
 * const model = networkBuilders.dense({ inputSize: 22, classes: 3, ...defaultModelConfig });
 */
export const networkBuilders: { readonly [K in NetworkKindName]: (config: ActivityModelConfig) => tf.Sequential } = { dense: buildActivityModel };
