import type { ModelArtifacts, NetworkKindName } from './record';

export type { NetworkKindName };

/** A stored model this code cannot run: it says what was found. */
export class UnsupportedModelError extends Error {
  override name = 'UnsupportedModelError';
}

export type Precision = 'float32' | 'int8';

/** What a kind's C writer is given by the C library: literals as it writes them, and the memory it counts. */
export interface CWriter {
  /** A float32 value as the shortest C literal that reads back as the same float. */
  float(value: number): string;
  /** Static RAM the code keeps, in bytes, with what it is for. */
  ram(what: string, bytes: number): void;
  /** Constant data (flash), in bytes, with what it is. */
  constant(what: string, bytes: number): void;
}

/** A network's C, as a kind writes it for the C library. */
export interface CNetwork {
  code: string;
  /** The network's shape in words, for the header. */
  description: string;
  /**
   * The C array (of float or double) that holds the last hidden layer once ml_network has run, for
   * the unknown score; `ml_scaled` (the library's standardised inputs) when the network has no
   * hidden layer.
   */
  hidden: string;
}

/** One kind of network, over its own runnable form `N`. */
export interface NetworkKind<N> {
  readonly name: NetworkKindName;
  /** The network out of its tfjs artifacts; throws UnsupportedModelError, saying what it found, for weights this kind cannot run. */
  read(artifacts: ModelArtifacts): N;
  /** Whether the artifacts are meant as this kind (their layers say so): when no kind can run them, this kind's refusal is the one that says what is wrong. */
  claims(artifacts: ModelArtifacts): boolean;
  inputs(network: N): number;
  outputs(network: N): number;
  /** Runs the network on one input row, writing its outputs into `out`; allocates nothing per call. */
  forward(network: N, input: ArrayLike<number>, out: Float32Array): Float32Array;
  /** Values of the last hidden layer (what the last Dense layer takes) for one input row: scratch, overwritten by the next call. */
  hidden(network: N, input: ArrayLike<number>): ArrayLike<number>;
  /** How many values `hidden` gives. */
  hiddenSize(network: N): number;
  /**
   * C99 code defining `static void ml_network(const float *scaled, float *probabilities)` for the
   * C library, and the network's shape in words; int8 takes its scales from `calibration`
   * (standardised training rows, checked by the caller to be whole rows).
   */
  writeC(network: N, precision: Precision, calibration: Float32Array | undefined, c: CWriter): CNetwork;
  /** The network as a TensorFlow Lite flatbuffer: the standardised inputs in, the outputs out. */
  tflite(network: N, description: string): Uint8Array;
}

/** A stored network read by its kind, its operations bound to it. */
export interface Network {
  readonly kind: NetworkKindName;
  readonly inputs: number;
  readonly outputs: number;
  forward(input: ArrayLike<number>, out: Float32Array): Float32Array;
  readonly hiddenSize: number;
  hidden(input: ArrayLike<number>): ArrayLike<number>;
  writeC(precision: Precision, calibration: Float32Array | undefined, c: CWriter): CNetwork;
  tflite(description: string): Uint8Array;
}

/** `network` with its kind's operations bound to it. */
export function bindNetwork<N>(kind: NetworkKind<N>, network: N): Network {
  return {
    kind: kind.name,
    inputs: kind.inputs(network),
    outputs: kind.outputs(network),
    forward: (input, out) => kind.forward(network, input, out),
    hiddenSize: kind.hiddenSize(network),
    hidden: (input) => kind.hidden(network, input),
    writeC: (precision, calibration, c) => kind.writeC(network, precision, calibration, c),
    tflite: (description) => kind.tflite(network, description),
  };
}
