import type { ComputeRun } from '../lib/compute/compute-client';
import { hintOf, messageOf } from '../lib/i18n/coded-error';
import type { CrossValidation } from '../lib/train/cross-validation';
import { defaultFoldCount, type FoldCount } from '../lib/train/training-settings';
import { featureGroups } from '../lib/signal/features';
import { busy } from './busy.svelte';
import { computeClient } from './compute-client';
import { dataset } from './dataset.svelte';
import { settings } from './settings.svelte';
import { trainer } from './trainer.svelte';

export type CrossValidationState = 'idle' | 'running' | 'done' | 'failed';

/**
 * The Train page's "on someone new": cross-validation by person in the compute worker, with the
 * Train page's own settings, so its mean says how the model that Train gives does on a new person.
 */
class PersonCrossValidation {
  folds = $state<FoldCount>(defaultFoldCount);
  state = $state<CrossValidationState>('idle');
  /** The fold under way (1-based) and how many there are. */
  progress = $state<{ fold: number; folds: number; epoch: number } | undefined>();
  result = $state.raw<CrossValidation | undefined>();
  /** How many people recorded, as the dataset names them: cross-validation by person needs two. */
  readonly people = $derived(new Set(dataset.recordings.flatMap((recording) => (recording.group === '' ? [] : [recording.group]))).size);
  #failure = $state.raw<unknown>();
  readonly error = $derived(this.#failure === undefined ? undefined : { message: messageOf(this.#failure, settings.locale), hint: hintOf(this.#failure, settings.locale) });
  #run: ComputeRun<CrossValidation> | undefined;

  async run(): Promise<void> {
    if (this.state === 'running') return;
    this.state = 'running';
    this.result = undefined;
    this.#failure = undefined;
    this.progress = undefined;
    const endBusy = busy.start('busy.training');
    try {
      const run = computeClient.crossValidate(
        {
          database: (await dataset.store()).name,
          features: { ...trainer.features, groups: featureGroups.filter((group) => trainer.features.groups.includes(group)) },
          training: { ...trainer.settings, hidden: [...trainer.settings.hidden] },
          folds: this.folds,
        },
        {
          fold: (fold, folds) => (this.progress = { fold: fold + 1, folds, epoch: 0 }),
          epoch: (log) => this.progress && (this.progress = { ...this.progress, epoch: log.epoch }),
        },
      );
      this.#run = run;
      this.result = await run.done;
      this.state = 'done';
    } catch (error) {
      this.#failure = error;
      this.state = 'failed';
    } finally {
      this.#run = undefined;
      this.progress = undefined;
      endBusy();
    }
  }

  cancel(): void {
    this.#run?.cancel();
  }
}

export const personCrossValidation = new PersonCrossValidation();
