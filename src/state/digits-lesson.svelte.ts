import { imagesUrl, labelsUrl } from 'virtual:mnist-digits';
import type { BackendStatus } from '../lib/compute/backend';
import type { EpochLog } from '../lib/train/fit';
import type { Diagnosis } from '../lib/train/metrics';
import { argMax } from '../lib/learn/digit-network';
import { classesOf, type DigitClasses, type DigitSetInfo, type DigitSetPixels } from '../lib/store/digit-set';
import { importDigitFiles } from '../lib/learn/opened-digits';
import { IdxError, type IdxProblem } from '../lib/learn/idx';
import { labRowResult, labSetups, type LabSetup } from '../lib/learn/overfitting-lab';
import { decodeShippedDigits, splitOpened, splitShipped, type DigitSplit } from '../lib/learn/shipped-digits';
import { checkDigitSettings, lessonDigitSettings, type DigitOutcome, type DigitSettings } from '../lib/learn/digit-settings';
import type { MessageKey } from '../lib/i18n/messages.en';
import { messageOf } from '../lib/i18n/coded-error';
import { dataset } from './dataset.svelte';
import { computeClient } from './compute-client';
import { settings } from './settings.svelte';

export type RunState = 'idle' | 'training' | 'done' | 'failed';

/** One row of the overfitting lab: a setup, the lesson's name for it, and what a real run gave. */
export interface LabRow extends LabSetup {
  state: RunState;
  outcome?: DigitOutcome;
  diagnosis?: Diagnosis;
}

/** Fashion-MNIST's ten class names, by label. */
const fashionKeys: readonly MessageKey[] = [
  'learn.fashion.0', 'learn.fashion.1', 'learn.fashion.2', 'learn.fashion.3', 'learn.fashion.4',
  'learn.fashion.5', 'learn.fashion.6', 'learn.fashion.7', 'learn.fashion.8', 'learn.fashion.9',
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
  #shipped: DigitSplit | undefined;
  /** Which digits the page trains on: the shipped ones, or a stored set by id. */
  source = $state('shipped');
  /** Digit sets opened from IDX files earlier, kept in IndexedDB. */
  sets = $state.raw<DigitSetInfo[]>([]);
  /** The last opening of IDX files: the set it stored, or the file at fault and why. */
  opened = $state.raw<{ ok: true; name: string } | { ok: false; file: string; problem: IdxProblem | { code: 'unreadable' | 'not-stored'; message: string } } | undefined>();
  opening = $state(false);
  /** What the next IDX files opened hold, as the user says: the files themselves don't tell. */
  openAs = $state<DigitClasses>('digits');
  /** Why the stored sets could not be listed, loaded or deleted (IndexedDB failing); the shipped digits still work. */
  setsError = $state<string | undefined>();

  settings = $state<DigitSettings>({ ...lessonDigitSettings });
  /** A typed setting the network cannot be trained with (an emptied field binds as null); training waits until it is fixed. */
  readonly settingsProblem = $derived(checkDigitSettings(this.settings));
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

  /** What the classes of the digits trained on are: the shipped ones and old stored sets are digits. */
  readonly classes = $derived(classesOf(this.sets.find((set) => set.id === this.source)));

  /** A label's name in the user's language: the digit itself, or a piece of clothing. */
  className(label: number | undefined): string {
    if (label === undefined) return '';
    const key = this.classes === 'fashion' ? fashionKeys[label] : undefined;
    return key ? settings.t(key) : String(label);
  }

  /** What an image of a label is called, for screen readers. */
  imageName(label: number | undefined): string {
    return settings.t(this.classes === 'fashion' ? 'learn.classes.imageOf' : 'learn.digits.digitOf', { label: this.className(label) });
  }

  /** Test digits the trained network gets wrong: each one's index into the test set and the network's guess. */
  readonly wrong = $derived.by(() => {
    const outcome = this.outcome;
    const test = this.split?.test;
    if (!outcome || !test) return [];
    const wrong: { row: number; guess: number }[] = [];
    for (let row = 0; row < test.count && wrong.length < WRONG_SHOWN; row += 1) {
      const guess = argMax(outcome.testProbabilities, row * 10, 10);
      if (guess !== test.labels[row]) wrong.push({ row, guess });
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
      this.#shipped = splitShipped(await decodeShippedDigits(images as Uint8Array, labels as Uint8Array));
      this.split = this.#shipped;
      this.dataState = 'ready';
    } catch (error) {
      this.dataError = messageOf(error, settings.locale);
      this.dataState = 'failed';
      return;
    }
    // Apart from the shipped digits: if IndexedDB fails, they still train.
    try {
      this.sets = await (await dataset.store()).digitSets.list();
    } catch (error) {
      this.setsError = messageOf(error, settings.locale);
    }
  }

  /** Trains on the shipped digits, or on a stored set (its training file split for validation). */
  async use(source: string): Promise<void> {
    if (this.state === 'training' || this.labRunning) return;
    let stored: DigitSetPixels | undefined;
    try {
      stored = source === 'shipped' ? undefined : await (await dataset.store()).digitSets.load(source);
      this.setsError = undefined;
    } catch (error) {
      this.setsError = messageOf(error, settings.locale);
      return;
    }
    const split = stored ? splitOpened(stored.train, stored.test) : this.#shipped;
    if (!split) return;
    this.source = stored ? source : 'shipped';
    this.split = split;
    this.outcome = undefined;
    this.history = [];
    this.chosen = 0;
  }

  /** Reads IDX files the user opened, keeps them in IndexedDB and trains on them next. */
  async open(files: readonly File[]): Promise<void> {
    if (files.length === 0 || this.opening) return;
    this.opening = true;
    // Past the files' bytes, what fails is not the files (those are IdxErrors) but the store: a full disk.
    let failure: 'unreadable' | 'not-stored' = 'unreadable';
    try {
      const read = await Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
      failure = 'not-stored';
      const { digitSets } = await dataset.store();
      const stored = await importDigitFiles(digitSets, read, this.openAs);
      this.sets = await digitSets.list();
      this.opened = { ok: true, name: stored.name };
      await this.use(stored.id);
    } catch (error) {
      this.opened =
        error instanceof IdxError
          ? { ok: false, file: error.file, problem: error.problem }
          : { ok: false, file: files.map((file) => file.name).join(', '), problem: { code: failure, message: messageOf(error, settings.locale) } };
    } finally {
      this.opening = false;
    }
  }

  async remove(id: string): Promise<void> {
    try {
      const { digitSets } = await dataset.store();
      await digitSets.delete(id);
      this.sets = await digitSets.list();
      this.setsError = undefined;
    } catch (error) {
      this.setsError = messageOf(error, settings.locale);
      return;
    }
    if (this.source === id) await this.use('shipped');
  }

  async train(): Promise<void> {
    if (!this.split || this.state === 'training' || this.labRunning || this.settingsProblem) return;
    this.state = 'training';
    this.history = [];
    this.outcome = undefined;
    this.error = undefined;
    const run = computeClient.trainDigits(this.split, { ...this.settings }, (log) => (this.history = [...this.history, log]));
    this.#cancel = run.cancel;
    void run.backend.then((status) => (this.backend = status));
    try {
      const engine = this.settings.engine;
      this.outcome = await run.done;
      this.trainedWith = engine;
      this.chosen = 0;
      this.state = 'done';
    } catch (error) {
      this.error = messageOf(error, settings.locale);
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
        // A rerun starts empty: no scores or verdict of the run before stay beside the new one.
        row.state = 'training';
        row.outcome = undefined;
        row.diagnosis = undefined;
        try {
          const run = computeClient.trainDigits(this.split, { ...row.settings }, () => undefined);
          this.#cancel = run.cancel;
          const result = labRowResult(await run.done);
          row.outcome = result.outcome;
          row.diagnosis = result.diagnosis;
          row.state = result.state;
          if (result.state === 'idle') break;
        } catch (error) {
          this.error = messageOf(error, settings.locale);
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
