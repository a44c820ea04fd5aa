import { useCallback } from 'react';
import { useStore } from 'zustand';
import type { HeldMutation } from '../store/types.js';
import { useStoreContext } from './storeContext.js';

export interface HeldResolveResult {
  /** The resolve waiting in its undo window, or `null`. */
  held: HeldMutation | null;
  /** Takes it back before it is sent. */
  undo: () => void;
}

/** A conversation's resolve while it can still be undone. */
export function useHeldResolve(conversationId: string | null | undefined): HeldResolveResult {
  const { store } = useStoreContext('useHeldResolve');
  const held = useStore(store.state, (s) => (conversationId ? (s.held[conversationId] ?? null) : null));
  const undo = useCallback(() => {
    if (conversationId) store.undo(conversationId);
  }, [store, conversationId]);
  return { held, undo };
}
