/**
 * Trains the 1-D CNN on SisFall split by person, with the app's own training code on the wasm
 * backend in Node, and prints validation and test accuracy and the time an epoch takes, beside
 * the dense net on the same split. Not a registered benchmark: an epoch takes tens of seconds.
 *
 *   npx tsx test/bench/train-cnn-sisfall.ts [--epochs 20] [--batch 64] [--kinds cnn,dense]
 *
 * Reads ../shared/data/sisfall as `npm run evaluate` does; without it, says so and stops.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { startBackend } from '../../src/lib/compute/backend';
import { parseRecordingFile } from '../../src/lib/io/recording-file';
import type { NetworkKindName } from '../../src/lib/model/network-kind';
import { defaultFeatureConfig, type FeatureConfig } from '../../src/lib/signal/features';
import type { LabelledRecording } from '../../src/lib/train/activity-dataset';
import { trainActivityModel } from '../../src/lib/train/train-activity';
import { defaultTrainingSettings } from '../../src/lib/train/training-settings';
import { hasSisfall, sisfallDir } from '../support/shared-data';

const { values } = parseArgs({ options: { epochs: { type: 'string', default: '20' }, batch: { type: 'string', default: '64' }, kinds: { type: 'string', default: 'cnn,dense' } } });

if (!hasSisfall()) {
  console.log(`No SisFall recordings at ${sisfallDir}: nothing to train on.`);
  process.exit(0);
}

const recordings: LabelledRecording[] = readdirSync(sisfallDir)
  .filter((name) => name.endsWith('.csv'))
  .sort()
  .flatMap((name) => {
    const parsed = parseRecordingFile(name, readFileSync(join(sisfallDir, name)));
    if (!parsed.ok || !parsed.recording.label) return [];
    const group = /\.(S[AE]\d+)-/.exec(name)?.[1] ?? '';
    return [{ recording: { id: name, name, label: parsed.recording.label, group, speedFixes: [] }, samples: parsed.recording.samples }];
  });

const wasmDir = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
const backend = await startBackend({ plain: join(wasmDir, 'tfjs-backend-wasm.wasm'), simd: join(wasmDir, 'tfjs-backend-wasm-simd.wasm') });
console.log(`${recordings.length} SisFall recordings, split by person; TensorFlow.js ${backend.version} on ${backend.backend}${backend.simd ? ' (SIMD)' : ''}`);

const inputs: Record<NetworkKindName, FeatureConfig> = { dense: defaultFeatureConfig, cnn: { ...defaultFeatureConfig, input: 'channels' } };
for (const kind of values.kinds.split(',') as NetworkKindName[]) {
  const training = { ...defaultTrainingSettings, network: kind, epochs: Number(values.epochs), batchSize: Number(values.batch) };
  const result = await trainActivityModel(recordings, {
    features: inputs[kind],
    training,
    onEpoch: (log) => console.log(`  ${kind} epoch ${log.epoch}: loss ${log.loss.toFixed(3)}, val accuracy ${log.valAccuracy.toFixed(3)}, ${(log.elapsedMs / 1000).toFixed(1)} s`),
  });
  const { metrics } = result;
  const windows = result.windows;
  console.log(
    `${kind}: ${result.model.countParams()} weights, validation ${metrics.validation.accuracy.toFixed(3)}, test ${metrics.test.accuracy.toFixed(3)} ` +
      `(rules ${metrics.baseline.accuracy.toFixed(3)}), ${metrics.epochs} epochs in ${(metrics.trainMs / 1000).toFixed(1)} s, ` +
      `${(metrics.trainMs / metrics.epochs / 1000).toFixed(2)} s an epoch, windows ${JSON.stringify(windows)}`,
  );
  result.model.dispose();
}
