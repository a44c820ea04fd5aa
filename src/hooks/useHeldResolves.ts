import { useCallback } from 'react';
import { useStore } from 'zustand';
import type { HeldMutation } from '../store/types.js';
import { useStoreContext } from './storeContext.js';

/** The resolve begun last among those still waiting to be sent, and how many wait in all. */
export function latestHeld(held: Readonly<Record<string, HeldMutation>>): { id: string; count: number } | null {
  let id: string | null = null;
  let order = -Infinity;
  let count = 0;
  for (const key of Object.keys(held)) {
    const entry = held[key]!;
    if (entry.kind !== 'resolve') continue;
    count++;
    if (entry.order > order) {
      order = entry.order;
      id = key;
    }
  }
  return id === null ? null : { id, count };
}

export interface HeldResolvesResult {
  /** The conversation resolved last while it can still be undone, or `null`. */
  latestId: string | null;
  /** How many resolves wait in their undo window, the latest included. */
  count: number;
  /** Takes back the latest one (the one before it becomes the latest). */
  undoLatest: () => void;
  /** Takes back every one still waiting. */
  undoAll: () => void;
}

/** Every resolve of this inbox still in its undo window, latest first: what an Undo line shows. */
export function useHeldResolves(): HeldResolvesResult {
  const { store } = useStoreContext('useHeldResolves');
  const latestId = useStore(store.state, (s) => latestHeld(s.held)?.id ?? null);
  const count = useStore(store.state, (s) => latestHeld(s.held)?.count ?? 0);
  const undoLatest = useCallback(() => {
    const latest = latestHeld(store.state.getState().held);
    if (latest) store.undo(latest.id);
  }, [store]);
  const undoAll = useCallback(() => {
    for (const id of Object.keys(store.state.getState().held)) store.undo(id);
  }, [store]);
  return { latestId, count, undoLatest, undoAll };
}
