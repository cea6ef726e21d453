import type { ComputeRun } from '../lib/compute/compute-client';
import { hintOf, messageOf } from '../lib/i18n/coded-error';
import { busy } from './busy.svelte';
import { settings } from './settings.svelte';

export type ComputeTaskState = 'idle' | 'running' | 'done' | 'failed';

/**
 * A run in the compute worker as a page section follows it (cross-validation, the setup search,
 * which extend it): whether it runs, why it failed (worded in the user's current language), and
 * how to stop it. The app counts as busy training while it runs.
 */
export class ComputeTask {
  state = $state<ComputeTaskState>('idle');
  #failure = $state.raw<unknown>();
  readonly error = $derived(this.#failure === undefined ? undefined : { message: messageOf(this.#failure, settings.locale), hint: hintOf(this.#failure, settings.locale) });
  #run: ComputeRun<unknown> | undefined;

  /**
   * Runs `work`, which starts its run in the worker and hands it to `follow` (so that `cancel`
   * reaches it) before waiting for it. What `work` throws is the task's failure.
   */
  protected async track(work: (follow: (run: ComputeRun<unknown>) => void) => Promise<void>): Promise<void> {
    this.state = 'running';
    this.#failure = undefined;
    const endBusy = busy.start('busy.training');
    try {
      await work((run) => (this.#run = run));
      this.state = 'done';
    } catch (error) {
      this.#failure = error;
      this.state = 'failed';
    } finally {
      this.#run = undefined;
      endBusy();
    }
  }

  cancel(): void {
    this.#run?.cancel();
  }
}
