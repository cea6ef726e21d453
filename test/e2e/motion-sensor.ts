import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/** One reading as the app stores it: time in ms, acceleration with gravity in m/s², rotation in deg/s. */
export interface MotionSample {
  t: number;
  x: number;
  y: number;
  z: number;
  gx?: number;
  gy?: number;
  gz?: number;
}

const sensorTypes = ['accelerometer', 'linear-acceleration', 'gyroscope'] as const;
type SensorType = (typeof sensorTypes)[number];

const degToRad = Math.PI / 180;

/**
 * Drives a page's motion sensors through the DevTools protocol, as a phone would. All three
 * sensors must be overridden: Chromium fires `devicemotion` only when accelerometer,
 * linear-acceleration and gyroscope all have readings. Both `devicemotion` and the Generic
 * Sensor API (`Accelerometer`, `Gyroscope`) see the readings.
 */
export class EmulatedMotionSensor {
  #session: CDPSession;
  /** Gravity estimated by a low-pass filter, as phones do, to derive linear acceleration. */
  #gravity = { x: 0, y: 0, z: 0 };
  #primed = false;

  private constructor(session: CDPSession) {
    this.#session = session;
  }

  static async attach(context: BrowserContext, page: Page): Promise<EmulatedMotionSensor> {
    await context.grantPermissions(['accelerometer', 'gyroscope'], { origin: new URL(page.url()).origin });
    const session = await context.newCDPSession(page);
    // A headless page has no focus, and sensors only report to focused pages.
    await session.send('Emulation.setFocusEmulationEnabled', { enabled: true });
    for (const type of sensorTypes) {
      await session.send('Emulation.setSensorOverrideEnabled', { enabled: true, type });
    }
    const sensor = new EmulatedMotionSensor(session);
    await sensor.set({ t: 0, x: 0, y: 0, z: 9.81 });
    return sensor;
  }

  /** Sets the sensors to one sample's values; they hold until the next call. */
  async set(sample: MotionSample): Promise<void> {
    if (!this.#primed) {
      this.#gravity = { x: sample.x, y: sample.y, z: sample.z };
      this.#primed = true;
    }
    const alpha = 0.9;
    const g = this.#gravity;
    g.x = alpha * g.x + (1 - alpha) * sample.x;
    g.y = alpha * g.y + (1 - alpha) * sample.y;
    g.z = alpha * g.z + (1 - alpha) * sample.z;
    await Promise.all([
      this.#send('accelerometer', sample.x, sample.y, sample.z),
      this.#send('linear-acceleration', sample.x - g.x, sample.y - g.y, sample.z - g.z),
      // The protocol takes rad/s, as the Generic Sensor API reports; devicemotion converts to deg/s.
      this.#send('gyroscope', (sample.gx ?? 0) * degToRad, (sample.gy ?? 0) * degToRad, (sample.gz ?? 0) * degToRad),
    ]);
  }

  /**
   * Plays samples back at the pace of their own timestamps (`speed` 2 plays twice as fast).
   * Returns how many samples were set; stops early when `signal` aborts.
   */
  async replay(samples: readonly MotionSample[], options: { speed?: number; signal?: AbortSignal } = {}): Promise<number> {
    const speed = options.speed ?? 1;
    const first = samples[0];
    if (!first) return 0;
    const started = performance.now();
    let sent = 0;
    for (const sample of samples) {
      if (options.signal?.aborted) break;
      const due = started + (sample.t - first.t) / speed;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      await this.set(sample);
      sent += 1;
    }
    return sent;
  }

  async detach(): Promise<void> {
    for (const type of sensorTypes) {
      await this.#session.send('Emulation.setSensorOverrideEnabled', { enabled: false, type });
    }
    await this.#session.detach();
  }

  async #send(type: SensorType, x: number, y: number, z: number): Promise<void> {
    await this.#session.send('Emulation.setSensorOverrideReadings', { type, reading: { xyz: { x, y, z } } });
  }
}

/**
 * Reads a recording in the Edge Impulse CSV convention (`timestamp,accX,accY,accZ[,gyroX,…]`),
 * e.g. one of ../shared/data/sisfall. For tests only: the app has its own importer.
 */
export function parseMotionCsv(text: string): MotionSample[] {
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const columns = (header ?? '').split(',').map((name) => name.trim());
  const at = (name: string) => columns.indexOf(name);
  const [t, x, y, z, gx, gy, gz] = ['timestamp', 'accX', 'accY', 'accZ', 'gyroX', 'gyroY', 'gyroZ'].map(at);
  return lines.map((line) => {
    const values = line.split(',').map(Number);
    const value = (index: number | undefined) => (index === undefined || index < 0 ? undefined : values[index]);
    const sample: MotionSample = { t: value(t) ?? 0, x: value(x) ?? 0, y: value(y) ?? 0, z: value(z) ?? 0 };
    if (gx !== undefined && gx >= 0) Object.assign(sample, { gx: value(gx), gy: value(gy), gz: value(gz) });
    return sample;
  });
}
