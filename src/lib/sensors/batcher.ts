import type { MotionSamples } from './samples';

/**
 * Gathers single readings into batches handed on every `intervalMs`, so a 60–100 Hz sensor
 * wakes the recorder and the plot ten times a second instead of a hundred.
 */
export class SampleBatcher {
  #t: number[] = [];
  #acc: number[] = [];
  #gyro: number[] = [];
  readonly #withGyro: boolean;
  readonly #emit: (batch: MotionSamples) => void;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(withGyro: boolean, emit: (batch: MotionSamples) => void, intervalMs = 100) {
    this.#withGyro = withGyro;
    this.#emit = emit;
    this.#timer = setInterval(() => this.flush(), intervalMs);
  }

  push(t: number, ax: number, ay: number, az: number, gx = 0, gy = 0, gz = 0): void {
    this.#t.push(t);
    this.#acc.push(ax, ay, az);
    if (this.#withGyro) this.#gyro.push(gx, gy, gz);
  }

  get pending(): number {
    return this.#t.length;
  }

  flush(): void {
    if (this.#t.length === 0) return;
    const batch: MotionSamples = {
      t: Float64Array.from(this.#t),
      acc: Float32Array.from(this.#acc),
      gyro: this.#withGyro ? Float32Array.from(this.#gyro) : null,
    };
    this.#t = [];
    this.#acc = [];
    this.#gyro = [];
    this.#emit(batch);
  }

  close(): void {
    clearInterval(this.#timer);
    this.flush();
  }
}
