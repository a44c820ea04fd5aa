import { useCallback, useRef } from 'react';
import { useStore } from 'zustand';
import type { Conversation, ConversationQuery } from '../core/types.js';
import type { InboxState } from '../store/types.js';
import { useStoreContext } from './storeContext.js';
import { useConversationIds } from './useConversationIds.js';
import type { ConversationListResult } from './useConversationIds.js';

export interface ConversationsResult extends ConversationListResult {
  conversations: Conversation[];
}

/**
 * One filtered, infinite list of conversations: loaded when first used,
 * shown from cache at once afterwards and revalidated in the background,
 * kept fresh by polling and window focus.
 */
export function useConversations(query: ConversationQuery = {}): ConversationsResult {
  const { store } = useStoreContext('useConversations');
  const list = useConversationIds(query);
  const ids = list.ids;
  // The rows array keeps its identity while every row is the same object, so a change elsewhere re-renders nothing.
  const last = useRef<Conversation[]>([]);
  const select = useCallback(
    (s: InboxState) => {
      const rows: Conversation[] = [];
      for (const id of ids) {
        const row = s.conversations[id];
        if (row) rows.push(row);
      }
      const prev = last.current;
      return rows.length === prev.length && rows.every((row, i) => row === prev[i]) ? prev : (last.current = rows);
    },
    [ids],
  );
  const conversations = useStore(store.state, select);
  return { ...list, conversations };
}
