import { InboxError } from '../core/errors.js';
import { normalizeQuery } from '../core/query.js';
import type { ConversationQuery } from '../core/types.js';
import { cancel, putEntry, retain, runOnce } from './core.js';
import type { Holders, Inflight, StoreCore } from './core.js';
import { sanitizeTotal } from './lists.js';
import { toListQuery } from './queries.js';
import type { CountState } from './types.js';

/** How long after the last assign or resolve settles the observed counts are asked again. One request per count for a whole burst. */
export const COUNTS_SETTLE_MS = 100;

/** A count's identity: the filters only (page and limit do not change a total). */
export function countKey(query: ConversationQuery = {}): string {
  const q = toListQuery(query);
  return JSON.stringify([q.status, q.channel ?? null, q.assigneeId ?? null, q.unassigned ?? false]);
}

/**
 * How many conversations a query matches, from the `total` of a one-row page
 * (`limit: 1`). Counts live beside the lists and never touch them: a count
 * request writes no conversation and no list, so it can neither block nor
 * reorder what the agent sees. A count that cannot be known is `null`, never 0.
 */
export function createCounts(core: StoreCore) {
  const { adapter, capabilities } = core;
  const reads = new Map<string, Inflight>();
  const observers: Holders<ConversationQuery> = new Map();
  let pendingMutations = 0;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;

  const setCount = (key: string, value: CountState) =>
    putEntry(core, 'counts', key, (current) =>
      current && current.count === value.count && current.status === value.status && current.error === value.error ? current : value,
    );

  /**
   * Asks for one count. Identical concurrent calls share a request; with
   * `fresh`, a request already running is dropped for a new one (its answer
   * may predate a change the caller knows about).
   */
  function fetchCount(query: ConversationQuery, fresh = false): Promise<void> {
    const key = countKey(query);
    if (fresh && !core.isDestroyed()) cancel(reads, key);
    return runOnce(
      core,
      reads,
      key,
      async (signal) => {
        if (!core.get().counts[key]) setCount(key, { count: null, status: 'loading', error: null });
        const page = await adapter.listConversations(normalizeQuery({ ...toListQuery(query), page: 1, limit: 1 }, capabilities), { signal });
        if (signal.aborted) return;
        const total = sanitizeTotal(page?.total);
        if (total === undefined) throw new InboxError('invalid_response', 'The server sent no usable total for this count.');
        setCount(key, { count: total, status: 'success', error: null });
      },
      // Unknown is shown as nothing: a stale number could claim what is no longer true.
      (error) => setCount(key, { count: null, status: 'error', error }),
    );
  }

  /** Marks a count as shown: asks for it, and keeps it fresh until the returned function is called. */
  function observeCount(query: ConversationQuery): () => void {
    const key = countKey(query);
    const release = retain(observers, key, query, (last) => {
      if (last && cancel(reads, key)) putEntry(core, 'counts', key, (count) => (count?.status === 'loading' ? undefined : count));
    });
    if (observers.get(key)!.n === 1) void fetchCount(query);
    return release;
  }

  /** Asks every shown count again (polling, focus). */
  async function refresh(fresh?: boolean): Promise<void> {
    await Promise.all([...observers.values()].map((o) => fetchCount(o.value, fresh)));
  }

  // Assign and resolve move conversations between views: once the last one of a burst has
  // settled (none running, none started within COUNTS_SETTLE_MS), each shown count is asked once.
  core.subscribe((event) => {
    if (!('mutation' in event) || event.mutation === 'note') return;
    clearTimeout(settleTimer);
    if (event.type === 'mutation.started') {
      pendingMutations++;
      return;
    }
    // Settled (succeeded, failed, or undone in its window). A refusal before any request (e.g. teams
    // unsupported) reports a failure without a start.
    pendingMutations = Math.max(0, pendingMutations - 1);
    if (pendingMutations === 0) settleTimer = setTimeout(() => void refresh(true), COUNTS_SETTLE_MS);
  });

  return { fetchCount, observeCount, refresh: () => refresh() };
}

export type Counts = ReturnType<typeof createCounts>;
