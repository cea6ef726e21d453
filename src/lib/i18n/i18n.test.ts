import { describe, expect, test } from 'vitest';
import { formatBytes, formatDuration, formatNumber, formatPercent, loadCatalog, pickLocale, translate } from './i18n';
import { en } from './messages.en';
import { es } from './messages.es';

const catalogs = { en, es };

describe('catalogs', () => {
  test('every catalog has exactly the English keys, none empty', () => {
    const keys = Object.keys(en).sort();
    for (const [locale, catalog] of Object.entries(catalogs)) {
      expect(Object.keys(catalog).sort(), locale).toEqual(keys);
      for (const [key, text] of Object.entries(catalog)) expect(text.trim(), `${locale} ${key}`).not.toBe('');
    }
  });

  test('every translation uses the same placeholders as the English text', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [locale, catalog] of Object.entries(catalogs)) {
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        expect(placeholders(catalog[key]), `${locale} ${key}`).toEqual(placeholders(en[key]));
      }
    }
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
    expect(translate('en', 'data.storage.used', { used: '1 MB' })).toBe('1 MB used of {quota} available to this app');
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
