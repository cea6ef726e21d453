import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Recording } from '../store/recording';
import { describeSamples } from '../store/recordings';
import { arbitraryDamage, arbitraryDataset, arbitraryJsonDamage, expectSameSamples } from '../../../test/support/arbitraries';
import { backupFileName, exportBackup, parseBackup, type Dataset } from './backup';

const recording: Recording = {
  id: 'r1',
  name: 'walking 1',
  label: 'walking',
  group: 'SA01',
  source: 'phone',
  device: 'This phone',
  rateHz: 50,
  startedAt: 1_700_000_000_000,
  durationMs: 20,
  sampleCount: 2,
  axes: ['accX', 'accY', 'accZ', 'gyroX', 'gyroY', 'gyroZ'],
  notes: '',
  interrupted: false,
  lostSamples: 3,
  gaps: [{ atMs: 10, durationMs: 5, lostSamples: 3 }],
  speedFixes: [{ t: 0, speedMs: 1.2, accuracyM: 5 }],
};
const samples = {
  t: new Float64Array([0, 20]),
  acc: Float32Array.from([1, 2, 3, 4, 5, 6]),
  gyro: Float32Array.from([7, 8, 9, 10, 11, 12]),
};

/** A valid backup as parsed JSON, to damage one field at a time. */
function backupJson(): {
  version: unknown;
  labels: unknown;
  groups: unknown;
  recordings: { recording: Record<string, unknown>; samples: Record<string, unknown> }[];
} {
  return JSON.parse(exportBackup({ labels: ['walking', 'running'], recordings: [{ recording, samples }] }));
}

function restore(json: unknown): Dataset {
  const result = parseBackup('backup.json', JSON.stringify(json));
  if (!result.ok) throw result.error;
  return result.backup;
}

/** Why the file is refused, or else why its one refused recording is. */
function errorOf(json: unknown, text = JSON.stringify(json)) {
  const result = parseBackup('backup.json', text);
  if (!result.ok) return result.error;
  const [refused] = result.backup.refused;
  if (!refused) throw new Error('expected an ImportError');
  return refused.error;
}

describe('backup', () => {
  it('restores labels, groups, metadata and samples exactly', () => {
    const backup = restore(backupJson());
    expect(backup.labels).toEqual(['walking', 'running']);
    expect(backup.groups).toEqual(['SA01']);
    expect(backup.recordings).toHaveLength(1);
    expect(backup.recordings[0]!.recording).toStrictEqual(recording);
    expectSameSamples(backup.recordings[0]!.samples, samples);
  });

  it('stores samples as little-endian base64', () => {
    const stored = backupJson().recordings[0]!.samples;
    expect(stored.t).toBe(Buffer.from(new Float64Array([0, 20]).buffer).toString('base64'));
    expect(stored.gyro).toBe(Buffer.from(Float32Array.from([7, 8, 9, 10, 11, 12]).buffer).toString('base64'));
  });

  it('adds labels that recordings use but the list lacks, so that the backup restores', () => {
    const text = exportBackup({ labels: ['running'], recordings: [{ recording, samples }] });
    const result = parseBackup('backup.json', text);
    expect(result.ok && result.backup.labels).toEqual(['running', 'walking']);
  });

  it('round-trips any dataset exactly', () => {
    fc.assert(
      fc.property(arbitraryDataset(), (dataset) => {
        const result = parseBackup('backup.json', new TextEncoder().encode(exportBackup(dataset)));
        if (!result.ok) throw result.error;
        const { backup } = result;
        expect(backup.labels.slice(0, dataset.labels.length)).toEqual(dataset.labels);
        expect(backup.groups).toEqual([...new Set(dataset.recordings.map((r) => r.recording.group))]);
        expect(backup.recordings).toHaveLength(dataset.recordings.length);
        backup.recordings.forEach((restored, i) => {
          const original = dataset.recordings[i]!;
          expect(restored.recording).toStrictEqual({ ...original.recording, ...describeSamples(original.samples) });
          expect(backup.labels).toContain(restored.recording.label);
          expectSameSamples(restored.samples, original.samples);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('refuses what is not a backup, and versions it does not know', () => {
    expect(errorOf({ payload: {} }).code).toBe('not-a-backup');
    expect(errorOf({ ...backupJson(), version: 2 })).toMatchObject({
      code: 'unsupported-version',
      params: { version: 2, supported: 1 },
      hint: expect.stringMatching(/update the app/),
    });
    expect(errorOf({ ...backupJson(), version: '1' }).params).toEqual({ path: 'version', expected: 'count' });
    expect(errorOf(null, '').code).toBe('empty-file');
    expect(errorOf(null, '{"format":"motion-lab-backup",').code).toBe('invalid-json');
    expect(errorOf(null, '[]').code).toBe('not-a-backup');
  });

  type Damage = (json: ReturnType<typeof backupJson>) => void;
  const first = (json: ReturnType<typeof backupJson>) => json.recordings[0]!;

  it.each<[string, Damage, string, unknown]>([
    ['labels', (json) => (json.labels = 'walking'), 'invalid-field', { path: 'labels', expected: 'array' }],
    ['a label', (json) => (json.labels = ['walking', 3]), 'invalid-field', { path: 'labels[1]', expected: 'string' }],
    ['groups', (json) => (json.groups = ['SA01', 'SA01']), 'duplicate-value', { path: 'groups[1]', value: 'SA01' }],
    ['the id', (json) => (first(json).recording.id = 1), 'invalid-field', { path: 'recordings[0].recording.id', expected: 'string' }],
    ['the name', (json) => delete first(json).recording.name, 'invalid-field', { path: 'recordings[0].recording.name', expected: 'string' }],
    ['the source', (json) => (first(json).recording.source = 'toString'), 'invalid-field', { path: 'recordings[0].recording.source', expected: 'source' }],
    ['the rate', (json) => (first(json).recording.rateHz = null), 'invalid-field', { path: 'recordings[0].recording.rateHz', expected: 'non-negative-number' }],
    ['the count', (json) => (first(json).recording.sampleCount = 2.5), 'invalid-field', { path: 'recordings[0].recording.sampleCount', expected: 'count' }],
    ['interrupted', (json) => (first(json).recording.interrupted = 0), 'invalid-field', { path: 'recordings[0].recording.interrupted', expected: 'boolean' }],
    ['a gap', (json) => (first(json).recording.gaps = [{ atMs: 1 }]), 'invalid-field', { path: 'recordings[0].recording.gaps[0].durationMs', expected: 'number' }],
    ['lost samples in a gap', (json) => (first(json).recording.gaps = [{ atMs: 1, durationMs: 2, lostSamples: -1 }]), 'invalid-field', { path: 'recordings[0].recording.gaps[0].lostSamples', expected: 'count' }],
    ['a speed fix', (json) => (first(json).recording.speedFixes = [{ t: 0, speedMs: '1', accuracyM: 1 }]), 'invalid-field', { path: 'recordings[0].recording.speedFixes[0].speedMs', expected: 'number' }],
    ['the axes', (json) => (first(json).recording.axes = ['accX', 'accY', 'accZ', 'gyroX']), 'invalid-field', { path: 'recordings[0].recording.axes', expected: 'axes' }],
    ['repeated axes', (json) => (first(json).recording.axes = ['accX', 'accY', 'accZ', 'accZ']), 'invalid-field', { path: 'recordings[0].recording.axes', expected: 'axes' }],
    ['axes without the gyroscope', (json) => (first(json).recording.axes = ['accX', 'accY', 'accZ']), 'invalid-field', { path: 'recordings[0].samples.gyro', expected: 'absent' }],
    ['a missing gyroscope', (json) => (first(json).samples.gyro = null), 'invalid-field', { path: 'recordings[0].samples.gyro', expected: 'string' }],
    ['the sample count', (json) => (first(json).recording.sampleCount = 3), 'length-mismatch', { path: 'recordings[0].samples.t', found: 2, expected: 3 }],
    ['acceleration', (json) => (first(json).samples.acc = Buffer.from(new Float32Array(5).buffer).toString('base64')), 'length-mismatch', { path: 'recordings[0].samples.acc', found: 5, expected: 6 }],
    ['base64', (json) => (first(json).samples.t = 'AAAA!AAA'), 'invalid-field', { path: 'recordings[0].samples.t', expected: 'base64' }],
    ['whole values', (json) => (first(json).samples.t = 'AAAAAA=='), 'invalid-field', { path: 'recordings[0].samples.t', expected: 'base64' }],
    ['the label', (json) => (first(json).recording.label = 'cycling'), 'unknown-reference', { path: 'recordings[0].recording.label', value: 'cycling', list: 'labels' }],
    ['the group', (json) => (json.groups = []), 'unknown-reference', { path: 'recordings[0].recording.group', value: 'SA01', list: 'groups' }],
    ['the ids', (json) => json.recordings.push(json.recordings[0]!), 'duplicate-value', { path: 'recordings[1].recording.id', value: 'r1' }],
  ])('finds damaged %s', (_, damage, code, params) => {
    const json = backupJson();
    damage(json);
    const error = errorOf(json);
    expect(error.code).toBe(code);
    expect(error.params).toEqual(params);
    expect(error.file).toBe('backup.json');
  });

  it('never throws on a damaged backup, and what it restores is consistent', () => {
    const text = exportBackup({ labels: ['walking'], recordings: [{ recording, samples }] });
    const check = (damaged: string) => {
      const result = parseBackup('backup.json', damaged);
      if (!result.ok) {
        expect(result.error.code).toBeTypeOf('string');
        return;
      }
      for (const { recording: r, samples: s } of result.backup.recordings) {
        expect(s.t.length).toBe(r.sampleCount);
        expect(s.acc.length).toBe(r.sampleCount * 3);
        expect(s.gyro === null ? 0 : s.gyro.length).toBe(r.axes.includes('gyroX') ? r.sampleCount * 3 : 0);
        expect(result.backup.labels).toContain(r.label);
      }
    };
    fc.assert(fc.property(arbitraryDamage(text), check), { numRuns: 300 });
    fc.assert(fc.property(arbitraryJsonDamage(JSON.parse(text)), check), { numRuns: 300 });
  });
});

describe('backupFileName', () => {
  it('is dated by the UTC day', () => {
    expect(backupFileName(Date.UTC(2026, 11, 3, 23, 59))).toBe('motion-lab-backup-2026-12-03.json');
  });
});
