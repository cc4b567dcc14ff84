import type { SaveStorage } from '../story';

/**
 * localStorage as the story's save storage. Storage can be blocked or full (private modes,
 * kiosks); then saving silently does nothing and the film still plays.
 */
export const browserStorage: SaveStorage = {
  read(key) {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  write(key, value) {
    try {
      window.localStorage.setItem(key, value);
    } catch {
      /* see above */
    }
  },
  remove(key) {
    try {
      window.localStorage.removeItem(key);
    } catch {
      /* see above */
    }
  },
};

export function readJson(storage: SaveStorage, key: string): unknown {
  const text = storage.read(key);
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
