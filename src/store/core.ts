import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { toInboxError } from '../core/errors.js';
import type { InboxError } from '../core/errors.js';
import type { AdapterCapabilities, Assignee, ConversationsAdapter } from '../core/types.js';
import type { InboxEvent, InboxEventListener } from './events.js';
import type { CurrentUser, InboxStoreUpdatableOptions } from './options.js';
import { dict, withEntry } from './records.js';
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
  const records: Record<string, unknown> = {};
  for (const key of 'conversations lists details notes drafts opened mutations held counts'.split(' ')) records[key] = dict();
  return { ...records, conversationsVersion: 0, assignees: { status: 'idle', items: [], error: null }, currentUser } as unknown as InboxState;
}

export function toUser(user: CurrentUser | null | undefined): Assignee | null {
  return user ? { ...user, type: 'user' } : null;
}

export function createCore(adapter: ConversationsAdapter, settings: InboxStoreUpdatableOptions, now: () => number): StoreCore {
  const state = createStore<InboxState>()(() => emptyState(toUser(settings.currentUser)));
  const listeners = new Set<InboxEventListener>();
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
      if (destroyed) return;
      // A throwing listener is reported and does not stop the others.
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (error) {
          console.error('inboxkit: an event listener threw', error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
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

/** The slices of `InboxState` that are records by id or key. */
type Keyed = 'lists' | 'details' | 'notes' | 'drafts' | 'opened' | 'mutations' | 'held' | 'counts';
type Entry<K extends Keyed> = InboxState[K][string];

/**
 * Writes one entry of a keyed slice: `update` gets the entry (`undefined` when
 * there is none) and returns the next one; `undefined` removes it, the same
 * one changes nothing.
 */
export function putEntry<K extends Keyed>(core: StoreCore, slice: K, key: string, update: (current: Entry<K> | undefined) => Entry<K> | undefined): void {
  core.set((s) => {
    const record = s[slice] as Record<string, Entry<K>>;
    const current = record[key];
    const next = update(current);
    if (next === current) return {};
    return { [slice]: withEntry(record, key, next) };
  });
}

/** A read in flight: the promise every identical call shares, and how to stop it. */
export interface Inflight {
  abort(): void;
  promise: Promise<void>;
}

/**
 * Runs `body` for `key`, on a request `destroy()` aborts, unless one runs
 * already: identical concurrent calls share one request. A failure of a read
 * still wanted goes to `failed` (and, with `query`, to a `query.failed`
 * event); once its request is aborted, nothing of it lands.
 */
export function runOnce(
  core: StoreCore,
  inflight: Map<string, Inflight>,
  key: string,
  body: (signal: AbortSignal) => Promise<void>,
  failed: (error: InboxError) => void,
  query?: 'list' | 'conversation' | 'assignees',
): Promise<void> {
  const running = inflight.get(key);
  if (running) return running.promise;
  if (core.isDestroyed()) return Promise.resolve();
  const request = core.open();
  const promise = (async () => {
    try {
      await body(request.signal);
    } catch (caught) {
      if (request.signal.aborted) return;
      const error = toInboxError(caught);
      failed(error);
      if (query) core.emit({ type: 'query.failed', query, key, error });
    } finally {
      request.close();
      if (inflight.get(key)?.abort === request.abort) inflight.delete(key);
    }
  })();
  inflight.set(key, { abort: request.abort, promise });
  return promise;
}

/** Stops the read running for `key`, if any. Returns whether there was one. */
export function cancel(inflight: Map<string, Inflight>, key: string): boolean {
  const running = inflight.get(key);
  running?.abort();
  return inflight.delete(key);
}

/** Who holds each key, and what the first holder gave. */
export type Holders<V> = Map<string, { n: number; value: V }>;

/**
 * Counts one more holder of `key` (an observer, a mount). The returned release
 * works once; `released` runs on each release, told whether it was the last.
 */
export function retain<V>(holders: Holders<V>, key: string, value: V, released?: (last: boolean) => void): () => void {
  const holder = holders.get(key) ?? { n: 0, value };
  holder.n++;
  holders.set(key, holder);
  let done = false;
  return () => {
    if (done) return;
    done = true;
    const last = --holder.n === 0;
    if (last) holders.delete(key);
    released?.(last);
  };
}
