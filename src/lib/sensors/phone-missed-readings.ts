/** A silence this many expected intervals long is a stall: a gap in the recording, not a few slips. */
export const STALL_INTERVALS = 5;

/** Recent intervals the expected one is estimated from, when the sensor does not say it. */
const RECENT_INTERVALS = 50;

/** Intervals seen before an estimate is trusted. */
const MIN_INTERVALS = 8;

/** The estimate is sorted out again after this many readings, not at every one. */
const REESTIMATE_EVERY = 10;

/** Readings that never reached the page, found between two that did. */
export interface MissedReadings {
  count: number;
  /** Timestamp (ms, the sensor's clock) of the reading before them. */
  afterMs: number;
  /** How long the page heard nothing: the time between the two readings. */
  durationMs: number;
  /** Whether the silence was long enough to call it a stall. */
  stall: boolean;
}

/**
 * Counts the readings a phone's sensor delivered that the page never saw. A phone has no packet
 * counter as a board has: the browser hands the page the latest reading whenever its thread is
 * free, so a busy page silently skips readings. Their number is read from the timestamps: a
 * silence of n expected intervals hides n - 1 readings. The expected interval is the sensor's own
 * where it says it (`DeviceMotionEvent.interval`); else (the Generic Sensor API) the shorter
 * intervals of the recent ones (skipped readings only ever lengthen an interval), the lowest such
 * estimate so far, and never shorter than the frequency asked for allows.
 *
 * @example
 * const missed = new MissedReadingCounter({ minIntervalMs: 10 });
 * for (const t of timestamps) {
 *   const found = missed.add(t);
 *   if (found) console.log(`${found.count} readings missed after ${found.afterMs} ms`);
 * }
 */
export class MissedReadingCounter {
  readonly #minIntervalMs: number;
  readonly #recent: number[] = [];
  #next = 0;
  #lastT: number | undefined;
  #estimated: number | undefined;
  #sinceEstimate = 0;

  constructor(options: { minIntervalMs?: number } = {}) {
    this.#minIntervalMs = options.minIntervalMs ?? 0;
  }

  /**
   * Takes the next reading's timestamp (ms), and the sensor's interval when it says it; returns
   * the readings missed just before it, or undefined when none were (or none can be told yet).
   */
  add(t: number, sensorIntervalMs?: number): MissedReadings | undefined {
    const last = this.#lastT;
    this.#lastT = t;
    if (last === undefined || !(t > last)) return undefined;
    const durationMs = t - last;
    const expected = sensorIntervalMs !== undefined && sensorIntervalMs > 0 ? sensorIntervalMs : this.#estimate();
    this.#remember(durationMs);
    if (expected === undefined) return undefined;
    const count = Math.round(durationMs / expected) - 1;
    if (count < 1) return undefined;
    return { count, afterMs: last, durationMs, stall: durationMs >= STALL_INTERVALS * expected };
  }

  /** The interval readings come at when none is skipped: the lower quartile of the recent ones. */
  #estimate(): number | undefined {
    if (this.#recent.length < MIN_INTERVALS) return undefined;
    if (this.#estimated === undefined || this.#sinceEstimate >= REESTIMATE_EVERY) {
      const sorted = [...this.#recent].sort((a, b) => a - b);
      const quartile = Math.max(sorted[Math.floor(sorted.length / 4)] ?? 0, this.#minIntervalMs);
      // Held at its lowest: a page too busy for most readings must not make them look expected.
      this.#estimated = Math.min(quartile, this.#estimated ?? Infinity);
      this.#sinceEstimate = 0;
    }
    this.#sinceEstimate += 1;
    return this.#estimated;
  }

  #remember(intervalMs: number): void {
    if (this.#recent.length < RECENT_INTERVALS) {
      this.#recent.push(intervalMs);
    } else {
      this.#recent[this.#next] = intervalMs;
      this.#next = (this.#next + 1) % RECENT_INTERVALS;
    }
  }
}
