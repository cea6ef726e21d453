import type { SearchOutcome } from '../lib/compute/messages';
import type { StoredModel } from '../lib/model/record';
import type { SearchProgress } from '../lib/train/search';
import { defaultSearchBudgetS, describeSetup } from '../lib/train/search-setups';
import { ComputeTask } from './compute-task.svelte';
import { computeClient } from './compute-client';
import { dataset } from './dataset.svelte';
import { settings } from './settings.svelte';
import { trainer } from './trainer.svelte';

/**
 * The Train page's "find the best setup": the nested search in the compute worker, around the
 * page's own settings, within the time the user gives; the model it keeps is stored and made
 * active like any trained model, named so that it says it was found by search.
 */
class SetupSearch extends ComputeTask {
  budgetS = $state(defaultSearchBudgetS);
  /** The candidate or stage under way, and the epoch within it. */
  progress = $state.raw<SearchProgress | undefined>();
  epoch = $state(0);
  result = $state.raw<SearchOutcome | undefined>();
  /** The model stored from the last search. */
  kept = $state.raw<StoredModel | undefined>();

  async run(): Promise<void> {
    if (this.state === 'running') return;
    this.result = undefined;
    this.kept = undefined;
    this.progress = undefined;
    this.epoch = 0;
    await this.track(async (follow) => {
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
      follow(run);
      const result = await run.done;
      if (result.kept && result.chosen) {
        const model: StoredModel = {
          id: crypto.randomUUID(),
          name: settings.t('train.search.modelName', { setup: describeSetup(result.chosen, settings.locale) }),
          createdAt: Date.now(),
          ...result.kept,
        };
        await trainer.keep(model);
        this.kept = model;
      }
      this.result = result;
    });
    this.progress = undefined;
  }
}

export const setupSearch = new SetupSearch();
