import { nextTask } from './next-task';

/**
 * A value as it was a task ago: what a view renders in two steps, the headline now and the long
 * tables a task later (`{#if later.current === value}`), so that a cheap phone draws neither in
 * one long freeze. Make one while a component initialises: it follows `value` for as long as the
 * component lives.
 *
 * @example
 * const later = new TaskLater(() => cv.result);
 * // {#if later.current === cv.result}<ScoresTable … />{/if}
 */
export class TaskLater<T> {
  #current = $state.raw<T | undefined>();

  constructor(value: () => T) {
    $effect(() => {
      const latest = value();
      let live = true;
      void nextTask().then(() => {
        if (live) this.#current = latest;
      });
      return () => (live = false);
    });
  }

  /** The value once a task has passed since it became the value; undefined before. */
  get current(): T | undefined {
    return this.#current;
  }
}
