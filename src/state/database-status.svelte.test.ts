import { describe, expect, it } from 'vitest';
import { CodedError } from '../lib/i18n/coded-error';
import { databaseStatus } from './database-status.svelte';

describe('databaseStatus', () => {
  it('notes only what means a newer version has the data: its database, or another tab’s upgrade', () => {
    expect(databaseStatus.unavailable).toBe(false);
    expect(databaseStatus.noted(new Error('something else'))).toBe(false);
    expect(databaseStatus.noted(new CodedError('error.store.full'))).toBe(false);
    expect(databaseStatus.unavailable).toBe(false);

    // As the browser says it, a read on a connection closed for the upgrade.
    const closing = new DOMException("Failed to execute 'transaction' on 'IDBDatabase': The database connection is closing.", 'InvalidStateError');
    expect(databaseStatus.noted(closing)).toBe(true);
    expect(databaseStatus.upgradeWaiting).toBe(true);

    const newer = new CodedError('error.store.newer-database');
    expect(databaseStatus.noted(newer)).toBe(true);
    expect(databaseStatus.noted(new CodedError('error.store.newer-database'))).toBe(true);
    // The first one is the one shown.
    expect(databaseStatus.newerDatabase).toBe(newer);
    expect(databaseStatus.unavailable).toBe(true);
  });
});
