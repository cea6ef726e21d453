import { ArrivalClock } from './arrival-clock';
import { STANDARD_GRAVITY_MS2, type MotionSamples } from './samples';

export type AccelerationUnits = 'g' | 'm/s2';

/** Which column holds which axis. */
export interface ForwarderLayout {
  columns: number;
  acc: readonly [number, number, number];
  gyro: readonly [number, number, number] | null;
  /** True when a header line named the columns; false when guessed from their count (3 or 6). */
  named: boolean;
}

/** What could not be read: how many lines, and the first of them (shortened). */
export interface ForwarderGarbage {
  count: number;
  example: string | null;
}

/** Readings looked at to tell g from m/s². */
export const UNITS_GUESS_READINGS = 50;

/** Longer lines are garbage (binary noise at a wrong baud rate has no newlines to stop it). */
const MAX_LINE_CHARS = 512;
const EXAMPLE_CHARS = 80;

/** At rest |a| is 1 in g and 9.81 in m/s²; split at their geometric mean, √9.81 ≈ 3.13. */
const UNITS_THRESHOLD = Math.sqrt(STANDARD_GRAVITY_MS2);

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const ACC_NAME = /^(?:a|acc|accel|accelerometer|acceleration)([xyz])$/;
const GYRO_NAME = /^(?:g|gyr|gyro|gyroscope)([xyz])$/;
const AXIS_INDEX = { x: 0, y: 1, z: 2 } as const;

interface Row {
  t: number;
  values: number[];
}

type Line =
  | { kind: 'numbers'; values: number[]; text: string }
  | { kind: 'words'; words: string[]; text: string }
  | { kind: 'overlong'; text: string };

/**
 * Fields split by commas when there are any, else by tabs when there are any (so a header's names
 * may hold spaces), else by runs of spaces. Spaces around a field do not matter.
 */
function splitFields(line: string): string[] {
  if (line.includes(',')) return line.split(',').map((field) => field.trim());
  if (line.includes('\t')) return line.split('\t').map((field) => field.trim());
  return line.split(/ +/);
}

function classify(text: string): Line {
  const fields = splitFields(text);
  if (fields.every((field) => NUMBER.test(field))) return { kind: 'numbers', values: fields.map(Number), text };
  return { kind: 'words', words: fields, text };
}

/** A header such as `aX,aY,aZ,gX,gY,gZ` or `accX accY accZ`; null when the words name no axes. */
function layoutFromHeader(words: readonly string[]): ForwarderLayout | null {
  const acc: (number | undefined)[] = [];
  const gyro: (number | undefined)[] = [];
  for (const [column, word] of words.entries()) {
    // "accX (m/s2)", "gyro_x", "Acc.X": case, units in brackets and separators do not matter.
    const name = word.toLowerCase().replace(/[([].*$/, '').replace(/[^a-z0-9]/g, '');
    const accMatch = ACC_NAME.exec(name);
    const gyroMatch = GYRO_NAME.exec(name);
    const match = accMatch ?? gyroMatch;
    if (!match) continue;
    const target = accMatch ? acc : gyro;
    const axis = AXIS_INDEX[match[1] as keyof typeof AXIS_INDEX];
    if (target[axis] !== undefined) return null;
    target[axis] = column;
  }
  const [ax, ay, az] = acc;
  const [gx, gy, gz] = gyro;
  if (ax === undefined || ay === undefined || az === undefined) return null;
  const gyroNamed = [gx, gy, gz].filter((column) => column !== undefined).length;
  if (gyroNamed !== 0 && gyroNamed !== 3) return null;
  return {
    columns: words.length,
    acc: [ax, ay, az],
    gyro: gx !== undefined && gy !== undefined && gz !== undefined ? [gx, gy, gz] : null,
    named: true,
  };
}

function layoutFromCount(columns: number): ForwarderLayout {
  return { columns, acc: [0, 1, 2], gyro: columns === 6 ? [3, 4, 5] : null, named: false };
}

function sameLayout(a: ForwarderLayout, b: ForwarderLayout): boolean {
  return a.columns === b.columns && a.acc.join() === b.acc.join() && (a.gyro?.join() ?? '') === (b.gyro?.join() ?? '');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * Reads the Edge Impulse data-forwarder format: one reading per line, values separated by commas,
 * tabs or spaces, acceleration first (`ax,ay,az` or `ax,ay,az,gx,gy,gz`, rotation in deg/s).
 * Text is fed as it arrives; a line split across chunks is joined.
 *
 * - Columns: a header line (`aX,aY,aZ,gX,gY,gZ`, `accX,accY,accZ,gyroX,gyroY,gyroZ`, in any order,
 *   other columns ignored) names them. Without one, 3 columns are acceleration and 6 add rotation,
 *   settled once two consecutive lines agree, so a line cut short when the port opened cannot
 *   set it.
 * - Units: g or m/s², guessed from the median |a| of the first 50 readings (1 at rest in g, 9.81
 *   in m/s²), unless given. Readings are held until then, so none is converted with a wrong guess.
 * - Garbage (words, a wrong number of values, a cut-off line, noise from a wrong baud rate) is
 *   counted and skipped; the first such line is kept as an example.
 * - Times: from arrival, spread over each chunk's lines (see ArrivalClock).
 *
 * @example
 * const parser = new ForwarderParser({ startMs: performance.now() });
 * parser.push('0.01,-0.02,9.81,0.5,', performance.now()); // null: the line is not complete
 * parser.push('0.1,0.2\r\n', performance.now());
 * parser.finish(performance.now()); // the readings held for the units guess
 */
export class ForwarderParser {
  readonly #clock: ArrivalClock;
  readonly #unitsGiven: boolean;
  #units: AccelerationUnits | null;
  #layout: ForwarderLayout | null = null;
  /** Before the layout is settled: the last line with 3 or 6 values, waiting for one to agree. */
  #candidate: (Row & { text: string }) | null = null;
  #held: Row[] = [];
  #partial = '';
  /** The partial line passed MAX_LINE_CHARS: the rest of it, up to its newline, is skipped. */
  #overlong = false;
  #garbage: ForwarderGarbage = { count: 0, example: null };

  /**
   * `startMs`: when reading began, on the clock of the arrival times passed to push().
   * `units`: the acceleration units when known; they are guessed otherwise.
   */
  constructor(options: { startMs: number; units?: AccelerationUnits }) {
    this.#clock = new ArrivalClock(options.startMs);
    this.#units = options.units ?? null;
    this.#unitsGiven = options.units !== undefined;
  }

  /** The columns, once a header or two agreeing lines have settled them. */
  get layout(): ForwarderLayout | null {
    return this.#layout;
  }

  /** The acceleration units, once given or guessed. */
  get units(): AccelerationUnits | null {
    return this.#units;
  }

  /** True when the units were guessed from the data rather than given. */
  get unitsGuessed(): boolean {
    return this.#units !== null && !this.#unitsGiven;
  }

  /** Lines per second, measured from arrival times. */
  get rateHz(): number | null {
    return this.#clock.rateHz;
  }

  /** Lines skipped so far, with the first of them. */
  get garbage(): ForwarderGarbage {
    return { ...this.#garbage };
  }

  /**
   * Reads a chunk of text that arrived at `arrivalMs`. Returns the readings it completed (in m/s²
   * and deg/s), or null when there are none yet.
   *
   * @example
   * parser.push('1.0,2.0,3.0\n1.0,2.0,3.1\n', performance.now());
   */
  push(text: string, arrivalMs: number): MotionSamples | null {
    const out: Row[] = [];
    this.#readInto(this.#completeLines(text), arrivalMs, out);
    return this.#samples(out);
  }

  /**
   * Ends the stream: reads a last line that had no newline, and releases readings held for the
   * units guess, guessing from however many there are.
   *
   * @example
   * const rest = parser.finish(performance.now());
   */
  finish(arrivalMs: number): MotionSamples | null {
    const lines: string[] = [];
    if (this.#overlong) this.#garbageLine(this.#partial);
    else lines.push(this.#partial);
    this.#partial = '';
    this.#overlong = false;
    const out: Row[] = [];
    this.#readInto(lines, arrivalMs, out);
    this.#dropCandidate();
    if (this.#units === null && this.#held.length > 0) this.#decideUnits(out);
    return this.#samples(out);
  }

  #completeLines(text: string): string[] {
    const pieces = text.split(/\r\n|\r|\n/);
    const tail = pieces.pop() ?? '';
    const lines: string[] = [];
    for (const [index, piece] of pieces.entries()) {
      if (index === 0) {
        if (this.#overlong) this.#garbageLine(this.#partial);
        else lines.push(this.#partial + piece);
        this.#partial = '';
        this.#overlong = false;
      } else {
        lines.push(piece);
      }
    }
    this.#appendPartial(tail);
    return lines;
  }

  #appendPartial(text: string): void {
    if (this.#overlong) return;
    this.#partial += text;
    if (this.#partial.length > MAX_LINE_CHARS) {
      this.#partial = this.#partial.slice(0, EXAMPLE_CHARS);
      this.#overlong = true;
    }
  }

  #readInto(texts: string[], arrivalMs: number, out: Row[]): void {
    const lines: Line[] = [];
    for (const raw of texts) {
      // Measured before trimming, as a line arriving in pieces is (see #appendPartial).
      if (raw.length > MAX_LINE_CHARS) lines.push({ kind: 'overlong', text: raw });
      else if (raw.trim() !== '') lines.push(classify(raw.trim()));
    }
    const times = this.#clock.stamp(lines.filter((line) => line.kind === 'numbers').length, arrivalMs);
    let next = 0;
    for (const line of lines) {
      if (line.kind === 'numbers') this.#numbers({ t: times[next++] ?? arrivalMs, values: line.values }, line.text, out);
      else if (line.kind === 'words') this.#words(line.words, line.text);
      else this.#garbageLine(line.text);
    }
  }

  #numbers(row: Row, text: string, out: Row[]): void {
    if (this.#layout) {
      if (row.values.length === this.#layout.columns) this.#accept(row, out);
      else this.#skip(text);
      return;
    }
    const columns = row.values.length;
    if (columns !== 3 && columns !== 6) {
      this.#garbageLine(text);
    } else if (this.#candidate && this.#candidate.values.length === columns) {
      this.#layout = layoutFromCount(columns);
      const first = this.#candidate;
      this.#candidate = null;
      this.#accept(first, out);
      this.#accept(row, out);
    } else {
      this.#dropCandidate();
      this.#candidate = { ...row, text };
    }
  }

  #words(words: string[], text: string): void {
    const layout = layoutFromHeader(words);
    if (!layout) {
      this.#garbageLine(text);
    } else if (!this.#layout) {
      this.#dropCandidate();
      this.#layout = layout;
    } else if (!sameLayout(layout, this.#layout)) {
      // A board that restarts prints its header again; a different one cannot be followed
      // mid-recording (the columns, and whether there is a gyroscope, are already fixed).
      this.#skip(text);
    }
  }

  /** A line that is not a reading also breaks the run of two agreeing lines that sets the layout. */
  #garbageLine(text: string): void {
    this.#dropCandidate();
    this.#skip(text);
  }

  #dropCandidate(): void {
    if (this.#candidate) this.#skip(this.#candidate.text);
    this.#candidate = null;
  }

  #skip(text: string): void {
    this.#garbage.count += 1;
    this.#garbage.example ??= text.slice(0, EXAMPLE_CHARS);
  }

  #accept(row: Row, out: Row[]): void {
    if (this.#units !== null) {
      out.push(row);
      return;
    }
    this.#held.push(row);
    if (this.#held.length >= UNITS_GUESS_READINGS) this.#decideUnits(out);
  }

  #decideUnits(out: Row[]): void {
    const acc = this.#layout?.acc ?? [0, 1, 2];
    const magnitudes = this.#held.map(({ values }) => Math.hypot(...acc.map((column) => values[column] ?? 0)));
    this.#units = median(magnitudes) < UNITS_THRESHOLD ? 'g' : 'm/s2';
    out.push(...this.#held);
    this.#held = [];
  }

  #samples(rows: Row[]): MotionSamples | null {
    const layout = this.#layout;
    if (rows.length === 0 || !layout) return null;
    const toMs2 = this.#units === 'g' ? STANDARD_GRAVITY_MS2 : 1;
    const samples: MotionSamples = {
      t: new Float64Array(rows.length),
      acc: new Float32Array(rows.length * 3),
      gyro: layout.gyro ? new Float32Array(rows.length * 3) : null,
    };
    for (const [i, row] of rows.entries()) {
      samples.t[i] = row.t;
      for (let axis = 0; axis < 3; axis += 1) {
        samples.acc[i * 3 + axis] = (row.values[layout.acc[axis] ?? 0] ?? 0) * toMs2;
        if (samples.gyro && layout.gyro) samples.gyro[i * 3 + axis] = row.values[layout.gyro[axis] ?? 0] ?? 0;
      }
    }
    return samples;
  }
}
