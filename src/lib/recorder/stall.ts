import { STALL_INTERVALS } from '../sensors/phone-missed-readings';
import { MAX_GAP_MS } from '../signal/resample';
import type { Gap } from '../store/recording';

/**
 * The shortest silence shown as a stall while recording: a few expected intervals (as the phone
 * source counts a stall), and never less than the longest gap training bridges. Sources hand
 * samples on in batches every 100 ms, so a shorter silence is only batching; and a stall the page
 * shows is then one training cuts the recording at (`resample`), never one it interpolates over.
 *
 * @example
 * stallThresholdMs(50); // 500: five 20 ms intervals are shorter than the 500 ms training bridges
 * stallThresholdMs(2); // 2500: five 500 ms intervals
 */
export function stallThresholdMs(rateHz: number): number {
  const intervalMs = rateHz > 0 ? 1000 / rateHz : 0;
  return Math.max(STALL_INTERVALS * intervalMs, MAX_GAP_MS);
}

/**
 * How long the source has been silent, if long enough to call it a stall; undefined otherwise.
 *
 * @example
 * stalledForMs(2100, 50); // 2100
 * stalledForMs(300, 50); // undefined
 */
export function stalledForMs(silentMs: number, rateHz: number): number | undefined {
  return silentMs > stallThresholdMs(rateHz) ? silentMs : undefined;
}

/**
 * The gaps long enough to be stalls: a stalled sensor or a dropped link, not the few readings a
 * busy page skips here and there (those are gaps of no length, counted in the lost samples only).
 *
 * @example
 * stallCount([{ atMs: 900, durationMs: 2100, lostSamples: 104 }, { atMs: 3000, durationMs: 0, lostSamples: 2 }], 50); // 1
 */
export function stallCount(gaps: readonly Gap[], rateHz: number): number {
  return gaps.filter((gap) => stalledForMs(gap.durationMs, rateHz) !== undefined).length;
}
