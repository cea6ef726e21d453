import { cnn } from './cnn';
import { dense } from './dense';
import { bindNetwork, UnsupportedModelError, type Network, type NetworkKind, type NetworkKindName } from './network-kind';
import type { ModelArtifacts, Preprocessing } from './record';

/** Every kind of network this app runs, by name: adding one is its folder and a line here. */
export const networkKinds: { readonly [K in NetworkKindName]: NetworkKind<unknown> } = { dense, cnn };

/**
 * A stored model's network, read by the kind whose format it has: the file-format check of Live,
 * the model file, the C library and the .tflite writer. Throws UnsupportedModelError saying what
 * it found when no kind can run it.
 *
 * @example
 * const network = readNetwork(model.artifacts);
 * network.forward(inputs, probabilities);
 */
export function readNetwork(artifacts: ModelArtifacts): Network {
  let refusal: UnsupportedModelError | undefined;
  for (const kind of Object.values(networkKinds)) {
    try {
      return bindNetwork(kind, kind.read(artifacts));
    } catch (error) {
      if (!(error instanceof UnsupportedModelError)) throw error;
      if (kind.claims(artifacts)) throw error;
      refusal ??= error;
    }
  }
  throw refusal!;
}

/** A network's inputs and outputs beside the features and labels its preprocessing names. */
export interface ShapeMismatch {
  inputs: number;
  outputs: number;
  features: number;
  labels: number;
}

/**
 * How a network fails to fit its preprocessing (inputs other than its features, outputs other than
 * its labels), or undefined when it fits: the one check behind Live, the model file and the C
 * library, each of which words it as its own error.
 *
 * @example
 * const mismatch = shapeMismatch(readNetwork(model.artifacts), model.preprocessing);
 * if (mismatch) throw new DeployError('network-shape', mismatch);
 */
export function shapeMismatch(network: Pick<Network, 'inputs' | 'outputs'>, preprocessing: Pick<Preprocessing, 'featureNames' | 'labels'>): ShapeMismatch | undefined {
  const facts = { inputs: network.inputs, outputs: network.outputs, features: preprocessing.featureNames.length, labels: preprocessing.labels.length };
  return facts.inputs === facts.features && facts.outputs === facts.labels ? undefined : facts;
}
