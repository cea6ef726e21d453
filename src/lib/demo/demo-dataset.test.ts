import { describe, expect, it } from 'vitest';
import { classifyByRules } from '../classify/rules';
import { resample } from '../signal/resample';
import { defaultWindowConfig, windowsOf } from '../signal/windows';
import { demoActivities } from './synthetic-motion';
import { DEMO_DEVICE, demoDataset, demoPeople, type DemoActivity } from './demo-dataset';

const spanish: Record<DemoActivity, string> = { walking: 'caminar', running: 'correr', stairs: 'escaleras', golfing: 'golf' };

describe('the demo dataset', () => {
  const demo = demoDataset((activity) => spanish[activity], 0);

  it('has every person doing every activity twice, in the words it was given, and says it is synthetic', () => {
    expect(demo).toHaveLength(demoPeople.length * demoActivities.length * 2);
    expect(new Set(demo.map(({ recording }) => recording.id)).size).toBe(demo.length);
    expect(new Set(demo.map(({ recording }) => recording.group))).toEqual(new Set(demoPeople));
    expect(new Set(demo.map(({ recording }) => recording.label))).toEqual(new Set(Object.values(spanish)));
    expect(demo.every(({ recording }) => recording.device === DEMO_DEVICE)).toBe(true);
    for (const { recording } of demo) {
      expect(recording.rateHz).toBeCloseTo(50, 0);
      expect(recording.durationMs).toBeGreaterThan(15_000);
      expect(recording.durationMs).toBeLessThan(45_000);
    }
  });

  it('is the same every time', () => {
    const again = demoDataset((activity) => spanish[activity], 0);
    expect(again.map(({ recording }) => recording.id)).toEqual(demo.map(({ recording }) => recording.id));
    expect(again[5]?.samples.acc).toEqual(demo[5]?.samples.acc);
  });

  it('hangs on gravity: the mean magnitude is about 9.81 m/s² in every recording', () => {
    for (const { samples } of demo) {
      let sum = 0;
      const n = samples.t.length;
      for (let i = 0; i < n; i += 1) sum += Math.hypot(samples.acc[i * 3]!, samples.acc[i * 3 + 1]!, samples.acc[i * 3 + 2]!);
      expect(sum / n).toBeGreaterThan(9.3);
      expect(sum / n).toBeLessThan(11);
    }
  });

  it('walks and runs at a person’s cadence, as the lesson’s rules read it from the magnitude', () => {
    const cadences = (activity: DemoActivity): number[] =>
      demo
        .filter(({ recording }) => recording.label === spanish[activity])
        .flatMap(({ samples }) => windowsOf(resample(samples).segments, defaultWindowConfig))
        .map((window) => classifyByRules(window, defaultWindowConfig.rateHz).cadenceHz ?? 0)
        .sort((a, b) => a - b);
    const median = (values: number[]): number => values[Math.floor(values.length / 2)] ?? 0;
    // Steps per second: people walk at 1.4–2.2 and run at 2.2–3.3 (cadence × 0.8–1.2 per person).
    expect(median(cadences('walking'))).toBeGreaterThan(1.4);
    expect(median(cadences('walking'))).toBeLessThan(2.2);
    expect(median(cadences('running'))).toBeGreaterThan(2.2);
    expect(median(cadences('running'))).toBeLessThan(3.4);
  });
});
