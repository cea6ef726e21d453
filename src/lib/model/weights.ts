import { excerpt, excerptList } from '../i18n/excerpt';
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
 * of layers, each with a class and a named config; float32 weights, each a name and a shape of
 * whole positive sizes; and a buffer as long as the manifest says. A reader calls `allRead` last:
 * a weight no layer reads can only hide a shape that lies (negative units balanced by a spare).
 * Throws UnsupportedModelError saying what it found.
 *
 * @example
 * const { layers, weight } = sequentialWeights(model.artifacts);
 * const kernel = weight(`${layers[0].config.name}/kernel`);
 */
export function sequentialWeights(artifacts: ModelArtifacts): { layers: TopologyLayer[]; weight: (name: string) => Weight; allRead: () => void } {
  const topology = artifacts.modelTopology as { config?: { layers?: unknown } } | null;
  const layers = topology?.config?.layers;
  if (!Array.isArray(layers)) throw new UnsupportedModelError('The model has no list of layers: not a Sequential tfjs model.');
  layers.forEach(checkLayer);
  if (!Array.isArray(artifacts.weightSpecs)) throw new UnsupportedModelError('The model has no list of weights.');
  const weights = new Map<string, { offset: number; shape: number[] }>();
  let offset = 0;
  artifacts.weightSpecs.forEach((spec: unknown, i) => {
    const { name, shape, dtype } = (typeof spec === 'object' && spec !== null ? spec : {}) as Partial<ModelArtifacts['weightSpecs'][number]>;
    if (typeof name !== 'string') throw new UnsupportedModelError(`Weight ${i + 1} has no name.`);
    if (dtype !== 'float32') throw new UnsupportedModelError(`Weight ${excerpt(name)} is ${excerpt(String(dtype))}; only float32 weights are supported.`);
    if (!Array.isArray(shape) || !shape.every((size) => Number.isSafeInteger(size) && size > 0)) {
      throw new UnsupportedModelError(`Weight ${excerpt(name)} has the shape ${excerpt(JSON.stringify(shape) ?? 'none')}; a shape is a list of whole sizes above 0.`);
    }
    if (weights.has(name)) throw new UnsupportedModelError(`Weight ${excerpt(name)} is listed twice.`);
    weights.set(name, { offset, shape });
    offset += shape.reduce((a, b) => a * b, 1) * 4;
  });
  const byteLength = artifacts.weightData instanceof ArrayBuffer ? artifacts.weightData.byteLength : NaN;
  if (offset !== byteLength) throw new UnsupportedModelError(`The weights hold ${byteLength} bytes where the manifest needs ${offset}.`);
  const read = new Set<string>();
  const weight = (name: string): Weight => {
    const entry = weights.get(name);
    if (!entry) throw new UnsupportedModelError(`The model lacks the weight ${excerpt(name)}.`);
    read.add(name);
    const size = entry.shape.reduce((a, b) => a * b, 1);
    return { values: new Float32Array(artifacts.weightData.slice(entry.offset, entry.offset + size * 4)), shape: entry.shape };
  };
  const allRead = () => {
    const unused = [...weights.keys()].filter((name) => !read.has(name));
    if (unused.length > 0) throw new UnsupportedModelError(`The model holds weights no layer uses: ${excerptList(unused).join(', ')}.`);
  };
  return { layers: layers as TopologyLayer[], weight, allRead };
}

/** A layer as every reader needs it: an object with a class name and a config with a name, so no reader meets a null. */
function checkLayer(layer: unknown, i: number): asserts layer is TopologyLayer {
  const { class_name: className, config } = (typeof layer === 'object' && layer !== null ? layer : {}) as Partial<TopologyLayer>;
  if (typeof className !== 'string' || typeof config !== 'object' || config === null || Array.isArray(config) || typeof config.name !== 'string') {
    throw new UnsupportedModelError(`Layer ${i + 1} of the model is not a layer (a class name and a config with a name).`);
  }
}

/**
 * The class of each layer of a Sequential model's topology (empty when it has no list of layers):
 * what a kind looks at to tell whether a model is meant as its own.
 */
export function layerClasses(artifacts: ModelArtifacts): string[] {
  const layers = (artifacts.modelTopology as { config?: { layers?: unknown } } | null)?.config?.layers;
  return Array.isArray(layers) ? layers.map((layer: Partial<TopologyLayer> | null) => String(layer?.class_name)) : [];
}
