/**
 * Edge Impulse CSV: one recording per file, a first line naming the columns, then one sample
 * per line.
 *
 * ```
 * timestamp,accX,accY,accZ,gyroX,gyroY,gyroZ
 * 0,-1.446,-2.509,-2.002,0.5,-3.25,1
 * 20,-0.929,-1.293,-2.49,0.75,-3,1.25
 * ```
 *
 * `timestamp` is in ms, acceleration in m/s² including gravity, rotation in deg/s; the gyroscope
 * columns are optional. Columns may come in any order and columns with other names are ignored.
 */
import type { MotionSamples } from '../sensors/samples';
import { axisIndexOfName, neededAxes } from './axis-names';
import { ImportError } from './errors';
import { excerpt } from '../i18n/excerpt';
import { isBlank } from './file-text';
import { formatFloat64, formatSampleValues } from './number-format';

const timestampColumn = 'timestamp';

const ignored = -1;

/**
 * Where a column's values go: 0 the timestamp, 1–3 acceleration x, y, z, 4–6 rotation x, y, z,
 * or nowhere. Names match without regard to case.
 */
function slotOfColumn(name: string): number {
  if (name.toLowerCase() === timestampColumn) return 0;
  const axis = axisIndexOfName(name);
  return axis === -1 ? ignored : 1 + axis;
}

const LF = 10;
const CR = 13;
const COMMA = 44;

interface Header {
  /** The column names as written, for messages. */
  names: string[];
  /** For each column, its slot or `ignored`. */
  slots: Int8Array;
  hasGyro: boolean;
}

function readHeader(file: string, text: string, line: number): Header {
  const names = text.split(',').map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
  const slots = new Int8Array(names.length).fill(ignored);
  const filled = new Set<number>();
  names.forEach((name, column) => {
    const slot = slotOfColumn(name);
    if (slot === ignored) return;
    if (filled.has(slot)) throw new ImportError('duplicate-column', { column: name }, { file, line });
    filled.add(slot);
    slots[column] = slot;
  });
  const hasGyro = [4, 5, 6].some((slot) => filled.has(slot));
  const needed = [timestampColumn, ...neededAxes(hasGyro)];
  const missing = needed.filter((name) => !filled.has(slotOfColumn(name)));
  if (missing.length > 0) throw new ImportError('missing-columns', { found: names, needed, missing }, { file, line });
  return { names, slots, hasGyro };
}

/** Index of the line break that ends the line starting at `from`, or the text's length. */
function lineEnd(text: string, from: number): number {
  let at = from;
  while (at < text.length) {
    const c = text.charCodeAt(at);
    if (c === LF || c === CR) break;
    at += 1;
  }
  return at;
}

/** Index where the next line starts, given where this one ends; CR LF is one line break. */
function nextLineStart(text: string, end: number): number {
  return text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
}

/** Line breaks from `from` on (LF, CR LF or a lone CR), so that the arrays can be sized once. */
function countLineBreaks(text: string, from: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at !== -1; at = text.indexOf('\n', at + 1)) count += 1;
  for (let at = text.indexOf('\r', from); at !== -1; at = text.indexOf('\r', at + 1)) {
    if (text.charCodeAt(at + 1) !== LF) count += 1;
  }
  return count;
}

/** Exact powers of ten for the plain-decimal path (at most 15 digits, so at most 15 decimals). */
const powersOfTen = Array.from({ length: 16 }, (_, k) => Number(`1e${k}`));

/**
 * The value of a cell that is not a plain short decimal (an exponent, spaces around it, many
 * digits), or NaN. Its characters are checked first, since Number() would also accept hex,
 * `Infinity` and an empty cell (as 0).
 */
function decimalValue(text: string, start: number, end: number): number {
  let digits = false;
  for (let at = start; at < end; at += 1) {
    const c = text.charCodeAt(at);
    if (c >= 48 && c <= 57) digits = true;
    // Besides digits, a decimal has at most a sign, a point and an exponent.
    else if (c !== 46 && c !== 43 && c !== 45 && c !== 101 && c !== 69 && c !== 32 && c !== 9) return NaN;
  }
  return digits ? Number(text.slice(start, end)) : NaN;
}

const nonFiniteWord = /^[+-]?(nan|inf|infinity)$/i;

/** The error for a cell whose value (NaN when it is no number) cannot be stored. */
function cellError(file: string, line: number, column: string, cell: string, value: number): ImportError {
  // Only an excerpt of the cell: quoting a 90 MB cell whole would crash the tab.
  const params = { cell: excerpt(cell.trim()), column: excerpt(column) };
  const code = Number.isFinite(value)
    ? 'value-too-large'
    : !Number.isNaN(value) || nonFiniteWord.test(params.cell)
      ? 'not-finite'
      : 'not-a-number';
  return new ImportError(code, params, { file, line });
}

/**
 * One cell read as a number, or an ImportError that names the file, line and column: the rule
 * every CSV reader of the app applies to a cell (the phone apps' tables too).
 */
export function decimalCell(file: string, line: number, column: string, cell: string): number {
  const value = decimalValue(cell, 0, cell.length);
  if (!Number.isFinite(value) || !Number.isFinite(Math.fround(value))) throw cellError(file, line, column, cell, value);
  return value;
}

function rowLengthError(file: string, line: number, text: string, lineStart: number, expected: number): ImportError {
  const found = text.slice(lineStart, lineEnd(text, lineStart)).split(',').length;
  return found > expected
    ? new ImportError('row-too-long', { found, expected }, { file, line })
    : new ImportError('row-too-short', { found, expected }, { file, line });
}

/**
 * Parses an Edge Impulse CSV file. Timestamps are kept exactly as written, irregular or repeated
 * (resampling comes later), but must never decrease: a step back means two recordings were
 * joined or a clock was reset, and no later step can put such samples in the right order.
 * Blank lines are skipped. Throws ImportError.
 *
 * @example
 * parseEdgeImpulseCsv('walking.csv', 'timestamp,accX,accY,accZ\n0,0.1,0.2,9.8\n20,0.1,0.3,9.7\n').t
 * // Float64Array [0, 20]
 */
export function parseEdgeImpulseCsv(file: string, text: string): MotionSamples {
  let at = 0;
  let line = 0;
  let header: Header | undefined;
  while (at < text.length && header === undefined) {
    const end = lineEnd(text, at);
    line += 1;
    const content = text.slice(at, end);
    at = nextLineStart(text, end);
    if (!isBlank(content)) header = readHeader(file, content, line);
  }
  if (header === undefined) throw new ImportError('empty-file', {}, { file });

  const { names, slots, hasGyro } = header;
  const columns = slots.length;
  const capacity = countLineBreaks(text, at) + 1;
  const t = new Float64Array(capacity);
  const acc = new Float32Array(capacity * 3);
  const gyro = hasGyro ? new Float32Array(capacity * 3) : null;
  let rows = 0;

  // The hot loop: one pass over the characters, without a substring or an array per line. Most
  // cells are plain decimals of at most 15 digits ("-1.446"): their digits are gathered into an
  // integer as they pass and divided by a power of ten, which (both being exact doubles) rounds
  // exactly as Number() would. Any other cell goes to decimalValue().
  while (at < text.length) {
    line += 1;
    const lineStart = at;
    let column = 0;
    let cellStart = at;
    let mantissa = 0;
    let digits = 0;
    let decimals = 0;
    let point = false;
    let negative = false;
    let plain = true;
    let blank = true;
    for (; ; at += 1) {
      const c = at < text.length ? text.charCodeAt(at) : LF;
      if (c >= 48 && c <= 57) {
        mantissa = mantissa * 10 + (c - 48);
        digits += 1;
        if (point) decimals += 1;
        blank = false;
      } else if (c === COMMA || c === LF || c === CR) {
        if (blank && c !== COMMA) break;
        if (c === COMMA ? column + 1 >= columns : column + 1 < columns) throw rowLengthError(file, line, text, lineStart, columns);
        const slot = slots[column]!;
        if (slot !== ignored) {
          const value =
            plain && digits > 0 && digits <= 15
              ? (negative ? -mantissa : mantissa) / powersOfTen[decimals]!
              : decimalValue(text, cellStart, at);
          if (!Number.isFinite(value)) throw cellError(file, line, names[column]!, text.slice(cellStart, at), value);
          if (slot === 0) {
            t[rows] = value;
          } else {
            const values = slot <= 3 ? acc : gyro!;
            const index = rows * 3 + ((slot - 1) % 3);
            values[index] = value;
            // A finite double can still be too large for a float32, which turns it into Infinity.
            if (!Number.isFinite(values[index]!)) throw cellError(file, line, names[column]!, text.slice(cellStart, at), value);
          }
        }
        if (c !== COMMA) break;
        column += 1;
        cellStart = at + 1;
        mantissa = 0;
        digits = 0;
        decimals = 0;
        point = false;
        negative = false;
        plain = true;
        blank = false;
      } else if (c === 46 && !point) {
        point = true;
        blank = false;
      } else if ((c === 45 || c === 43) && at === cellStart) {
        negative = c === 45;
        blank = false;
      } else {
        plain = false;
        if (c !== 32 && c !== 9) blank = false;
      }
    }
    at = nextLineStart(text, at);
    if (blank) continue;
    if (rows > 0 && t[rows]! < t[rows - 1]!) {
      throw new ImportError('timestamp-backwards', { previousMs: t[rows - 1]!, timestampMs: t[rows]! }, { file, line });
    }
    rows += 1;
  }
  if (rows === 0) throw new ImportError('no-samples', {}, { file });

  // Trimmed to size with a copy: a view would keep (and store, and transfer) the spare capacity.
  return rows === capacity
    ? { t, acc, gyro }
    : { t: t.slice(0, rows), acc: acc.slice(0, rows * 3), gyro: gyro ? gyro.slice(0, rows * 3) : null };
}

/**
 * Writes samples as Edge Impulse CSV, timestamps relative to the first sample. Every value is
 * written with the fewest digits that read back as exactly the same number, so that parsing the
 * text gives the same samples bit for bit (timestamps exactly when the first is 0).
 *
 * @example
 * exportEdgeImpulseCsv({ t: new Float64Array([0]), acc: new Float32Array([0.5, 0, 9.75]), gyro: null })
 * // 'timestamp,accX,accY,accZ\n0,0.5,0,9.75\n'
 */
export function exportEdgeImpulseCsv(samples: MotionSamples): string {
  const { t } = samples;
  const lines = [[timestampColumn, ...neededAxes(samples.gyro !== null)].join(',')];
  const first = t[0] ?? 0;
  for (let i = 0; i < t.length; i += 1) lines.push(`${formatFloat64(t[i]! - first)},${formatSampleValues(samples, i)}`);
  return `${lines.join('\n')}\n`;
}
