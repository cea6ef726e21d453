import { imagesUrl, labelsUrl } from 'virtual:mnist-digits';
import type { BackendStatus } from '../lib/compute/backend';
import type { EpochLog } from '../lib/learn/fit';
import { diagnose, type Diagnosis } from '../lib/learn/metrics';
import { argMax } from '../lib/lesson/digit-network';
import { decodeShippedDigits, splitShipped, type DigitSplit } from '../lib/lesson/shipped-digits';
import { lessonDigitSettings, type DigitOutcome, type DigitSettings } from '../lib/lesson/train-digits';
import { lessonClient } from './lesson-worker';

export type RunState = 'idle' | 'training' | 'done' | 'failed';

/** One row of the overfitting lab: a setup, the lesson's name for it, and what a real run gave. */
export interface LabRow {
  model: 'A' | 'B' | 'C';
  settings: DigitSettings;
  state: RunState;
  outcome?: DigitOutcome;
  diagnosis?: Diagnosis;
}

/**
 * The lab's three setups, chosen to show the lesson's three cases on these digits: the lesson's
 * network (a good fit), a wide network on 300 digits for 150 epochs (it learns them by heart),
 * and a network of 2 units stopped after 3 epochs (it never learns enough).
 */
export const labSetups: readonly Pick<LabRow, 'model' | 'settings'>[] = [
  { model: 'A', settings: { ...lessonDigitSettings } },
  { model: 'B', settings: { ...lessonDigitSettings, hidden: 128, epochs: 150, trainRows: 300 } },
  { model: 'C', settings: { ...lessonDigitSettings, hidden: 2, epochs: 3 } },
];

/** How many misclassified test digits the grid shows at most. */
const WRONG_SHOWN = 48;

/**
 * The digits lesson: the data (the shipped 10,000 digits), one training run of the lesson's
 * network with its curves and results, the chosen test digit, and the overfitting lab.
 */
class DigitsLesson {
  dataState = $state<'idle' | 'loading' | 'ready' | 'failed'>('idle');
  dataError = $state<string | undefined>();
  split = $state.raw<DigitSplit | undefined>();

  settings = $state<DigitSettings>({ ...lessonDigitSettings });
  state = $state<RunState>('idle');
  history = $state.raw<EpochLog[]>([]);
  outcome = $state.raw<DigitOutcome | undefined>();
  error = $state<string | undefined>();
  backend = $state.raw<BackendStatus | undefined>();
  /** The engine the shown outcome was trained with (the setting may have changed since). */
  trainedWith = $state<DigitSettings['engine']>('sparse');
  /** The test digit shown with its probabilities. */
  chosen = $state(0);

  lab = $state<LabRow[]>(labSetups.map((setup) => ({ ...setup, settings: { ...setup.settings }, state: 'idle' })));
  labRunning = $state(false);

  #cancel: (() => void) | undefined;

  /** Test digits the trained network gets wrong, as indices into the test set. */
  readonly wrong = $derived.by(() => {
    const outcome = this.outcome;
    const test = this.split?.test;
    if (!outcome || !test) return [];
    const wrong: number[] = [];
    for (let row = 0; row < test.count && wrong.length < WRONG_SHOWN; row += 1) {
      if (argMax(outcome.testProbabilities, row * 10, 10) !== test.labels[row]) wrong.push(row);
    }
    return wrong;
  });

  /** Loads the shipped digits once (from the precache when offline). */
  async load(): Promise<void> {
    if (this.dataState === 'loading' || this.dataState === 'ready') return;
    this.dataState = 'loading';
    try {
      const [images, labels] = await Promise.all([imagesUrl, labelsUrl].map(async (url) => {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        return new Uint8Array(await response.arrayBuffer());
      }));
      this.split = splitShipped(await decodeShippedDigits(images as Uint8Array, labels as Uint8Array));
      this.dataState = 'ready';
    } catch (error) {
      this.dataError = error instanceof Error ? error.message : String(error);
      this.dataState = 'failed';
    }
  }

  async train(): Promise<void> {
    if (!this.split || this.state === 'training' || this.labRunning) return;
    this.state = 'training';
    this.history = [];
    this.outcome = undefined;
    this.error = undefined;
    const run = lessonClient.trainDigits(this.split, { ...this.settings }, (log) => (this.history = [...this.history, log]));
    this.#cancel = run.cancel;
    void run.backend.then((status) => (this.backend = status));
    try {
      const engine = this.settings.engine;
      this.outcome = await run.done;
      this.trainedWith = engine;
      this.chosen = 0;
      this.state = 'done';
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
      this.state = 'failed';
    } finally {
      this.#cancel = undefined;
    }
  }

  cancel(): void {
    this.#cancel?.();
  }

  /** Runs the lab's three setups one after the other, each row filled as its run ends. */
  async runLab(): Promise<void> {
    if (!this.split || this.labRunning || this.state === 'training') return;
    this.labRunning = true;
    try {
      for (const row of this.lab) {
        row.state = 'training';
        row.outcome = undefined;
        try {
          const run = lessonClient.trainDigits(this.split, { ...row.settings }, () => undefined);
          this.#cancel = run.cancel;
          const outcome = await run.done;
          row.outcome = outcome;
          row.diagnosis = diagnose(outcome.train.accuracy, outcome.validation.accuracy, outcome.test.accuracy);
          row.state = outcome.stopped === 'cancelled' ? 'idle' : 'done';
          if (outcome.stopped === 'cancelled') break;
        } catch (error) {
          this.error = error instanceof Error ? error.message : String(error);
          row.state = 'failed';
          break;
        }
      }
    } finally {
      this.labRunning = false;
      this.#cancel = undefined;
    }
  }
}

export const digitsLesson = new DigitsLesson();
