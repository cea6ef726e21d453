import * as tf from '@tensorflow/tfjs';
import { startNodeBackend } from './node-backend';
import { buildCnnModel } from '../../src/lib/model/cnn/builder';
import { cnnForward, cnnNetworkFrom } from '../../src/lib/model/cnn/network';
import { networkInputs } from '../../src/lib/model/inputs';
import { defaultFeatureConfig, extractorFor, type FeatureConfig } from '../../src/lib/signal/features';
import { fitStandardization } from '../../src/lib/signal/standardize';
import { modelArtifacts } from '../../src/lib/train/model-artifacts';
import { syntheticWindows } from './deploy-footprint';
import { median } from './stats';
import type { Benchmark } from './types';

const rounds = 20;

/**
 * ms per window of the CNN's part of a live prediction, as LiveClassifier runs it: the window's
 * channels (x, y, z, |a|), standardised with the training statistics (networkInputs), then the
 * forward pass in plain TypeScript (model/cnn/network.ts), over 400 windows × 20 rounds in Node, in CPU time (the median round).
 *
 * Baseline: the same inputs through tfjs `model.predict` on one row, on the wasm backend in the
 * same run, each result read back and disposed: what Live would cost running the tfjs model.
 */
export const cnnInferencePerWindow: Benchmark = {
  name: 'live.cnn-inference-per-window',
  needs: 'build',
  async run() {
    const backend = await startNodeBackend();
    const features: FeatureConfig = { ...defaultFeatureConfig, input: 'channels' };
    const width = extractorFor(features).names.length;
    const windows = syntheticWindows();
    const rows = new Float32Array(windows.length * width);
    windows.forEach((window, w) => networkInputs({ features }, window, rows.subarray(w * width, (w + 1) * width)));
    const spec = { features, stats: fitStandardization(rows, width) };
    const model = buildCnnModel({ inputSize: width, channels: 4, classes: 4, dropout: 0, learningRate: 0.01, seed: 2 });
    const network = cnnNetworkFrom(await modelArtifacts(model));
    const row = new Float32Array(width);
    const probabilities = new Float32Array(4);
    let maxDifference = 0;

    // CPU time, the median round: on a machine shared with other work the clock also counts the
    // time this process waits for a core (three to five times the work itself on a busy 2-core machine).
    const timed = (forward: () => void): number => {
      const perRound: number[] = [];
      for (let round = 0; round < rounds; round += 1) {
        const started = process.cpuUsage();
        for (const window of windows) {
          networkInputs(spec, window, row);
          forward();
        }
        const { user, system } = process.cpuUsage(started);
        perRound.push((user + system) / 1000 / windows.length);
      }
      return median(perRound);
    };
    const tfjsPredict = () => {
      const output = tf.tidy(() => model.predict(tf.tensor2d(row, [1, width])) as tf.Tensor);
      const values = output.dataSync();
      output.dispose();
      return values;
    };
    for (const window of windows) {
      networkInputs(spec, window, row);
      const expected = tfjsPredict();
      cnnForward(network, row, probabilities).forEach((p, i) => (maxDifference = Math.max(maxDifference, Math.abs(p - expected[i]!))));
    }
    // One round of each first, so neither pays for compiling or warming up in its figure.
    timed(() => cnnForward(network, row, probabilities));
    const inputsMs = timed(() => undefined);
    const appMs = timed(() => cnnForward(network, row, probabilities));
    const tfjsMs = timed(tfjsPredict);
    model.dispose();
    const round = (ms: number) => Math.round(ms * 1000) / 1000;
    return {
      results: [{ name: 'live.cnn-inference-per-window', value: round(appMs), unit: 'ms', baseline: round(tfjsMs), goal: '<= 0.5' }],
      notes: [
        `${windows.length} windows × ${rounds} rounds in Node, CPU time, tfjs on ${backend.backend}: inputs and standardisation ${round(inputsMs)} ms, ` +
          `so the CNN ${round(appMs - inputsMs)} ms in TypeScript, ${round(tfjsMs - inputsMs)} ms through tfjs predict`,
        `largest difference between the two networks' probabilities ${maxDifference.toExponential(1)}`,
      ],
    };
  },
};
