import { toInboxError } from '../core/errors.js';
import { normalizeQuery } from '../core/query.js';
import type { ConversationPage, ConversationQuery } from '../core/types.js';
import type { StoreCore } from './core.js';
import type { Entities } from './entities.js';
import { DEFAULT_POLL_INTERVAL_MS } from './options.js';
import { listKey, toListQuery } from './queries.js';
import type { ListQuery } from './queries.js';
import { withEntry, withoutEntry } from './records.js';
import type { ListState } from './types.js';

/** How many pages a revalidation (poll, focus, mount) reloads at most. */
export const REVALIDATE_PAGES = 5;

/** A total as a count, or `undefined` when the server's is not one (negative, fractional, not a number). */
export function sanitizeTotal(total: unknown): number | undefined {
  return typeof total === 'number' && Number.isSafeInteger(total) && total >= 0 ? total : undefined;
}

/** How many pages a list of `total` rows has at most. */
function pageCount(total: number, limit: number): number {
  return Math.ceil(total / limit);
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/**
 * Reconciles the rows a list holds with a fresh read of its head. With
 * `complete` the head is the whole list. Otherwise the rows held after the
 * last revalidated row stay after the head, in their order and without
 * repeats; the rows held before it that the head no longer has left the
 * list (the server listed that stretch without them). Identity, not offsets:
 * rows that slid across the page boundary are neither lost nor doubled.
 */
export function reviseIds(held: readonly string[], head: readonly string[], complete: boolean): readonly string[] {
  if (complete) return sameIds(held, head) ? held : head;
  // The common case (nothing new at the top): keep the array, without rebuilding 100,000 ids.
  if (head.length <= held.length && head.every((id, i) => id === held[i])) return held;
  let cut = -1;
  let positions: Map<string, number> | null = null;
  for (let i = head.length - 1, tries = 0; i >= 0 && cut === -1; i--, tries++) {
    if (tries === 8) positions = new Map(held.map((id, at) => [id, at]));
    cut = positions ? (positions.get(head[i]!) ?? -1) : held.indexOf(head[i]!);
  }
  const inHead = new Set(head);
  const ids = [...head];
  for (let i = cut + 1; i < held.length; i++) if (!inHead.has(held[i]!)) ids.push(held[i]!);
  return sameIds(held, ids) ? held : ids;
}

interface Inflight {
  abort(): void;
  promise: Promise<void>;
}

export function createLists(core: StoreCore, entities: Entities) {
  const { adapter, capabilities } = core;
  const listInflight = new Map<string, Inflight>();
  const moreInflight = new Map<string, Inflight>();
  const observers = new Map<string, { count: number; query: ConversationQuery }>();
  // Bumped when a list stops being shown: answers from before are discarded.
  const generations = new Map<string, number>();
  const generationOf = (key: string) => generations.get(key) ?? 0;
  // The last page loadMore asked for that brought nothing new, per list.
  const stalledPage = new Map<string, number>();
  // When hydrated data was fetched, per list: shown without a request while fresh.
  const hydratedAt = new Map<string, number>();
  const deferred = new Set<ReturnType<typeof setTimeout>>();
  // The id set of each ids array, so appending page after page stays linear.
  const idSets = new WeakMap<readonly string[], Set<string>>();
  const membersOf = (ids: readonly string[]): Set<string> => {
    let set = idSets.get(ids);
    if (!set) idSets.set(ids, (set = new Set(ids)));
    return set;
  };

  function setList(key: string, patch: Partial<ListState>) {
    core.set((s) => {
      const list = s.lists[key];
      return list ? { lists: withEntry(s.lists, key, { ...list, ...patch }) } : {};
    });
  }

  function emptyList(key: string, query: ListQuery): ListState {
    return { key, query, ids: [], total: 0, hasNext: false, pagesLoaded: 0, status: 'loading', error: null, isFetching: true, isFetchingMore: false, loadMoreError: null };
  }

  /** One page, its request order taken as it is sent. */
  async function requestPage(query: ListQuery, page: number, signal: AbortSignal): Promise<{ page: ConversationPage; seq: number }> {
    const normalized = normalizeQuery({ ...query, page }, capabilities);
    const seq = core.nextSeq();
    return { page: await adapter.listConversations(normalized, { signal }), seq };
  }

  function fetchList(query: ConversationQuery, { background = false, revalidate = false } = {}): Promise<void> {
    const key = listKey(query);
    const listQuery = toListQuery(query);
    const running = listInflight.get(key);
    if (running) return running.promise;
    if (core.isDestroyed()) return Promise.resolve();

    const existing = core.get().lists[key];
    const generation = generationOf(key);
    const request = core.open();
    if (!existing) core.set((s) => ({ lists: withEntry(s.lists, key, emptyList(key, listQuery)) }));
    else if (!background) setList(key, { isFetching: true, ...(existing.status === 'error' && { status: 'loading' }) });
    const stale = () => request.signal.aborted || generationOf(key) !== generation || core.isDestroyed();

    const run = async () => {
      try {
        // A reload fetches every page shown; a revalidation only the first REVALIDATE_PAGES,
        // where new activity lands. Rows held beyond stay (see reviseIds).
        const loaded = Math.max(1, existing?.pagesLoaded ?? 1);
        const pagesToLoad = revalidate ? Math.min(loaded, REVALIDATE_PAGES) : loaded;
        const pages: Array<{ page: ConversationPage; seq: number }> = [];
        let complete = false;
        for (let page = 1; page <= pagesToLoad; page++) {
          const answer = await requestPage(listQuery, page, request.signal);
          pages.push(answer);
          const total = sanitizeTotal(answer.page.total);
          // An empty page, or the last page the total allows, ends the list.
          if (!answer.page.hasNext || answer.page.conversations.length === 0 || (total !== undefined && page >= pageCount(total, listQuery.limit))) {
            complete = true;
            break;
          }
        }
        if (stale()) return;
        // Read from the top: the agent's own rows pinned before this read take the server's order here now.
        entities.readTop(key, pages[0]!.seq);
        const head: string[] = [];
        const seen = new Set<string>();
        let excluded = 0;
        for (const { page, seq } of pages) {
          const written = entities.writeRows(page.conversations ?? [], seq, listQuery);
          excluded += written.excluded;
          for (const id of written.ids) {
            if (seen.has(id)) continue;
            seen.add(id);
            head.push(id);
          }
        }
        const last = pages[pages.length - 1]!.page;
        stalledPage.delete(key);
        hydratedAt.delete(key);
        core.set((s) => {
          const current = s.lists[key] ?? emptyList(key, listQuery);
          const ids = reviseIds(current.ids, head, complete);
          const tail = ids.length - head.length;
          const served = sanitizeTotal(last.total);
          const total = Math.max(served === undefined ? current.total : served - excluded, ids.length);
          const next: ListState = {
            ...current,
            ids,
            total,
            hasNext: complete ? false : tail > 0 ? current.hasNext : last.hasNext,
            pagesLoaded: complete ? pages.length : Math.max(pages.length, Math.ceil(ids.length / listQuery.limit)),
            status: 'success',
            error: null,
            isFetching: false,
          };
          const unchanged = (Object.keys(next) as Array<keyof ListState>).every((k) => next[k] === current[k]);
          return unchanged ? {} : { lists: withEntry(s.lists, key, next) };
        });
      } catch (caught) {
        if (stale()) return;
        const error = toInboxError(caught);
        core.set((s) => {
          const current = s.lists[key] ?? emptyList(key, listQuery);
          return { lists: withEntry<ListState>(s.lists, key, { ...current, status: current.status === 'success' ? 'success' : 'error', error, isFetching: false }) };
        });
        core.emit({ type: 'query.failed', query: 'list', key, error });
      } finally {
        request.close();
        if (listInflight.get(key)?.abort === request.abort) listInflight.delete(key);
      }
    };
    const promise = run();
    listInflight.set(key, { abort: request.abort, promise });
    return promise;
  }

  function loadMore(query: ConversationQuery): Promise<void> {
    const key = listKey(query);
    const listQuery = toListQuery(query);
    const running = moreInflight.get(key);
    if (running) return running.promise;
    const list = core.get().lists[key];
    if (!list || list.status !== 'success' || !list.hasNext || core.isDestroyed()) return Promise.resolve();
    // Page by what is shown, not by pages loaded: when rows left the list here, the server's
    // later pages slid up. Overlap is harmless (ids are de-duplicated); a page that added
    // nothing is not asked for again, so this always moves forward.
    let page = Math.floor(list.ids.length / list.query.limit) + 1;
    const stalled = stalledPage.get(key) ?? 0;
    if (page <= stalled) page = stalled + 1;
    // Never past the last page the total allows.
    if (page > pageCount(list.total, list.query.limit)) {
      setList(key, { hasNext: false });
      return Promise.resolve();
    }
    const generation = generationOf(key);
    const request = core.open();
    const stale = () => request.signal.aborted || generationOf(key) !== generation || core.isDestroyed();
    setList(key, { isFetchingMore: true, loadMoreError: null });

    const run = async () => {
      try {
        const { page: result, seq } = await requestPage(listQuery, page, request.signal);
        if (stale()) return;
        const rows = result.conversations ?? [];
        const { ids: newIds, excluded } = entities.writeRows(rows, seq, listQuery);
        core.set((s) => {
          const current = s.lists[key];
          if (!current) return {};
          // Placed by identity: whatever revalidated the list meanwhile, a row shows once, after the rows held.
          const present = membersOf(current.ids);
          const appended = newIds.filter((id) => !present.has(id));
          stalledPage.set(key, appended.length === 0 ? page : 0);
          let ids = current.ids;
          if (appended.length) {
            // The set moves on to the new array (the old one, if asked again, is counted anew): copying it
            // each page made paging in 100,000 rows quadratic (a minute, against five seconds).
            idSets.delete(current.ids);
            for (const id of appended) present.add(id);
            ids = current.ids.concat(appended);
            idSets.set(ids, present);
          }
          const served = sanitizeTotal(result.total);
          // An empty page ends paging, whatever the server claims about more.
          const ended = rows.length === 0;
          const total = ended ? ids.length : Math.max(served === undefined ? current.total : served - excluded, ids.length);
          const next: ListState = {
            ...current,
            ids,
            total,
            hasNext: !ended && result.hasNext === true && page < pageCount(total, listQuery.limit),
            pagesLoaded: Math.max(current.pagesLoaded, page),
            isFetchingMore: false,
            loadMoreError: null,
          };
          return { lists: withEntry(s.lists, key, next) };
        });
      } catch (caught) {
        if (stale()) return;
        const error = toInboxError(caught);
        setList(key, { isFetchingMore: false, loadMoreError: error });
        core.emit({ type: 'query.failed', query: 'list', key, error });
      } finally {
        request.close();
        if (moreInflight.get(key)?.abort === request.abort) moreInflight.delete(key);
      }
    };
    const promise = run();
    moreInflight.set(key, { abort: request.abort, promise });
    return promise;
  }

  /** Whether hydrated data for `key` is still fresh enough to show without asking again. */
  function freshFromHydration(key: string): boolean {
    const at = hydratedAt.get(key);
    if (at === undefined) return false;
    const interval = core.settings.pollIntervalMs || DEFAULT_POLL_INTERVAL_MS;
    return core.now() - at < interval;
  }

  function observeList(query: ConversationQuery): () => void {
    const key = listKey(query);
    const observer = observers.get(key) ?? { count: 0, query };
    observer.count++;
    observers.set(key, observer);
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (freshFromHydration(key)) {
      // Data from the server render: shown as it is; the next poll revalidates it.
    } else if (core.get().lists[key]?.status === 'success') {
      // Cached data shows at once; its revalidation waits a task, so the first paint is not held up by it.
      timer = setTimeout(() => {
        deferred.delete(timer!);
        void fetchList(query, { revalidate: true });
      }, 0);
      deferred.add(timer);
    } else void fetchList(query, { revalidate: true });
    let done = false;
    return () => {
      if (done) return;
      done = true;
      if (timer !== undefined) {
        clearTimeout(timer);
        deferred.delete(timer);
      }
      observer.count--;
      if (observer.count > 0) return;
      observers.delete(key);
      // Nobody shows this list any more: stop its requests and ignore their answers.
      const inflight = [listInflight.get(key), moreInflight.get(key)];
      if (inflight.some(Boolean)) {
        generations.set(key, generationOf(key) + 1);
        for (const request of inflight) request?.abort();
        listInflight.delete(key);
        moreInflight.delete(key);
        core.set((s) => {
          const list = s.lists[key];
          if (!list) return {};
          if (list.status === 'success') return { lists: withEntry<ListState>(s.lists, key, { ...list, isFetching: false, isFetchingMore: false }) };
          return { lists: withoutEntry(s.lists, key) };
        });
      }
    };
  }

  /** Shows a list fetched elsewhere (hydration), as fresh as `fetchedAt`. */
  function hydrate(list: Pick<ListState, 'query' | 'ids' | 'total' | 'hasNext' | 'pagesLoaded'>, fetchedAt: number) {
    const key = listKey(list.query);
    const query = toListQuery(list.query);
    const state: ListState = { ...emptyList(key, query), ids: list.ids, total: list.total, hasNext: list.hasNext, pagesLoaded: list.pagesLoaded, status: 'success', isFetching: false };
    core.set((s) => ({ lists: withEntry(s.lists, key, state) }));
    hydratedAt.set(key, fetchedAt);
  }

  function destroy() {
    for (const timer of deferred) clearTimeout(timer);
    deferred.clear();
    for (const map of [listInflight, moreInflight]) {
      for (const request of map.values()) request.abort();
      map.clear();
    }
  }

  return { fetchList, loadMore, observeList, hydrate, destroy, observed: () => [...observers.values()].map((o) => o.query) };
}

export type Lists = ReturnType<typeof createLists>;
