import { reportFor, type ErrorReport } from '../shell/errors';
import { databaseStatus } from './database-status.svelte';
import { settings } from './settings.svelte';

/**
 * Errors nobody caught, shown over the app instead of leaving a blank page; worded when shown,
 * so in the language the person reads now.
 */
class UncaughtErrors {
  #caught = $state.raw<{ error: unknown; time: Date }[]>([]);

  get current(): ErrorReport | undefined {
    const first = this.#caught[0];
    return first && reportFor(first.error, settings.locale, first.time);
  }

  get count(): number {
    return this.#caught.length;
  }

  report(error: unknown): void {
    console.error(error);
    this.#caught = [...this.#caught, { error, time: new Date() }];
  }

  dismiss(): void {
    this.#caught = this.#caught.slice(1);
  }
}

export const uncaughtErrors = new UncaughtErrors();

/**
 * Catches what escapes every handler: thrown in callbacks, or promises nobody awaited. What fails
 * because a newer version of the app took the database is no crash: the notice on every page
 * (databaseStatus) says so once, with what to do, however many reads it stopped.
 */
export function listenForUncaughtErrors(target: Window): void {
  const caught = (event: Event, error: unknown) => {
    if (databaseStatus.noted(error)) event.preventDefault();
    else uncaughtErrors.report(error);
  };
  target.addEventListener('error', (event) => caught(event, event.error ?? event.message));
  target.addEventListener('unhandledrejection', (event) => caught(event, event.reason));
}
