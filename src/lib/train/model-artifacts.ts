import * as tf from '@tensorflow/tfjs';
import type { ModelArtifacts } from '../model/record';

/** The model's topology and weights as plain data, to store or send to another thread. */
export async function modelArtifacts(model: tf.LayersModel): Promise<ModelArtifacts> {
  let saved: ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const { modelTopology, weightSpecs, weightData } = artifacts;
      if (!modelTopology || !weightSpecs || !weightData) throw new Error('tfjs gave no weights to save');
      const data = Array.isArray(weightData) ? tf.io.concatenateArrayBuffers(weightData) : weightData;
      saved = { modelTopology: modelTopology as object, weightSpecs: weightSpecs as ModelArtifacts['weightSpecs'], weightData: data };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (!saved) throw new Error('tfjs did not save the model');
  return saved;
}

/** A model back from its stored artifacts. */
export async function loadModelArtifacts(artifacts: ModelArtifacts): Promise<tf.LayersModel> {
  return tf.loadLayersModel(
    tf.io.fromMemory({ modelTopology: artifacts.modelTopology, weightSpecs: artifacts.weightSpecs, weightData: artifacts.weightData }),
  );
}
