import { CodedError } from '../i18n/coded-error';
import { sliceSamples, type MotionSamples } from './samples';
import type { MotionSource, SourceListener } from './source';

/**
 * A stored recording played back as a live source, at the pace of its own timestamps: a demo
 * without hardware, and a way to test recording and live classification with real data.
 */
export class ReplaySource implements MotionSource {
  readonly kind = 'replay' as const;
  readonly device: string;
  readonly hasGyro: boolean;
  readonly #samples: MotionSamples;
  readonly #loop: boolean;
  readonly #speed: number;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(samples: MotionSamples, options: { name: string; loop?: boolean; speed?: number }) {
    this.#samples = samples;
    this.device = `Replay of “${options.name}”`;
    this.hasGyro = samples.gyro !== null;
    this.#loop = options.loop ?? false;
    this.#speed = options.speed ?? 1;
  }

  async start(listener: SourceListener): Promise<void> {
    const { t } = this.#samples;
    const count = t.length;
    if (count === 0) throw new CodedError('error.replay.empty', { device: this.device });
    const first = t[0] ?? 0;
    const span = (t[count - 1] ?? first) - first;
    // One loop's length: the span plus one sample interval, so loops do not overlap in time.
    const loopMs = span + (count > 1 ? span / (count - 1) : 1);
    const started = performance.now();
    let next = 0;
    let loops = 0;
    this.#timer = setInterval(() => {
      const elapsed = (performance.now() - started) * this.#speed;
      while (true) {
        const due = first + (elapsed - loops * loopMs);
        let end = next;
        while (end < count && (t[end] ?? 0) <= due) end += 1;
        if (end > next) {
          const part = sliceSamples(this.#samples, next, end);
          const shifted = new Float64Array(part.t.length);
          // Times continue across loops and start at the moment playback started.
          for (let i = 0; i < shifted.length; i += 1) shifted[i] = started + ((part.t[i] ?? 0) - first + loops * loopMs) / this.#speed;
          listener.samples({ t: shifted, acc: part.acc.slice(), gyro: part.gyro ? part.gyro.slice() : null });
        }
        next = end;
        if (next < count) break;
        if (!this.#loop) {
          void this.stop();
          listener.event?.({ type: 'ended' });
          break;
        }
        loops += 1;
        next = 0;
        if (first + (elapsed - loops * loopMs) < first) break;
      }
    }, 20);
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
