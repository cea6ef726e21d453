import { flushSync } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { settings } from './settings.svelte';

describe('settings', () => {
  it('starts in the browser’s language and switches once that language’s text has loaded', async () => {
    expect(settings.locale).toBe('en');
    expect(settings.t('nav.record')).toBe('Record');
    const seen: string[] = [];
    const stop = $effect.root(() => {
      $effect(() => {
        seen.push(settings.t('nav.record'));
      });
    });
    flushSync();
    settings.locale = 'es';
    await vi.waitFor(() => expect(settings.locale).toBe('es'), { timeout: 15_000 });
    flushSync();
    stop();
    expect(seen).toEqual(['Record', 'Grabar']);
    expect(document.documentElement.lang).toBe('es');
    expect(localStorage.getItem('motion-lab.locale')).toBe('es');
    settings.locale = 'en';
    await vi.waitFor(() => expect(settings.locale).toBe('en'), { timeout: 15_000 });
  });

  it('ignores a language it has no text for', async () => {
    settings.locale = 'klingon' as never;
    await Promise.resolve();
    expect(settings.locale).toBe('en');
  });

  it('applies and remembers the theme', () => {
    settings.theme = 'dark';
    expect(settings.theme).toBe('dark');
    expect(localStorage.getItem('motion-lab.theme')).toBe('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    settings.theme = 'system';
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });
});
