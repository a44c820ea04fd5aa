import { useStore } from 'zustand';
import type { Conversation } from '../core/types.js';
import { useStoreContext } from './storeContext.js';

/** A conversation as the store holds it, without fetching: for list rows. Re-renders only when that conversation changes. */
export function useCachedConversation(id: string | null | undefined): Conversation | undefined {
  const { store } = useStoreContext('useCachedConversation');
  return useStore(store.state, (s) => (id ? s.conversations[id] : undefined));
}
