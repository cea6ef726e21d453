import type { Locale } from '../../lib/i18n/i18n';

/** A number with exactly `digits` decimals in the user's language (2.27 / 2,27); a minus sign, not a hyphen. */
export function fixed(locale: Locale, value: number, digits = 2): string {
  if (!Number.isFinite(value)) return '∞';
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value).replace('-', '−');
}

/** A number with up to `digits` decimals, trailing zeros dropped (3, −1.5). */
export function short(locale: Locale, value: number, digits = 2): string {
  if (!Number.isFinite(value)) return '∞';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value).replace('-', '−');
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
