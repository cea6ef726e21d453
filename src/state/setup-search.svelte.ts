import type { ComputeRun } from '../lib/compute/compute-client';
import type { SearchOutcome } from '../lib/compute/messages';
import { hintOf, messageOf } from '../lib/i18n/coded-error';
import type { StoredModel } from '../lib/model/record';
import type { SearchProgress } from '../lib/train/search';
import { defaultSearchBudgetS, describeSetup } from '../lib/train/search-setups';
import { busy } from './busy.svelte';
import { computeClient } from './compute-client';
import { dataset } from './dataset.svelte';
import { settings } from './settings.svelte';
import { trainer } from './trainer.svelte';

export type SetupSearchState = 'idle' | 'running' | 'done' | 'failed';

/**
 * The Train page's "find the best setup": the nested search in the compute worker, around the
 * page's own settings, within the time the user gives; the model it keeps is stored and made
 * active like any trained model, named so that it says it was found by search.
 */
class SetupSearch {
  budgetS = $state(defaultSearchBudgetS);
  state = $state<SetupSearchState>('idle');
  /** The candidate or stage under way, and the epoch within it. */
  progress = $state.raw<SearchProgress | undefined>();
  epoch = $state(0);
  result = $state.raw<SearchOutcome | undefined>();
  /** The model stored from the last search. */
  kept = $state.raw<StoredModel | undefined>();
  #failure = $state.raw<unknown>();
  readonly error = $derived(this.#failure === undefined ? undefined : { message: messageOf(this.#failure, settings.locale), hint: hintOf(this.#failure, settings.locale) });
  #run: ComputeRun<SearchOutcome> | undefined;

  async run(): Promise<void> {
    if (this.state === 'running') return;
    this.state = 'running';
    this.result = undefined;
    this.kept = undefined;
    this.#failure = undefined;
    this.progress = undefined;
    this.epoch = 0;
    const endBusy = busy.start('busy.training');
    try {
      const run = computeClient.search(
        { database: (await dataset.store()).name, ...trainer.runSettings, budgetS: this.budgetS },
        {
          progress: (progress) => {
            this.progress = progress;
            this.epoch = 0;
          },
          epoch: (log) => (this.epoch = log.epoch),
        },
      );
      this.#run = run;
      const result = await run.done;
      if (result.kept && result.chosen) {
        const model: StoredModel = {
          id: crypto.randomUUID(),
          name: settings.t('train.search.modelName', { setup: describeSetup(result.chosen, settings.locale), date: new Date().toLocaleString(settings.locale) }),
          createdAt: Date.now(),
          ...result.kept,
        };
        await trainer.keep(model);
        this.kept = model;
      }
      this.result = result;
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

export const setupSearch = new SetupSearch();
