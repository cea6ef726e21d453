import { channelStats, emptyChannelStats } from '../signal/channel-stats';
import { magnitudeOf } from '../signal/magnitude';
import { spectrumFor } from '../signal/spectrum';
import type { MotionWindow } from '../signal/windows';
import type { SpeedFix } from '../store/recording';
import type { NamedActivity } from './activities';

/**
 * The lesson's hand-written rules, kept as the baseline a trained model has to beat:
 *
 *     if (speed < 4) status = WALKING; else if (speed < 12) status = RUNNING; else status = BIKING;
 *
 * They only know speed, so they never say golfing, and they say walking for a phone lying still.
 * Their answers are activities, found in a model's label list in either language (activities.ts);
 * one the list lacks counts as an error when scored against it.
 */

export const ruleLabels = ['walking', 'running', 'biking'] as const satisfies readonly NamedActivity[];
export type RuleLabel = (typeof ruleLabels)[number];

/** Speeds below this are walking, km/h. */
export const WALKING_BELOW_KMH = 4;
/** Speeds below this (and at least WALKING_BELOW_KMH) are running, km/h; the rest is biking. */
export const RUNNING_BELOW_KMH = 12;

/**
 * The lesson's rule itself.
 *
 * @example
 * labelForSpeed(3.9) // 'walking'
 * labelForSpeed(12) // 'biking'
 */
export function labelForSpeed(speedKmh: number): RuleLabel {
  if (speedKmh < WALKING_BELOW_KMH) return 'walking';
  if (speedKmh < RUNNING_BELOW_KMH) return 'running';
  return 'biking';
}

/**
 * Fixes less accurate than this are ignored: outdoors a phone's GPS reports 3–10 m; beyond 20 m
 * the position comes from Wi-Fi or cell towers, and a speed derived from it jumps about.
 */
export const MAX_FIX_ACCURACY_M = 20;

/**
 * Mean GPS speed in km/h of the fixes with fromMs ≤ t < toMs and an accuracy within
 * MAX_FIX_ACCURACY_M; null when there is none.
 *
 * @example
 * gpsSpeedKmh(recording.speedFixes, window.t0Ms, window.t0Ms + 2000) // e.g. 4.7
 */
export function gpsSpeedKmh(fixes: readonly SpeedFix[], fromMs: number, toMs: number): number | null {
  let sum = 0;
  let count = 0;
  for (const fix of fixes) {
    if (fix.t >= fromMs && fix.t < toMs && fix.accuracyM <= MAX_FIX_ACCURACY_M && Number.isFinite(fix.speedMs) && fix.speedMs >= 0) {
      sum += fix.speedMs;
      count += 1;
    }
  }
  return count > 0 ? (sum / count) * 3.6 : null;
}

/**
 * Where the step cadence is looked for, in steps per second: from a slow stroll (60 steps/min)
 * to a fast run (210 steps/min). Each step, left or right foot, is one bump of the magnitude, so
 * its dominant frequency is steps per second.
 */
export const CADENCE_RANGE_HZ = [1, 3.5] as const;

/**
 * Length of one step (half a stride), m. Pedometers take 0.415 × height for a man and 0.413 for
 * a woman; for a 1.70 m adult that is 0.70 m. Kept constant, so the estimate is simply
 * proportional to cadence: 4 km/h is 1.59 steps/s, and a fast run at 3.5 steps/s is 8.8 km/h,
 * below 12: without GPS the rules never say biking. Running steps are in truth longer (1–1.5 m),
 * so running speeds come out low, but still between 4 and 12.
 */
export const STEP_LENGTH_M = 0.7;

/**
 * Speed from cadence: steps/s × step length × 3.6 (m/s to km/h).
 *
 * @example
 * speedFromCadenceKmh(1.8) // 4.536
 */
export function speedFromCadenceKmh(cadenceHz: number): number {
  return cadenceHz * STEP_LENGTH_M * 3.6;
}

/**
 * A standard deviation of |a| below this is no motion: a phone lying on a table shows 0.01–0.05
 * m/s² of sensor noise, the gentlest walk in the SisFall recordings about 0.8.
 */
export const STILL_BELOW_STD_MS2 = 0.3;

export interface RuleDecision {
  label: RuleLabel;
  speedKmh: number;
  /** Where the speed came from: GPS fixes, the step cadence, or no motion (speed 0). */
  source: 'gps' | 'cadence' | 'still';
  /** Steps per second, when the speed came from them. */
  cadenceHz: number | null;
}

const magnitudes = new Map<number, Float64Array>();
const stats = emptyChannelStats();

/**
 * The rules' label for one window. The speed is the GPS speed when the window has accurate fixes
 * (speed is what the rule was written for); otherwise the step cadence times STEP_LENGTH_M, or 0
 * when the window shows no motion.
 *
 * @example
 * const decision = classifyByRules(window, 50, recording.speedFixes);
 * decision.label; // 'walking' | 'running' | 'biking'
 */
export function classifyByRules(window: Pick<MotionWindow, 'acc' | 't0Ms'>, rateHz: number, fixes: readonly SpeedFix[] = []): RuleDecision {
  const n = window.acc.length / 3;
  const gps = gpsSpeedKmh(fixes, window.t0Ms, window.t0Ms + (n * 1000) / rateHz);
  if (gps !== null) return { label: labelForSpeed(gps), speedKmh: gps, source: 'gps', cadenceHz: null };

  let magnitude = magnitudes.get(n);
  if (!magnitude) {
    magnitude = new Float64Array(n);
    magnitudes.set(n, magnitude);
  }
  magnitudeOf(window.acc, magnitude);
  if (channelStats(magnitude, 0, 1, n, stats).std < STILL_BELOW_STD_MS2) {
    return { label: labelForSpeed(0), speedKmh: 0, source: 'still', cadenceHz: null };
  }
  const spectrum = spectrumFor(n, rateHz);
  spectrum.compute(magnitude);
  const cadenceHz = spectrum.dominantHz(CADENCE_RANGE_HZ[0], CADENCE_RANGE_HZ[1]);
  const speedKmh = speedFromCadenceKmh(cadenceHz);
  return { label: labelForSpeed(speedKmh), speedKmh, source: 'cadence', cadenceHz };
}
