import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { Conversation, ConversationQuery } from '../core/types.js';
import { useInboxContext } from './context.js';
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
  const { store } = useInboxContext('useConversations');
  const list = useConversationIds(query);
  const ids = list.ids;
  const conversations = useStore(
    store.state,
    useShallow((s) => {
      const rows: Conversation[] = [];
      for (const id of ids) {
        const row = s.conversations[id];
        if (row) rows.push(row);
      }
      return rows;
    }),
  );
  return { ...list, conversations };
}
