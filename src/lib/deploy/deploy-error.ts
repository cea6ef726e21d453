import { translate, type Locale } from '../i18n/i18n';

/** The values that describe each reason an export is refused, by code; each is worded as `deploy.error.<code>` in the catalogs. */
export interface DeployErrorParams {
  'no-model': Record<string, never>;
  'group-without-twin': { group: string; features: readonly string[] };
  'features-without-twin': { features: readonly string[] };
  'inputs-out-of-order': { position: number; modelInput: string; twinInput: string };
  'input-count': { modelInputs: number; computedInputs: number };
  'raw-window-mismatch': { modelInputs: number; windowInputs: number };
  'network-unsupported': { reason: string };
  'network-shape': { inputs: number; outputs: number; features: number; labels: number };
  'not-finite': { value: string };
  'calibration-missing': Record<string, never>;
  'calibration-size': { width: number; values: number };
  'training-split-unknown': { model: string };
  'training-recordings-gone': { model: string; recordings: readonly string[] };
  'training-recordings-changed': { model: string; recordings: readonly string[] };
  'sketch-missing': { file: string; status: number };
  'sketch-not-file': { file: string };
  'sketch-unreachable': { file: string };
}

export type DeployErrorCode = keyof DeployErrorParams;

/**
 * A model this generator cannot turn into C, or a file the export could not read, and why; nothing
 * was generated. `code` and `params` carry the facts for a translated page (deployErrorText);
 * `message` is the same text in English, for the CLI.
 */
export class DeployError<C extends DeployErrorCode = DeployErrorCode> extends Error {
  override readonly name = 'DeployError';

  constructor(
    readonly code: C,
    readonly params: DeployErrorParams[C],
  ) {
    super(wordedIn('en', code, params));
  }
}

/**
 * An export's refusal in the user's language, from the `deploy.error.*` catalog entries: what is
 * wrong and what to do.
 *
 * @example
 * error = failure instanceof DeployError ? deployErrorText(failure, settings.locale) : String(failure);
 */
export function deployErrorText(error: DeployError, locale: Locale): string {
  return wordedIn(locale, error.code, error.params);
}

/** Names as a list in the user's language, each quoted: “a”, “b” and “c”. */
export function quotedList(locale: Locale, names: readonly string[]): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(names.map((name) => `“${name}”`));
}

function wordedIn<C extends DeployErrorCode>(locale: Locale, code: C, params: DeployErrorParams[C]): string {
  const values = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, Array.isArray(value) ? quotedList(locale, value) : (value as string | number)]));
  return translate(locale, `deploy.error.${code}`, values);
}
