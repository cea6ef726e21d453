import { reportFor, type ErrorReport } from '../shell/errors';
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

/** Catches what escapes every handler: thrown in callbacks, or promises nobody awaited. */
export function listenForUncaughtErrors(target: Window): void {
  target.addEventListener('error', (event) => uncaughtErrors.report(event.error ?? event.message));
  target.addEventListener('unhandledrejection', (event) => uncaughtErrors.report(event.reason));
}
