import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildActivityModel } from '../model/dense/builder';
import { DenseEngine } from './dense-engine';
import type { EngineLayer } from './dense-kernels';
import { balancedClassWeights, fitLean, fitModel, type Examples, type FitResult } from './fit';
import { mulberry32 } from './random';

/** Three overlapping classes in `cols` dimensions, unevenly many (so class weights matter), seeded. */
function overlapping(rows: number, cols: number, seed: number): Examples {
  const random = mulberry32(seed);
  const x = new Float32Array(rows * cols);
  const y = new Float32Array(rows);
  for (let row = 0; row < rows; row += 1) {
    const draw = random();
    const label = draw < 0.6 ? 0 : draw < 0.85 ? 1 : 2;
    y[row] = label;
    for (let c = 0; c < cols; c += 1) x[row * cols + c] = (c % 3 === label ? 1 : 0) + (random() - 0.5) * 2.5;
  }
  return { x, y, rows, cols };
}

function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let largest = 0;
  for (let i = 0; i < a.length; i += 1) largest = Math.max(largest, Math.abs((a[i] as number) - (b[i] as number)));
  return largest;
}

const weightsOf = (model: tf.LayersModel): Float32Array[] => model.getWeights().map((tensor) => tensor.dataSync() as Float32Array);

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('the lean dense engine', () => {
  test('trains as tfjs does: same start, batches and class weights give the same losses every epoch and the same best weights, to 1e-5', async () => {
    const train = overlapping(2300, 6, 1);
    const validation = overlapping(400, 6, 2);
    const config = { inputSize: 6, classes: 3, hidden: [12, 8], dropout: 0, learningRate: 0.01, seed: 3 };
    const reference = buildActivityModel(config);
    const lean = buildActivityModel(config);
    lean.setWeights(reference.getWeights());
    const options = { epochs: 4, batchSize: 64, learningRate: 0.01, patience: 2, seed: 5, classWeights: balancedClassWeights(train.y, 3) };
    const expected = await fitModel(reference, train, validation, options);
    const before = tf.memory().numTensors;
    const actual = await fitLean(lean, train, validation, options);
    expect(tf.memory().numTensors).toBe(before);
    expect(actual.history).toHaveLength(expected.history.length);
    expect(actual.bestEpoch).toBe(expected.bestEpoch);
    actual.history.forEach((log, epoch) => {
      const other = expected.history[epoch]!;
      expect(Math.abs(log.loss - other.loss)).toBeLessThan(1e-5);
      expect(Math.abs(log.valLoss - other.valLoss)).toBeLessThan(1e-5);
      expect(log.accuracy).toBeCloseTo(other.accuracy, 3);
      expect(log.valAccuracy).toBeCloseTo(other.valAccuracy, 3);
    });
    // Computed by the lean engine, not handed back to tfjs: equal to 1e-5, not to the last bit.
    expect(actual.history.some((log, epoch) => log.valLoss !== expected.history[epoch]!.valLoss)).toBe(true);
    // The weights moved (a start that never changed would match too), and moved alike.
    const untrained = buildActivityModel(config);
    expect(maxDifference(weightsOf(lean)[0]!, weightsOf(untrained)[0]!)).toBeGreaterThan(0.01);
    untrained.dispose();
    weightsOf(reference).forEach((weights, which) => expect(maxDifference(weightsOf(lean)[which]!, weights)).toBeLessThan(1e-5));
    reference.dispose();
    lean.dispose();
  });

  test('drops out as tfjs’s Dropout does: with the same masks, the same weights after every step', () => {
    const train = overlapping(96, 5, 7);
    const start = buildActivityModel({ inputSize: 5, classes: 3, hidden: [10, 6], dropout: 0.3, learningRate: 0.02, seed: 11 });
    const initial = weightsOf(start).map((values) => values.slice());
    start.dispose();
    const shapes = [5, 10, 6, 3];
    const layers: EngineLayer[] = [0, 1, 2].map((l) => ({
      inputs: shapes[l]!,
      units: shapes[l + 1]!,
      kernel: initial[2 * l]!.slice(),
      bias: initial[2 * l + 1]!.slice(),
      activation: l === 2 ? 'softmax' : 'relu',
      dropout: l === 0 ? 0.3 : 0,
    }));
    // The engine draws its masks from mulberry32(seed + 2), one draw per row, then per unit.
    const random = mulberry32(9 + 2);
    const classWeights = Float32Array.of(1, 2, 0.5);
    const engine = new DenseEngine(layers, train, train, { learningRate: 0.02, classWeights, seed: 9 });
    // The reference: the same network written with tfjs ops, its dropout multiplier made from the
    // engine's draws as tf.dropout makes it, floor(u + keep) / keep, and tfjs's adam.
    const variables = initial.map((values, which) => tf.variable(which % 2 === 0 ? tf.tensor2d(values, [shapes[which / 2]!, shapes[which / 2 + 1]!]) : tf.tensor1d(values)));
    const [w1, b1, w2, b2, w3, b3] = variables as [tf.Variable, tf.Variable, tf.Variable, tf.Variable, tf.Variable, tf.Variable];
    const optimizer = tf.train.adam(0.02);
    for (let from = 0; from < train.rows; from += 16) {
      const rows = Int32Array.from({ length: 16 }, (_, i) => (from + i * 5) % train.rows);
      const draws = Array.from({ length: 16 * 10 }, () => random());
      engine.step(rows);
      tf.tidy(() => {
        const x = tf.tensor2d(Float32Array.from({ length: 16 * 5 }, (_, i) => train.x[rows[Math.floor(i / 5)]! * 5 + (i % 5)]!), [16, 5]);
        const labels = Array.from(rows, (row) => train.y[row]!);
        const targets = tf.oneHot(tf.tensor1d(labels, 'int32'), 3);
        const rowWeights = tf.tensor1d(labels.map((label) => classWeights[label]!));
        const multiplier = tf.div(tf.floor(tf.add(tf.tensor2d(draws, [16, 10]), 0.7)), 0.7);
        optimizer.minimize(() => {
          const hidden = tf.mul(tf.relu(tf.add(tf.matMul(x, w1), b1)), multiplier);
          const probabilities = tf.softmax(tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(hidden, w2), b2)), w3), b3));
          const picked = tf.sum(tf.mul(probabilities, targets), 1);
          return tf.div(tf.neg(tf.sum(tf.mul(tf.log(tf.add(picked, 1e-7)), rowWeights))), tf.sum(rowWeights));
        });
      });
      layers.forEach((layer, l) => {
        expect(maxDifference(layer.kernel, variables[2 * l]!.dataSync())).toBeLessThan(1e-5);
        expect(maxDifference(layer.bias, variables[2 * l + 1]!.dataSync())).toBeLessThan(1e-5);
      });
    }
    expect(maxDifference(layers[0]!.kernel, initial[0]!)).toBeGreaterThan(0.05);
    optimizer.dispose();
    tf.dispose(variables);
  });

  test('learns through the dropout it draws itself, and a network it cannot train goes to tfjs', async () => {
    const train = overlapping(1200, 6, 3);
    const validation = overlapping(300, 6, 4);
    const model = buildActivityModel({ inputSize: 6, classes: 3, hidden: [16, 8], dropout: 0.2, learningRate: 0.01, seed: 1 });
    const result = await fitLean(model, train, validation, { epochs: 15, batchSize: 32, learningRate: 0.01, patience: 5, seed: 1 });
    expect(result.history.at(-1)!.valAccuracy).toBeGreaterThan(0.75);
    model.dispose();
    // A sigmoid layer: fitLean hands it to fitModel, whose run it repeats to the last bit.
    const sigmoid = () => tf.sequential({ layers: [tf.layers.dense({ units: 4, activation: 'sigmoid', inputShape: [6] }), tf.layers.dense({ units: 3, activation: 'softmax' })] });
    const [viaLean, viaTfjs] = [sigmoid(), sigmoid()];
    viaTfjs.setWeights(viaLean.getWeights());
    const options = { epochs: 2, batchSize: 32, learningRate: 0.01 };
    const losses = (result: FitResult) => result.history.map((log) => [log.loss, log.valLoss]);
    expect(losses(await fitLean(viaLean, train, validation, options))).toEqual(losses(await fitModel(viaTfjs, train, validation, options)));
    viaLean.dispose();
    viaTfjs.dispose();
  });
});
