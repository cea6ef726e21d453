import { excerptChars } from '../i18n/excerpt';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitrarySamples, expectSameSamples } from '../../../test/support/arbitraries';
import { exportEdgeImpulseCsv, parseEdgeImpulseCsv } from './csv';
import { ImportError, type AnyImportError } from './errors';

/** The error a parse throws, or a failed test when it does not. */
function errorOf(text: string, file = 'walking.csv'): AnyImportError {
  try {
    parseEdgeImpulseCsv(file, text);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as AnyImportError;
  }
  throw new Error('expected an ImportError');
}

describe('parseEdgeImpulseCsv', () => {
  it('reads timestamps in ms and acceleration, without a gyroscope', () => {
    const samples = parseEdgeImpulseCsv('walking.csv', 'timestamp,accX,accY,accZ\n0,-1.446,-2.509,-2.002\n20,-0.929,-1.293,-2.490\n');
    expect([...samples.t]).toEqual([0, 20]);
    expect([...samples.acc]).toEqual([-1.446, -2.509, -2.002, -0.929, -1.293, -2.49].map(Math.fround));
    expect(samples.gyro).toBeNull();
  });

  it('reads columns in any order, names in any case, and ignores other columns', () => {
    const samples = parseEdgeImpulseCsv(
      'x.csv',
      'GYROZ,accz,label,timestamp,gyroX,accX,magX,accY,gyroY\n6,3,walk,10,4,1,99,2,5\n',
    );
    expect([...samples.t]).toEqual([10]);
    expect([...samples.acc]).toEqual([1, 2, 3]);
    expect([...samples.gyro!]).toEqual([4, 5, 6]);
  });

  it('tolerates CR LF, surrounding spaces, quoted names, blank lines and a missing final line break', () => {
    const samples = parseEdgeImpulseCsv('x.csv', '\r\n "timestamp" , accX ,accY,accZ\r\n 0 , 1 ,2, 3\r\n\r\n  \r\n5,4,5,6');
    expect([...samples.t]).toEqual([0, 5]);
    expect([...samples.acc]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('reads exponents, signs and long decimals exactly as Number() does', () => {
    const cells = ['1e-3', '+2.5E2', '-.5', '5.', '0.1000000000000000055511151231257827', '-0', '123456789012345678'];
    const text = `timestamp,accX,accY,accZ\n${cells.map((cell, i) => `${i},${cell},0,0`).join('\n')}\n`;
    const samples = parseEdgeImpulseCsv('x.csv', text);
    cells.forEach((cell, i) => expect(Object.is(samples.acc[i * 3], Math.fround(Number(cell)))).toBe(true));
  });

  it('keeps irregular and repeated timestamps as they are, in their order', () => {
    const samples = parseEdgeImpulseCsv('x.csv', 'timestamp,accX,accY,accZ\n0,1,1,1\n20,2,2,2\n20,3,3,3\n61.5,4,4,4\n61.5,5,5,5\n');
    expect([...samples.t]).toEqual([0, 20, 20, 61.5, 61.5]);
    expect([...samples.acc].filter((_, i) => i % 3 === 0)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps timestamps that do not start at 0', () => {
    expect([...parseEdgeImpulseCsv('x.csv', 'timestamp,accX,accY,accZ\n1700000000000,0,0,9.8\n').t]).toEqual([1700000000000]);
  });
});

describe('parseEdgeImpulseCsv errors', () => {
  const header = 'timestamp,accX,accY,accZ';

  it('names the columns found and the ones needed', () => {
    const error = errorOf('time,accX,accY\n0,1,2\n');
    expect(error.code).toBe('missing-columns');
    expect(error.params).toEqual({
      found: ['time', 'accX', 'accY'],
      needed: ['timestamp', 'accX', 'accY', 'accZ'],
      missing: ['timestamp', 'accZ'],
    });
    expect(error.line).toBe(1);
    expect(error.message).toBe(
      'walking.csv, line 1: the columns are time, accX, accY, but timestamp, accX, accY, accZ are needed (missing: timestamp, accZ).',
    );
  });

  it('wants all three gyroscope columns once one is there', () => {
    const error = errorOf(`${header},gyroX\n0,1,2,3,4\n`);
    expect(error.code).toBe('missing-columns');
    expect(error.params).toMatchObject({ missing: ['gyroY', 'gyroZ'] });
  });

  it('refuses a column named twice', () => {
    const error = errorOf('timestamp,accX,accY,accZ,ACCX\n');
    expect(error.code).toBe('duplicate-column');
    expect(error.params).toEqual({ column: 'ACCX' });
  });

  it('reports a truncated last line with its line number', () => {
    const error = errorOf(`${header}\n0,1,2,3\n20,1,2,3\n40,1,`);
    expect(error.code).toBe('row-too-short');
    expect(error.line).toBe(4);
    expect(error.params).toEqual({ found: 3, expected: 4 });
    expect(error.hint).toMatch(/cut off/);
  });

  it('reports a line with too many values', () => {
    const error = errorOf(`${header}\r\n0,1,2,3\r\n20,1,2,3,4,5\r\n`);
    expect(error.code).toBe('row-too-long');
    expect(error.line).toBe(3);
    expect(error.params).toEqual({ found: 6, expected: 4 });
  });

  it('quotes only an excerpt of a huge cell, header or list of columns', () => {
    const cell = errorOf(`${header}\n0,1,2,${'x'.repeat(1_000_000)}\n`);
    expect(cell.params).toEqual({ cell: `${'x'.repeat(excerptChars - 1)}…`, column: 'accZ' });
    expect(cell.message.length).toBeLessThan(200);
    const columns = errorOf(`${Array.from({ length: 100_000 }, (_, i) => `column${i}`).join(',')}\n`);
    expect(columns.code).toBe('missing-columns');
    expect(columns.message.length).toBeLessThan(400);
    const duplicate = errorOf(`${header},${'accX'.padEnd(500)}\n0,1,2,3,4\n`);
    expect(duplicate.code).toBe('duplicate-column');
  });

  it('quotes a cell that is not a number, and names its column', () => {
    const error = errorOf(`${header}\n0,1,2,3\n\n20,1, abc ,3\n`);
    expect(error.code).toBe('not-a-number');
    expect(error.line).toBe(4);
    expect(error.params).toEqual({ cell: 'abc', column: 'accY' });
    expect(error.message).toBe('walking.csv, line 4: “abc” in accY is not a number.');
  });

  it.each(['', ' ', '0x10', '1,5e', '--1', '1.2.3', '1 2', '١'])('refuses %j as a number', (cell) => {
    const error = errorOf(`${header}\n0,1,2,${cell}\n`);
    expect(['not-a-number', 'row-too-long']).toContain(error.code);
    expect(error.line).toBe(2);
  });

  it.each(['NaN', 'nan', 'Infinity', '-inf', '1e999'])('calls %s not finite', (cell) => {
    const error = errorOf(`${header}\n0,${cell},2,3\n`);
    expect(error.code).toBe('not-finite');
    expect(error.params).toEqual({ cell, column: 'accX' });
  });

  it('reports a timestamp that goes back, with its line', () => {
    const error = errorOf(`${header}\n0,1,2,3\n20,1,2,3\n19.5,1,2,3\n40,1,2,3\n`);
    expect(error.code).toBe('timestamp-backwards');
    expect(error.line).toBe(4);
    expect(error.params).toEqual({ previousMs: 20, timestampMs: 19.5 });
  });

  it('counts lines the way an editor does, whatever the line breaks', () => {
    expect(errorOf(`${header}\r0,1,2,3\r\n\nx,1,2,3`).line).toBe(4);
  });

  it('tells a file with only the column names from an empty one', () => {
    expect(errorOf(`${header}\n\n`).code).toBe('no-samples');
    expect(errorOf(' \n\r\n').code).toBe('empty-file');
    expect(errorOf('').code).toBe('empty-file');
  });
});

describe('exportEdgeImpulseCsv', () => {
  it('writes the Edge Impulse columns and the shortest exact values', () => {
    const samples = {
      t: new Float64Array([0, 20.5]),
      acc: Float32Array.from([-1.446, -2.509, 9.80665, 0.1, -0, 1e-7]),
      gyro: Float32Array.from([1, 2, 3, 4, 5, 6]),
    };
    expect(exportEdgeImpulseCsv(samples)).toBe(
      'timestamp,accX,accY,accZ,gyroX,gyroY,gyroZ\n0,-1.446,-2.509,9.80665,1,2,3\n20.5,0.1,-0,1e-7,4,5,6\n',
    );
  });

  it('writes timestamps relative to the first sample', () => {
    const samples = { t: new Float64Array([1000, 1020]), acc: new Float32Array(6), gyro: null };
    expect(exportEdgeImpulseCsv(samples)).toBe('timestamp,accX,accY,accZ\n0,0,0,0\n20,0,0,0\n');
  });

  it('round-trips any recording bit for bit, with and without a gyroscope', () => {
    for (const gyro of [false, true]) {
      fc.assert(
        fc.property(arbitrarySamples({ gyro }), (samples) => {
          expectSameSamples(parseEdgeImpulseCsv('x.csv', exportEdgeImpulseCsv(samples)), samples);
        }),
        { numRuns: 200 },
      );
    }
  });
});
