import { reportFor, type ErrorReport } from '../shell/errors';

/** Errors nobody caught, shown over the app instead of leaving a blank page. */
class UncaughtErrors {
  #reports = $state.raw<ErrorReport[]>([]);

  get current(): ErrorReport | undefined {
    return this.#reports[0];
  }

  get count(): number {
    return this.#reports.length;
  }

  report(error: unknown): void {
    console.error(error);
    this.#reports = [...this.#reports, reportFor(error)];
  }

  dismiss(): void {
    this.#reports = this.#reports.slice(1);
  }
}

export const uncaughtErrors = new UncaughtErrors();

/** Catches what escapes every handler: thrown in callbacks, or promises nobody awaited. */
export function listenForUncaughtErrors(target: Window): void {
  target.addEventListener('error', (event) => uncaughtErrors.report(event.error ?? event.message));
  target.addEventListener('unhandledrejection', (event) => uncaughtErrors.report(event.reason));
}
