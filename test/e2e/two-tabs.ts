import type { BrowserContext, Page } from 'playwright-core';
import { EmulatedMotionSensor } from './motion-sensor';

/** Starts recording on tab `page` from its emulated sensor, a steady 50 Hz sway; returns what stops the sway. */
export async function startRecording(context: BrowserContext, page: Page): Promise<{ sensor: EmulatedMotionSensor; stopSway: () => Promise<void> }> {
  const sensor = await EmulatedMotionSensor.attach(context, page);
  const sway = Array.from({ length: 50 * 120 }, (_, i) => ({ t: i * 20, x: Math.sin(i / 5), y: 0.3, z: 9.8 }));
  const playing = new AbortController();
  const replay = sensor.replay(sway, { signal: playing.signal });
  await page.getByLabel('Countdown').selectOption('0');
  await page.getByRole('button', { name: 'Record' }).click();
  await page.getByTestId('record-stats').waitFor();
  return {
    sensor,
    async stopSway() {
      playing.abort();
      await replay;
      await sensor.detach();
    },
  };
}

/**
 * What a newer version of the app does in another tab: opens the app's database at `version`
 * (by default one up), which asks every open connection to close, and closes it again. Resolves
 * with the version it opened.
 */
export function upgradeDatabase(page: Page, version?: number): Promise<number> {
  return page.evaluate(
    (wanted) =>
      new Promise<number>((resolve, reject) => {
        const current = indexedDB.open('motion-lab');
        current.onerror = () => reject(current.error);
        current.onsuccess = () => {
          const target = wanted ?? current.result.version + 1;
          current.result.close();
          const newer = indexedDB.open('motion-lab', target);
          newer.onerror = () => reject(newer.error);
          newer.onsuccess = () => {
            newer.result.close();
            resolve(target);
          };
        };
      }),
    version,
  );
}

/** Every row of object stores `names` of the app's database, read by the page, and the database's version. */
export function readStored<T extends Record<string, unknown[]>>(page: Page, names: (keyof T & string)[]): Promise<{ rows: T; version: number }> {
  return page.evaluate(
    (stores) =>
      new Promise<{ rows: T; version: number }>((resolve, reject) => {
        const open = indexedDB.open('motion-lab');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(stores);
          const requests = stores.map((name) => tx.objectStore(name).getAll());
          tx.oncomplete = () => {
            resolve({ rows: Object.fromEntries(stores.map((name, i) => [name, requests[i]?.result ?? []])) as T, version: db.version });
            db.close();
          };
        };
      }),
    names,
  );
}
