import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ForwarderParser, UNITS_GUESS_READINGS, type AccelerationUnits } from './forwarder';
import { concatSamples, STANDARD_GRAVITY_MS2, type MotionSamples } from './samples';

/** Feeds every chunk at `arrivalMs` and finishes; returns all readings in one series. */
function readAll(chunks: readonly string[], options: { units?: AccelerationUnits } = {}) {
  const parser = new ForwarderParser({ startMs: 0, ...options });
  const parts: MotionSamples[] = [];
  for (const [i, chunk] of chunks.entries()) {
    const part = parser.push(chunk, (i + 1) * 10);
    if (part) parts.push(part);
  }
  const rest = parser.finish(chunks.length * 10 + 10);
  if (rest) parts.push(rest);
  const withGyro = parser.layout?.gyro != null;
  return { parser, samples: concatSamples(parts, withGyro) };
}

function rows(values: readonly (readonly number[])[], separator = ','): string {
  return values.map((row) => row.join(separator)).join('\r\n') + '\r\n';
}

const atRestMs2 = Array.from({ length: UNITS_GUESS_READINGS }, (_, i) => [0.1, -0.2, 9.8 + i * 0.001, 1, 2, 3]);

describe('ForwarderParser', () => {
  test('reads six columns as acceleration and rotation, guessing m/s² at rest', () => {
    const { parser, samples } = readAll([rows(atRestMs2)]);
    expect(parser.layout).toEqual({ columns: 6, acc: [0, 1, 2], gyro: [3, 4, 5], named: false });
    expect(parser.units).toBe('m/s2');
    expect(parser.unitsGuessed).toBe(true);
    expect(samples.t).toHaveLength(UNITS_GUESS_READINGS);
    expect([...samples.acc.subarray(0, 3)]).toEqual([Math.fround(0.1), Math.fround(-0.2), Math.fround(9.8)]);
    expect([...(samples.gyro ?? new Float32Array()).subarray(0, 3)]).toEqual([1, 2, 3]);
    expect(parser.garbage).toEqual({ count: 0, example: null });
  });

  test('guesses g from a median |a| near 1 and converts to m/s²', () => {
    const inG = Array.from({ length: 60 }, (_, i) => [0, i === 7 ? 3.5 : 0.02, 1]);
    const { parser, samples } = readAll([rows(inG, '\t')]);
    expect(parser.layout?.gyro).toBeNull();
    expect(parser.units).toBe('g');
    expect(samples.gyro).toBeNull();
    expect(samples.acc[2]).toBeCloseTo(STANDARD_GRAVITY_MS2, 5);
  });

  test('holds readings until 50 have decided the units, then releases them in order', () => {
    const parser = new ForwarderParser({ startMs: 0 });
    expect(parser.push(rows(atRestMs2.slice(0, 49)), 10)).toBeNull();
    const released = parser.push(rows(atRestMs2.slice(49)), 20);
    expect(released?.t).toHaveLength(50);
    expect([...(released?.t ?? [])]).toEqual([...(released?.t ?? [])].sort((a, b) => a - b));
  });

  test('given units are used at once, without holding', () => {
    const parser = new ForwarderParser({ startMs: 0, units: 'g' });
    const out = parser.push('0 0 1\n0 0 1\n', 10);
    expect(out?.acc[2]).toBeCloseTo(STANDARD_GRAVITY_MS2, 5);
    expect(parser.unitsGuessed).toBe(false);
  });

  test.each([
    ['aX,aY,aZ,gX,gY,gZ', 6, [0, 1, 2], [3, 4, 5]],
    ['accX,accY,accZ,gyroX,gyroY,gyroZ', 6, [0, 1, 2], [3, 4, 5]],
    ['timestamp\tgyro_x\tgyro_y\tgyro_z\tAcc.X (m/s2)\tAcc.Y (m/s2)\tAcc.Z (m/s2)', 7, [4, 5, 6], [1, 2, 3]],
    ['ax ay az', 3, [0, 1, 2], null],
  ])('a header %s names the columns', (header, columns, acc, gyro) => {
    const line = Array.from({ length: columns }, (_, i) => i + 1).join(',');
    const { parser, samples } = readAll([`${header}\n${line}\n`], { units: 'm/s2' });
    expect(parser.layout).toEqual({ columns, acc, gyro, named: true });
    expect([...samples.acc]).toEqual(acc.map((column) => column + 1));
    expect(samples.gyro ? [...samples.gyro] : null).toEqual(gyro ? gyro.map((column) => column + 1) : null);
  });

  test('a header repeated after a board restart is not garbage; a different one is', () => {
    const { parser, samples } = readAll(['aX,aY,aZ\n1,2,3\naX,aY,aZ\n4,5,6\naX,aY,aZ,gX,gY,gZ\n7,8,9\n'], { units: 'g' });
    expect(samples.t).toHaveLength(3);
    expect(parser.garbage).toEqual({ count: 1, example: 'aX,aY,aZ,gX,gY,gZ' });
  });

  test('commas, tabs and spaces all separate values', () => {
    const { samples } = readAll(['1, 2, 3\n4\t5\t6\n7 8  9\n'], { units: 'm/s2' });
    expect([...samples.acc]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  test('skips and counts garbage, keeping the first as an example', () => {
    const text = [
      '.81,0.5', // cut off when the port opened
      'Started',
      'Accelerometer sample rate = 119.00 Hz',
      '1,2,3,4,5,6',
      '1,2,3,4,5,6',
      '1,2,x,4,5,6',
      '1,2,3',
      'nan,2,3,4,5,6',
      '1,,3,4,5,6',
      '7,8,9,10,11,12',
    ].join('\n');
    const { parser, samples } = readAll([text + '\n'], { units: 'm/s2' });
    expect(samples.t).toHaveLength(3);
    expect(parser.garbage).toEqual({ count: 7, example: '.81,0.5' });
  });

  test('a line cut short to three values at the start does not fix the layout', () => {
    const { parser, samples } = readAll(['0.5,9.8,0.1\n1,2,3,4,5,6\n1,2,3,4,5,6\n'], { units: 'm/s2' });
    expect(parser.layout?.columns).toBe(6);
    expect(samples.t).toHaveLength(2);
    expect(parser.garbage).toEqual({ count: 1, example: '0.5,9.8,0.1' });
  });

  test('joins lines split across chunks, with any line ending', () => {
    const { samples } = readAll(['1.5,2', '.5,3e0\r', '\n-4,+5,.6\r7,8,9\n', '10,11,12'], { units: 'm/s2' });
    expect([...samples.acc]).toEqual([1.5, 2.5, 3, -4, 5, 0.6, 7, 8, 9, 10, 11, 12].map(Math.fround));
  });

  test('an endless line (noise at a wrong baud rate) counts once and is cut for the example', () => {
    const noise = '\u00ff\ufffd'.repeat(400);
    const { parser } = readAll([noise.slice(0, 300), noise.slice(300), 'x\n'], { units: 'g' });
    expect(parser.garbage.count).toBe(1);
    expect(parser.garbage.example).toBe(noise.slice(0, 80));
  });

  test('measures the rate from arrival times', () => {
    const parser = new ForwarderParser({ startMs: 0, units: 'g' });
    for (let chunk = 0; chunk <= 10; chunk += 1) parser.push('0,0,1\n'.repeat(5), chunk * 50);
    expect(parser.rateHz).toBeCloseTo(100, 6);
  });
});

const reading = fc
  .tuple(...Array.from({ length: 6 }, () => fc.double({ min: -100, max: 100, noNaN: true })))
  .map((values) => values.map((value) => value.toFixed(3)).join(','));
const streamLine = fc.oneof(
  { weight: 8, arbitrary: reading },
  { weight: 1, arbitrary: fc.constantFrom('aX,aY,aZ,gX,gY,gZ', 'ax,ay,az', '', 'Started', '1,2,3') },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 500, maxLength: 700 }) },
);
const stream = fc
  .tuple(fc.array(streamLine, { maxLength: 120 }), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([lines, ending]) => lines.join(ending) + ending);

/** The same text cut at random places. */
function chunked(text: string, cuts: readonly number[]): string[] {
  const at = [...new Set(cuts.map((cut) => Math.floor(cut * text.length)))].sort((a, b) => a - b);
  return [0, ...at].map((start, i) => text.slice(start, at[i] ?? text.length));
}

describe('ForwarderParser, fuzzed', () => {
  test('any chunking of the same stream gives the same readings and garbage', () => {
    fc.assert(
      fc.property(stream, fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { maxLength: 30 }), (text, cuts) => {
        const whole = readAll([text]);
        const pieces = readAll(chunked(text, cuts));
        expect(pieces.parser.layout).toEqual(whole.parser.layout);
        expect(pieces.parser.units).toEqual(whole.parser.units);
        expect(pieces.parser.garbage).toEqual(whole.parser.garbage);
        expect(pieces.samples.acc).toEqual(whole.samples.acc);
        expect(pieces.samples.gyro).toEqual(whole.samples.gyro);
        expect(pieces.samples.t).toHaveLength(whole.samples.t.length);
      }),
      { numRuns: 300 },
    );
  });

  test('random text never throws, and times keep increasing', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 200 }), { maxLength: 20 }), (chunks) => {
        const { samples } = readAll(chunks);
        for (let i = 1; i < samples.t.length; i += 1) expect(samples.t[i]).toBeGreaterThan(samples.t[i - 1] ?? Infinity);
      }),
      { numRuns: 300 },
    );
  });
});
