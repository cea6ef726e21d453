import { describe, expect, it } from 'vitest';
import { ImportError, type ImportErrorCode, type ImportErrorParams } from './errors';

/** One example of every kind of problem; the type makes a new code without an example fail to compile. */
const examples: { [C in ImportErrorCode]: ImportErrorParams[C] } = {
  'file-too-large': { sizeBytes: 104_857_601, limitBytes: 104_857_600 },
  'not-text': {},
  'empty-file': {},
  'no-samples': {},
  'missing-columns': { found: ['a'], needed: ['timestamp'], missing: ['timestamp'] },
  'duplicate-column': { column: 'accX' },
  'row-too-short': { found: 2, expected: 4 },
  'row-too-long': { found: 5, expected: 4 },
  'not-a-number': { cell: 'x', column: 'accX' },
  'not-finite': { cell: 'NaN', column: 'accX' },
  'value-too-large': { cell: '1e39', column: 'accX' },
  'timestamp-backwards': { previousMs: 20, timestampMs: 10 },
  'implausible-duration': { firstMs: -1e308, lastMs: 1e308 },
  'implausible-rate': { rateHz: 50_000_000 },
  'rate-not-finite': {},
  'invalid-json': {},
  'invalid-field': { path: 'payload', expected: 'object' },
  'length-mismatch': { path: 'values', found: 1, expected: 2 },
  'duplicate-value': { path: 'labels[1]', value: 'walking' },
  'unknown-reference': { path: 'recordings[0].recording.label', value: 'x', list: 'labels' },
  'missing-sensors': { found: [], needed: ['accX'], missing: ['accX'] },
  'unsupported-units': { sensor: 'accX', units: 'mg', supported: ['g'] },
  'not-a-backup': {},
  'unsupported-version': { version: 2, supported: 1 },
  'is-backup': {},
  'not-a-model': {},
  'model-mismatch': { reason: 'its inputs were computed differently.' },
  'no-label': {},
  'gravity-not-restorable': { app: 'sensor-logger' },
  'unknown-sensor-file': { expected: ['Gravity.csv'] },
  'damaged-zip': {},
  'no-recording-in-zip': {},
  'several-recordings': { count: 3 },
  'label-refused': { reason: { wordIn: () => 'A label needs a name.' } },
  'storage-full': {},
  'not-stored': { reason: { wordIn: () => 'the database was closed' } },
};

describe('ImportError', () => {
  it.each(Object.entries(examples))('words %s with the file, the line and a hint', (code, params) => {
    const error = new ImportError(code as ImportErrorCode, params as never, { file: 'a.csv', line: 7 });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ImportError');
    expect(error.message).toMatch(/^a\.csv, line 7: \S.*[.)]$/);
    expect(error.hint).toMatch(/^[A-Z].*\.$/);
    expect(`${error.message} ${error.hint}`).not.toMatch(/undefined|\[object|\{/);
  });

  it('rounds sizes up, so a file just over the limit does not read as the limit', () => {
    const error = new ImportError('file-too-large', examples['file-too-large'], { file: 'big.csv' });
    expect(error.message).toBe('big.csv: the file is 100.1 MB, more than the 100 MB a file may have.');
    expect(error.line).toBeUndefined();
  });

  it('words an empty cell as empty', () => {
    expect(new ImportError('not-a-number', { cell: '', column: 'accY' }, { file: 'a.csv', line: 3 }).message).toBe(
      'a.csv, line 3: the accY value is empty.',
    );
  });
});

describe('ImportError in Spanish', () => {
  it.each(Object.entries(examples))('words %s in Spanish with the file, the line and a hint', (code, params) => {
    const error = new ImportError(code as ImportErrorCode, params as never, { file: 'a.csv', line: 7 });
    const message = error.wordIn('es');
    const hint = error.hintIn('es');
    expect(message).toMatch(/^a\.csv, línea 7: \S.*[.)]$/);
    expect(hint).toMatch(/^[A-ZÁÉÍÓÚÑ].*\.$/);
    expect(message).not.toBe(error.message);
    expect(hint).not.toBe(error.hint);
    expect(`${message} ${hint}`).not.toMatch(/undefined|\[object|\{/);
  });

  it('writes sizes with a decimal comma and quotes cells as Spanish does', () => {
    expect(new ImportError('file-too-large', examples['file-too-large'], { file: 'big.csv' }).wordIn('es')).toBe(
      'big.csv: el archivo ocupa 100,1 MB, más de los 100 MB que puede tener un archivo.',
    );
    expect(new ImportError('not-a-number', { cell: 'x', column: 'accY' }, { file: 'a.csv', line: 3 }).wordIn('es')).toBe('a.csv, línea 3: «x» en accY no es un número.');
  });

  it('keeps English as its message, for logs and the command line', () => {
    const error = new ImportError('empty-file', {}, { file: 'a.csv' });
    expect(error.wordIn('en')).toBe(error.message);
    expect(error.hintIn('en')).toBe(error.hint);
  });
});
