/** What the operator panel shows of the kiosk's storage. */
export interface StorageStatus {
  /** Whether the browser keeps this site's data under storage pressure; null where it cannot say. */
  readonly persisted: boolean | null;
  /** Bytes this site uses and may use (`navigator.storage.estimate()`), or null where unknown. */
  readonly usage: number | null;
  readonly quota: number | null;
}

/**
 * Asks the browser to keep the kiosk's data (the film cache, the viewing records) when the device
 * runs short of space, instead of evicting it as it may for any site. Browsers decide by their own
 * rules (Chromium grants it to installed apps and sites with engagement, Firefox asks the user), so
 * the answer is reported, never assumed. Kiosk mode only: a viewer's browser is left to its defaults.
 */
export async function requestPersistentStorage(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<StorageStatus> {
  if (storage?.persist) {
    try {
      // persisted() first: a site already granted need not ask again.
      if (!(await storage.persisted())) await storage.persist();
    } catch (error) {
      console.warn(`sightline: persistent storage could not be requested (${String(error)})`);
    }
  }
  return readStorageStatus(storage);
}

/** Whether storage is persistent, and how much is used of how much, without asking for anything. */
export async function readStorageStatus(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<StorageStatus> {
  const [persisted, estimate] = await Promise.all([
    storage?.persisted ? storage.persisted().catch(() => null) : null,
    storage?.estimate ? storage.estimate().catch(() => null) : null,
  ]);
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}
