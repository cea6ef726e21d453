import { describe, expect, it } from 'vitest';
import type { MotionSamples } from '../sensors/samples';
import type { Recording } from '../store/recording';
import { exportBackup, parseBackup } from './backup';
import { parseRecordingFile, type ParseRecordingResult } from './recording-file';

function errorOf(result: ParseRecordingResult) {
  if (result.ok) throw new Error('expected an ImportError');
  return result.error;
}

function recordingOf(result: ParseRecordingResult) {
  if (!result.ok) throw result.error;
  return result.recording;
}

const header = 'timestamp,accX,accY,accZ';

/** A CSV of `count` samples `step` apart, in whatever unit the test means. */
function csvEvery(step: number, count = 20): string {
  return [header, ...Array.from({ length: count }, (_, i) => `${i * step},0.1,0.2,9.8`)].join('\n');
}

describe('import rules: length and rate', () => {
  it('refuses timestamps an infinite time apart (-1e308 then 1e308), which the Data page showed as Infinity:NaN:NaN', () => {
    const error = errorOf(parseRecordingFile('far.csv', `${header}\n-1e308,0,0,9.8\n1e308,0,0,9.8\n`));
    expect(error.code).toBe('implausible-duration');
    expect(error.message).toMatch(/^far\.csv: the timestamps run from -1e\+308 to 1e\+308/);
  });

  it('refuses Edge Impulse JSON whose interval makes the rate infinite (1e-320 ms) or implausible', () => {
    const json = (intervalMs: number) =>
      JSON.stringify({
        payload: { interval_ms: intervalMs, sensors: ['accX', 'accY', 'accZ'].map((name) => ({ name, units: 'm/s2' })), values: [[0, 0, 9.8], [0, 0, 9.8]] },
      });
    expect(errorOf(parseRecordingFile('tiny.json', json(1e-320))).code).toBe('rate-not-finite');
    expect(errorOf(parseRecordingFile('fast.json', json(0.001))).code).toBe('implausible-rate');
    expect(recordingOf(parseRecordingFile('ok.json', json(20))).rateHz).toBe(50);
  });

  it.each([
    ['s', 0.02, 50],
    ['ms', 20, 50],
    ['µs', 10_000, 100],
    ['ns', 5_000_000, 200],
  ] as const)('reads timestamps in %s from their spacing, as ms', (unit, step, rateHz) => {
    const recording = recordingOf(parseRecordingFile('walking.x.csv', csvEvery(step)));
    expect(recording.timeUnit).toBe(unit);
    expect(recording.rateHz).toBeCloseTo(rateHz, 6);
    expect(recording.samples.t[1]).toBeCloseTo(1000 / rateHz, 9);
  });

  it('refuses timestamps no unit makes a motion sensor’s, with a hint about the unit', () => {
    const error = errorOf(parseRecordingFile('odd.csv', csvEvery(0.0001)));
    expect(error.code).toBe('implausible-rate');
    expect(error.hint).toMatch(/milliseconds/);
  });

  it('refuses samples so close together that the rate is infinite', () => {
    expect(errorOf(parseRecordingFile('close.csv', `${header}\n0,0,0,9.8\n1e-320,0,0,9.8\n2e-320,0,0,9.8\n`)).code).toBe('rate-not-finite');
  });
});

const samples: MotionSamples = { t: new Float64Array([0, 20, 40]), acc: new Float32Array(9).fill(1), gyro: null };

function recording(id: string, fields: Partial<Recording> = {}): Recording {
  return {
    id,
    name: `walk ${id}`,
    label: 'walking',
    group: '',
    source: 'phone',
    device: 'This phone',
    rateHz: 50,
    startedAt: 0,
    durationMs: 40,
    sampleCount: 3,
    axes: ['accX', 'accY', 'accZ'],
    notes: '',
    interrupted: false,
    lostSamples: 0,
    gaps: [],
    speedFixes: [],
    ...fields,
  };
}

describe('backups follow the import rules', () => {
  it('writes each recording’s count, length and rate measured from its samples, so the backup restores', () => {
    const text = exportBackup({ labels: ['walking'], recordings: [{ recording: recording('a', { durationMs: Infinity, rateHz: NaN }), samples }] });
    const parsed = parseBackup('b.json', text);
    expect(parsed.ok && parsed.backup.refused).toEqual([]);
    expect(parsed.ok && parsed.backup.recordings[0]!.recording).toMatchObject({ durationMs: 40, rateHz: 50, sampleCount: 3 });
  });

  it('sets aside and names a recording an import would refuse, and keeps the others', () => {
    const good = { recording: recording('good'), samples };
    const json = JSON.parse(
      exportBackup({
        labels: ['walking'],
        recordings: [good, { recording: recording('nan'), samples: { ...samples, acc: new Float32Array(9).fill(Number.NaN) } }, { recording: recording('back'), samples: { ...samples, t: new Float64Array([0, 40, 20]) } }, { recording: recording('neg'), samples }],
      }),
    );
    json.recordings[3].recording.durationMs = -5;
    json.recordings.push({ recording: { ...json.recordings[0].recording, id: 'inf', name: 'infinite' }, samples: { ...json.recordings[0].samples, t: Buffer.from(new Float64Array([-1e308, 0, 1e308]).buffer).toString('base64') } });
    const parsed = parseBackup('b.json', JSON.stringify(json));
    if (!parsed.ok) throw parsed.error;
    expect(parsed.backup.recordings.map(({ recording: r }) => r.id)).toEqual(['good']);
    expect(parsed.backup.refused.map(({ name, error }) => [name, error.code])).toEqual([
      ['walk nan', 'not-finite'],
      ['walk back', 'timestamp-backwards'],
      ['walk neg', 'invalid-field'],
      ['infinite', 'implausible-duration'],
    ]);
  });

  it('names a recording whose name is unreadable by its place', () => {
    const json = JSON.parse(exportBackup({ labels: ['walking'], recordings: [{ recording: recording('a'), samples }] }));
    json.recordings.push({ recording: 7 });
    const parsed = parseBackup('b.json', JSON.stringify(json));
    expect(parsed.ok && parsed.backup.refused.map(({ name }) => name)).toEqual(['#2']);
  });
});
