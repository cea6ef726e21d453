import { describe, expect, test, vi } from 'vitest';
import * as inputs from '../model/inputs';
import { defaultFeatureConfig } from '../signal/features';
import { windowSet, type LabelledRecording } from './activity-dataset';

vi.mock('../model/inputs', { spy: true });

/** A sway at `hz` on top of gravity, 50 Hz, `seconds` long. */
function sway(id: string, label: string, hz: number, seconds: number): LabelledRecording {
  const n = seconds * 50;
  const t = new Float64Array(n);
  const acc = new Float32Array(n * 3);
  for (let i = 0; i < n; i += 1) {
    t[i] = i * 20;
    const s = Math.sin(2 * Math.PI * hz * (i / 50));
    acc.set([s, 0.5 * s, 9.81 + 2 * s], i * 3);
  }
  return { recording: { id, name: id, label, group: id, speedFixes: [] }, samples: { t, acc, gyro: null } };
}

describe('windowSet', () => {
  test('computes a recording’s rows once for a feature config, and hands out copies that a caller may standardise in place', () => {
    const recordings = [sway('a', 'walking', 1.8, 12), sway('b', 'running', 2.9, 12), sway('c', 'walking', 1.7, 0.5)];
    const labels = ['running', 'walking'];
    const report = () => ({ tooShort: [] as string[], nonFiniteSamples: 0 });
    const computed = vi.mocked(inputs.networkInputs);
    computed.mockClear();

    const first = windowSet(recordings, [0, 1, 2], labels, defaultFeatureConfig, report());
    expect(computed).toHaveBeenCalledTimes(3);
    const expected = first.x.slice();
    first.x.fill(0);

    const again = report();
    const second = windowSet(recordings, [1, 0, 2], labels, defaultFeatureConfig, again);
    expect(computed).toHaveBeenCalledTimes(3);
    expect(again.tooShort).toEqual(['c']);
    const half = expected.length / 2;
    expect(Array.from(second.x)).toEqual([...expected.subarray(half), ...expected.subarray(0, half)]);
    expect(Array.from(second.recordingOf.subarray(0, 1))).toEqual([1]);

    // Another window length is another set of rows, and replaces the first (one config kept per
    // recording); fresh recordings (as the worker reads them per run) start again.
    windowSet(recordings, [0], labels, { ...defaultFeatureConfig, windowS: 4 }, report());
    expect(computed).toHaveBeenCalledTimes(4);
    windowSet(recordings, [0, 1], labels, defaultFeatureConfig, report());
    expect(computed).toHaveBeenCalledTimes(5);
    const fresh = recordings.map((item) => ({ ...item }));
    const recomputed = windowSet(fresh, [0, 1, 2], labels, defaultFeatureConfig, report());
    expect(computed).toHaveBeenCalledTimes(8);
    expect(Array.from(recomputed.x)).toEqual(Array.from(expected));
  });
});

describe('the rule baseline in the labels’ own language', () => {
  test('a Spanish-labelled dataset’s baseline scores the same as the English one on the same data', () => {
    const motion = [sway('slow', '', 1.4, 12), sway('brisk', '', 2.2, 12), sway('fast', '', 3.3, 12)];
    const labelled = (names: Record<'walking' | 'running', string>) =>
      motion.map((item, i) => ({ ...item, recording: { ...item.recording, label: i === 0 ? names.walking : names.running } }));
    const report = () => ({ tooShort: [] as string[], nonFiniteSamples: 0 });
    const english = windowSet(labelled({ walking: 'walking', running: 'running' }), [0, 1, 2], ['running', 'walking'], defaultFeatureConfig, report());
    const spanish = windowSet(labelled({ walking: 'Caminar', running: 'correr' }), [0, 1, 2], ['correr', 'Caminar'], defaultFeatureConfig, report());
    const hits = (set: typeof english) => set.baseline.filter((rule, row) => rule === set.y[row]).length;

    expect(Array.from(spanish.baseline)).toEqual(Array.from(english.baseline));
    expect(Array.from(spanish.y)).toEqual(Array.from(english.y));
    // The rules found both activities, so the scores compared are real ones.
    expect(new Set(english.baseline)).toEqual(new Set([0, 1]));
    expect(hits(spanish)).toBe(hits(english));
    expect(hits(english)).toBeGreaterThan(0);
  });
});
