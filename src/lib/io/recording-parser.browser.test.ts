import { afterEach, describe, expect, it } from 'vitest';
import { exportEdgeImpulseCsv } from './csv';
import { ImportError } from './errors';
import { parseRecordingFile } from './recording-file';
import { WorkerRecordingParser } from './recording-parser';
import { loadCatalog } from '../i18n/i18n';

let parser: WorkerRecordingParser | undefined;
afterEach(() => parser?.close());

const bytesOf = (text: string): ArrayBuffer => new TextEncoder().encode(text).buffer as ArrayBuffer;

describe('parsing recording files in the parse worker', () => {
  it('gives the samples the page’s own parser gives, handed back without a copy', async () => {
    parser = new WorkerRecordingParser();
    const t = Float64Array.from({ length: 3000 }, (_, i) => i * 20);
    const acc = Float32Array.from({ length: 9000 }, (_, i) => Math.sin(i / 7) + (i % 3 === 2 ? 9.8 : 0));
    const csv = exportEdgeImpulseCsv({ t, acc, gyro: null });
    const bytes = bytesOf(csv);
    const inWorker = await parser.parse([{ name: 'walking.ana-1.csv', bytes }], { byteSize: bytes.byteLength });
    // The bytes were transferred to the worker: the page's buffer is detached.
    expect(bytes.byteLength).toBe(0);
    const here = parseRecordingFile('walking.ana-1.csv', csv);
    if (!inWorker.ok || !here.ok) throw new Error('both should parse');
    const [inWorkerRecording] = inWorker.recordings;
    expect(inWorkerRecording!.label).toBe('walking');
    expect(inWorkerRecording!.nameHint).toBe(here.recording.nameHint);
    expect(inWorkerRecording!.rateHz).toBe(here.recording.rateHz);
    expect(inWorkerRecording!.samples.t).toEqual(here.recording.samples.t);
    expect(inWorkerRecording!.samples.acc).toEqual(here.recording.samples.acc);
  });

  it('refuses a bad file with the same ImportError, worded again in either language, its facts intact', async () => {
    await loadCatalog('es');
    parser = new WorkerRecordingParser();
    const header = Array.from({ length: 40 }, (_, i) => `column${i}`).join(',');
    const cases = [`timestamp,accX,accY,accZ\n0,1,2,3\n20,1,abc,3\n`, `${header}\n1\n`];
    for (const [n, text] of cases.entries()) {
      const result = await parser.parse([{ name: `bad${n}.csv`, bytes: bytesOf(text) }], {});
      const here = parseRecordingFile(`bad${n}.csv`, text);
      if (result.ok || here.ok) throw new Error('both should refuse');
      expect(result.error).toBeInstanceOf(ImportError);
      expect(result.error.code).toBe(here.error.code);
      expect(result.error.params).toEqual(here.error.params);
      expect(result.error.line).toBe(here.error.line);
      expect(result.error.message).toBe(here.error.message);
      expect(result.error.wordIn('es')).toBe(here.error.wordIn('es'));
    }
  });

  it('answers each file in turn when several are asked at once', async () => {
    parser = new WorkerRecordingParser();
    const files = ['walking', 'running', 'golfing'].map((label, i) => ({ name: `${label}.x-1.csv`, csv: `timestamp,accX,accY,accZ\n0,${i},0,9.8\n20,${i},0,9.8\n40,${i},0,9.8\n` }));
    const results = await Promise.all(files.map(({ name, csv }) => parser!.parse([{ name, bytes: bytesOf(csv) }], {})));
    expect(results.map((result) => (result.ok ? [result.recordings[0]!.label, result.recordings[0]!.samples.acc[0]] : null))).toEqual([
      ['walking', 0],
      ['running', 1],
      ['golfing', 2],
    ]);
  });
});
