/**
 * Where note drafts (and what else the kit keeps in this browser) are kept
 * between page loads: the subset of the Web Storage API InboxKit uses, so
 * `localStorage`, `sessionStorage` or a custom object all fit.
 */
export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A storage that lives as long as the page (the fallback where `localStorage` is missing or blocked). */
export function createMemoryStorage(): DraftStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

/**
 * `localStorage` where it exists and works, else memory. Called from effects
 * only: touching storage during render would break server-side rendering,
 * and reading it can throw (blocked cookies, sandboxed frames).
 */
export function defaultDraftStorage(): DraftStorage {
  try {
    const storage = (globalThis as { localStorage?: DraftStorage | undefined }).localStorage;
    if (storage) {
      const probe = '__inboxkit_probe__';
      storage.setItem(probe, probe);
      storage.removeItem(probe);
      return storage;
    }
  } catch {
    // Blocked or full: fall through to memory.
  }
  return createMemoryStorage();
}
