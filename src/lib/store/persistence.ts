export interface StorageStatus {
  /** Bytes this origin uses, or null where the browser does not say. */
  usageBytes: number | null;
  /** Bytes this origin may use, or null where the browser does not say. */
  quotaBytes: number | null;
  /** Whether the browser promised not to evict the data; null where it cannot promise. */
  persisted: boolean | null;
}

/** Reads how much the app stores and may store. `storage` is `navigator.storage`. */
export async function readStorageStatus(storage: StorageManager | undefined): Promise<StorageStatus> {
  const estimate = storage?.estimate ? await storage.estimate() : {};
  const persisted = storage?.persisted ? await storage.persisted() : null;
  return {
    usageBytes: estimate.usage ?? null,
    quotaBytes: estimate.quota ?? null,
    persisted,
  };
}

/**
 * Asks the browser to keep the app's data even under storage pressure. Called when the first
 * data is saved, not at start-up: browsers grant it more readily to a site the user has
 * engaged with, and asking before there is anything to keep would be noise. Returns whether the
 * data is now persistent.
 */
export async function ensurePersistentStorage(storage: StorageManager | undefined): Promise<boolean> {
  if (!storage?.persist) return false;
  if (storage.persisted && (await storage.persisted())) return true;
  return storage.persist();
}
