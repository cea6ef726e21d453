import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SpeedFix } from '../store/recording';
import { classifyByRules, gpsSpeedKmh, labelForSpeed, ruleLabels, speedFromCadenceKmh, STEP_LENGTH_M } from './rules';

/** A 2 s window at 50 Hz starting at t0Ms: the phone upright, |a| bouncing at `stepsPerS`. */
function stepping(stepsPerS: number, amplitude = 2, t0Ms = 0) {
  const acc = new Float32Array(300);
  for (let i = 0; i < 100; i += 1) {
    acc[i * 3] = 0.3;
    acc[i * 3 + 2] = 9.81 + amplitude * Math.sin((2 * Math.PI * stepsPerS * i) / 50);
  }
  return { acc, t0Ms };
}

describe('labelForSpeed', () => {
  it("draws the lesson's lines at 4 and 12 km/h", () => {
    expect([0, 3.9, 4, 11.9, 12, 40].map(labelForSpeed)).toEqual(['walking', 'walking', 'running', 'running', 'biking', 'biking']);
  });
});

describe('gpsSpeedKmh', () => {
  const fixes: SpeedFix[] = [
    { t: 900, speedMs: 9, accuracyM: 5 }, // before the window
    { t: 1000, speedMs: 1, accuracyM: 5 },
    { t: 2000, speedMs: 2, accuracyM: 20 },
    { t: 2500, speedMs: 8, accuracyM: 65 }, // too inaccurate
    { t: 3000, speedMs: 9, accuracyM: 5 }, // the window ends before it
  ];

  it('averages the accurate fixes inside the window, in km/h', () => {
    expect(gpsSpeedKmh(fixes, 1000, 3000)).toBeCloseTo(5.4, 12);
  });

  it('has nothing to say without accurate fixes in the window', () => {
    expect(gpsSpeedKmh(fixes, 2100, 2900)).toBeNull();
    expect(gpsSpeedKmh([], 0, 1e9)).toBeNull();
  });
});

describe('speed from cadence', () => {
  it('is steps per second × step length × 3.6', () => {
    expect(speedFromCadenceKmh(1.8)).toBeCloseTo(1.8 * STEP_LENGTH_M * 3.6, 12);
    expect(speedFromCadenceKmh(1.8)).toBeCloseTo(4.536, 12);
  });

  it('reads the cadence from the magnitude when there is no GPS', () => {
    const slow = classifyByRules(stepping(1.4), 50);
    expect(slow.source).toBe('cadence');
    expect(slow.cadenceHz).toBeCloseTo(1.4, 1);
    expect(slow.speedKmh).toBeCloseTo(1.4 * 0.7 * 3.6, 0);
    expect(slow.label).toBe('walking');

    const run = classifyByRules(stepping(2.8, 6), 50);
    expect(run.cadenceHz).toBeCloseTo(2.8, 1);
    expect(run.label).toBe('running');
  });

  it('says walking for a phone lying still, as the lesson has no "still"', () => {
    const decision = classifyByRules(stepping(2, 0.05), 50);
    expect(decision).toEqual({ label: 'walking', speedKmh: 0, source: 'still', cadenceHz: null });
  });
});

describe('classifyByRules', () => {
  it('trusts GPS over the cadence, and uses only the fixes inside the window', () => {
    const window = stepping(1.4, 2, 10_000);
    const decision = classifyByRules(window, 50, [
      { t: 10_500, speedMs: 5, accuracyM: 4 },
      { t: 11_500, speedMs: 5, accuracyM: 4 },
      { t: 12_000, speedMs: 0, accuracyM: 4 },
    ]);
    expect(decision).toEqual({ label: 'biking', speedKmh: 18, source: 'gps', cadenceHz: null });
  });

  it('never says golfing, nor anything but its three labels', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.option(fc.double({ min: 0, max: 40, noNaN: true })),
        (steps, amplitude, speedMs) => {
          const fixes = speedMs === null ? [] : [{ t: 1000, speedMs, accuracyM: 3 }];
          expect(ruleLabels).toContain(classifyByRules(stepping(steps, amplitude), 50, fixes).label);
        },
      ),
    );
  });
});
