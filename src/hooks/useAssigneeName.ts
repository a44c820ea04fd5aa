import { useCallback, useEffect } from 'react';
import type { Assignee } from '../core/types.js';
import type { InboxState } from '../store/types.js';
import { useStoreContext } from './storeContext.js';
import { useInboxState } from './useInboxState.js';

type AssigneeRef = Pick<Assignee, 'type' | 'id' | 'name'> | null | undefined;

/**
 * The name to show for an assignee: its own, else the one the store knows
 * (the signed-in agent, the assignees it loaded, the provider's directory),
 * else the id. A WhatsApp list row carries only `assigneeId`, so without this
 * rows would show raw ids although the host passed names.
 *
 * Where the backend cannot list assignees, the directory is all there is to
 * load, at no cost: the first row that needs a name loads it (no request).
 */
export function useAssigneeName(assignee: AssigneeRef): string | null {
  const type = assignee?.type;
  const id = assignee?.id;
  const own = assignee?.name || undefined;
  const known = useInboxState(
    'useAssigneeName',
    useCallback((s: InboxState) => knownAssigneeName(s, own === undefined && id !== undefined ? { type: type!, id } : undefined), [own, type, id]),
  );
  useAssigneeDirectory(own === undefined && id !== undefined, 'useAssigneeName');
  return own ?? known ?? id ?? null;
}

/**
 * The name the store knows for an assignee without one of its own (a selector's part, so a list row
 * can read it in the one subscription it makes for all its state).
 */
export function knownAssigneeName(s: InboxState, assignee: Pick<Assignee, 'type' | 'id'> | undefined): string | undefined {
  if (!assignee) return undefined;
  const { type, id } = assignee;
  if (type === 'user' && s.currentUser?.id === id && s.currentUser.name) return s.currentUser.name;
  for (const a of s.assignees.items) if (a.type === type && a.id === id) return a.name || undefined;
  return undefined;
}

/** Loads the provider's directory when a name is missing and the backend cannot list assignees (no request). */
export function useAssigneeDirectory(missing: boolean, hookName: string): void {
  const { store } = useStoreContext(hookName);
  useEffect(() => {
    if (missing && !store.adapter.listAssignees && store.state.getState().assignees.status === 'idle') void store.loadAssignees();
  }, [store, missing]);
}
