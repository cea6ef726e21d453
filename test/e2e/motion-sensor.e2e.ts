import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { describeInBrowser, openApp, useBrowser } from './fixture';
import { EmulatedMotionSensor, parseMotionCsv, type MotionSample } from './motion-sensor';
import { hasSisfall, sisfallDir } from '../support/shared-data';

/** A 2 Hz sway on x, a slow roll on the gyroscope, at 50 Hz for `seconds`. */
function swaySamples(seconds: number): MotionSample[] {
  return Array.from({ length: seconds * 50 }, (_, i) => {
    const t = i * 20;
    return { t, x: 3 * Math.sin(2 * Math.PI * 2 * (t / 1000)), y: 0.5, z: 9.8, gx: 0, gy: 0, gz: 90 };
  });
}

/**
 * The readings from the replay's first sample on: `attach` sets the phone at rest (0, 0, 9.81), and
 * Chromium reports that at about 60 Hz until the replay's first sample arrives, for as long as a
 * loaded machine takes to get there.
 */
function fromReplay<T extends { x: number; y: number; z: number }>(readings: readonly T[]): T[] {
  const atRest = (r: T) => r.x === 0 && r.y === 0 && Math.abs(r.z - 9.81) < 0.06;
  const first = readings.findIndex((r) => !atRest(r));
  return first < 0 ? [] : readings.slice(first);
}

interface Seen {
  motion: { t: number; x: number; y: number; z: number; rotZ: number }[];
  generic: { x: number; y: number; z: number }[];
}

describeInBrowser('the emulated motion sensor', () => {
  const browser = useBrowser();

  test('replays timestamped samples to devicemotion and the Accelerometer at their own pace', async () => {
    const { context, page } = await openApp(browser());
    const sensor = await EmulatedMotionSensor.attach(context, page);
    await page.evaluate(() => {
      const seen: Seen = { motion: [], generic: [] };
      (window as unknown as { __seen: Seen }).__seen = seen;
      window.addEventListener('devicemotion', (event) => {
        const a = event.accelerationIncludingGravity;
        seen.motion.push({ t: event.timeStamp, x: a?.x ?? NaN, y: a?.y ?? NaN, z: a?.z ?? NaN, rotZ: event.rotationRate?.gamma ?? NaN });
      });
      const accelerometer = new Accelerometer({ frequency: 60 });
      accelerometer.addEventListener('reading', () =>
        seen.generic.push({ x: accelerometer.x ?? NaN, y: accelerometer.y ?? NaN, z: accelerometer.z ?? NaN }),
      );
      accelerometer.start();
    });

    const samples = swaySamples(2);
    const started = Date.now();
    expect(await sensor.replay(samples)).toBe(samples.length);
    const elapsedMs = Date.now() - started;
    // Paced by the samples' own timestamps: 2 s of data takes about 2 s.
    expect(elapsedMs).toBeGreaterThan(1900);

    const all = await page.evaluate(() => (window as unknown as { __seen: Seen }).__seen);
    const seen = { motion: fromReplay(all.motion), generic: fromReplay(all.generic) };
    await sensor.detach();
    await context.close();

    // Chromium samples the overridden sensor at about 60 Hz.
    expect(seen.motion.length).toBeGreaterThan(60);
    expect(seen.generic.length).toBeGreaterThan(30);
    const xs = seen.motion.map((m) => m.x);
    expect(Math.max(...xs)).toBeGreaterThan(2.5);
    expect(Math.min(...xs)).toBeLessThan(-2.5);
    for (const m of seen.motion.slice(5)) {
      expect(m.y).toBeCloseTo(0.5, 1);
      expect(m.z).toBeCloseTo(9.8, 1);
      // 90 deg/s sent as rad/s through the protocol comes back as 90 deg/s.
      expect(m.rotZ).toBeCloseTo(90, 0);
    }
    // The sway's 2 Hz survives: count upward zero crossings over the 2 s.
    const crossings = xs.slice(1).filter((x, i) => (xs[i] ?? 0) < 0 && x >= 0).length;
    expect(crossings).toBeGreaterThanOrEqual(3);
    expect(crossings).toBeLessThanOrEqual(5);
  });

  test.skipIf(!hasSisfall())('replays a real SisFall recording', async () => {
    const file = readdirSync(sisfallDir).find((name) => name.startsWith('walking.'));
    if (!file) throw new Error(`no walking recording in ${sisfallDir}`);
    const samples = parseMotionCsv(readFileSync(join(sisfallDir, file), 'utf8')).slice(0, 50);
    const { context, page } = await openApp(browser());
    const sensor = await EmulatedMotionSensor.attach(context, page);
    await page.evaluate(() => {
      const seen: { x: number; y: number; z: number }[] = [];
      (window as unknown as { __seen: typeof seen }).__seen = seen;
      window.addEventListener('devicemotion', (event) => {
        const a = event.accelerationIncludingGravity;
        seen.push({ x: a?.x ?? NaN, y: a?.y ?? NaN, z: a?.z ?? NaN });
      });
    });
    await sensor.replay(samples);
    const seenY = fromReplay(await page.evaluate(() => (window as unknown as { __seen: { x: number; y: number; z: number }[] }).__seen)).map(({ y }) => y);
    await context.close();
    expect(seenY.length).toBeGreaterThan(30);
    // Every value seen is one the recording holds (rounded to 0.1 m/s² by Chromium).
    const sentY = samples.map((s) => s.y);
    for (const y of seenY.slice(3)) {
      expect(Math.min(...sentY.map((s) => Math.abs(s - y)))).toBeLessThan(0.06);
    }
  });
});
