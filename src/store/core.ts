import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import type { AdapterCapabilities, Assignee, ConversationsAdapter } from '../core/types.js';
import { createEmitter } from './events.js';
import type { InboxEvent, InboxEventListener } from './events.js';
import type { CurrentUser, InboxStoreUpdatableOptions } from './options.js';
import { dict } from './records.js';
import type { InboxState } from './types.js';

type Patch = Partial<InboxState> | ((state: InboxState) => Partial<InboxState>);

/** One request in flight: its signal, and `close()` once it is over. `destroy()` aborts every open one. */
export interface OpenRequest {
  readonly signal: AbortSignal;
  abort(): void;
  close(): void;
}

/**
 * What every slice shares: the state, the adapter, the event emitter and the
 * request clock. Writes and events go through here, so once the store is
 * destroyed nothing changes and nothing is emitted, whichever slice tries.
 */
export interface StoreCore {
  readonly state: StoreApi<InboxState>;
  readonly adapter: ConversationsAdapter;
  readonly capabilities: AdapterCapabilities;
  readonly now: () => number;
  settings: InboxStoreUpdatableOptions;
  get(): InboxState;
  set(patch: Patch): void;
  emit(event: InboxEvent): void;
  subscribe(listener: InboxEventListener): () => void;
  /** The request order: taken when a request is sent, so an answer is as new as its question. */
  nextSeq(): number;
  /** Opens a request that `destroy()` will abort. */
  open(): OpenRequest;
  isDestroyed(): boolean;
  destroy(): void;
}

export function emptyState(currentUser: Assignee | null): InboxState {
  return {
    conversations: dict(),
    conversationsVersion: 0,
    lists: dict(),
    details: dict(),
    notes: dict(),
    drafts: dict(),
    opened: dict(),
    mutations: dict(),
    held: dict(),
    assignees: { status: 'idle', items: [], error: null },
    counts: dict(),
    currentUser,
  };
}

export function toUser(user: CurrentUser | null | undefined): Assignee | null {
  return user ? { ...user, type: 'user' } : null;
}

export function createCore(adapter: ConversationsAdapter, settings: InboxStoreUpdatableOptions, now: () => number): StoreCore {
  const state = createStore<InboxState>()(() => emptyState(toUser(settings.currentUser)));
  const emitter = createEmitter();
  const requests = new Set<AbortController>();
  let destroyed = false;
  let seq = 0;
  return {
    state,
    adapter,
    capabilities: adapter.capabilities,
    now,
    settings,
    get: state.getState,
    set(patch) {
      if (!destroyed) state.setState(patch);
    },
    emit(event) {
      if (!destroyed) emitter.emit(event);
    },
    subscribe: emitter.subscribe,
    nextSeq: () => ++seq,
    open() {
      const controller = new AbortController();
      if (destroyed) controller.abort();
      else requests.add(controller);
      return {
        signal: controller.signal,
        abort: () => controller.abort(),
        close: () => void requests.delete(controller),
      };
    },
    isDestroyed: () => destroyed,
    destroy() {
      destroyed = true;
      for (const controller of requests) controller.abort();
      requests.clear();
    },
  };
}
