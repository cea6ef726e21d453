import { dense } from './dense';
import { bindNetwork, UnsupportedModelError, type Network, type NetworkKind, type NetworkKindName } from './network-kind';
import type { ModelArtifacts } from './record';

/** Every kind of network this app runs, by name: adding one is its folder and a line here. */
export const networkKinds: { readonly [K in NetworkKindName]: NetworkKind<unknown> } = { dense };

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
      refusal ??= error;
    }
  }
  throw refusal!;
}
