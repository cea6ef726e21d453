/** Two readings never share a timestamp: resampling divides by the gap between them. */
const MIN_STEP_MS = 0.001;

/**
 * Timestamps for readings that carry no clock of their own, from when they arrived (ms on the
 * performance.now() clock): data-forwarder lines over serial, and notifications from Bluetooth
 * boards that send no device time (BLESense, Tiny Motion Trainer).
 *
 * Readings arrive in bursts: one USB transfer holds several lines, one Bluetooth connection event
 * several notifications. A burst of n readings arriving at T is spread evenly back from T over the
 * time since the previous burst, but never wider than the measured interval between readings, so
 * the burst after a pause is not stretched across the pause. Times strictly increase.
 *
 * @example
 * const clock = new ArrivalClock(performance.now());
 * // three lines in one chunk, 30 ms after the port opened at 1000
 * clock.stamp(3, 1030); // [1010, 1020, 1030]
 */
export class ArrivalClock {
  #lastMs: number;
  #firstBurstMs: number | null = null;
  #latestArrivalMs = 0;
  #readingsAfterFirstBurst = 0;

  /** `startMs`: when reading began (the port opened, notifications started). */
  constructor(startMs: number) {
    this.#lastMs = startMs;
  }

  /**
   * Readings per second, from arrival times; null until two bursts have arrived. The first burst
   * is left out: it holds whatever piled up before reading began.
   */
  get rateHz(): number | null {
    if (this.#firstBurstMs === null) return null;
    const spanMs = this.#latestArrivalMs - this.#firstBurstMs;
    return spanMs > 0 && this.#readingsAfterFirstBurst > 0 ? (this.#readingsAfterFirstBurst * 1000) / spanMs : null;
  }

  /**
   * Times for `count` readings that arrived together at `arrivalMs`, oldest first.
   *
   * @example
   * clock.stamp(1, performance.now()); // [now]
   */
  stamp(count: number, arrivalMs: number): Float64Array {
    const times = new Float64Array(Math.max(0, count));
    if (count <= 0) return times;
    const endMs = Math.max(arrivalMs, this.#lastMs + count * MIN_STEP_MS);
    const rate = this.rateHz;
    let spacingMs = (endMs - this.#lastMs) / count;
    if (rate !== null) spacingMs = Math.min(spacingMs, 1000 / rate);
    for (let i = 0; i < count; i += 1) times[i] = endMs - (count - 1 - i) * spacingMs;
    this.#lastMs = endMs;
    if (this.#firstBurstMs === null) this.#firstBurstMs = arrivalMs;
    else this.#readingsAfterFirstBurst += count;
    this.#latestArrivalMs = Math.max(this.#latestArrivalMs, arrivalMs);
    return times;
  }
}
