import type { StoreApi } from 'zustand/vanilla';
import { InboxError } from '../core/errors.js';
import type { AdapterCapabilities, Assignee, ConversationQuery, ConversationsAdapter, ConversationUpdate, Note } from '../core/types.js';
import { createAssignees } from './assignees.js';
import { createBulk } from './bulk.js';
import type { BulkAction, BulkOptions, BulkResult } from './bulk.js';
import { createCore, toUser } from './core.js';
import { createCounts } from './counts.js';
import { createDetails } from './details.js';
import { defaultDraftStorage } from './drafts.js';
import { createEntities } from './entities.js';
import type { InboxEventListener } from './events.js';
import { createFreshness } from './freshness.js';
import { createHolds } from './holds.js';
import { dehydrate, hydrate } from './hydration.js';
import type { DehydratedInbox } from './hydration.js';
import { createLists } from './lists.js';
import { createLocal } from './local.js';
import { createMutations } from './mutations.js';
import type { ResolveCall } from './mutations.js';
import { DEFAULT_POLL_INTERVAL_MS } from './options.js';
import type { InboxStoreOptions, InboxStoreUpdatableOptions } from './options.js';
import type { InboxState, MutationKind } from './types.js';

export type { AssigneeDirectory, CurrentUser, InboxStoreOptions, InboxStoreUpdatableOptions } from './options.js';

/**
 * One inbox's data layer: normalized entities, infinite lists, de-duplicated
 * reads, polling, optimistic mutations and note drafts, over any adapter.
 * Framework-agnostic: React binds to it through `InboxProvider` and the hooks.
 */
export interface InboxStore {
  /** The zustand store holding `InboxState`; select from it with narrow selectors. */
  readonly state: StoreApi<InboxState>;
  readonly adapter: ConversationsAdapter;
  readonly capabilities: AdapterCapabilities;
  /** Starts polling, focus/online refetch, pushed events and draft persistence. Returns the matching stop. Counted: safe under StrictMode. */
  mount(): () => void;
  setOptions(options: InboxStoreUpdatableOptions): void;

  /** Marks a list as shown: loads it (or revalidates cached data) and keeps it fresh until the returned function is called. */
  observeList(query: ConversationQuery): () => void;
  /**
   * Loads or reloads a list: every page shown, or with `revalidate` only the first few
   * (what polling and focus do). Identical concurrent calls share one request.
   */
  fetchList(query: ConversationQuery, options?: { background?: boolean | undefined; revalidate?: boolean | undefined }): Promise<void>;
  /** Appends the next page, skipping conversations already shown. */
  loadMore(query: ConversationQuery): Promise<void>;
  /**
   * Marks a conversation as open: loads it in full (history, notes), keeps it fresh, and records
   * (in this browser, per agent and backend) that the agent has seen it, so its unread count clears.
   */
  observeConversation(id: string): () => void;
  fetchConversation(id: string, options?: { background?: boolean | undefined }): Promise<void>;
  /** Marks a count as shown (views, status options): asks for it with a one-row page and keeps it fresh with the lists, until the returned function is called. */
  observeCount(query: ConversationQuery): () => void;
  /** Asks how many conversations `query` matches (its `total`), into `counts[countKey(query)]`. Identical concurrent calls share one request. */
  fetchCount(query: ConversationQuery): Promise<void>;
  /** Loads the assignable users and teams (from the adapter or the directory). */
  loadAssignees(): Promise<void>;
  /** Reloads everything shown (every loaded page of each list, and the open conversations), silently. */
  refresh(): Promise<void>;

  /** Assigns at once (optimistically); rolls back and records the error if the server refuses. */
  assign(id: string, assignee: Pick<Assignee, 'type' | 'id'> & Partial<Assignee>): Promise<ConversationUpdate>;
  /**
   * Resolves at once (optimistically); rolls back and records the error if the server refuses.
   * With an undo window (`undoMs`) the request waits until the window ends, the inbox unmounts,
   * the page is hidden or another mutation of that conversation starts; `undo(id)` takes it back unsent.
   */
  resolve(id: string, options?: ResolveCall): Promise<ConversationUpdate>;
  /** Takes back a resolve still in its undo window: no request is sent. Returns whether there was one. */
  undo(id: string): boolean;
  /** Sends every mutation waiting in its undo window now. */
  flushHeld(): void;
  /**
   * One action over many conversations (no bulk endpoint exists): each its own optimistic mutation,
   * rolled back alone, at most 4 requests at once. Resolves to one result per id; never rejects.
   */
  bulk(ids: readonly string[], action: BulkAction, options?: BulkOptions): Promise<BulkResult[]>;
  /** Sends a note (the draft by default). The draft is cleared only once the server has the note. */
  addNote(id: string, content?: string): Promise<Note>;
  setDraft(id: string, text: string): void;
  /** Forgets the recorded error of a mutation (e.g. when the user dismisses it). */
  clearMutationError(id: string, kind: MutationKind): void;

  /** The loaded lists and their conversations as plain JSON, for `initialState` (server rendering). */
  dehydrate(): DehydratedInbox;
  /** Typed events: conversation.updated, mutation.failed, … Returns unsubscribe. */
  subscribe(listener: InboxEventListener): () => void;
  /** Stops everything: aborts every request in flight (reads and mutations); nothing changes or is emitted after. */
  destroy(): void;
}

/** Creates one inbox's store. Touches no browser API until `mount()`, so it is safe during server rendering. */
export function createInboxStore(options: InboxStoreOptions): InboxStore {
  if (!options?.adapter) throw new InboxError('invalid_input', 'createInboxStore: "adapter" is required.');
  const now = options.now ?? Date.now;
  const core = createCore(
    options.adapter,
    {
      currentUser: options.currentUser ?? null,
      directory: options.directory,
      pollIntervalMs: options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
      undoMs: options.undoMs ?? 0,
    },
    now,
  );
  const entities = createEntities(core);
  const lists = createLists(core, entities);
  const details = createDetails(core, entities);
  const local = createLocal(core, details, options);
  const assignees = createAssignees(core);
  const holds = createHolds(core);
  const mutations = createMutations(core, entities, details, assignees, local, holds);
  const counts = createCounts(core);
  // One storage for everything kept in this browser, resolved on mount (never during render).
  const freshness = createFreshness(core, entities, lists, details, counts, holds, () => local.start(options.storage ?? defaultDraftStorage()));
  if (options.initialState) {
    hydrate(core, entities, lists, options.initialState);
    // Server rendering and client hydration read zustand's initial state: make it the hydrated one,
    // so the first render, on either side, already has the data.
    const hydrated = core.get();
    core.state.getInitialState = () => hydrated;
  }

  function setOptions(next: InboxStoreUpdatableOptions) {
    const previous = core.settings;
    // An option given as `undefined` is its default again (a provider passes every prop it has).
    core.settings = { ...previous, ...next, pollIntervalMs: 'pollIntervalMs' in next ? (next.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS) : previous.pollIntervalMs };
    if ('currentUser' in next) {
      const user = toUser(next.currentUser);
      const current = core.get().currentUser;
      if (user?.id !== current?.id || user?.name !== current?.name) core.set({ currentUser: user });
      local.setUser(user?.id ?? null);
    }
    if (('currentUser' in next || 'directory' in next) && core.get().assignees.status !== 'idle') void assignees.loadAssignees();
    if (core.settings.pollIntervalMs !== previous.pollIntervalMs) freshness.restartPolling();
  }

  return {
    state: core.state,
    adapter: core.adapter,
    capabilities: core.capabilities,
    mount: freshness.mount,
    setOptions,
    observeList: lists.observeList,
    fetchList: lists.fetchList,
    loadMore: lists.loadMore,
    observeConversation(id) {
      const stopObserving = details.observeConversation(id);
      // Open is opened: the agent sees it, so its unread count clears (kept per agent and backend).
      const stopOpened = local.opened(id);
      return () => {
        stopOpened();
        stopObserving();
      };
    },
    fetchConversation: details.fetchConversation,
    observeCount: counts.observeCount,
    fetchCount: (query) => counts.fetchCount(query),
    loadAssignees: assignees.loadAssignees,
    refresh: () => freshness.refresh(),
    assign: mutations.assign,
    resolve: (id, resolveOptions) => mutations.resolve(id, resolveOptions),
    undo: holds.undo,
    flushHeld: holds.flushAll,
    bulk: createBulk(core, mutations),
    addNote: mutations.addNote,
    setDraft: local.setDraft,
    clearMutationError: mutations.clearMutationError,
    dehydrate: () => dehydrate(core, now()),
    subscribe: core.subscribe,
    destroy() {
      // Held resolves go out before everything stops (on requests destroy does not abort).
      holds.flushAll();
      freshness.destroy();
      core.destroy();
    },
  };
}
