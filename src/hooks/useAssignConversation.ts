import { useCallback, useState } from 'react';
import { useStore } from 'zustand';
import type { InboxError } from '../core/errors.js';
import type { Assignee, ConversationUpdate } from '../core/types.js';
import { useStoreContext } from './storeContext.js';

export interface AssignResult {
  /** Assigns optimistically. Resolves to the server's update, or `undefined` if refused (then `error` says why and the change is rolled back). */
  assign: (id: string, assignee: Pick<Assignee, 'type' | 'id'> & Partial<Assignee>) => Promise<ConversationUpdate | undefined>;
  pending: boolean;
  error: InboxError | null;
  /** Forgets the error. */
  reset: () => void;
}

/** Assigning conversations. With an id, `pending` and `error` follow that conversation; without, the last one assigned here. */
export function useAssignConversation(conversationId?: string): AssignResult {
  const { store } = useStoreContext('useAssignConversation');
  const [lastId, setLastId] = useState<string | null>(null);
  const id = conversationId ?? lastId;
  const state = useStore(store.state, (s) => (id ? s.mutations[id]?.assign : undefined));
  const assign = useCallback<AssignResult['assign']>(
    (target, assignee) => {
      setLastId(target);
      return store.assign(target, assignee).catch(() => undefined);
    },
    [store],
  );
  const reset = useCallback(() => id && store.clearMutationError(id, 'assign'), [store, id]);
  return { assign, pending: state?.pending ?? false, error: state?.error ?? null, reset };
}
