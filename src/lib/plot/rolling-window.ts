import type { MotionSamples } from '../sensors/samples';

/** Ten seconds of a 100 Hz stream: what the Record page's live plot shows. */
export const PLOT_SAMPLES = 1000;

/** Seconds, then x, y and z acceleration. */
export type PlotColumns = [Float64Array, Float64Array, Float64Array, Float64Array];

/**
 * The last `capacity` samples of a live stream, kept for plotting: a fixed-size ring that
 * appends without allocating, and hands out columns in time order (x in seconds, then x, y, z
 * acceleration) ready for uPlot.
 */
export class RollingWindow {
  readonly capacity: number;
  #t: Float64Array;
  #axes: [Float64Array, Float64Array, Float64Array];
  #start = 0;
  #length = 0;
  #columns: PlotColumns;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.#t = new Float64Array(capacity);
    this.#axes = [new Float64Array(capacity), new Float64Array(capacity), new Float64Array(capacity)];
    this.#columns = [new Float64Array(0), new Float64Array(0), new Float64Array(0), new Float64Array(0)];
  }

  get length(): number {
    return this.#length;
  }

  clear(): void {
    this.#start = 0;
    this.#length = 0;
  }

  push(batch: MotionSamples): void {
    const count = batch.t.length;
    for (let i = 0; i < count; i += 1) {
      const at = (this.#start + this.#length) % this.capacity;
      this.#t[at] = (batch.t[i] ?? 0) / 1000;
      this.#axes[0][at] = batch.acc[i * 3] ?? 0;
      this.#axes[1][at] = batch.acc[i * 3 + 1] ?? 0;
      this.#axes[2][at] = batch.acc[i * 3 + 2] ?? 0;
      if (this.#length < this.capacity) this.#length += 1;
      else this.#start = (this.#start + 1) % this.capacity;
    }
  }

  /** Columns in time order: [seconds, x, y, z]. The arrays are reused between calls. */
  columns(): PlotColumns {
    if (this.#columns[0].length !== this.#length) {
      this.#columns = [0, 1, 2, 3].map(() => new Float64Array(this.#length)) as PlotColumns;
    }
    const sources = [this.#t, ...this.#axes];
    for (let c = 0; c < 4; c += 1) {
      const source = sources[c] as Float64Array;
      const target = this.#columns[c] as Float64Array;
      const head = Math.min(this.#length, this.capacity - this.#start);
      target.set(source.subarray(this.#start, this.#start + head), 0);
      if (head < this.#length) target.set(source.subarray(0, this.#length - head), head);
    }
    return this.#columns;
  }
}
