import { SampleBatcher } from './batcher';
import { MissedReadingCounter } from './phone-missed-readings';
import { SourceUnavailableError, type MotionSource, type SourceListener } from './source';

/** How long to wait for a first reading before saying the sensors are silent. */
export const FIRST_READING_TIMEOUT_MS = 2000;

const RAD_TO_DEG = 180 / Math.PI;

/** The most readings a second a browser hands a page (Chromium's cap). */
const MAX_READINGS_HZ = 60;

interface DeviceMotionEventWithPermission {
  requestPermission?: () => Promise<'granted' | 'denied'>;
}

/**
 * The phone's own motion sensors. Uses the Generic Sensor API (`Accelerometer`, `Gyroscope`)
 * where it exists: readings carry their own timestamps and a requested frequency. Elsewhere
 * (Safari, Firefox) `devicemotion`, asking iOS for permission first; `start()` must therefore be
 * called from the user's tap.
 */
export class PhoneMotionSource implements MotionSource {
  readonly kind = 'phone' as const;
  readonly device = 'This phone';
  readonly hasGyro = true;
  readonly #frequencyHz: number;
  #stopSensors: (() => void) | undefined;
  #batcher: SampleBatcher | undefined;

  constructor(options: { frequencyHz?: number } = {}) {
    this.#frequencyHz = options.frequencyHz ?? 100;
  }

  static get supported(): boolean {
    return typeof window !== 'undefined' && ('Accelerometer' in window || 'DeviceMotionEvent' in window);
  }

  /**
   * Asks for motion access where the browser wants it asked (iOS Safari). Call it directly from
   * the user's tap: iOS ignores the request otherwise. Elsewhere it does nothing.
   */
  static async requestPermission(): Promise<void> {
    if (!PhoneMotionSource.supported) {
      throw new SourceUnavailableError('error.sensor.no-api');
    }
    const motionEvent = (window as unknown as { DeviceMotionEvent?: DeviceMotionEventWithPermission }).DeviceMotionEvent;
    if (typeof motionEvent?.requestPermission === 'function') {
      const answer = await motionEvent.requestPermission();
      if (answer !== 'granted') {
        throw new SourceUnavailableError('error.sensor.denied');
      }
    }
  }

  async start(listener: SourceListener): Promise<void> {
    await PhoneMotionSource.requestPermission();
    // Chromium hands a page at most 60 readings a second whatever frequency is asked for
    // (sensor_traits.h, kMaxAllowedFrequency): a page seeing 60 of a 100 Hz sensor misses nothing.
    const missed = new MissedReadingsReport(listener, 1000 / Math.min(this.#frequencyHz, MAX_READINGS_HZ));
    const batcher = new SampleBatcher(true, (batch) => {
      listener.samples(batch);
      missed.flush();
    });
    this.#batcher = batcher;
    const firstReading = new Promise<void>((resolve) => {
      const started = this.#startGenericSensors(batcher, missed, resolve) ?? this.#startDeviceMotion(batcher, missed, resolve);
      this.#stopSensors = started;
    });
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), FIRST_READING_TIMEOUT_MS));
    if ((await Promise.race([firstReading, timeout])) === 'timeout') {
      await this.stop();
      throw new SourceUnavailableError('error.sensor.silent');
    }
  }

  async stop(): Promise<void> {
    this.#stopSensors?.();
    this.#stopSensors = undefined;
    this.#batcher?.close();
    this.#batcher = undefined;
  }

  /** Returns a stop function, or undefined where the Generic Sensor API cannot be used. */
  #startGenericSensors(batcher: SampleBatcher, missed: MissedReadingsReport, firstReading: () => void): (() => void) | undefined {
    if (!('Accelerometer' in window) || !('Gyroscope' in window)) return undefined;
    let accelerometer: Accelerometer;
    let gyroscope: Gyroscope;
    try {
      accelerometer = new Accelerometer({ frequency: this.#frequencyHz });
      gyroscope = new Gyroscope({ frequency: this.#frequencyHz });
    } catch {
      // Blocked by a permissions policy, for example: devicemotion may still work.
      return undefined;
    }
    accelerometer.addEventListener('reading', () => {
      const t = accelerometer.timestamp;
      if (t === null) return;
      missed.reading(t);
      batcher.push(
        t,
        accelerometer.x ?? 0,
        accelerometer.y ?? 0,
        accelerometer.z ?? 0,
        (gyroscope.x ?? 0) * RAD_TO_DEG,
        (gyroscope.y ?? 0) * RAD_TO_DEG,
        (gyroscope.z ?? 0) * RAD_TO_DEG,
      );
      firstReading();
    });
    gyroscope.start();
    accelerometer.start();
    return () => {
      accelerometer.stop();
      gyroscope.stop();
    };
  }

  #startDeviceMotion(batcher: SampleBatcher, missed: MissedReadingsReport, firstReading: () => void): () => void {
    const onMotion = (event: DeviceMotionEvent) => {
      const a = event.accelerationIncludingGravity;
      if (!a || a.x === null || a.y === null || a.z === null) return;
      const r = event.rotationRate;
      // rotationRate: alpha turns about z, beta about x, gamma about y, all in deg/s.
      missed.reading(event.timeStamp, event.interval);
      batcher.push(event.timeStamp, a.x, a.y, a.z, r?.beta ?? 0, r?.gamma ?? 0, r?.alpha ?? 0);
      firstReading();
    };
    window.addEventListener('devicemotion', onMotion);
    return () => window.removeEventListener('devicemotion', onMotion);
  }
}

/**
 * Tells the listener of the readings the page missed, on the recording's time line (ms from the
 * first reading). A stall is a gap of its own at once; a few readings skipped here and there are
 * summed and told once a batch, so a busy page does not pile up a gap per slip.
 */
class MissedReadingsReport {
  readonly #listener: SourceListener;
  readonly #counter: MissedReadingCounter;
  #firstT: number | undefined;
  #slipped: { count: number; atMs: number } | undefined;

  constructor(listener: SourceListener, minIntervalMs: number) {
    this.#listener = listener;
    this.#counter = new MissedReadingCounter({ minIntervalMs });
  }

  /** Takes each reading's timestamp (ms), with the sensor's interval where it says it. */
  reading(t: number, sensorIntervalMs?: number): void {
    this.#firstT ??= t;
    const found = this.#counter.add(t, sensorIntervalMs);
    if (!found) return;
    const atMs = found.afterMs - this.#firstT;
    if (found.stall) {
      this.#listener.event?.({ type: 'lost', count: found.count, atMs, durationMs: found.durationMs });
    } else {
      this.#slipped = { count: (this.#slipped?.count ?? 0) + found.count, atMs: this.#slipped?.atMs ?? atMs };
    }
  }

  /** Tells the readings skipped since the last batch, if any. */
  flush(): void {
    if (!this.#slipped) return;
    this.#listener.event?.({ type: 'lost', ...this.#slipped });
    this.#slipped = undefined;
  }
}
