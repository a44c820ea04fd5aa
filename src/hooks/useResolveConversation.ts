import { useCallback, useState } from 'react';
import { useStore } from 'zustand';
import type { InboxError } from '../core/errors.js';
import type { ConversationUpdate } from '../core/types.js';
import type { ResolveCall } from '../store/mutations.js';
import { useStoreContext } from './storeContext.js';

export interface ResolveResult {
  /** Resolves optimistically. Resolves to the server's update, or `undefined` if refused (then `error` says why and the change is rolled back). */
  resolve: (id: string, options?: ResolveCall) => Promise<ConversationUpdate | undefined>;
  pending: boolean;
  error: InboxError | null;
  reset: () => void;
}

/**
 * Resolving (closing) conversations. With an id, `pending` and `error` follow that conversation; without, the last one resolved here.
 * With an undo window (`undoMs` on the provider) a resolve waits before it is sent; see `useHeldResolve` to undo it.
 */
export function useResolveConversation(conversationId?: string): ResolveResult {
  const { store } = useStoreContext('useResolveConversation');
  const [lastId, setLastId] = useState<string | null>(null);
  const id = conversationId ?? lastId;
  const state = useStore(store.state, (s) => (id ? s.mutations[id]?.resolve : undefined));
  const resolve = useCallback<ResolveResult['resolve']>(
    (target, options) => {
      setLastId(target);
      return store.resolve(target, options).catch(() => undefined);
    },
    [store],
  );
  const reset = useCallback(() => id && store.clearMutationError(id, 'resolve'), [store, id]);
  return { resolve, pending: state?.pending ?? false, error: state?.error ?? null, reset };
}
