import type * as tf from '@tensorflow/tfjs';
import { buildCnnModel } from './cnn/builder';
import { buildActivityModel } from './dense/builder';
import type { NetworkKindName } from './network-kind';

/** What every builder is given: the row's size and layout, the labels, and the training settings that shape a network. */
export interface NetworkBuildConfig {
  inputSize: number;
  /** Values per sample of a raw or channels row (x, y, z, |a|: 4); the CNN convolves over them. */
  channels: number;
  classes: number;
  hidden: readonly number[];
  dropout: number;
  learningRate: number;
  seed?: number;
}

/**
 * The tfjs builder of each network kind: the worker's side of the registry (network-kinds.ts is
 * the page's). Only training imports this file, so TensorFlow.js stays in the compute worker's
 * chunk and never reaches a page.
 *
 * @example
 * const model = networkBuilders.dense({ inputSize: 22, channels: 0, classes: 3, ...defaultModelConfig });
 */
export const networkBuilders: { readonly [K in NetworkKindName]: (config: NetworkBuildConfig) => tf.Sequential } = { dense: buildActivityModel, cnn: buildCnnModel };
