import type { SaveStorage } from '../story';

/**
 * Saves that last one viewing: a kiosk's visitors never get "Continue?" or the last visitor's
 * endings. What a kiosk keeps of a viewing is its record.
 */
export function createMemoryStorage(): SaveStorage {
  const values = new Map<string, string>();
  return {
    read: (key) => values.get(key) ?? null,
    write: (key, value) => void values.set(key, value),
    remove: (key) => void values.delete(key),
  };
}
