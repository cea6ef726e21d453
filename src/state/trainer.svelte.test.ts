import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ComputeClient, ComputeRun } from '../lib/compute/compute-client';
import type { TrainOutcome } from '../lib/compute/messages';
import type { EpochLog } from '../lib/train/fit';
import { SplitError } from '../lib/train/split';
import { busy } from './busy.svelte';
import { settings } from './settings.svelte';
import { trainer } from './trainer.svelte';

/** The compute client, faked: each test says how the run it starts goes. */
const { train } = vi.hoisted(() => ({ train: vi.fn<ComputeClient['train']>() }));
vi.mock('./compute-client', () => ({ computeClient: { train } }));
// The page's database, by name: the worker opens it, not the page.
vi.mock('./dataset.svelte', () => ({ dataset: { store: async () => ({ name: 'motion-lab-test' }) } }));

/** A run that ends with `done`; `cancel` is watched. */
function runEnding(done: Promise<TrainOutcome>): ComputeRun<TrainOutcome> {
  return { id: 1, backend: new Promise(() => undefined), done, cancel: vi.fn() };
}

afterEach(async () => {
  train.mockReset();
  settings.locale = 'en';
  await vi.waitFor(() => expect(settings.locale).toBe('en'), { timeout: 15_000 });
});

describe('trainer', () => {
  it('trains the 1-D CNN on the window’s channels when it is the network chosen, and the dense net on features again after', async () => {
    train.mockReturnValueOnce(runEnding(Promise.reject(new SplitError('too-few-labels', { labels: ['walking'] }))));
    trainer.network = 'cnn';
    await trainer.train();
    expect(train.mock.lastCall?.[0]).toMatchObject({ features: { input: 'channels' }, training: { network: 'cnn' } });
    trainer.network = 'dense';
    expect(trainer.features.input).toBe('features');
    expect(trainer.settings.network).toBe('dense');
  });

  it('shows a refusal from the worker in the user’s language, and rewords it when the language changes', async () => {
    const refusal = new SplitError('too-few-labels', { labels: ['walking'] });
    train.mockReturnValueOnce(runEnding(Promise.reject(refusal)));
    await trainer.train();
    expect(trainer.state).toBe('failed');
    expect(busy.reason).toBeUndefined();
    expect(trainer.error).toEqual({ message: refusal.wordIn('en'), hint: refusal.hintIn('en') });
    settings.locale = 'es';
    await vi.waitFor(() => expect(settings.locale).toBe('es'), { timeout: 15_000 });
    flushSync();
    expect(trainer.error?.message).toBe('Todas las grabaciones son «walking»: un clasificador necesita al menos dos etiquetas.');
  });

  it('follows the run’s stages and epochs, cancels it, and names the recordings it trained on', async () => {
    let finish: (outcome: TrainOutcome) => void = () => undefined;
    const run = runEnding(new Promise((resolve) => (finish = resolve)));
    train.mockReturnValueOnce(run);
    const training = trainer.train();
    expect(trainer.state).toBe('training');
    expect(trainer.stage).toBe('loading');
    expect(busy.reason).toBe('busy.training');
    await vi.waitFor(() => expect(train).toHaveBeenCalledOnce());
    expect(train.mock.lastCall?.[0].database).toBe('motion-lab-test');
    const on = train.mock.lastCall?.[1];
    on?.stage?.('training');
    const log: EpochLog = { epoch: 1, loss: 1, accuracy: 0.5, valLoss: 1, valAccuracy: 0.5, elapsedMs: 10 };
    on?.epoch?.(log);
    expect(trainer.stage).toBe('training');
    expect(trainer.epochs).toEqual([log]);
    trainer.cancel();
    expect(run.cancel).toHaveBeenCalledOnce();
    // A cancelled run's outcome is shown, not stored.
    const cancelled = { stopped: 'cancelled', preprocessing: { labels: ['running', 'walking'] }, results: { curves: [], stop: { stopped: 'cancelled', epochs: 1, keptEpoch: 1 } } } as unknown as TrainOutcome;
    finish(cancelled);
    await training;
    expect(trainer.state).toBe('done');
    expect(trainer.savedModel).toBeUndefined();
    expect(trainer.shownResults).toBe(cancelled);
    expect(trainer.error).toBeUndefined();
    expect(busy.reason).toBeUndefined();
  });
});
