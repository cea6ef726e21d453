/**
 * Reading typed fields out of parsed JSON, failing with an ImportError that names the file and
 * the field's path (`payload.values[12][0]`), so that a damaged file says where it is damaged.
 */
import { ImportError, type FieldKind } from './errors';

/**
 * Parses JSON text. A syntax error reports its line where the engine's message tells it
 * (Chromium gives a position, Firefox a line). Throws ImportError.
 */
export function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    const line = position === undefined ? /line (\d+)/.exec(message)?.[1] : lineAt(text, Number(position));
    throw new ImportError('invalid-json', {}, { file, line: line === undefined ? undefined : Number(line) });
  }
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line += 1;
  return line;
}

/**
 * Checks fields of one file's parsed JSON; each method returns the value with its type, or
 * throws ImportError naming the path and what was expected.
 *
 * @example
 * const fields = new JsonFields('walking.json');
 * const payload = fields.object(json.payload, 'payload');
 * const intervalMs = fields.positiveNumber(payload.interval_ms, 'payload.interval_ms');
 */
export class JsonFields {
  constructor(readonly file: string) {}

  fail(path: string, expected: FieldKind): never {
    throw new ImportError('invalid-field', { path, expected }, { file: this.file });
  }

  /** The document itself, which must be an object. */
  root(value: unknown): Record<string, unknown> {
    return this.object(value, '(top level)');
  }

  object(value: unknown, path: string): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(path, 'object');
    return value as Record<string, unknown>;
  }

  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) this.fail(path, 'array');
    return value;
  }

  string(value: unknown, path: string): string {
    if (typeof value !== 'string') this.fail(path, 'string');
    return value;
  }

  /** A finite number: JSON.parse reads 1e999 as Infinity. */
  number(value: unknown, path: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(path, 'number');
    return value;
  }

  positiveNumber(value: unknown, path: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) this.fail(path, 'positive-number');
    return value;
  }

  /** A whole number, zero or more. */
  count(value: unknown, path: string): number {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) this.fail(path, 'count');
    return value;
  }

  boolean(value: unknown, path: string): boolean {
    if (typeof value !== 'boolean') this.fail(path, 'boolean');
    return value;
  }

  /** A list of distinct strings, such as labels. */
  distinctStrings(value: unknown, path: string): string[] {
    const strings = this.array(value, path).map((item, i) => this.string(item, `${path}[${i}]`));
    const seen = new Set<string>();
    strings.forEach((item, i) => {
      if (seen.has(item)) throw new ImportError('duplicate-value', { path: `${path}[${i}]`, value: item }, { file: this.file });
      seen.add(item);
    });
    return strings;
  }
}
