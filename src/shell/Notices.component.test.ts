import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { registrations, updates } from '../../test/component/fake-pwa-register';
import { busy } from '../state/busy.svelte';
import { pwa } from '../state/pwa.svelte';
import Notices from './Notices.svelte';

describe('Notices', () => {
  let component: ReturnType<typeof mount>;

  beforeEach(() => {
    Object.defineProperty(navigator, 'serviceWorker', { value: {}, configurable: true });
    pwa.register();
    component = mount(Notices, { target: document.body });
  });

  afterEach(() => {
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
});
