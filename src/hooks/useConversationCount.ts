import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { ConversationQuery } from '../core/types.js';
import { countKey } from '../store/counts.js';
import type { FetchStatus } from '../store/types.js';
import { useStoreContext } from './storeContext.js';

export interface ConversationCountResult {
  /** How many conversations match, from the backend's `total`; `null` while unknown (loading, failed, or a filter the backend lacks). Never a guessed 0. */
  count: number | null;
  status: FetchStatus;
}

/**
 * How many conversations match `query` (its page and limit are ignored),
 * asked with a one-row page, shared by every component showing the same
 * count and kept fresh with the lists. Pass `null` to show no count.
 */
export function useConversationCount(query: ConversationQuery | null): ConversationCountResult {
  const { store } = useStoreContext('useConversationCount');
  const key = query ? countKey(query) : null;
  const queryRef = useRef(query);
  useEffect(() => {
    queryRef.current = query;
  });
  useEffect(() => (queryRef.current ? store.observeCount(queryRef.current) : undefined), [store, key]);
  const count = useStore(store.state, (s) => (key === null ? undefined : s.counts[key]?.count));
  const status = useStore(store.state, (s) => (key === null ? undefined : s.counts[key]?.status));
  return { count: count ?? null, status: status ?? 'loading' };
}
