import { useCallback, useEffect } from 'react';
import { useStore } from 'zustand';
import type { InboxError } from '../core/errors.js';
import type { Conversation } from '../core/types.js';
import type { FetchStatus } from '../store/types.js';
import { useStoreContext } from './storeContext.js';

export interface ConversationResult {
  /** What the store holds: the cached list row at once, the full conversation once loaded. */
  conversation: Conversation | undefined;
  /** `idle` when no id is given. `loading` while the full conversation is on its way (the row may already show). */
  status: FetchStatus | 'idle';
  error: InboxError | null;
  isFetching: boolean;
  refetch: () => Promise<void>;
}

/** One conversation, loaded in full (history, notes) when opened and kept fresh while shown. */
export function useConversation(id: string | null | undefined): ConversationResult {
  const { store } = useStoreContext('useConversation');
  useEffect(() => (id ? store.observeConversation(id) : undefined), [store, id]);
  const conversation = useStore(store.state, (s) => (id ? s.conversations[id] : undefined));
  const detail = useStore(store.state, (s) => (id ? s.details[id] : undefined));
  const refetch = useCallback(() => (id ? store.fetchConversation(id) : Promise.resolve()), [store, id]);
  return {
    conversation,
    status: !id ? 'idle' : (detail?.status ?? 'loading'),
    error: detail?.error ?? null,
    isFetching: detail?.isFetching ?? !!id,
    refetch,
  };
}
