import { describe, expect, test, vi } from 'vitest';
import { ensurePersistentStorage, readStorageStatus } from './persistence';

function fakeStorage(overrides: Partial<StorageManager>): StorageManager {
  return overrides as StorageManager;
}

describe('readStorageStatus', () => {
  test('reports usage, quota and persistence', async () => {
    const storage = fakeStorage({
      estimate: async () => ({ usage: 1000, quota: 5000 }),
      persisted: async () => true,
    });
    expect(await readStorageStatus(storage)).toEqual({ usageBytes: 1000, quotaBytes: 5000, persisted: true });
  });

  test('says "unknown" where the browser has no StorageManager', async () => {
    expect(await readStorageStatus(undefined)).toEqual({ usageBytes: null, quotaBytes: null, persisted: null });
  });
});

describe('ensurePersistentStorage', () => {
  test('asks only when not already persistent', async () => {
    const persist = vi.fn(async () => true);
    expect(await ensurePersistentStorage(fakeStorage({ persisted: async () => true, persist }))).toBe(true);
    expect(persist).not.toHaveBeenCalled();
    expect(await ensurePersistentStorage(fakeStorage({ persisted: async () => false, persist }))).toBe(true);
    expect(persist).toHaveBeenCalledOnce();
  });

  test('reports a refusal, and copes with no API', async () => {
    expect(await ensurePersistentStorage(fakeStorage({ persisted: async () => false, persist: async () => false }))).toBe(false);
    expect(await ensurePersistentStorage(undefined)).toBe(false);
  });
});
