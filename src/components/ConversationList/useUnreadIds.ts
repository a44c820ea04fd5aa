import { useCallback, useRef } from 'react';
import { useInboxState } from '../../hooks/useInboxState.js';
import { unreadIds } from '../../store/local.js';
import type { InboxState } from '../../store/types.js';

interface Memo {
  ids: readonly string[] | undefined;
  opened: InboxState['opened'] | undefined;
  version: number;
  keep: string | null | undefined;
  result: readonly string[];
}

const NONE: readonly string[] = [];

/**
 * The Unread filter of a store list: its loaded ids that show as unread, plus
 * `keep` (the open row), or `null` when the filter is off. Client-side, over
 * the loaded rows only. While on, a change to the list, to any conversation
 * or to an opened mark costs one pass over the loaded ids (other changes,
 * such as typing a draft, cost nothing); the result keeps its identity while
 * the same ids come out, so rows do not re-render for nothing.
 */
export function useUnreadIds(key: string, enabled: boolean, keep: string | null | undefined): readonly string[] | null {
  const memo = useRef<Memo | null>(null);
  const select = useCallback(
    (s: InboxState): readonly string[] | null => {
      if (!enabled) return null;
      const ids = s.lists[key]?.ids;
      const last = memo.current;
      if (last && last.ids === ids && last.opened === s.opened && last.version === s.conversationsVersion && last.keep === keep) return last.result;
      const next = ids ? unreadIds(s, ids, keep) : NONE;
      const same = last !== null && last.result.length === next.length && next.every((id, i) => id === last.result[i]);
      const result = same ? last.result : next;
      memo.current = { ids, opened: s.opened, version: s.conversationsVersion, keep, result };
      return result;
    },
    [key, enabled, keep],
  );
  return useInboxState('ConversationList', select);
}
