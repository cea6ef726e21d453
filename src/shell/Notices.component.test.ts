import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { registrations, updates } from '../../test/component/fake-pwa-register';
import { busy } from '../state/busy.svelte';
import { pwa } from '../state/pwa.svelte';
import Notices, { OFFLINE_NOTICE_MS } from './Notices.svelte';

describe('Notices', () => {
  let component: ReturnType<typeof mount>;

  beforeEach(() => {
    Object.defineProperty(navigator, 'serviceWorker', { value: {}, configurable: true });
    pwa.register();
    component = mount(Notices, { target: document.body });
  });

  afterEach(() => {
    vi.useRealTimers();
    unmount(component);
    document.body.innerHTML = '';
    pwa.offlineReady = false;
    pwa.updateWaiting = false;
  });

  const button = (name: string) =>
    [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);

  test('says when the app is ready offline, until dismissed', () => {
    registrations.at(-1)?.onOfflineReady?.();
    flushSync();
    expect(document.body.textContent).toContain('Ready to work offline.');
    button('Dismiss')?.click();
    flushSync();
    expect(document.body.textContent).not.toContain('Ready to work offline.');
  });

  test('offers an update, and applies it only when Reload is pressed', async () => {
    registrations.at(-1)?.onNeedRefresh?.();
    flushSync();
    expect(document.body.textContent).toContain('An update of Motion Lab is available.');
    expect(updates).toEqual([]);
    button('Reload')?.click();
    await Promise.resolve();
    expect(updates).toEqual([true]);
  });

  test('never offers to reload while a recording runs', () => {
    const end = busy.start('busy.recording');
    registrations.at(-1)?.onNeedRefresh?.();
    flushSync();
    expect(document.body.textContent).toContain('An update is ready; finish the recording first, then reload.');
    expect(button('Reload')).toBeUndefined();
    end();
    flushSync();
    expect(button('Reload')).toBeDefined();
  });

  test('“ready to work offline” goes by itself after a few seconds, so it never stays over the page', () => {
    vi.useFakeTimers();
    registrations.at(-1)?.onOfflineReady?.();
    flushSync();
    vi.advanceTimersByTime(OFFLINE_NOTICE_MS - 100);
    flushSync();
    expect(document.body.textContent).toContain('Ready to work offline.');
    vi.advanceTimersByTime(200);
    flushSync();
    expect(document.body.textContent).not.toContain('Ready to work offline.');
  });

  test('it stays while the pointer is over it or focus is in it, and goes once they leave', () => {
    vi.useFakeTimers();
    registrations.at(-1)?.onOfflineReady?.();
    flushSync();
    const notice = document.querySelector('[data-testid="offline-ready"]');
    notice?.dispatchEvent(new Event('pointerenter'));
    flushSync();
    vi.advanceTimersByTime(OFFLINE_NOTICE_MS * 3);
    flushSync();
    expect(document.body.textContent).toContain('Ready to work offline.');
    notice?.dispatchEvent(new Event('pointerleave'));
    button('Dismiss')?.focus();
    flushSync();
    vi.advanceTimersByTime(OFFLINE_NOTICE_MS * 3);
    flushSync();
    expect(document.body.textContent).toContain('Ready to work offline.');
    button('Dismiss')?.blur();
    flushSync();
    vi.advanceTimersByTime(OFFLINE_NOTICE_MS);
    flushSync();
    expect(document.body.textContent).not.toContain('Ready to work offline.');
  });
});
