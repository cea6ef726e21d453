import type { CrossValidation } from '../lib/train/cross-validation';
import { defaultFoldCount, type FoldCount } from '../lib/train/training-settings';
import { ComputeTask } from './compute-task.svelte';
import { computeClient } from './compute-client';
import { dataset } from './dataset.svelte';
import { peopleOf } from './recording-filter';
import { settings } from './settings.svelte';
import { trainer } from './trainer.svelte';

/**
 * The Train page's "on someone new": cross-validation by person in the compute worker, with the
 * Train page's own settings, so its mean says how the model that Train gives does on a new person.
 */
class PersonCrossValidation extends ComputeTask {
  folds = $state<FoldCount>(defaultFoldCount);
  /** The fold under way (1-based) and how many there are. */
  progress = $state<{ fold: number; folds: number; epoch: number } | undefined>();
  result = $state.raw<CrossValidation | undefined>();
  /** How many people recorded, as the dataset names them: cross-validation by person needs two. */
  readonly people = $derived(peopleOf(dataset.recordings, settings.locale).filter((person) => person !== '').length);

  async run(): Promise<void> {
    if (this.state === 'running') return;
    this.result = undefined;
    this.progress = undefined;
    await this.track(async (follow) => {
      const run = computeClient.crossValidate(
        { database: (await dataset.store()).name, ...trainer.runSettings, folds: this.folds },
        {
          fold: (fold, folds) => (this.progress = { fold: fold + 1, folds, epoch: 0 }),
          epoch: (log) => this.progress && (this.progress = { ...this.progress, epoch: log.epoch }),
        },
      );
      follow(run);
      this.result = await run.done;
    });
    this.progress = undefined;
  }
}

export const personCrossValidation = new PersonCrossValidation();
