import type { BackendStatus } from './backend';
import { errorOf, failureOf } from './failure';
import type { CalibrateOutcome, ComputeReply, ComputeRequest, RunKind, RunRequest, Runs, SearchOutcome, TrainOutcome } from './messages';
import { CodedError } from '../i18n/coded-error';
import type { LabelledImages } from '../learn/idx';
import type { DigitSplit } from '../learn/shipped-digits';
import type { DigitOutcome, DigitSettings } from '../learn/digit-settings';
import type { NeuronResult } from '../learn/one-neuron';
import type { Point } from '../learn/regression';
import type { CrossValidation } from '../train/cross-validation';
import type { SearchProgress } from '../train/search';
import type { EpochLog } from '../train/fit';
import type { TrainingStage } from '../train/train-activity';

/** A run in the compute worker: its result, and a way to stop it early. */
export interface ComputeRun<T> {
  /** The request's id: what its replies carry and what `ComputeClient.cancel` names. */
  readonly id: number;
  /** The TensorFlow.js backend the worker runs on, once it has started. */
  readonly backend: Promise<BackendStatus>;
  /** The result; a failure rejects with the coded error the worker threw (CodedError or SplitError). */
  readonly done: Promise<T>;
  /** Asks the worker to stop; `done` then settles with what the run had (e.g. `stopped: 'cancelled'`). */
  cancel(): void;
}

/** A run the page still waits for. */
interface Waiting {
  receive(reply: ComputeReply): void;
  fail(error: Error): void;
  cancelled: boolean;
}

/**
 * The one way the pages talk to the compute worker (compute.worker.ts): one request per run,
 * replies matched to it by id. The worker is started on the first run and kept, so later runs skip
 * loading TensorFlow.js again. A reply to a run that has ended, and any progress of a run after
 * it was cancelled, is stale and dropped. Every failure rejects `done` with a coded error.
 *
 * @example
 * const run = client.trainNeuron(points, { epochs: 500, learningRate: 0.05, seed: 1 }, (epoch, loss) => plot(loss));
 * const result = await run.done;
 */
export class ComputeClient {
  readonly #startWorker: () => Worker;
  #worker: Worker | undefined;
  #nextId = 0;
  readonly #waiting = new Map<number, Waiting>();

  /** `startWorker` starts the worker; tests pass one that keeps a handle on it. */
  constructor(startWorker: () => Worker = () => new Worker(new URL('./compute.worker.ts', import.meta.url), { type: 'module' })) {
    this.#startWorker = startWorker;
  }

  /**
   * Trains the Train page's network on every recording in the database named `database` (the
   * app's by default), which the worker reads itself.
   */
  train(settings: Runs['train']['request'], on: { stage?: (stage: TrainingStage) => void; epoch?: (log: EpochLog) => void } = {}): ComputeRun<TrainOutcome> {
    const request: RunRequest<'train'> = { type: 'train', id: this.#newId(), ...settings };
    return this.#start(request, (progress) => ('stage' in progress ? on.stage?.(progress.stage) : on.epoch?.(progress.epoch)));
  }

  /**
   * Cross-validates by person on every recording in the database named `database`: one model per
   * fold, trained in the worker; `on.fold` hears each fold as it starts, `on.epoch` each epoch.
   */
  crossValidate(settings: Runs['crossValidate']['request'], on: { fold?: (fold: number, folds: number) => void; epoch?: (log: EpochLog) => void } = {}): ComputeRun<CrossValidation> {
    const request: RunRequest<'crossValidate'> = { type: 'crossValidate', id: this.#newId(), ...settings };
    return this.#start(request, (progress) => ('fold' in progress ? on.fold?.(progress.fold, progress.folds) : on.epoch?.(progress.epoch)));
  }

  /**
   * Finds the best setup for the recordings in the database named `database` within
   * `settings.budgetS`: `on.progress` hears each candidate and stage, `on.epoch` each epoch.
   */
  search(settings: Runs['search']['request'], on: { progress?: (progress: SearchProgress) => void; epoch?: (log: EpochLog) => void } = {}): ComputeRun<SearchOutcome> {
    const request: RunRequest<'search'> = { type: 'search', id: this.#newId(), ...settings };
    return this.#start(request, (progress) => ('epoch' in progress ? on.epoch?.(progress.epoch) : on.progress?.(progress)));
  }

  /** Calibrates a model to one person on their recordings in the database named `settings.database` ("Calibrate to me"). */
  calibrate(settings: Runs['calibrate']['request']): ComputeRun<CalibrateOutcome> {
    // A copy of the weights goes: the page keeps its own.
    const sent = { ...settings, model: { ...settings.model, artifacts: { ...settings.model.artifacts, weightData: settings.model.artifacts.weightData.slice(0) } } };
    return this.#start({ type: 'calibrate', id: this.#newId(), ...sent }, () => undefined, [sent.model.artifacts.weightData]);
  }

  /** Trains the one neuron on `points`; `onEpoch` gets each epoch's loss. */
  trainNeuron(points: Point[], options: { epochs: number; learningRate: number; seed: number }, onEpoch: (epoch: number, loss: number) => void): ComputeRun<NeuronResult> {
    return this.#start({ type: 'neuron', id: this.#newId(), points, ...options }, ({ epoch, loss }) => onEpoch(epoch, loss));
  }

  /** Trains the digit network on a copy of `split` (the page keeps its own to show the digits). */
  trainDigits(split: DigitSplit, settings: DigitSettings, onEpoch: (log: EpochLog) => void): ComputeRun<DigitOutcome> {
    // Compact copies, transferred: a view posted as it is would clone its whole buffer.
    const copy = (set: LabelledImages): LabelledImages => ({ ...set, images: set.images.slice(), labels: set.labels.slice() });
    const sent = { train: copy(split.train), validation: copy(split.validation), test: copy(split.test) };
    const transfer = Object.values(sent).flatMap((set) => [set.images.buffer, set.labels.buffer]);
    return this.#start({ type: 'digits', id: this.#newId(), split: sent, settings }, onEpoch, transfer);
  }

  /** Asks the worker to stop the run `id`; its progress from now on is dropped. */
  cancel(id: number): void {
    const run = this.#waiting.get(id);
    if (!run) return;
    run.cancelled = true;
    this.#post({ type: 'cancel', id });
  }

  /** Stops the worker; every run in it fails with `error.compute.stopped`. */
  dispose(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#failAll(new CodedError('error.compute.stopped'));
  }

  #newId(): number {
    return (this.#nextId += 1);
  }

  #start<K extends RunKind>(request: RunRequest<K> & RunRequest, onProgress: (progress: Runs[K]['progress']) => void, transfer: Transferable[] = []): ComputeRun<Runs[K]['result']> {
    const { id } = request;
    let backendStarted: (status: BackendStatus) => void = () => undefined;
    const backend = new Promise<BackendStatus>((resolve) => (backendStarted = resolve));
    const done = new Promise<Runs[K]['result']>((resolve, reject) => {
      const run: Waiting = {
        cancelled: false,
        fail: (error) => {
          this.#waiting.delete(id);
          reject(error);
        },
        receive: (received) => {
          // The worker answers a request with replies of the request's kind.
          const reply = received as ComputeReply<K>;
          switch (reply.type) {
            case 'backend':
              backendStarted(reply.status);
              break;
            case 'progress':
              if (!run.cancelled) onProgress(reply.progress);
              break;
            case 'failed':
              run.fail(errorOf(reply.failure));
              break;
            case 'done':
              this.#waiting.delete(id);
              resolve(reply.result);
              break;
          }
        },
      };
      this.#waiting.set(id, run);
    });
    try {
      this.#post(request, transfer);
    } catch (error) {
      // A request that cannot be sent (a value the structured clone refuses) fails like any run.
      this.#waiting.get(id)?.fail(errorOf(failureOf(error)));
    }
    return { id, backend, done, cancel: () => this.cancel(id) };
  }

  #post(request: ComputeRequest, transfer: Transferable[] = []): void {
    if (!this.#worker) {
      const worker = this.#startWorker();
      // A reply for a run no longer waited for (ended, failed, stopped with the worker) is stale.
      worker.addEventListener('message', ({ data }: MessageEvent<ComputeReply>) => this.#waiting.get(data.id)?.receive(data));
      worker.addEventListener('error', (event) => {
        // A worker that threw outside any run (or could not load) is not trusted with the next one.
        if (this.#worker === worker) this.#worker = undefined;
        worker.terminate();
        // A worker that could not load reports a plain Event, with no message.
        this.#failAll(new CodedError('error.compute.worker-failed', { message: event.message || event.type }));
      });
      this.#worker = worker;
    }
    this.#worker.postMessage(request, transfer);
  }

  #failAll(error: Error): void {
    for (const run of [...this.#waiting.values()]) run.fail(error);
  }
}
