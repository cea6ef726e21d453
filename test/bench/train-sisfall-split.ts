import { startNodeBackend } from './node-backend';
import { defaultFeatureConfig } from '../../src/lib/signal/features';
import { balancedClassWeights } from '../../src/lib/train/fit';
import { trainActivityModel, type TrainingStage } from '../../src/lib/train/train-activity';
import { defaultTrainingSettings } from '../../src/lib/train/training-settings';
import { hasSisfall, sisfallDir } from '../support/shared-data';
import { sisfallRecordings } from './sisfall-recordings';
import { featureRows, fitStock } from './stock-fit';
import type { Benchmark, BenchOutput } from './types';

/**
 * One-split training on the whole SisFall set (458 files, about 30,000 training windows) with the
 * app's defaults, in Node on tfjs's wasm backend (SIMD), as `npm run evaluate` runs it:
 * `trainActivityModel` whole, its training loop timed apart (ModelMetrics.trainMs: the lean
 * engine, early stopping, best weights back into the tfjs model), and the windows and features
 * stage (networkInputs on every recording) timed from its stage reports.
 *
 * Baseline, in the same run: tfjs's stock `model.fit` on the same rows (same split, windows,
 * features and standardisation), for as many epochs as the app trained, with the same batch size,
 * class weights and validation set. Without ../shared/data/sisfall the benchmark reports no figure
 * and says why.
 */
export const trainSisfallSplit: Benchmark = {
  name: 'train.sisfall-split',
  needs: 'build',
  async run(): Promise<BenchOutput> {
    if (!hasSisfall()) return { results: [], notes: [`train.sisfall-split skipped: ${sisfallDir} not found`] };
    const backend = await startNodeBackend();
    const recordings = sisfallRecordings();
    const features = { ...defaultFeatureConfig, groups: [...defaultFeatureConfig.groups] };
    const training = { ...defaultTrainingSettings, hidden: [...defaultTrainingSettings.hidden] };
    const stageAt = new Map<TrainingStage, number>();
    // CPU time beside the clock's: on a machine shared with other work the two part ways.
    const cpuAt = new Map<TrainingStage, NodeJS.CpuUsage>();
    const started = performance.now();
    const result = await trainActivityModel(recordings, {
      features,
      training,
      onStage: (stage) => {
        stageAt.set(stage, performance.now());
        cpuAt.set(stage, process.cpuUsage());
      },
    });
    const totalMs = performance.now() - started;
    result.model.dispose();
    const windowsMs = (stageAt.get('training') ?? NaN) - (stageAt.get('windows') ?? NaN);
    const { trainMs, epochs } = result.metrics;
    const cpuMs = (from: TrainingStage, to: TrainingStage) => {
      const [start, end] = [cpuAt.get(from), cpuAt.get(to)];
      return start && end ? (end.user + end.system - start.user - start.system) / 1000 : NaN;
    };

    const rows = featureRows(recordings, features, training.seed);
    const stockCpu = process.cpuUsage();
    const stock = await fitStock(rows, training, epochs, balancedClassWeights(rows.train.y, rows.train.classes));
    const stockCpuMs = (({ user, system }) => (user + system) / 1000)(process.cpuUsage(stockCpu));
    const perEpoch = (ms: number) => (ms / Math.max(1, epochs)).toFixed(0);
    return {
      results: [
        { name: 'train.sisfall-split', value: Math.round(trainMs), unit: 'ms', baseline: Math.round(stock.ms), goal: '<= 3000' },
        { name: 'train.sisfall-split.windows', value: Math.round(windowsMs), unit: 'ms' },
      ],
      notes: [
        `Node, tfjs ${backend.version} on ${backend.backend}${backend.simd ? ' (SIMD)' : ''}; ${result.windows.train}/${result.windows.validation}/${result.windows.test} train/validation/test windows`,
        `lean engine: ${epochs} epochs (${result.stopped}) in ${Math.round(trainMs)} ms (CPU ${Math.round(cpuMs('training', 'evaluating'))} ms), ${perEpoch(trainMs)} ms per epoch; test accuracy ${result.metrics.test.accuracy.toFixed(3)}`,
        `stock model.fit: ${stock.epochs} epochs in ${Math.round(stock.ms)} ms (CPU ${Math.round(stockCpuMs)} ms), ${perEpoch(stock.ms)} ms per epoch; final validation accuracy ${stock.finalValAccuracy.toFixed(3)}`,
        `trainActivityModel whole: ${Math.round(totalMs)} ms = windows and features ${Math.round(windowsMs)} (CPU ${Math.round(cpuMs('windows', 'training'))}) + training ${Math.round(trainMs)} + split, standardisation and scoring ${Math.round(totalMs - windowsMs - trainMs)}`,
      ],
    };
  },
};
