import { InboxError, toInboxError } from '../core/errors.js';
import { normalizeQuery } from '../core/query.js';
import type { ConversationQuery } from '../core/types.js';
import type { StoreCore } from './core.js';
import type { InboxEvent } from './events.js';
import { sanitizeTotal } from './lists.js';
import { toListQuery } from './queries.js';
import { withEntry, withoutEntry } from './records.js';
import type { CountState } from './types.js';

/** How long after the last assign or resolve settles the observed counts are asked again. One request per count for a whole burst. */
export const COUNTS_SETTLE_MS = 100;

/** A count's identity: the filters only (page and limit do not change a total). */
export function countKey(query: ConversationQuery = {}): string {
  const q = toListQuery(query);
  return JSON.stringify([q.status, q.channel ?? null, q.assigneeId ?? null, q.unassigned ?? false]);
}

interface Inflight {
  abort(): void;
  promise: Promise<void>;
}

/**
 * How many conversations a query matches, from the `total` of a one-row page
 * (`limit: 1`). Counts live beside the lists and never touch them: a count
 * request writes no conversation and no list, so it can neither block nor
 * reorder what the agent sees. A count that cannot be known is `null`, never 0.
 */
export function createCounts(core: StoreCore) {
  const { adapter, capabilities } = core;
  const inflight = new Map<string, Inflight>();
  const observers = new Map<string, { count: number; query: ConversationQuery }>();
  // Bumped when a count stops being shown or must be asked again: older answers are discarded.
  const generations = new Map<string, number>();
  const generationOf = (key: string) => generations.get(key) ?? 0;
  let pendingMutations = 0;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;

  function setCount(key: string, value: CountState) {
    core.set((s) => {
      const current = s.counts[key];
      if (current && current.count === value.count && current.status === value.status && current.error === value.error) return {};
      return { counts: withEntry(s.counts, key, value) };
    });
  }

  /**
   * Asks for one count. Identical concurrent calls share a request; with
   * `fresh`, a request already running is dropped for a new one (its answer
   * may predate a change the caller knows about).
   */
  function fetchCount(query: ConversationQuery, { fresh = false } = {}): Promise<void> {
    const key = countKey(query);
    const running = inflight.get(key);
    if (running && !fresh) return running.promise;
    if (core.isDestroyed()) return Promise.resolve();
    if (running) {
      generations.set(key, generationOf(key) + 1);
      running.abort();
      inflight.delete(key);
    }
    const generation = generationOf(key);
    const request = core.open();
    const stale = () => request.signal.aborted || generationOf(key) !== generation || core.isDestroyed();
    if (!core.get().counts[key]) setCount(key, { count: null, status: 'loading', error: null });

    const run = async () => {
      try {
        const normalized = normalizeQuery({ ...toListQuery(query), page: 1, limit: 1 }, capabilities);
        const page = await adapter.listConversations(normalized, { signal: request.signal });
        if (stale()) return;
        const total = sanitizeTotal(page?.total);
        if (total === undefined) throw new InboxError('invalid_response', 'The server sent no usable total for this count.');
        setCount(key, { count: total, status: 'success', error: null });
      } catch (caught) {
        if (stale()) return;
        // Unknown is shown as nothing: a stale number could claim what is no longer true.
        setCount(key, { count: null, status: 'error', error: toInboxError(caught) });
      } finally {
        request.close();
        if (inflight.get(key)?.abort === request.abort) inflight.delete(key);
      }
    };
    const promise = run();
    inflight.set(key, { abort: request.abort, promise });
    return promise;
  }

  /** Marks a count as shown: asks for it, and keeps it fresh until the returned function is called. */
  function observeCount(query: ConversationQuery): () => void {
    const key = countKey(query);
    const observer = observers.get(key) ?? { count: 0, query };
    observer.count++;
    observers.set(key, observer);
    if (observer.count === 1) void fetchCount(query);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      observer.count--;
      if (observer.count > 0) return;
      observers.delete(key);
      const running = inflight.get(key);
      if (!running) return;
      generations.set(key, generationOf(key) + 1);
      running.abort();
      inflight.delete(key);
      core.set((s) => (s.counts[key]?.status === 'loading' ? { counts: withoutEntry(s.counts, key) } : {}));
    };
  }

  /** Asks every shown count again (polling, focus). */
  async function refresh({ fresh = false } = {}): Promise<void> {
    await Promise.all([...observers.values()].map((o) => fetchCount(o.query, { fresh })));
  }

  // Assign and resolve move conversations between views: once the last one of a burst has
  // settled (none running, none started within COUNTS_SETTLE_MS), each shown count is asked once.
  function onEvent(event: InboxEvent) {
    if (event.type !== 'mutation.started' && event.type !== 'mutation.succeeded' && event.type !== 'mutation.failed') return;
    if (event.mutation === 'note') return;
    if (event.type === 'mutation.started') {
      pendingMutations++;
      if (settleTimer !== undefined) clearTimeout(settleTimer);
      settleTimer = undefined;
      return;
    }
    // A refusal before any request (e.g. teams unsupported) reports a failure without a start.
    pendingMutations = Math.max(0, pendingMutations - 1);
    if (pendingMutations > 0) return;
    if (settleTimer !== undefined) clearTimeout(settleTimer);
    settleTimer = setTimeout(() => {
      settleTimer = undefined;
      void refresh({ fresh: true });
    }, COUNTS_SETTLE_MS);
  }
  const unsubscribe = core.subscribe(onEvent);

  function destroy() {
    unsubscribe();
    if (settleTimer !== undefined) clearTimeout(settleTimer);
    settleTimer = undefined;
    for (const request of inflight.values()) request.abort();
    inflight.clear();
    observers.clear();
  }

  return { fetchCount, observeCount, refresh: () => refresh(), destroy };
}

export type Counts = ReturnType<typeof createCounts>;
