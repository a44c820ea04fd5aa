import { useCallback, useSyncExternalStore } from 'react';

type Listener = () => void;

/**
 * The conversations checked for a bulk action: a small observable set, kept
 * outside React state so that checking one row re-renders that row (and the
 * toolbar's count), never the list or the inbox around it. Every change costs
 * what it changes: per-row listeners are keyed by id, so toggling one row
 * calls one row's listener, whatever the size of the list.
 */
export interface ConversationSelection {
  /** Whether `id` is selected. */
  has(id: string): boolean;
  /** How many are selected. */
  readonly size: number;
  /** The selected ids, in the order they were selected. */
  ids(): string[];
  /** Selects (`checked` true) or unselects every id given, as one change. */
  set(ids: Iterable<string>, checked: boolean): void;
  /** Flips one id; returns whether it is now selected. */
  toggle(id: string): boolean;
  /** Selects exactly `ids`. */
  replace(ids: Iterable<string>): void;
  /** Unselects everything. */
  clear(): void;
  /** Unselects every id `keep` says no to (rows that left the list). */
  retain(keep: (id: string) => boolean): void;
  /** Called after every change. Returns an unsubscribe function. */
  subscribe(listener: Listener): () => void;
  /** Called when this one id is selected or unselected. Returns an unsubscribe function. */
  subscribeTo(id: string, listener: Listener): () => void;
}

/** A new, empty selection. `Inbox` makes its own; a host composing `ConversationList` and `BulkToolbar` makes one and passes it to both. */
export function createConversationSelection(): ConversationSelection {
  const selected = new Set<string>();
  const listeners = new Set<Listener>();
  const byId = new Map<string, Set<Listener>>();

  const notify = (changed: readonly string[]) => {
    if (changed.length === 0) return;
    for (const id of changed) for (const listener of [...(byId.get(id) ?? [])]) listener();
    for (const listener of [...listeners]) listener();
  };

  const apply = (ids: Iterable<string>, checked: boolean): string[] => {
    const changed: string[] = [];
    for (const id of ids) {
      if (selected.has(id) === checked) continue;
      if (checked) selected.add(id);
      else selected.delete(id);
      changed.push(id);
    }
    return changed;
  };

  return {
    has: (id) => selected.has(id),
    get size() {
      return selected.size;
    },
    ids: () => [...selected],
    set(ids, checked) {
      notify(apply(ids, checked));
    },
    toggle(id) {
      const checked = !selected.has(id);
      notify(apply([id], checked));
      return checked;
    },
    replace(ids) {
      const next = new Set(ids);
      const changed = apply(
        [...selected].filter((id) => !next.has(id)),
        false,
      );
      changed.push(...apply(next, true));
      notify(changed);
    },
    clear() {
      notify(apply([...selected], false));
    },
    retain(keep) {
      notify(
        apply(
          [...selected].filter((id) => !keep(id)),
          false,
        ),
      );
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    subscribeTo(id, listener) {
      let own = byId.get(id);
      if (!own) byId.set(id, (own = new Set()));
      own.add(listener);
      return () => {
        own.delete(listener);
        if (own.size === 0 && byId.get(id) === own) byId.delete(id);
      };
    },
  };
}

/** Whether one id is selected; re-renders only when that id's state changes. `false` without a selection. */
export function useIsSelected(selection: ConversationSelection | null | undefined, id: string): boolean {
  const subscribe = useCallback((listener: Listener) => (selection ? selection.subscribeTo(id, listener) : () => {}), [selection, id]);
  return useSyncExternalStore(
    subscribe,
    () => selection?.has(id) ?? false,
    () => selection?.has(id) ?? false,
  );
}

/** How many are selected; re-renders when that number changes. */
export function useSelectionSize(selection: ConversationSelection): number {
  return useSyncExternalStore(
    selection.subscribe,
    () => selection.size,
    () => selection.size,
  );
}
