import { SampleBatcher } from './batcher';
import { SourceUnavailableError, type MotionSource, type SourceListener } from './source';

/** How long to wait for a first reading before saying the sensors are silent. */
export const FIRST_READING_TIMEOUT_MS = 2000;

const RAD_TO_DEG = 180 / Math.PI;

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
    const batcher = new SampleBatcher(true, (batch) => listener.samples(batch));
    this.#batcher = batcher;
    const firstReading = new Promise<void>((resolve) => {
      const started = this.#startGenericSensors(batcher, resolve) ?? this.#startDeviceMotion(batcher, resolve);
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
  #startGenericSensors(batcher: SampleBatcher, firstReading: () => void): (() => void) | undefined {
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

  #startDeviceMotion(batcher: SampleBatcher, firstReading: () => void): () => void {
    const onMotion = (event: DeviceMotionEvent) => {
      const a = event.accelerationIncludingGravity;
      if (!a || a.x === null || a.y === null || a.z === null) return;
      const r = event.rotationRate;
      // rotationRate: alpha turns about z, beta about x, gamma about y, all in deg/s.
      batcher.push(event.timeStamp, a.x, a.y, a.z, r?.beta ?? 0, r?.gamma ?? 0, r?.alpha ?? 0);
      firstReading();
    };
    window.addEventListener('devicemotion', onMotion);
    return () => window.removeEventListener('devicemotion', onMotion);
  }
}
