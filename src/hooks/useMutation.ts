import { useCallback, useState } from 'react';
import { useStore } from 'zustand';
import type { InboxError } from '../core/errors.js';
import type { InboxStore } from '../store/createInboxStore.js';
import type { MutationKind } from '../store/types.js';
import { useStoreContext } from './storeContext.js';

/**
 * What the assign and resolve hooks share: the call (which never rejects: a refusal is
 * `undefined`, then the state says why), and the pending and error state of one conversation,
 * the given one or, without, the last one called here.
 */
export function useMutation<A extends unknown[], R>(
  hookName: string,
  kind: MutationKind,
  conversationId: string | undefined,
  send: (store: InboxStore, id: string, ...args: A) => Promise<R>,
) {
  const { store } = useStoreContext(hookName);
  const [lastId, setLastId] = useState<string | null>(null);
  const id = conversationId ?? lastId;
  const state = useStore(store.state, (s) => (id ? s.mutations[id]?.[kind] : undefined));
  const run = useCallback(
    (target: string, ...args: A): Promise<R | undefined> => {
      setLastId(target);
      return send(store, target, ...args).catch(() => undefined);
    },
    [store, send],
  );
  const reset = useCallback(() => id && store.clearMutationError(id, kind), [store, id, kind]);
  return { run, pending: state?.pending ?? false, error: (state?.error ?? null) as InboxError | null, reset };
}
