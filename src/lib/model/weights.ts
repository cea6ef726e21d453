import { UnsupportedModelError } from './network-kind';
import type { ModelArtifacts } from './record';

/** A layer of a Sequential tfjs model's topology, as saved: its class and the config fields the kinds read. */
export interface TopologyLayer {
  class_name: string;
  config: {
    name: string;
    units?: number;
    activation?: string;
    use_bias?: boolean;
    filters?: number;
    kernel_size?: number[];
    strides?: number[];
    padding?: string;
    dilation_rate?: number | number[];
    pool_size?: number[];
    target_shape?: number[];
    data_format?: string;
  };
}

/** One weight out of the buffer: its values and its shape. */
export interface Weight {
  values: Float32Array;
  shape: number[];
}

/**
 * The layers and the weights of a Sequential tfjs model, checked for what every kind needs: a list
 * of layers, float32 weights only, and a buffer as long as the manifest says. Throws
 * UnsupportedModelError saying what it found.
 *
 * @example
 * const { layers, weight } = sequentialWeights(model.artifacts);
 * const kernel = weight(`${layers[0].config.name}/kernel`);
 */
export function sequentialWeights(artifacts: ModelArtifacts): { layers: TopologyLayer[]; weight: (name: string) => Weight } {
  const topology = artifacts.modelTopology as { config?: { layers?: TopologyLayer[] } };
  const layers = topology.config?.layers;
  if (!Array.isArray(layers)) throw new UnsupportedModelError('The model has no list of layers: not a Sequential tfjs model.');
  const weights = new Map<string, { offset: number; shape: number[] }>();
  let offset = 0;
  for (const spec of artifacts.weightSpecs) {
    if (spec.dtype !== 'float32') throw new UnsupportedModelError(`Weight ${spec.name} is ${spec.dtype}; only float32 weights are supported.`);
    weights.set(spec.name, { offset, shape: spec.shape });
    offset += spec.shape.reduce((a, b) => a * b, 1) * 4;
  }
  if (offset !== artifacts.weightData.byteLength) {
    throw new UnsupportedModelError(`The weights hold ${artifacts.weightData.byteLength} bytes where the manifest needs ${offset}.`);
  }
  const weight = (name: string): Weight => {
    const entry = weights.get(name);
    if (!entry) throw new UnsupportedModelError(`The model lacks the weight ${name}.`);
    const size = entry.shape.reduce((a, b) => a * b, 1);
    return { values: new Float32Array(artifacts.weightData.slice(entry.offset, entry.offset + size * 4)), shape: entry.shape };
  };
  return { layers, weight };
}

/**
 * The class of each layer of a Sequential model's topology (empty when it has no list of layers):
 * what a kind looks at to tell whether a model is meant as its own.
 */
export function layerClasses(artifacts: ModelArtifacts): string[] {
  const layers = (artifacts.modelTopology as { config?: { layers?: unknown } }).config?.layers;
  return Array.isArray(layers) ? layers.map((layer: Partial<TopologyLayer>) => String(layer.class_name)) : [];
}
