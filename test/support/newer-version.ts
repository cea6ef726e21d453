/**
 * What a newer version of the app does to the database in another tab: opens it at a higher
 * version (here 50), which asks every open connection to close, and closes it again. Kept out of
 * src/, where only the store may open the database (src/lib/store/handle.test.ts).
 */
export function openAsNewerVersion(name: string, version = 50): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const newer = indexedDB.open(name, version);
    newer.onsuccess = () => {
      newer.result.close();
      resolve();
    };
    newer.onerror = () => reject(newer.error);
  });
}
