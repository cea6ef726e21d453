import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasSisfall, sisfallDir } from '../../../test/support/shared-data';
import { arbitraryDamage, arbitraryEvenSamples, arbitraryJsonDamage, arbitrarySamples, expectSameSamples, expectWellFormed } from '../../../test/support/arbitraries';
import { exportBackup } from './backup';
import { exportEdgeImpulseCsv } from './csv';
import { exportEdgeImpulseJson } from './edge-impulse-json';
import { MAX_IMPORT_BYTES } from './file-text';
import { parseRecordingFile, type ParseRecordingResult } from './recording-file';

const csv = 'timestamp,accX,accY,accZ\n0,0.1,0.2,9.8\n20,0.1,0.3,9.7\n40,0.2,0.3,9.75\n';

function recordingOf(result: ParseRecordingResult) {
  if (!result.ok) throw result.error;
  return result.recording;
}

function errorOf(result: ParseRecordingResult) {
  if (result.ok) throw new Error('expected an ImportError');
  return result.error;
}

/** Whatever the input, a result: a recording that holds together, or an error that says where and what. */
function expectResult(result: ParseRecordingResult, file: string): void {
  if (result.ok) {
    expectWellFormed(result.recording.samples);
    expect(result.recording.rateHz).toBeGreaterThanOrEqual(0);
    return;
  }
  const { error } = result;
  expect(error.file).toBe(file);
  expect(error.message.startsWith(file)).toBe(true);
  for (const value of Object.values(error.params).flat()) {
    if (typeof value === 'number') expect(Number.isFinite(value)).toBe(true);
    else expect(value).toBeTypeOf('string');
  }
  expect(error.hint.length).toBeGreaterThan(0);
  if (error.line !== undefined) expect(error.line).toBeGreaterThanOrEqual(1);
}

describe('parseRecordingFile', () => {
  it('takes the label and a name from the file name', () => {
    const recording = recordingOf(parseRecordingFile('walking.SA01-D01-R01.csv', csv));
    expect(recording).toMatchObject({ label: 'walking', nameHint: 'SA01-D01-R01', rateHz: 50, source: 'import' });
    expect(recording.device).toBeUndefined();
  });

  it('lets the caller choose the label', () => {
    expect(recordingOf(parseRecordingFile('walking.SA01.csv', csv, { label: 'running' })).label).toBe('running');
  });

  it('reads UTF-8 bytes with a byte order mark and CR LF', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csv.replaceAll('\n', '\r\n'))]);
    expect(recordingOf(parseRecordingFile('idle.csv', bytes)).samples.t).toEqual(new Float64Array([0, 20, 40]));
    expect(recordingOf(parseRecordingFile('idle.csv', `\uFEFF${csv}`)).samples.t.length).toBe(3);
  });

  it('picks the format by content first, then by extension', () => {
    const json = exportEdgeImpulseJson(recordingOf(parseRecordingFile('a.csv', csv)).samples, { intervalMs: 10, deviceType: 'PHONE' });
    const fromJson = recordingOf(parseRecordingFile('idle.1.json', json));
    expect(fromJson).toMatchObject({ label: 'idle', nameHint: '1', rateHz: 100, device: 'PHONE' });
    expect(recordingOf(parseRecordingFile('idle.txt', `  \n${json}`)).rateHz).toBe(100);
    expect(recordingOf(parseRecordingFile('idle.json', csv)).rateHz).toBe(50);
    expect(errorOf(parseRecordingFile('idle.json', 'timestamp')).code).toBe('invalid-json');
    expect(errorOf(parseRecordingFile('idle.csv', 'timestamp')).code).toBe('missing-columns');
  });

  it('round-trips exported CSV and JSON bit for bit', () => {
    fc.assert(
      fc.property(arbitrarySamples({ plausibleRate: true }), (samples) => {
        expectSameSamples(recordingOf(parseRecordingFile('a.b.csv', exportEdgeImpulseCsv(samples))).samples, samples);
      }),
    );
    fc.assert(
      fc.property(arbitraryEvenSamples(), ({ samples, intervalMs }) => {
        const recording = recordingOf(parseRecordingFile('a.b.json', exportEdgeImpulseJson(samples, { intervalMs })));
        expectSameSamples(recording.samples, samples);
        expect(recording.rateHz).toBe(1000 / intervalMs);
      }),
    );
  });

  it('refuses a file over the size limit without reading it, and says by how much', () => {
    const error = errorOf(parseRecordingFile('huge.csv', '', { byteSize: 150 * 2 ** 20 }));
    expect(error).toMatchObject({ code: 'file-too-large', params: { sizeBytes: 150 * 2 ** 20, limitBytes: MAX_IMPORT_BYTES } });
    expect(error.message).toBe('huge.csv: the file is 150 MB, more than the 100 MB a file may have.');
    expect(error.hint).toBe('Split it into files of at most 100 MB and import those.');
    expect(parseRecordingFile('ok.csv', csv, { byteSize: MAX_IMPORT_BYTES }).ok).toBe(true);
  });

  it('tells empty files, binary files and backups apart', () => {
    expect(errorOf(parseRecordingFile('a.csv', new Uint8Array(0))).code).toBe('empty-file');
    expect(errorOf(parseRecordingFile('a.json', ' \r\n')).code).toBe('empty-file');
    expect(errorOf(parseRecordingFile('a.csv', 'timestamp,accX,accY,accZ\r\n')).code).toBe('no-samples');
    expect(errorOf(parseRecordingFile('a.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe]))).code).toBe('not-text');
    expect(errorOf(parseRecordingFile('all.json', exportBackup({ labels: [], recordings: [] }))).code).toBe('is-backup');
  });

  it('reads UTF-16 by its byte order mark, and windows-1252 (Excel in Spanish) when the bytes are not UTF-8', () => {
    const text = 'timestamp,accX,accY,accZ,nota\n0,0.1,0.2,9.8,caída\n20,0.1,0.3,9.7,señal\n';
    const utf16le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...text].map((c) => c.charCodeAt(0))).buffer)]);
    const utf16be = new Uint8Array([0xfe, 0xff, ...[...text].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]);
    const latin1 = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    for (const bytes of [utf16le, utf16be, latin1]) expect(recordingOf(parseRecordingFile('caída.a.csv', bytes)).samples.t).toEqual(new Float64Array([0, 20]));
    const header = parseRecordingFile('x.csv', Uint8Array.from([...'tiempo,acelX\n0,1\n', 'ñ'].join('').split('').map((c) => c.charCodeAt(0))));
    expect(errorOf(header).code).toBe('missing-columns');
  });

  it('calls a binary file not text, with a hint to save it as UTF-8', () => {
    const error = errorOf(parseRecordingFile('a.csv', new Uint8Array([0x74, 0x00, 0xff, 0x01])));
    expect(error.code).toBe('not-text');
    expect(error.hint).toMatch(/UTF-8/);
  });

  it('reports the line of a JSON syntax error', () => {
    const error = errorOf(parseRecordingFile('a.json', '{\n  "payload": {\n    "values": [1, 2]\n    "sensors": []\n  }\n}'));
    expect(error.code).toBe('invalid-json');
    expect(error.line).toBe(4);
  });
});

describe('parseRecordingFile on damaged and random input', () => {
  it('never throws on damaged CSV', () => {
    fc.assert(
      fc.property(
        arbitrarySamples().chain((samples) => arbitraryDamage(exportEdgeImpulseCsv(samples))),
        (text) => expectResult(parseRecordingFile('a.csv', text), 'a.csv'),
      ),
      { numRuns: 1000 },
    );
  });

  it('never throws on damaged Edge Impulse JSON, in its text or in its structure', () => {
    const json = (intervalMs: number, samples: Parameters<typeof exportEdgeImpulseJson>[0]) =>
      exportEdgeImpulseJson(samples, { intervalMs, deviceName: 'x' });
    fc.assert(
      fc.property(
        arbitraryEvenSamples().chain(({ samples, intervalMs }) => arbitraryDamage(json(intervalMs, samples))),
        (text) => expectResult(parseRecordingFile('a.json', text), 'a.json'),
      ),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(
        arbitraryEvenSamples().chain(({ samples, intervalMs }) => arbitraryJsonDamage(JSON.parse(json(intervalMs, samples)))),
        (text) => expectResult(parseRecordingFile('a.json', text), 'a.json'),
      ),
      { numRuns: 500 },
    );
  });

  it('never throws on random text, CSV-like text or bytes', () => {
    const csvAlphabet = fc.constantFrom(...'0123456789,,,\n\r .-+eE'.split(''), 'NaN', 'accX', '\uFEFF');
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => expectResult(parseRecordingFile('a.csv', text), 'a.csv')));
    fc.assert(
      fc.property(fc.string({ unit: csvAlphabet, maxLength: 300 }), (body) => {
        expectResult(parseRecordingFile('a.csv', `timestamp,accX,accY,accZ\n${body}`), 'a.csv');
        expectResult(parseRecordingFile('a.csv', `gyroZ,gyroY,accZ,accY,accX,timestamp,gyroX\r\n${body}`), 'a.csv');
      }),
      { numRuns: 1000 },
    );
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => expectResult(parseRecordingFile('a', bytes), 'a')));
    fc.assert(fc.property(fc.json(), (text) => expectResult(parseRecordingFile('a.json', text), 'a.json')));
  });
});

describe.runIf(hasSisfall())('parseRecordingFile on SisFall recordings', () => {
  const names = ['walking.SA01-D01-R01.csv', 'running.SE06-D03-R01.csv', 'stairs.SA17-D05-R04.csv'].filter((name) =>
    readdirSync(sisfallDir).includes(name),
  );

  it.each(names)('reads %s: every line a sample, at 50 Hz', (name) => {
    const text = readFileSync(join(sisfallDir, name), 'utf8');
    const lines = text.split('\n').filter((line) => line.trim() !== '').length;
    const recording = recordingOf(parseRecordingFile(name, new Uint8Array(readFileSync(join(sisfallDir, name)))));
    expect(recording.label).toBe(name.split('.')[0]);
    expect(recording.nameHint).toBe(name.split('.')[1]);
    expect(recording.samples.t.length).toBe(lines - 1);
    expect(recording.samples.gyro).toBeNull();
    expect(recording.rateHz).toBeCloseTo(50, 6);
    expectWellFormed(recording.samples);
  });
});
