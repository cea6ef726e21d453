import { en, type Catalog, type MessageKey } from './messages.en';
import { textParts, type TextPart } from './text-parts';

/** The languages the app speaks, in the order they are offered to the user. */
export const locales = ['en', 'es'] as const;
export type Locale = (typeof locales)[number];

/**
 * English ships with the first load; other catalogs are fetched (from the precache, offline) only
 * when the user's language needs them, so each language adds nothing to the others' first load.
 */
const catalogLoaders: Record<Locale, () => Promise<Catalog>> = {
  en: async () => en,
  es: async () => (await import('./messages.es')).es,
};

/** The text loaded so far, by language: the first load's catalog and the parts loaded since. */
const loadedText: Record<Locale, Partial<Record<MessageKey, string>>> = { en: { ...en }, es: {} };
/** Each language's catalog and each part in each language, loading or loaded: loaded once. */
const loads = new Map<string, Promise<void>>();
/** The parts asked for so far: a language switched to later loads them too. */
const partsAsked = new Set<TextPart>();

function loadOnce(name: string, load: () => Promise<Partial<Record<MessageKey, string>>>, locale: Locale): Promise<void> {
  let loading = loads.get(name);
  if (!loading) {
    loading = load().then((text) => void Object.assign(loadedText[locale], text));
    loads.set(name, loading);
  }
  return loading;
}

/**
 * Makes a language's text available to `translate`, the parts already loaded included; call (and
 * await) before switching to it.
 */
export async function loadCatalog(locale: Locale): Promise<void> {
  await Promise.all([loadOnce(locale, catalogLoaders[locale], locale), ...[...partsAsked].map((part) => loadPart(part, locale))]);
}

function loadPart(part: TextPart, locale: Locale): Promise<void> {
  return loadOnce(`${part}.${locale}`, textParts[part][locale], locale);
}

/**
 * Loads the text parts a page needs (text-parts.ts) in `locale`, and in English too: a coded
 * error keeps its English wording as its message, for logs and bug reports.
 *
 * @example
 * await loadText(['train', 'results'], settings.locale);
 */
export async function loadText(parts: readonly TextPart[], locale: Locale): Promise<void> {
  for (const part of parts) partsAsked.add(part);
  await Promise.all(parts.flatMap((part) => [loadPart(part, 'en'), loadPart(part, locale)]));
}

/**
 * Whether `key` has text: in the first load's catalog or in a part loaded since. A hint exists for
 * some errors only, and an error's part is loaded with the page that can raise it, so the static
 * catalog alone would miss the hints of every part's errors.
 */
export function hasText(key: string): key is MessageKey {
  return key in loadedText.en;
}

/** Each locale's own name, shown in the language switch so a user can find theirs. */
export const localeNames: Record<Locale, string> = { en: 'English', es: 'Español' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/**
 * Picks the UI language: the user's stored choice first, then the first of the browser's
 * preferred languages we have a catalog for (`es-CO` → `es`), then English.
 *
 * @example
 * pickLocale(null, ['es-CO', 'en']) // 'es'
 */
export function pickLocale(stored: string | null, preferred: readonly string[]): Locale {
  if (isLocale(stored)) return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

export type MessageParams = Record<string, string | number>;

/**
 * Looks a message up and fills its `{name}` placeholders. A placeholder with no value is
 * left visible rather than silently dropped, so a missing parameter shows up in review.
 */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  // A catalog not loaded yet falls back to English rather than showing keys. A part not loaded
  // at all cannot happen on a page: src/views/pages.test.ts checks each page loads what it shows.
  const template = loadedText[locale][key] ?? loadedText.en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Bytes in the user's language with a binary unit, e.g. 1.5 MB / 1,5 MB. */
export function formatBytes(locale: Locale, bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${numberFormat(locale, 0, digits).format(value)} ${units[unit]}`;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * One `Intl.NumberFormat` per language and number of decimals, made on first use and kept:
 * making one costs far more than formatting with it, and the Record page formats its figures
 * ten times a second while a slow phone's readings wait for the same thread.
 */
function numberFormat(locale: Locale, minimumFractionDigits: number, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${locale} ${minimumFractionDigits} ${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits, maximumFractionDigits });
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * A number with `digits` decimals in the user's language.
 *
 * @example
 * formatNumber('es', 0.9651, 3) // '0,965'
 */
export function formatNumber(locale: Locale, value: number, digits: number): string {
  if (!Number.isFinite(value)) return '–';
  return numberFormat(locale, digits, digits).format(value);
}

/**
 * A share (0–1) as a percentage with one decimal, e.g. `96.5 %` / `96,5 %`; '–' when undefined.
 *
 * @example
 * formatPercent('es', 0.9651) // '96,5 %'
 */
export function formatPercent(locale: Locale, share: number): string {
  return Number.isFinite(share) ? `${formatNumber(locale, share * 100, 1)}\u00a0%` : '–';
}

/**
 * A duration as a stopwatch shows it, in the user's language: `12.3 s` (`12,3 s`) under a minute,
 * `4:05` above.
 *
 * @example
 * formatDuration(12_345) // '12.3 s'
 * formatDuration(12_345, 'es') // '12,3 s'
 * formatDuration(245_000) // '4:05'
 */
export function formatDuration(ms: number, locale: Locale = 'en'): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 60) return `${formatNumber(locale, seconds, 1)} s`;
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  if (minutes < 60) return `${minutes}:${String(rest).padStart(2, '0')}`;
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}:${String(rest).padStart(2, '0')}`;
}
