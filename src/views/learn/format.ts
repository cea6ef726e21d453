import { formatNumber, type Locale } from '../../lib/i18n/i18n';

/** What is not a number shows as a dash, an infinity as ∞ with its sign. */
function notFinite(value: number): string {
  if (Number.isNaN(value)) return '–';
  return value < 0 ? '−∞' : '∞';
}

/** A number with exactly `digits` decimals in the user's language (2.27 / 2,27); a minus sign, not a hyphen. */
export function fixed(locale: Locale, value: number, digits = 2): string {
  if (!Number.isFinite(value)) return notFinite(value);
  return formatNumber(locale, value, digits).replace('-', '−');
}

/** A number with up to `digits` decimals, trailing zeros dropped (3, −1.5). */
export function short(locale: Locale, value: number, digits = 2): string {
  if (!Number.isFinite(value)) return notFinite(value);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value).replace('-', '−');
}

/**
 * A count with its thousands always grouped, so 8,000 and 10,000 (8.000 and 10.000) read alike:
 * Spanish's default leaves four digits ungrouped, and the TypeScript types do not know
 * `useGrouping: 'always'` yet, so the locale's own separator is put in here.
 */
export function count(locale: Locale, value: number): string {
  if (!Number.isFinite(value)) return notFinite(value);
  const separator = new Intl.NumberFormat(locale).formatToParts(10_000).find((part) => part.type === 'group')?.value ?? ',';
  const digits = String(Math.abs(Math.round(value))).replace(/\B(?=(\d{3})+$)/g, separator);
  return value < 0 ? `−${digits}` : digits;
}

/** A number in scientific notation with `digits` decimals (1.23E−4 / 1,23E−4), as a loss that spans orders of magnitude needs. */
export function scientific(locale: Locale, value: number, digits = 2): string {
  if (!Number.isFinite(value)) return notFinite(value);
  return new Intl.NumberFormat(locale, { notation: 'scientific', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value).replace(/-/g, '−');
}

/** A line as the lesson writes it: 3X − 1, 2X, −X + 0.5. */
export function lineText(locale: Locale, w: number, b: number): string {
  const slope = w === 1 ? 'X' : w === -1 ? '−X' : `${short(locale, w)}X`;
  if (b === 0) return slope;
  return `${slope} ${b < 0 ? '−' : '+'} ${short(locale, Math.abs(b))}`;
}

/** A share as a percentage with one decimal (92.4 %). */
export function percent(locale: Locale, value: number): string {
  if (!Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}
