import type { WordedError } from '../i18n/coded-error';
import { excerpt, excerptList } from '../i18n/excerpt';
import type { Locale } from '../i18n/i18n';
import type { ErrorPlace, ImportErrorCode, ImportErrorParams, ImportWording, PlaceWording } from './import-error-codes';
import { importErrorsEn } from './import-errors.en';
import { importErrorsEs } from './import-errors.es';

export type { ErrorPlace, FieldKind, ImportErrorCode, ImportErrorParams } from './import-error-codes';

const wordings: Record<Locale, ImportWording & PlaceWording> = { en: importErrorsEn, es: importErrorsEs };

/**
 * A file that cannot be imported, and why. `message` and `hint` are English, for the CLI and
 * logs; `code`, `params`, `file` and `line` carry the same facts, and `wordIn`/`hintIn` word them
 * in the user's language.
 */
export class ImportError<C extends ImportErrorCode = ImportErrorCode> extends Error implements WordedError {
  override readonly name = 'ImportError';
  readonly code: C;
  readonly params: ImportErrorParams[C];
  readonly file: string;
  readonly line: number | undefined;
  /** What the user can do about it. */
  readonly hint: string;

  constructor(code: C, params: ImportErrorParams[C], place: ErrorPlace) {
    const quoted = quotedBriefly(params);
    super(wordIn('en', code, quoted, place));
    this.code = code;
    this.params = quoted;
    this.file = place.file;
    this.line = place.line;
    this.hint = this.hintIn('en');
  }

  wordIn(locale: Locale): string {
    return wordIn(locale, this.code, this.params, { file: this.file, ...(this.line !== undefined && { line: this.line }) });
  }

  hintIn(locale: Locale): string {
    return (wordings[locale] as ImportWording)[this.code].hint(this.params);
  }
}

/** The params that quote the file itself (a cell, a column name, the columns found…), as opposed to facts the app words. */
const quotedParams = new Set(['cell', 'column', 'value', 'sensor', 'units', 'found']);

/**
 * `params` with every piece quoted from the file cut to an excerpt: the parsers hand over what
 * they found, whole, and a 90 MB cell or a million column names must not become the message.
 */
function quotedBriefly<P extends object>(params: P): P {
  const quote = (value: unknown) => (typeof value === 'string' ? excerpt(value) : Array.isArray(value) ? excerptList(value.map(String)) : value);
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, quotedParams.has(name) ? quote(value) : value])) as P;
}

function wordIn<C extends ImportErrorCode>(locale: Locale, code: C, params: ImportErrorParams[C], place: ErrorPlace): string {
  const wording = wordings[locale];
  return `${wording.place(place)}: ${(wording as ImportWording)[code].message(params)}`;
}

/**
 * Any one import error, as a union over codes, so that checking `code` narrows `params`.
 *
 * @example
 * if (error.code === 'row-too-short') console.warn(error.params.found, error.params.expected);
 */
export type AnyImportError = { [C in ImportErrorCode]: ImportError<C> }[ImportErrorCode];

/** Runs a parser that throws ImportError and hands the error back as a value; other errors are bugs and go on up. */
export function catchImportError<T>(parse: () => T): { ok: true; value: T } | { ok: false; error: AnyImportError } {
  try {
    return { ok: true, value: parse() };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, error: error as AnyImportError };
    throw error;
  }
}
