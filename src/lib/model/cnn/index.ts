import type { NetworkKind } from '../network-kind';
import { cnnNetworkC } from './c-network';
import { cnnForward, cnnLastHidden, cnnNetworkFrom, looksLikeCnn, type CnnNetwork } from './network';
import { cnnTfliteModel } from './tflite';

/**
 * The 1-D CNN kind: Conv1D layers (relu, max-pool) over the window's samples, their average over
 * time, a Dense head. Its tfjs builder is ./builder.ts, reached only from the worker
 * (network-builders.ts).
 */
export const cnn: NetworkKind<CnnNetwork> = {
  name: 'cnn',
  read: cnnNetworkFrom,
  claims: looksLikeCnn,
  inputs: (network) => network.samples * network.channels,
  outputs: (network) => network.head.layers.at(-1)?.units ?? 0,
  forward: cnnForward,
  hidden: cnnLastHidden,
  hiddenSize: (network) => network.head.layers.at(-1)?.inputs ?? 0,
  writeC: cnnNetworkC,
  tflite: cnnTfliteModel,
};
