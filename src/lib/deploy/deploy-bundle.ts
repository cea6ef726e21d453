import { readNetwork } from '../model/network-kinds';
import { generateCLibrary, type CLibrary, type ExportableModel } from './c-library';
import type { ArchiveFile } from './zip';

/** What an export writes, beside the files: the two builds' figures, for the page and the CLI. */
export interface DeployBundle {
  files: ArchiveFile[];
  float32: CLibrary;
  /** Absent when there were no training rows to calibrate it with: the zip then has no int8/ folder. */
  int8: CLibrary | undefined;
  /** Bytes of the tfjs weights file. */
  tfjsWeightBytes: number;
}

/** The files of the board's sketch folder (static/firmware/motion_lab), by name. */
export const sketchFiles = ['motion_lab.ino', 'motion_lab_protocol.h', 'motion_lab_windows.h'] as const;

/** The texts of the sketch's files, by name. */
export type SketchTexts = Record<(typeof sketchFiles)[number], string>;

/**
 * Everything a model deploys as, in one folder: the C library in float32 and int8 (each a
 * motion_model.h and motion_model.c, the same API), the sketch folder ready to flash with the
 * float32 build beside it (`sketch`: the texts of `sketchFiles`, read by the caller from wherever
 * it keeps them), the tfjs model files for other web apps (the preprocessing in model.json's
 * userDefinedMetadata), the network as a .tflite flatbuffer for TensorFlow Lite Micro (checked in
 * LiteRT against the app's network by model/tflite-writer.browser.test.ts), and a README that says how to use
 * them.
 *
 * Without `calibration` (the training recordings are gone) everything but the int8 build is
 * written, and the README says why int8/ is missing.
 *
 * @example
 * const bundle = deployBundle(model, trainingRows(model, recordings), sketch);
 * download(zipFiles(bundle.files));
 */
export function deployBundle(model: ExportableModel | undefined, calibration: Float32Array, sketch: SketchTexts): DeployBundle & { int8: CLibrary };
export function deployBundle(model: ExportableModel | undefined, calibration: Float32Array | undefined, sketch: SketchTexts): DeployBundle;
export function deployBundle(model: ExportableModel | undefined, calibration: Float32Array | undefined, sketch: SketchTexts): DeployBundle {
  const float32 = generateCLibrary(model, 'float32');
  const int8 = calibration ? generateCLibrary(model, 'int8', calibration) : undefined;
  const { preprocessing, artifacts } = model!;
  const modelJson = {
    format: 'layers-model',
    generatedBy: 'Motion Lab',
    convertedBy: null,
    modelTopology: artifacts.modelTopology,
    weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }],
    userDefinedMetadata: { motionLab: { preprocessing } },
  };
  return {
    float32,
    int8,
    tfjsWeightBytes: artifacts.weightData.byteLength,
    files: [
      { path: 'README.md', content: readme(model!, float32, int8) },
      { path: 'float32/motion_model.h', content: float32.header },
      { path: 'float32/motion_model.c', content: float32.source },
      ...(int8
        ? [
            { path: 'int8/motion_model.h', content: int8.header },
            { path: 'int8/motion_model.c', content: int8.source },
          ]
        : []),
      ...sketchFiles.map((name) => ({ path: `motion_lab/${name}`, content: sketch[name] })),
      { path: 'motion_lab/motion_model.h', content: float32.header },
      { path: 'motion_lab/motion_model.c', content: float32.source },
      { path: 'tfjs/model.json', content: `${JSON.stringify(modelJson, null, 2)}\n` },
      { path: 'tfjs/weights.bin', content: new Uint8Array(artifacts.weightData) },
      { path: 'tflite/motion_model.tflite', content: readNetwork(artifacts).tflite(model!.name) },
    ],
  };
}

function readme(model: ExportableModel, float32: CLibrary, int8: CLibrary | undefined): string {
  const { features, labels } = model.preprocessing;
  return `# ${model.name}

Exported by Motion Lab. Labels, by index: ${labels.map((label, i) => `${i} ${label}`).join(', ')}.
Input: ${features.windowS} s windows of x, y, z acceleration in m/s², resampled to ${features.rateHz} Hz,
one every ${features.strideS} s.

## C library (${int8 ? 'float32/ and int8/' : 'float32/ only'})
${
  int8
    ? ''
    : `
There is no int8/ build in this export: it takes its per-layer scales from the recordings the
model learnt from, and they were no longer on the device it was exported from. Record or import
${labels.join(', ')} again, or export from the device the model was trained on, to get it.
`
}
Copy one folder's \`motion_model.h\` and \`motion_model.c\` beside your sketch or into your project,
and call \`motion_model_classify(window, probabilities)\`: it computes the app's own features,
standardises them with the training statistics and runs the network. C99, no allocation,
nothing beyond \`<math.h>\`. The float32 build gives the app's probabilities (to 1e-4); the int8
build stores the weights in a byte each and agrees with the app's label on at least 99 % of
windows in the app's tests.

| build | constant data | static RAM |
| --- | --- | --- |
| float32 | ${float32.constBytes} B | ${float32.ramBytes} B |
${int8 ? `| int8 | ${int8.constBytes} B | ${int8.ramBytes} B |` : '| int8 | not in this export | |'}

The header of each build details the figures.

## Arduino Nano 33 BLE Sense (motion_lab/)

The Motion Lab sketch with the float32 build beside it: open \`motion_lab/motion_lab.ino\` in the
Arduino IDE, set \`NANO33_REV2\` (0 for the Rev1, 1 for the Rev2) and upload (the firmware's
README, on the app's Record page, has the steps). The board streams its motion as before and,
with the model beside it, classifies every ${features.strideS} s on its own: the app's Live page
shows its answer as "on the device" next to the browser's.${int8 ? ' For the int8 build, replace the two\nmotion_model files with those of `int8/`.' : ''}

## TensorFlow.js (tfjs/)

\`tf.loadLayersModel('…/model.json')\` in any web app. \`userDefinedMetadata.motionLab.preprocessing\`
in model.json holds everything needed to compute its inputs: rate, window, feature list,
normalisation statistics and label order.

## TensorFlow Lite (tflite/)

\`motion_model.tflite\` is the network alone, float32, for TensorFlow Lite Micro or LiteRT: its input
is the row of ${model.preprocessing.featureNames.length} standardised features, [1, ${model.preprocessing.featureNames.length}], and its output the ${labels.length}
probabilities. Compute the features with the C library's \`motion_model_features\` and
standardise them as \`(value − mean) / std\` with the statistics in \`tfjs/model.json\`
(\`userDefinedMetadata.motionLab.preprocessing.stats\`; a std of 0 divides by 1). Motion Lab's tests
run such a file in LiteRT and compare it with the app's own network.
`;
}
