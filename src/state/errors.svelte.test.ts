import { flushSync } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CodedError } from '../lib/i18n/coded-error';
import { databaseStatus } from './database-status.svelte';
import { listenForUncaughtErrors, uncaughtErrors } from './errors.svelte';

afterEach(() => {
  while (uncaughtErrors.count > 0) uncaughtErrors.dismiss();
  vi.restoreAllMocks();
});

describe('uncaughtErrors', () => {
  it('shows reports one at a time, oldest first, until each is dismissed', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    uncaughtErrors.report(new Error('first'));
    uncaughtErrors.report('second');
    expect(uncaughtErrors.count).toBe(2);
    expect(uncaughtErrors.current?.message).toBe('first');
    expect(uncaughtErrors.current?.details).toContain('Error: first');
    uncaughtErrors.dismiss();
    expect(uncaughtErrors.current?.message).toBe('second');
    uncaughtErrors.dismiss();
    expect(uncaughtErrors.current).toBeUndefined();
  });

  it('catches errors thrown in callbacks and promises nobody awaited', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const seen: (string | undefined)[] = [];
    const stop = $effect.root(() => {
      $effect(() => {
        seen.push(uncaughtErrors.current?.message);
      });
    });
    flushSync();
    const target = new EventTarget() as unknown as Window;
    listenForUncaughtErrors(target);
    target.dispatchEvent(Object.assign(new Event('error'), { error: new Error('thrown in a callback') }));
    flushSync();
    target.dispatchEvent(Object.assign(new Event('unhandledrejection'), { reason: new Error('never awaited') }));
    flushSync();
    stop();
    expect(uncaughtErrors.count).toBe(2);
    // The first report stays on screen while the second waits behind it.
    expect(seen[0]).toBeUndefined();
    expect(seen.slice(1).every((message) => message === 'thrown in a callback')).toBe(true);
    expect(seen.length).toBeGreaterThan(1);
  });

  it('leaves to the database notice what a newer version of the app caused, instead of showing a crash', () => {
    const target = new EventTarget() as unknown as Window;
    listenForUncaughtErrors(target);
    const event = Object.assign(new Event('unhandledrejection', { cancelable: true }), { reason: new CodedError('error.store.newer-database') });
    target.dispatchEvent(event);
    expect(uncaughtErrors.count).toBe(0);
    expect(event.defaultPrevented).toBe(true);
    expect(databaseStatus.newerDatabase).toBe(event.reason);
  });
});

