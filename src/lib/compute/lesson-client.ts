import type { BackendStatus } from './backend';
import type { EpochLog } from '../train/fit';
import type { LabelledImages } from '../learn/idx';
import type { LessonReply, LessonRequest } from './lesson-messages';
import type { NeuronResult } from '../learn/one-neuron';
import type { Point } from '../learn/regression';
import type { DigitSplit } from '../learn/shipped-digits';
import type { DigitOutcome, DigitSettings } from '../learn/digit-settings';

/** A run in the lesson worker: its result, and a way to stop it early. */
export interface LessonRun<T> {
  /** The TensorFlow.js backend the worker runs on, once it has started. */
  backend: Promise<BackendStatus>;
  done: Promise<T>;
  cancel(): void;
}

/**
 * Talks to the lesson worker: one request per run, replies matched to it by id. The worker is
 * started on the first run and kept, so later runs skip loading TensorFlow.js again.
 */
export class LessonClient {
  #worker: Worker | undefined;
  #nextId = 0;
  readonly #handlers = new Map<number, (reply: LessonReply) => void>();

  #post(request: LessonRequest, transfer: Transferable[] = []): void {
    if (!this.#worker) {
      const worker = new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' });
      worker.addEventListener('message', ({ data }: MessageEvent<LessonReply>) => this.#handlers.get(data.id)?.(data));
      worker.addEventListener('error', (event) => {
        for (const [id, handle] of this.#handlers) handle({ type: 'failed', id, message: `the lesson worker failed: ${event.message}` });
      });
      this.#worker = worker;
    }
    this.#worker.postMessage(request, transfer);
  }

  #start<T>(request: Exclude<LessonRequest, { type: 'cancel' }>, onReply: (reply: LessonReply, resolve: (value: T) => void) => void, transfer: Transferable[] = []): LessonRun<T> {
    const { id } = request;
    let backendStarted: (status: BackendStatus) => void = () => undefined;
    const backend = new Promise<BackendStatus>((resolve) => (backendStarted = resolve));
    const done = new Promise<T>((resolve, reject) => {
      this.#handlers.set(id, (reply) => {
        if (reply.type === 'failed') {
          this.#handlers.delete(id);
          reject(new Error(reply.message));
          return;
        }
        if (reply.type === 'backend') backendStarted(reply.status);
        onReply(reply, (value) => {
          this.#handlers.delete(id);
          resolve(value);
        });
      });
    });
    this.#post(request, transfer);
    return { backend, done, cancel: () => this.#post({ type: 'cancel', id }) };
  }

  /** Trains the one neuron on `points`; `onEpoch` gets each epoch's loss. */
  trainNeuron(points: Point[], options: { epochs: number; learningRate: number; seed: number }, onEpoch: (epoch: number, loss: number) => void): LessonRun<NeuronResult> {
    return this.#start({ type: 'neuron', id: (this.#nextId += 1), points, ...options }, (reply, resolve) => {
      if (reply.type === 'neuron-epoch') onEpoch(reply.epoch, reply.loss);
      else if (reply.type === 'neuron-done') resolve(reply.result);
    });
  }

  /** Trains the digit network on a copy of `split` (the page keeps its own to show the digits). */
  trainDigits(split: DigitSplit, settings: DigitSettings, onEpoch: (log: EpochLog) => void): LessonRun<DigitOutcome> {
    // Compact copies, transferred: a view posted as it is would clone its whole buffer.
    const copy = (set: LabelledImages): LabelledImages => ({ ...set, images: set.images.slice(), labels: set.labels.slice() });
    const sent = { train: copy(split.train), validation: copy(split.validation), test: copy(split.test) };
    const transfer = Object.values(sent).flatMap((set) => [set.images.buffer, set.labels.buffer]);
    return this.#start(
      { type: 'digits', id: (this.#nextId += 1), split: sent, settings },
      (reply, resolve) => {
        if (reply.type === 'digits-epoch') onEpoch(reply.log);
        else if (reply.type === 'digits-done') resolve(reply.outcome);
      },
      transfer,
    );
  }

  /** Stops the worker and everything running in it. */
  dispose(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    for (const [id, handle] of this.#handlers) handle({ type: 'failed', id, message: 'stopped' });
    this.#handlers.clear();
  }
}
