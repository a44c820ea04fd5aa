import type { StoreCore } from './core.js';
import { copyDict, dict } from './records.js';

/**
 * Where note drafts are kept between page loads: the subset of the Web
 * Storage API InboxKit uses, so `localStorage`, `sessionStorage` or a custom
 * object all fit.
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

/** Reads the saved drafts, ignoring anything malformed rather than failing the inbox. */
export function readDrafts(storage: DraftStorage, key: string): Record<string, string> {
  // No prototype: a draft for a conversation named `__proto__` or `constructor` is a draft like any other.
  const drafts = dict<string>();
  try {
    const raw = storage.getItem(key);
    if (!raw) return drafts;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return drafts;
    for (const [id, text] of Object.entries(parsed)) if (typeof text === 'string' && text !== '') drafts[id] = text;
    return drafts;
  } catch {
    return drafts;
  }
}

/** Saves the drafts; a full or blocked storage loses persistence, not the draft in memory. */
export function writeDrafts(storage: DraftStorage, key: string, drafts: Record<string, string>): boolean {
  try {
    if (Object.keys(drafts).length === 0) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(drafts));
    return true;
  } catch {
    return false;
  }
}

/** The drafts slice: one draft per conversation, persisted once mounted. */
export function createDrafts(core: StoreCore, options: { storageKey?: string | undefined }) {
  const storageKey = options.storageKey ?? 'inboxkit:drafts';
  let storage: DraftStorage | null = null;

  function setDraft(id: string, text: string) {
    core.set((s) => {
      if ((s.drafts[id] ?? '') === text) return {};
      const drafts = copyDict(s.drafts);
      if (text === '') delete drafts[id];
      else drafts[id] = text;
      return { drafts };
    });
    if (storage && !core.isDestroyed()) writeDrafts(storage, storageKey, core.get().drafts);
  }

  /** Takes the storage (resolved on mount, never during render) and loads what it holds; drafts typed before win. */
  function start(given: DraftStorage) {
    storage = given;
    const saved = readDrafts(storage, storageKey);
    core.set((s) => {
      const drafts = copyDict(saved);
      for (const id of Object.keys(s.drafts)) drafts[id] = s.drafts[id]!;
      return { drafts };
    });
    writeDrafts(storage, storageKey, core.get().drafts);
  }

  return { setDraft, start };
}
