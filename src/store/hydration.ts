import type { Conversation } from '../core/types.js';
import type { StoreCore } from './core.js';
import type { Entities } from './entities.js';
import type { Lists } from './lists.js';
import type { ListQuery } from './queries.js';
import { sanitizeTotal } from './lists.js';

/** One list as `dehydrate()` captures it. */
export interface DehydratedList {
  query: ListQuery;
  ids: string[];
  total: number;
  hasNext: boolean;
  pagesLoaded: number;
}

/**
 * What `store.dehydrate()` returns and `initialState` takes: the lists loaded
 * and the conversations they show, as plain JSON, with when it was fetched.
 */
export interface DehydratedInbox {
  version: 1;
  /** When the data was fetched (ms since the epoch, the store's clock). */
  fetchedAt: number;
  lists: DehydratedList[];
  conversations: Conversation[];
}

/** Captures every loaded list and the conversations they reference, as plain JSON (a deep copy). */
export function dehydrate(core: StoreCore, fetchedAt: number): DehydratedInbox {
  const state = core.get();
  const lists: DehydratedList[] = [];
  const referenced = new Set<string>();
  for (const key of Object.keys(state.lists)) {
    const list = state.lists[key]!;
    if (list.status !== 'success') continue;
    const ids = list.ids.filter((id) => state.conversations[id] !== undefined);
    for (const id of ids) referenced.add(id);
    lists.push({ query: { ...list.query }, ids, total: list.total, hasNext: list.hasNext, pagesLoaded: list.pagesLoaded });
  }
  const conversations = [...referenced].map((id) => state.conversations[id]!);
  return JSON.parse(JSON.stringify({ version: 1, fetchedAt, lists, conversations })) as DehydratedInbox;
}

/**
 * Shows a snapshot at once, as if its lists had just loaded. Conversations go
 * through the write path like any read (the oldest request order, so any
 * real answer is newer); malformed parts are skipped rather than trusted.
 */
export function hydrate(core: StoreCore, entities: Entities, lists: Lists, snapshot: DehydratedInbox | null | undefined): void {
  if (!snapshot || typeof snapshot !== 'object' || !Array.isArray(snapshot.lists) || !Array.isArray(snapshot.conversations)) return;
  entities.writeRows(snapshot.conversations, 0);
  const fetchedAt = typeof snapshot.fetchedAt === 'number' && Number.isFinite(snapshot.fetchedAt) ? snapshot.fetchedAt : 0;
  const known = core.get().conversations;
  for (const list of snapshot.lists) {
    if (!list || typeof list !== 'object' || !list.query || !Array.isArray(list.ids)) continue;
    const ids = [...new Set(list.ids.filter((id): id is string => typeof id === 'string' && known[id] !== undefined))];
    const total = Math.max(sanitizeTotal(list.total) ?? ids.length, ids.length);
    const pagesLoaded = sanitizeTotal(list.pagesLoaded) ?? 1;
    lists.hydrate({ query: list.query, ids, total, hasNext: list.hasNext === true, pagesLoaded }, fetchedAt);
  }
}
