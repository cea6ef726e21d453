import { codeOf } from '../lib/i18n/coded-error';

/**
 * Whether this tab can still use its data, for the notice every page shows (DatabaseNotice):
 * kept apart from the dataset so that the shell can read it without loading the store.
 */
class DatabaseStatus {
  /** The data was saved by a newer version of the app, which this one cannot open: the error that says so. */
  newerDatabase = $state.raw<unknown>();
  /** A newer version of the app opened in another tab: this one closed its database and must reload. */
  upgradeWaiting = $state(false);

  /** Whether this tab has lost its data to a newer version of the app, either way. */
  get unavailable(): boolean {
    return this.newerDatabase !== undefined || this.upgradeWaiting;
  }

  /**
   * Notes `error` if it means this tab's data is gone to a newer version (its database is newer
   * than this app, or was closed for another tab's upgrade); returns whether it did. Such an error
   * is the notice's to explain, once and on every page, not a crash.
   */
  noted(error: unknown): boolean {
    const code = codeOf(error);
    if (code === 'error.store.newer-database') this.newerDatabase ??= error;
    else if (code === 'error.store.closed') this.upgradeWaiting = true;
    else return false;
    return true;
  }
}

export const databaseStatus = new DatabaseStatus();
