import { useCallback, useEffect } from 'react';
import type { Assignee } from '../core/types.js';
import type { InboxState } from '../store/types.js';
import { useStoreContext } from './storeContext.js';
import { useInboxState } from './useInboxState.js';

/**
 * The name to show for an assignee: its own, else the one the store knows
 * (the signed-in agent, the assignees it loaded, the provider's directory),
 * else the id. A WhatsApp list row carries only `assigneeId`, so without this
 * rows would show raw ids although the host passed names.
 *
 * Where the backend cannot list assignees, the directory is all there is to
 * load, at no cost: the first row that needs a name loads it (no request).
 */
export function useAssigneeName(assignee: Pick<Assignee, 'type' | 'id' | 'name'> | null | undefined): string | null {
  const { store } = useStoreContext('useAssigneeName');
  const type = assignee?.type;
  const id = assignee?.id;
  const own = assignee?.name || undefined;
  const known = useInboxState(
    'useAssigneeName',
    useCallback(
      (s: InboxState) => {
        if (own !== undefined || id === undefined) return undefined;
        if (type === 'user' && s.currentUser?.id === id && s.currentUser.name) return s.currentUser.name;
        for (const a of s.assignees.items) if (a.type === type && a.id === id) return a.name || undefined;
        return undefined;
      },
      [own, type, id],
    ),
  );
  const missing = own === undefined && id !== undefined;
  useEffect(() => {
    if (missing && !store.adapter.listAssignees && store.state.getState().assignees.status === 'idle') void store.loadAssignees();
  }, [store, missing]);
  return own ?? known ?? id ?? null;
}
