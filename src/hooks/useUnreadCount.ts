import { useCallback } from 'react';
import type { Conversation } from '../core/types.js';
import { visibleUnread } from '../store/local.js';
import type { InboxState } from '../store/types.js';
import { useInboxState } from './useInboxState.js';

/**
 * The unread count to show for a conversation: the server's, or 0 once the
 * agent opened it after its last activity (kept in this browser, per agent
 * and backend); new activity brings the server's count back. `null` where
 * the backend reports no counts. Re-renders only when this conversation's
 * mark changes.
 */
export function useUnreadCount(conversation: Conversation | null | undefined): number | null {
  const id = conversation?.id;
  const opened = useInboxState(
    'useUnreadCount',
    useCallback((s: InboxState) => (id === undefined ? undefined : s.opened[id]), [id]),
  );
  return conversation ? visibleUnread(conversation, opened) : null;
}
