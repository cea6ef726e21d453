import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { registrations, updates } from '../../test/component/fake-pwa-register';
import { pwa } from './pwa.svelte';

describe('pwa', () => {
  it('registers nothing where the browser has no service worker', () => {
    expect('serviceWorker' in navigator).toBe(false);
    pwa.register();
    expect(registrations).toHaveLength(0);
  });

  it('says "ready offline" and "update waiting" when the service worker does, and updates only when asked', async () => {
    Object.defineProperty(navigator, 'serviceWorker', { value: {}, configurable: true });
    try {
      const seen: [boolean, boolean][] = [];
      const stop = $effect.root(() => {
        $effect(() => {
          seen.push([pwa.offlineReady, pwa.updateWaiting]);
        });
      });
      flushSync();
      pwa.register();
      const [options] = registrations;
      expect(options?.immediate).toBe(true);
      options?.onOfflineReady?.();
      flushSync();
      options?.onNeedRefresh?.();
      flushSync();
      stop();
      expect(seen).toEqual([
        [false, false],
        [true, false],
        [true, true],
      ]);
      // A waiting version is never activated behind the user's back.
      expect(updates).toEqual([]);
      await pwa.update();
      expect(updates).toEqual([true]);
    } finally {
      Reflect.deleteProperty(navigator, 'serviceWorker');
    }
  });
});
