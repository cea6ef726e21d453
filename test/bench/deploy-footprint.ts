import * as tf from '@tensorflow/tfjs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { denseNetworkFrom, forward } from '../../src/lib/model/dense/network';
import { generateCLibrary, type CLibrary, type ExportableModel } from '../../src/lib/deploy/c-library';
import { deployBundle, sketchFiles } from '../../src/lib/deploy/deploy-bundle';
import { buildActivityModel, defaultModelConfig } from '../../src/lib/model/dense/builder';
import { modelArtifacts } from '../../src/lib/train/model-artifacts';
import { defaultFeatureConfig, extractorFor } from '../../src/lib/signal/features';
import { fitStandardization, standardize } from '../../src/lib/signal/standardize';
import { windowSamples } from '../../src/lib/signal/windows';
import { networkInputs } from '../../src/lib/model/inputs';
import { readNetwork } from '../../src/lib/model/network-kinds';
import { fitUnknownStats } from '../../src/lib/train/unknown-score';
import type { Benchmark, BenchOutput, BenchResult } from './types';

const labels = ['biking', 'golfing', 'running', 'walking'];
const windowCount = 400;
const rounds = 100;

/** Windows of motion on gravity: swings and steps at several rates and strengths, a little noise. */
export function syntheticWindows(count = windowCount): Float32Array[] {
  const n = windowSamples(defaultFeatureConfig);
  let seed = 11;
  const noise = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5) * 0.4;
  return Array.from({ length: count }, (_, w) => {
    const hz = 0.5 + (w % 40) * 0.08;
    const amplitude = 0.5 + (w % 7);
    return Float32Array.from({ length: n * 3 }, (_, at) => {
      const t = Math.floor(at / 3) / defaultFeatureConfig.rateHz;
      const s = amplitude * Math.sin(2 * Math.PI * hz * t + w);
      return [0.5 * s, 0.3 * amplitude * Math.cos(2 * Math.PI * hz * t), 9.81 + s][at % 3]! + noise();
    });
  });
}

/** text, data and bss of an object file, from arm-none-eabi-size. */
function armSizes(dir: string, library: CLibrary): { text: number; data: number; bss: number } {
  const source = join(dir, `motion_model_${library.precision}.c`);
  writeFileSync(join(dir, 'motion_model.h'), library.header);
  writeFileSync(source, library.source);
  const object = `${source}.o`;
  const build = spawnSync('arm-none-eabi-gcc', ['-std=c99', '-mcpu=cortex-m4', '-mfpu=fpv4-sp-d16', '-mfloat-abi=hard', '-mthumb', '-Os', '-c', `-I${dir}`, '-o', object, source], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`arm-none-eabi-gcc failed: ${build.stderr}`);
  const [text = 0, data = 0, bss = 0] = spawnSync('arm-none-eabi-size', [object], { encoding: 'utf8' }).stdout.split('\n')[1]!.trim().split(/\s+/).map(Number);
  return { text, data, bss };
}

/** µs per window of the library compiled with gcc -O2 for this machine. */
function hostMicroseconds(dir: string, library: CLibrary, input: Uint8Array): number {
  const folder = join(dir, `host-${library.precision}`);
  spawnSync('mkdir', ['-p', folder]);
  writeFileSync(join(folder, 'motion_model.h'), library.header);
  writeFileSync(join(folder, 'motion_model.c'), library.source);
  const binary = join(folder, 'time_classify');
  const harness = new URL('../firmware/time_classify.c', import.meta.url).pathname;
  const build = spawnSync('gcc', ['-std=c99', '-O2', `-I${folder}`, '-o', binary, harness, join(folder, 'motion_model.c'), '-lm'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`gcc failed: ${build.stderr}`);
  const run = spawnSync(binary, [String(rounds)], { input, encoding: 'utf8' });
  return Number(run.stdout.split(' ')[0]);
}

/**
 * What the exported library costs on the Nano 33 BLE Sense's Cortex-M4F, float32 and int8:
 * flash (text + data of the library's object, arm-none-eabi-gcc -Os; libm's double-precision
 * functions, which the sketch may share, are not counted) and static RAM (bss), beside the tfjs
 * model files' size (model.json and weights.bin) as the baseline; and the C inference time per
 * window on this machine (gcc -O2) beside the app's TypeScript pipeline on the same windows.
 *
 * The model has the app's default shape (its default features → 32 → 16 → 4 labels) with freshly
 * initialised weights: sizes and times do not depend on what the weights learnt. Flash and RAM
 * are given without and with the unknown score a trained model keeps (`-with-unknown`).
 */
export const deployFootprint: Benchmark = {
  name: 'deploy.footprint',
  needs: 'build',
  async run() {
    await tf.setBackend('cpu');
    const extractor = extractorFor(defaultFeatureConfig);
    const inputs = syntheticWindows();
    const rows = extractor.rows(inputs.map((acc) => ({ acc })));
    const stats = fitStandardization(rows, extractor.names.length);
    const network = buildActivityModel({ inputSize: extractor.names.length, classes: labels.length, ...defaultModelConfig });
    const artifacts = await modelArtifacts(network);
    network.dispose();
    const model: ExportableModel = { name: 'bench', preprocessing: { features: defaultFeatureConfig, featureNames: [...extractor.names], stats, labels }, artifacts };
    const calibration = standardize(rows.slice(), stats);
    const sketch = Object.fromEntries(sketchFiles.map((name) => [name, ''])) as Record<(typeof sketchFiles)[number], string>;
    const files = deployBundle(model, calibration, sketch).files;
    const bytesUnder = (folder: string) =>
      files.filter((file) => file.path.startsWith(folder)).reduce((total, file) => total + (typeof file.content === 'string' ? new TextEncoder().encode(file.content).length : file.content.length), 0);
    const tfjsBytes = bytesUnder('tfjs/');

    const dir = mkdtempSync(join(tmpdir(), 'motion-lab-bench-deploy-'));
    try {
      const results: BenchResult[] = [];
      const notes: string[] = [];
      const input = new Uint8Array(Float32Array.from(inputs.flatMap((w) => Array.from(w))).buffer);
      // The same model with the unknown score a trained model keeps (a covariance per label over its inputs and hidden layer).
      const y = Float32Array.from(inputs, (_, w) => w % labels.length);
      const examples = { x: calibration, y, rows: inputs.length, cols: extractor.names.length };
      const withUnknown: ExportableModel = { ...model, unknown: fitUnknownStats(readNetwork(artifacts), examples, examples, labels.length, { withInputs: true }) };
      for (const library of [generateCLibrary(withUnknown, 'float32'), generateCLibrary(withUnknown, 'int8', calibration)]) {
        const arm = armSizes(dir, library);
        results.push(
          { name: `deploy.flash-${library.precision}-with-unknown`, value: arm.text + arm.data, unit: 'B', baseline: tfjsBytes },
          { name: `deploy.ram-${library.precision}-with-unknown`, value: arm.bss + arm.data, unit: 'B' },
        );
        notes.push(`${library.precision} with the unknown score: Cortex-M4F text ${arm.text} B (of which constant data ${library.constBytes} B), data ${arm.data} B, bss ${arm.bss} B`);
      }
      for (const library of [generateCLibrary(model, 'float32'), generateCLibrary(model, 'int8', calibration)]) {
        const arm = armSizes(dir, library);
        const us = hostMicroseconds(dir, library, input);
        results.push(
          { name: `deploy.flash-${library.precision}`, value: arm.text + arm.data, unit: 'B', baseline: tfjsBytes },
          { name: `deploy.ram-${library.precision}`, value: arm.bss + arm.data, unit: 'B' },
          { name: `deploy.c-inference-${library.precision}`, value: Math.round(us * 100) / 100, unit: 'µs/window' },
        );
        notes.push(`${library.precision}: Cortex-M4F text ${arm.text} B (of which constant data ${library.constBytes} B), data ${arm.data} B, bss ${arm.bss} B; ${us.toFixed(2)} µs a window on this machine`);
      }
      // The app's own pipeline on the same windows, in Node (after one warm-up pass): features, standardisation, forward pass.
      const dense = denseNetworkFrom(artifacts);
      const scaled = new Float32Array(extractor.names.length);
      const out = new Float32Array(labels.length);
      for (const acc of inputs) forward(dense, networkInputs(model.preprocessing, acc, scaled), out);
      const started = performance.now();
      for (let round = 0; round < rounds; round += 1) {
        for (const acc of inputs) forward(dense, networkInputs(model.preprocessing, acc, scaled), out);
      }
      const tsUs = ((performance.now() - started) * 1000) / (rounds * inputs.length);
      const c = results.find((result) => result.name === 'deploy.c-inference-float32')!;
      c.baseline = Math.round(tsUs * 100) / 100;
      notes.push(`TypeScript pipeline in Node on the same windows: ${tsUs.toFixed(2)} µs a window (the C inference's baseline); tfjs model files: ${tfjsBytes} B; .tflite: ${bytesUnder('tflite/')} B`);
      return { results, notes } satisfies BenchOutput;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
