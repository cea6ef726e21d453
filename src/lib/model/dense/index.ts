import type { NetworkKind } from '../network-kind';
import { layerClasses } from '../weights';
import { denseNetworkC } from './c-network';
import { denseNetworkFrom, forward, lastHidden, type DenseNetwork } from './network';
import { tfliteModel } from './tflite';

/**
 * The dense network kind: Dense layers (relu, softmax or linear) with Dropout while training.
 * Its tfjs builder is ./builder.ts, reached only from the worker (network-builders.ts).
 */
export const dense: NetworkKind<DenseNetwork> = {
  name: 'dense',
  read: denseNetworkFrom,
  claims: (artifacts) => layerClasses(artifacts).every((name) => name === 'Dense' || name === 'Dropout'),
  inputs: (network) => network.inputs,
  outputs: (network) => network.layers.at(-1)?.units ?? 0,
  forward,
  hidden: lastHidden,
  hiddenSize: (network) => network.layers.at(-1)?.inputs ?? 0,
  writeC: denseNetworkC,
  tflite: tfliteModel,
};
