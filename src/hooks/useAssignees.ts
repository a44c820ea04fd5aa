import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import type { InboxError } from '../core/errors.js';
import type { Assignee } from '../core/types.js';
import { useStoreContext } from './storeContext.js';

export interface AssigneesResult {
  /** The current user first, then users, then teams (teams only where the backend has them). */
  assignees: readonly Assignee[];
  users: readonly Assignee[];
  teams: readonly Assignee[];
  currentUser: Assignee | null;
  status: 'idle' | 'loading' | 'success' | 'error';
  error: InboxError | null;
  reload: () => Promise<void>;
}

/** Who can be assigned: from the backend where it can list them, else the provider's `directory`. */
export function useAssignees(): AssigneesResult {
  const { store } = useStoreContext('useAssignees');
  const assignees = useStore(store.state, (s) => s.assignees);
  const currentUser = useStore(store.state, (s) => s.currentUser);
  useEffect(() => {
    if (store.state.getState().assignees.status === 'idle') void store.loadAssignees();
  }, [store]);
  const users = useMemo(() => assignees.items.filter((a) => a.type === 'user'), [assignees.items]);
  const teams = useMemo(() => assignees.items.filter((a) => a.type === 'team'), [assignees.items]);
  return { assignees: assignees.items, users, teams, currentUser, status: assignees.status, error: assignees.error, reload: store.loadAssignees };
}
