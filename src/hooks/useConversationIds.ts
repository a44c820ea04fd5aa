import { useStore } from 'zustand';
import type { InboxError } from '../core/errors.js';
import type { ConversationQuery } from '../core/types.js';
import { listKey } from '../store/queries.js';
import type { FetchStatus } from '../store/types.js';
import { useStoreContext } from './storeContext.js';
import { useListControls } from './useListControls.js';

const NO_IDS: readonly string[] = [];

/** The shape of a list without its rows: what `useConversations` adds `conversations` to. */
export interface ConversationListResult {
  ids: readonly string[];
  total: number;
  hasNext: boolean;
  /** Appends the next page; does nothing while one is loading or at the end. */
  loadMore: () => Promise<void>;
  status: FetchStatus;
  error: InboxError | null;
  /** A fetch the user caused is running (first load, filter change, retry). Polling is silent. */
  isFetching: boolean;
  isFetchingMore: boolean;
  loadMoreError: InboxError | null;
  /** Reloads the list (every page shown). */
  refetch: () => Promise<void>;
}

/**
 * A list's ids and paging state, without subscribing to the rows: a list
 * component built on this re-renders when rows are added, removed or
 * reordered, not when one row's content changes (rows read their own
 * conversation with `useCachedConversation`).
 */
export function useConversationIds(query: ConversationQuery = {}): ConversationListResult {
  const { store } = useStoreContext('useConversationIds');
  const key = listKey(query);
  const { loadMore, refetch } = useListControls('useConversationIds', query);
  const list = useStore(store.state, (s) => s.lists[key]);
  return {
    ids: list?.ids ?? NO_IDS,
    total: list?.total ?? 0,
    hasNext: list?.hasNext ?? false,
    loadMore,
    status: list?.status ?? 'loading',
    error: list?.error ?? null,
    isFetching: list?.isFetching ?? true,
    isFetchingMore: list?.isFetchingMore ?? false,
    loadMoreError: list?.loadMoreError ?? null,
    refetch,
  };
}
