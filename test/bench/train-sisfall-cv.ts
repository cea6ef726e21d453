import { defaultFeatureConfig } from '../../src/lib/signal/features';
import { crossValidate } from '../../src/lib/train/cross-validation';
import { balancedClassWeights } from '../../src/lib/train/fit';
import { defaultFoldCount, defaultTrainingSettings } from '../../src/lib/train/training-settings';
import { hasSisfall, sisfallDir } from '../support/shared-data';
import { startNodeBackend } from './node-backend';
import { sisfallRecordings } from './sisfall-recordings';
import { featureRows, fitStock } from './stock-fit';
import type { Benchmark, BenchOutput } from './types';

/**
 * Cross-validation by person on the whole SisFall set with the app's defaults (5 folds), in Node
 * on tfjs's wasm backend, as `npm run evaluate -- --folds 5` runs it: `crossValidate` whole, from
 * the parsed recordings to the scores (windows and features, five trainings, scoring).
 *
 * Baseline, in the same run: tfjs's stock `model.fit` on the rows of one split of the same
 * recordings (a fold's training side is about as large: everyone outside the fold, less a
 * validation share), for the folds' mean number of epochs, times the number of folds: what the
 * five trainings alone would cost the stock way. Measured once rather than five times, as it
 * takes minutes. Without ../shared/data/sisfall the benchmark reports no figure and says why.
 */
export const trainSisfallCv: Benchmark = {
  name: 'train.sisfall-cv',
  needs: 'build',
  async run(): Promise<BenchOutput> {
    if (!hasSisfall()) return { results: [], notes: [`train.sisfall-cv skipped: ${sisfallDir} not found`] };
    const backend = await startNodeBackend();
    const recordings = sisfallRecordings();
    const features = { ...defaultFeatureConfig, groups: [...defaultFeatureConfig.groups] };
    const training = { ...defaultTrainingSettings, hidden: [...defaultTrainingSettings.hidden] };
    const foldStarts: number[] = [];
    const cpu = process.cpuUsage();
    const started = performance.now();
    const cv = await crossValidate(recordings, { features, training, folds: defaultFoldCount, onFold: () => foldStarts.push(performance.now()) });
    const ms = performance.now() - started;
    const cpuMs = (({ user, system }) => (user + system) / 1000)(process.cpuUsage(cpu));
    const epochs = cv.folds.map((fold) => fold.epochs);
    const meanEpochs = Math.round(epochs.reduce((a, b) => a + b, 0) / epochs.length);

    const rows = featureRows(recordings, features, training.seed);
    const stock = await fitStock(rows, training, meanEpochs, balancedClassWeights(rows.train.y, rows.train.classes));
    const foldMs = foldStarts.map((at, f) => (foldStarts[f + 1] ?? started + ms) - at);
    return {
      results: [{ name: 'train.sisfall-cv', value: Math.round(ms), unit: 'ms', baseline: Math.round(stock.ms * cv.folds.length), goal: '<= 15000' }],
      notes: [
        `Node, tfjs ${backend.version} on ${backend.backend}${backend.simd ? ' (SIMD)' : ''}; ${cv.folds.length} folds by person in ${Math.round(ms)} ms (CPU ${Math.round(cpuMs)} ms); ` +
          `per fold ${foldMs.map((fold) => Math.round(fold)).join(', ')} ms (the first computes every recording's windows and features, the others reuse them), epochs ${epochs.join(', ')}; ` +
          `accuracy ${cv.net.accuracy.mean.toFixed(3)} ± ${cv.net.accuracy.sd.toFixed(3)}`,
        `stock model.fit: ${stock.epochs} epochs on one split's ${rows.train.rows} training rows in ${Math.round(stock.ms)} ms, × ${cv.folds.length} folds = ${Math.round(stock.ms * cv.folds.length)} ms for the trainings alone`,
      ],
    };
  },
};
