import { useCallback, useSyncExternalStore } from 'react';
import type { InboxState } from '../store/types.js';
import { useStoreContext } from './storeContext.js';

/**
 * A narrow selector over the inbox's state, like zustand's `useStore`, except
 * that a server render (and hydration) reads the store as it is now, not as
 * it was created: a store filled before `renderToString` renders its data.
 * The selector must return a stable value for unchanged state.
 */
export function useInboxState<T>(hookName: string, selector: (state: InboxState) => T): T {
  const { store } = useStoreContext(hookName);
  const read = useCallback(() => selector(store.state.getState()), [store, selector]);
  return useSyncExternalStore(store.state.subscribe, read, read);
}
