import { describe, expect, test, vi } from 'vitest';
import { formatBytes, formatDuration, formatNumber, formatPercent, loadCatalog, pickLocale, translate } from './i18n';
import { en } from './messages.en';
import { es } from './messages.es';
import { allTextParts, textParts } from './text-parts';

/** The first load's catalog and every part's, each in both languages. */
const catalogs: (readonly [string, { readonly en: Readonly<Record<string, string>>; readonly es: Readonly<Record<string, string>> }])[] = [
  ['first load', { en, es }],
  ...(await Promise.all(allTextParts.map(async (part) => [part, { en: await textParts[part].en(), es: await textParts[part].es() }] as const))),
];

describe('catalogs', () => {
  test.each(catalogs)('%s: Spanish has exactly the English keys, none empty', (_, catalog) => {
    expect(Object.keys(catalog.es).sort()).toEqual(Object.keys(catalog.en).sort());
    for (const [locale, text] of Object.entries(catalog)) {
      for (const [key, wording] of Object.entries(text)) expect(wording.trim(), `${locale} ${key}`).not.toBe('');
    }
  });

  test.each(catalogs)('%s: every translation uses the same placeholders as the English text', (_, catalog) => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, wording] of Object.entries(catalog.en)) expect(placeholders(catalog.es[key] ?? ''), key).toEqual(placeholders(wording));
  });

  test('no key is in two parts, or in a part and the first load', () => {
    const keys = catalogs.flatMap(([, catalog]) => Object.keys(catalog.en));
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });
});

describe('pickLocale', () => {
  test('a stored choice wins over the browser', () => {
    expect(pickLocale('en', ['es-CO', 'es'])).toBe('en');
  });

  test('the first browser language with a catalog, by its base language', () => {
    expect(pickLocale(null, ['es-CO', 'en-US'])).toBe('es');
    expect(pickLocale(null, ['pt-BR', 'ES-mx'])).toBe('es');
    expect(pickLocale(null, ['en-GB', 'es'])).toBe('en');
  });

  test('English when nothing matches or the stored value is unknown', () => {
    expect(pickLocale(null, ['pt-BR', 'fr'])).toBe('en');
    expect(pickLocale('klingon', [])).toBe('en');
  });
});

describe('translate', () => {
  test('falls back to English until a language is loaded', async () => {
    expect(translate('es', 'nav.record')).toBe('Record');
    await loadCatalog('es');
    expect(translate('es', 'nav.record')).toBe('Grabar');
  });

  test('fills placeholders in the chosen language', async () => {
    await loadCatalog('es');
    expect(translate('en', 'view.notFound.body', { path: '/x' })).toBe('There is no page at “/x”.');
    expect(translate('es', 'view.notFound.body', { path: '/x' })).toBe('No hay ninguna página en «/x».');
  });

  test('leaves a placeholder with no value visible', () => {
    expect(translate('en', 'record.saved', { name: 'walk', samples: 3 })).toBe('Saved “walk”: {duration}, 3 samples.');
  });

  test('a page’s text part, loaded in its language and in English, and in a language switched to later', async () => {
    // A fresh copy of the module: the test setup has loaded every part into the shared one.
    vi.resetModules();
    const { loadCatalog, loadText, translate } = await import('./i18n');
    expect(translate('en', 'data.title')).toBe('data.title');
    await loadText(['data'], 'en');
    expect(translate('en', 'data.storage.used', { used: '1 MB', quota: '2 GB' })).toBe('1 MB used of 2 GB available to this app');
    await loadText(['live'], 'es');
    expect(translate('es', 'live.title')).toBe('En vivo');
    await loadCatalog('es');
    expect(translate('es', 'data.title')).toBe('Datos');
  });
});

describe('formatBytes', () => {
  test('binary units with the locale’s decimal mark', () => {
    expect(formatBytes('en', 512)).toBe('512 B');
    expect(formatBytes('en', 1536)).toBe('1.5 KB');
    expect(formatBytes('es', 1536)).toBe('1,5 KB');
    expect(formatBytes('en', 300 * 1024 * 1024)).toBe('300 MB');
    expect(formatBytes('en', 2.25 * 1024 ** 3)).toBe('2.3 GB');
  });
});

describe('numbers in the user\'s language', () => {
  test('durations, numbers and percentages use the locale\'s decimal mark', () => {
    expect(formatDuration(12_345, 'es')).toBe('12,3 s');
    expect(formatDuration(12_345)).toBe('12.3 s');
    expect(formatNumber('es', 0.9651, 3)).toBe('0,965');
    expect(formatPercent('es', 0.9651)).toBe('96,5\u00a0%');
    expect(formatPercent('en', Number.NaN)).toBe('–');
  });
});
