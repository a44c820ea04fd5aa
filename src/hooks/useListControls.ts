import { useCallback, useEffect, useRef } from 'react';
import type { ConversationQuery } from '../core/types.js';
import { listKey } from '../store/queries.js';
import { useStoreContext } from './storeContext.js';

/** How to page and reload a list that is shown. */
export interface ListControls {
  /** Appends the next page; does nothing while one is loading or at the end. */
  loadMore: () => Promise<void>;
  /** Reloads the list (every page shown). */
  refetch: () => Promise<void>;
}

/**
 * Marks a list as shown while mounted (it loads, or revalidates cached rows,
 * and stays fresh) and returns its paging calls, without subscribing to it:
 * a component that selects only the fields it shows does not re-render when
 * another one changes (a background refetch toggling `isFetching`).
 */
export function useListControls(hookName: string, query: ConversationQuery = {}): ListControls {
  const { store } = useStoreContext(hookName);
  const key = listKey(query);
  const queryRef = useRef(query);
  useEffect(() => {
    queryRef.current = query;
  });
  useEffect(() => store.observeList(queryRef.current), [store, key]);
  const loadMore = useCallback(() => store.loadMore(queryRef.current), [store]);
  const refetch = useCallback(() => store.fetchList(queryRef.current), [store]);
  return { loadMore, refetch };
}
