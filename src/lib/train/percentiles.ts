/**
 * Nearest-rank percentile (p in 0..100): always one of the measured values, never an
 * interpolation, which is what a latency figure should be.
 *
 * @example
 * percentile([5, 1, 3, 2, 4], 50) // 3
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[nearestRank(p, sorted.length) - 1] as number;
}

/** The rank (1 … count) of the p-th percentile of `count` sorted values. */
function nearestRank(p: number, count: number): number {
  return Math.max(1, Math.ceil((p / 100) * count));
}

/**
 * Percentiles of the latest `capacity` values of a stream, kept sorted as they come: each value
 * moves the others by one place at most, where `percentile` would copy and sort them all. Live
 * adds a latency every stride and shows its p50 and p99; it allocates nothing for them.
 *
 * @example
 * const recent = new RecentPercentiles(200);
 * recent.add(latencyMs);
 * recent.percentile(99); // as percentile() of the latest 200 values
 */
export class RecentPercentiles {
  /** The values in arrival order, a ring: the oldest at `#next` once full. */
  readonly #ring: Float64Array;
  /** The same values, ascending. */
  readonly #sorted: Float64Array;
  #count = 0;
  #next = 0;

  constructor(capacity: number) {
    if (!(capacity >= 1) || !Number.isInteger(capacity)) throw new RangeError(`RecentPercentiles: a capacity of ${capacity} values`);
    this.#ring = new Float64Array(capacity);
    this.#sorted = new Float64Array(capacity);
  }

  /** How many values are held (at most the capacity). */
  get count(): number {
    return this.#count;
  }

  add(value: number): void {
    const sorted = this.#sorted;
    let at: number;
    if (this.#count === this.#ring.length) {
      // Full: the oldest value leaves; its place is filled by shifting the neighbours toward the new value's.
      at = this.#indexOf(this.#ring[this.#next]!);
      while (at > 0 && sorted[at - 1]! > value) {
        sorted[at] = sorted[at - 1]!;
        at -= 1;
      }
      while (at < this.#count - 1 && sorted[at + 1]! < value) {
        sorted[at] = sorted[at + 1]!;
        at += 1;
      }
    } else {
      at = this.#count;
      while (at > 0 && sorted[at - 1]! > value) {
        sorted[at] = sorted[at - 1]!;
        at -= 1;
      }
      this.#count += 1;
    }
    sorted[at] = value;
    this.#ring[this.#next] = value;
    this.#next = (this.#next + 1) % this.#ring.length;
  }

  /** Nearest rank, as `percentile` gives it for the values held; NaN when none is. */
  percentile(p: number): number {
    if (this.#count === 0) return Number.NaN;
    return this.#sorted[nearestRank(p, this.#count) - 1]!;
  }

  /** Forgets every value. */
  clear(): void {
    this.#count = 0;
    this.#next = 0;
  }

  /** Where `value` is in the sorted values (binary search; any of equal values will do). */
  #indexOf(value: number): number {
    let low = 0;
    let high = this.#count - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.#sorted[middle]! < value) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
