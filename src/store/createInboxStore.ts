import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { InboxError, toInboxError } from '../core/errors.js';
import { normalizeQuery } from '../core/query.js';
import type { AdapterCapabilities, AdapterEvent, Assignee, Conversation, ConversationQuery, ConversationsAdapter, ConversationUpdate, Note } from '../core/types.js';
import { defaultDraftStorage, readDrafts, writeDrafts } from './drafts.js';
import type { DraftStorage } from './drafts.js';
import { createEmitter } from './events.js';
import type { InboxEventListener } from './events.js';
import { mergeConversation, mergeUpdate, reconcileLists } from './merge.js';
import type { ListPlacement } from './merge.js';
import { listKey, toListQuery } from './queries.js';
import type { ListQuery } from './queries.js';
import type { DetailState, InboxState, ListState, MutationKind, MutationState, NoteEntry, NotesState } from './types.js';

/** The signed-in agent: "Assign to me" assigns to this user. */
export interface CurrentUser {
  id: string;
  name?: string | undefined;
  email?: string | undefined;
}

/** Who can be assigned, for backends that cannot list them (both HTTP APIs). */
export interface AssigneeDirectory {
  users?: ReadonlyArray<Omit<Assignee, 'type'> & { type?: Assignee['type'] | undefined }> | undefined;
  teams?: ReadonlyArray<Omit<Assignee, 'type'> & { type?: Assignee['type'] | undefined }> | undefined;
}

/** Options of `createInboxStore`. */
export interface InboxStoreOptions {
  /** The backend. Required. */
  adapter: ConversationsAdapter;
  /** The signed-in agent, offered first in the assign menu. Default none. */
  currentUser?: CurrentUser | null | undefined;
  /** Users and teams to offer when the adapter has no `listAssignees`. Default none. */
  directory?: AssigneeDirectory | undefined;
  /** How often observed lists and the open conversation refresh while the page is visible; 0 turns polling off. Default 15 000 ms. */
  pollIntervalMs?: number | undefined;
  /** Where note drafts persist. Default `localStorage` where it works, else memory. Resolved on mount, never during render. */
  storage?: DraftStorage | undefined;
  /** Key under which drafts are saved; give two inboxes on one origin different keys. Default `"inboxkit:drafts"`. */
  storageKey?: string | undefined;
  /** The clock, for optimistic timestamps. Default `Date.now`. */
  now?: (() => number) | undefined;
}

/** Options the host may change while the inbox is mounted. */
export type InboxStoreUpdatableOptions = Pick<InboxStoreOptions, 'currentUser' | 'directory' | 'pollIntervalMs'>;

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
  /** Marks a conversation as open: loads it in full (history, notes) and keeps it fresh. */
  observeConversation(id: string): () => void;
  fetchConversation(id: string, options?: { background?: boolean | undefined }): Promise<void>;
  /** Loads the assignable users and teams (from the adapter or the directory). */
  loadAssignees(): Promise<void>;
  /** Reloads everything shown (every loaded page of each list, and the open conversations), silently. */
  refresh(): Promise<void>;

  /** Assigns at once (optimistically); rolls back and records the error if the server refuses. */
  assign(id: string, assignee: Pick<Assignee, 'type' | 'id'> & Partial<Assignee>): Promise<ConversationUpdate>;
  /** Resolves at once (optimistically); rolls back and records the error if the server refuses. */
  resolve(id: string, options?: { resolution?: string | undefined }): Promise<ConversationUpdate>;
  /** Sends a note (the draft by default). The draft is cleared only once the server has the note. */
  addNote(id: string, content?: string): Promise<Note>;
  setDraft(id: string, text: string): void;
  /** Forgets the recorded error of a mutation (e.g. when the user dismisses it). */
  clearMutationError(id: string, kind: MutationKind): void;

  /** Typed events: conversation.updated, mutation.failed, … Returns unsubscribe. */
  subscribe(listener: InboxEventListener): () => void;
  /** Stops everything and aborts requests in flight. */
  destroy(): void;
}

interface Inflight {
  controller: AbortController;
  promise: Promise<void>;
}

/** How many pages a revalidation (poll, focus, mount) reloads at most. */
const REVALIDATE_PAGES = 5;

const EMPTY_MUTATIONS: Partial<Record<MutationKind, MutationState>> = {};

/** Creates one inbox's store. Touches no browser API until `mount()`, so it is safe during server rendering. */
export function createInboxStore(options: InboxStoreOptions): InboxStore {
  if (!options?.adapter) throw new InboxError('invalid_input', 'createInboxStore: "adapter" is required.');
  const adapter = options.adapter;
  const capabilities = adapter.capabilities;
  const now = options.now ?? Date.now;
  const storageKey = options.storageKey ?? 'inboxkit:drafts';
  let settings: InboxStoreUpdatableOptions = {
    currentUser: options.currentUser ?? null,
    directory: options.directory,
    pollIntervalMs: options.pollIntervalMs ?? 15_000,
  };

  const state = createStore<InboxState>()(() => ({
    conversations: {},
    conversationsVersion: 0,
    lists: {},
    details: {},
    notes: {},
    drafts: {},
    mutations: {},
    assignees: { status: 'idle', items: [], error: null },
    currentUser: toUser(settings.currentUser),
  }));
  const get = state.getState;
  const set = state.setState;
  const emitter = createEmitter();

  const listInflight = new Map<string, Inflight>();
  const moreInflight = new Map<string, Inflight>();
  const detailInflight = new Map<string, Inflight>();
  const listObservers = new Map<string, { count: number; query: ConversationQuery }>();
  const detailObservers = new Map<string, number>();
  // Bumped when a list stops being shown: answers from before are discarded.
  const listGeneration = new Map<string, number>();
  const generationOf = (key: string) => listGeneration.get(key) ?? 0;
  // The id set of each list's ids array, so appending page after page stays linear
  // (a fresh Set per page made filling a 100,000-row list quadratic).
  const idSets = new WeakMap<readonly string[], Set<string>>();
  const membersOf = (ids: readonly string[]): Set<string> => {
    let set = idSets.get(ids);
    if (!set) idSets.set(ids, (set = new Set(ids)));
    return set;
  };
  const keepMembers = (ids: readonly string[], set: Set<string>): readonly string[] => {
    idSets.set(ids, set);
    return ids;
  };
  // The last page loadMore asked for that brought nothing new, per list.
  const stalledPage = new Map<string, number>();
  let assigneesRequest: Promise<void> | null = null;
  let storage: DraftStorage | null = null;
  let mounts = 0;
  let teardown: (() => void) | null = null;
  let restartPolling: (() => void) | null = null;
  let tempIds = 0;

  // ---- entities -------------------------------------------------------------

  function setList(key: string, patch: Partial<ListState>) {
    set((s) => {
      const list = s.lists[key];
      return list ? { lists: { ...s.lists, [key]: { ...list, ...patch } } } : {};
    });
  }

  /**
   * Writes one conversation and keeps every list true to it. A conversation
   * not cached before is taken as already counted in the lists' totals
   * (opened by id, or pushed), unless the backend said it is `isNew`.
   */
  function putConversation(
    next: Conversation,
    source: 'server' | 'push' | 'optimistic' | 'rollback',
    hints?: ListPlacement,
    isNew = false,
  ): ListPlacement {
    let removed: ListPlacement = {};
    let changed = false;
    set((s) => {
      const prev = s.conversations[next.id];
      if (prev === next) return {};
      changed = true;
      // The index is updated in place (the entity itself is new): copying 100,000 entries per change would dominate every update.
      s.conversations[next.id] = next;
      const result = reconcileLists(s.lists, s.conversations, prev ?? (isNew ? undefined : next), next, hints);
      removed = result.removed;
      return { conversationsVersion: s.conversationsVersion + 1, lists: result.lists };
    });
    if (changed) emitter.emit({ type: 'conversation.updated', conversation: next, source });
    return removed;
  }

  /** Merges a page of list rows; returns their ids. Rows the store already holds identically keep their identity. */
  function mergeRows(rows: Conversation[]): string[] {
    const changedRows: Conversation[] = [];
    set((s) => {
      let changed = false;
      for (const row of rows) {
        const existing = s.conversations[row.id];
        const merged = mergeConversation(existing, row);
        if (merged !== existing) {
          s.conversations[row.id] = merged; // in place, see putConversation
          changed = true;
          if (existing) changedRows.push(merged);
        }
      }
      return changed ? { conversationsVersion: s.conversationsVersion + 1 } : {};
    });
    for (const conversation of changedRows) emitter.emit({ type: 'conversation.updated', conversation, source: 'server' });
    return rows.map((r) => r.id);
  }

  // ---- lists ------------------------------------------------------------------

  function listQueryOf(query: ConversationQuery): { key: string; list: ListQuery } {
    return { key: listKey(query), list: toListQuery(query) };
  }

  function fetchList(query: ConversationQuery, { background = false, revalidate = false } = {}): Promise<void> {
    const { key, list: listQuery } = listQueryOf(query);
    const running = listInflight.get(key);
    if (running) return running.promise;

    const existing = get().lists[key];
    const generation = generationOf(key);
    const controller = new AbortController();
    const emptyList: ListState = {
      key,
      query: listQuery,
      ids: [],
      total: 0,
      hasNext: false,
      pagesLoaded: 0,
      status: 'loading',
      error: null,
      isFetching: true,
      isFetchingMore: false,
      loadMoreError: null,
    };
    if (!existing) set((s) => ({ lists: { ...s.lists, [key]: emptyList } }));
    else if (!background) setList(key, { isFetching: true, ...(existing.status === 'error' && { status: 'loading' }) });

    const run = async () => {
      try {
        // A reload fetches every page shown. A revalidation (poll, focus, mount) fetches only the
        // first REVALIDATE_PAGES, where new activity lands: reloading all of a 100,000-row list on
        // every poll would cost 1,000 requests. Rows loaded beyond stay, below the refreshed ones.
        const loaded = Math.max(1, existing?.pagesLoaded ?? 1);
        const pagesToLoad = revalidate ? Math.min(loaded, REVALIDATE_PAGES) : loaded;
        const pages = [];
        for (let page = 1; page <= pagesToLoad; page++) {
          const normalized = normalizeQuery({ ...listQuery, page }, capabilities);
          const result = await adapter.listConversations(normalized, { signal: controller.signal });
          pages.push(result);
          if (!result.hasNext) break;
        }
        if (controller.signal.aborted || generationOf(key) !== generation) return;
        const ids: string[] = [];
        const seen = new Set<string>();
        for (const page of pages) {
          for (const id of mergeRows(page.conversations)) {
            if (!seen.has(id)) {
              seen.add(id);
              ids.push(id);
            }
          }
        }
        const last = pages[pages.length - 1]!;
        stalledPage.delete(key);
        set((s) => {
          const current = s.lists[key] ?? emptyList;
          // Rows loaded beyond the refreshed pages (earlier, or by a loadMore while this ran) stay after them.
          // Compared with the pages asked for, not those returned: a list that shrank returns fewer, and its gone rows must go.
          const keepsTail = current.pagesLoaded > pagesToLoad;
          const headUnchanged = ids.every((id, i) => id === current.ids[i]);
          let nextIds: readonly string[];
          let tailLength: number;
          if (headUnchanged && (keepsTail ? ids.length === pagesToLoad * listQuery.limit : ids.length === current.ids.length)) {
            // The common case (nothing new at the top): keep the array, without rebuilding or comparing 100,000 ids.
            nextIds = current.ids;
            tailLength = current.ids.length - ids.length;
          } else {
            const tail = keepsTail ? current.ids.slice(pagesToLoad * listQuery.limit).filter((id) => !seen.has(id)) : [];
            const joined = [...ids, ...tail];
            const same = joined.length === current.ids.length && joined.every((id, i) => id === current.ids[i]);
            nextIds = same ? current.ids : joined;
            tailLength = tail.length;
          }
          const next: ListState = {
            ...current,
            ids: nextIds,
            total: last.total,
            hasNext: tailLength > 0 ? current.hasNext : last.hasNext,
            pagesLoaded: Math.max(pages.length, current.pagesLoaded),
            status: 'success',
            error: null,
            isFetching: false,
          };
          const unchanged = (Object.keys(next) as Array<keyof ListState>).every((k) => next[k] === current[k]);
          return unchanged ? {} : { lists: { ...s.lists, [key]: next } };
        });
      } catch (caught) {
        if (controller.signal.aborted || generationOf(key) !== generation) return;
        const error = toInboxError(caught);
        set((s) => {
          const current = s.lists[key] ?? emptyList;
          const failed: ListState = { ...current, status: current.status === 'success' ? 'success' : 'error', error, isFetching: false };
          return { lists: { ...s.lists, [key]: failed } };
        });
        emitter.emit({ type: 'query.failed', query: 'list', key, error });
      } finally {
        if (listInflight.get(key)?.controller === controller) listInflight.delete(key);
      }
    };
    const promise = run();
    listInflight.set(key, { controller, promise });
    return promise;
  }

  function loadMore(query: ConversationQuery): Promise<void> {
    const { key, list: listQuery } = listQueryOf(query);
    const running = moreInflight.get(key);
    if (running) return running.promise;
    const list = get().lists[key];
    if (!list || list.status !== 'success' || !list.hasNext) return Promise.resolve();
    const generation = generationOf(key);
    const controller = new AbortController();
    // Page by what is shown, not by pages loaded: when rows left the list here
    // (resolved, reassigned), the server's later pages slid up, and asking for
    // "the next page" would skip the rows that slid onto an earlier one.
    // Overlap is harmless (ids are de-duplicated); a page that added nothing is
    // not asked for again, so this always moves forward.
    let page = Math.floor(list.ids.length / list.query.limit) + 1;
    const stalled = stalledPage.get(key) ?? 0;
    if (page <= stalled) page = stalled + 1;
    setList(key, { isFetchingMore: true, loadMoreError: null });

    const run = async () => {
      try {
        const normalized = normalizeQuery({ ...listQuery, page }, capabilities);
        const result = await adapter.listConversations(normalized, { signal: controller.signal });
        if (controller.signal.aborted || generationOf(key) !== generation) return;
        const newIds = mergeRows(result.conversations);
        set((s) => {
          const current = s.lists[key];
          if (!current) return {};
          // The server's order may have shifted since the last page: never show a row twice.
          const present = membersOf(current.ids);
          const appended = newIds.filter((id) => !present.has(id));
          stalledPage.set(key, appended.length === 0 ? page : 0);
          for (const id of appended) present.add(id);
          const next: ListState = {
            ...current,
            ids: appended.length ? keepMembers([...current.ids, ...appended], present) : current.ids,
            total: result.total,
            hasNext: result.hasNext,
            pagesLoaded: Math.max(current.pagesLoaded, page),
            isFetchingMore: false,
            loadMoreError: null,
          };
          return { lists: { ...s.lists, [key]: next } };
        });
      } catch (caught) {
        if (controller.signal.aborted || generationOf(key) !== generation) return;
        const error = toInboxError(caught);
        setList(key, { isFetchingMore: false, loadMoreError: error });
        emitter.emit({ type: 'query.failed', query: 'list', key, error });
      } finally {
        if (moreInflight.get(key)?.controller === controller) moreInflight.delete(key);
      }
    };
    const promise = run();
    moreInflight.set(key, { controller, promise });
    return promise;
  }

  function observeList(query: ConversationQuery): () => void {
    const key = listKey(query);
    const observer = listObservers.get(key) ?? { count: 0, query };
    observer.count++;
    listObservers.set(key, observer);
    // Cached data shows at once; its revalidation waits a task, so the first paint is not held up by it.
    let deferred: ReturnType<typeof setTimeout> | undefined;
    if (get().lists[key]?.status === 'success') deferred = setTimeout(() => void fetchList(query, { revalidate: true }), 0);
    else void fetchList(query, { revalidate: true });
    let done = false;
    return () => {
      if (done) return;
      done = true;
      clearTimeout(deferred);
      observer.count--;
      if (observer.count > 0) return;
      listObservers.delete(key);
      // Nobody shows this list any more: stop its requests and ignore their answers.
      const inflight = [listInflight.get(key), moreInflight.get(key)];
      if (inflight.some(Boolean)) {
        listGeneration.set(key, generationOf(key) + 1);
        for (const request of inflight) request?.controller.abort();
        listInflight.delete(key);
        moreInflight.delete(key);
        set((s) => {
          const list = s.lists[key];
          if (!list) return {};
          const lists = { ...s.lists };
          if (list.status === 'success') lists[key] = { ...list, isFetching: false, isFetchingMore: false };
          else delete lists[key];
          return { lists };
        });
      }
    };
  }

  // ---- one conversation -----------------------------------------------------

  function setDetail(id: string, patch: Partial<DetailState>) {
    set((s) => {
      const current = s.details[id] ?? { status: 'loading' as const, error: null, isFetching: false };
      return { details: { ...s.details, [id]: { ...current, ...patch } } };
    });
  }

  function fetchConversation(id: string, { background = false } = {}): Promise<void> {
    const running = detailInflight.get(id);
    if (running) return running.promise;
    const controller = new AbortController();
    const had = get().details[id]?.status === 'success';
    if (!background || !had) setDetail(id, { isFetching: true, ...(!had && { status: 'loading' as const, error: null }) });

    const run = async () => {
      try {
        const [conversation] = await Promise.all([adapter.getConversation(id, { signal: controller.signal }), loadNotes(id, controller.signal)]);
        if (controller.signal.aborted) return;
        putConversation(mergeConversation(get().conversations[id], conversation), 'server');
        setDetail(id, { status: 'success', error: null, isFetching: false });
      } catch (caught) {
        if (controller.signal.aborted) return;
        const error = toInboxError(caught);
        setDetail(id, { status: had ? 'success' : 'error', error, isFetching: false });
        emitter.emit({ type: 'query.failed', query: 'conversation', key: id, error });
      } finally {
        if (detailInflight.get(id)?.controller === controller) detailInflight.delete(id);
      }
    };
    const promise = run();
    detailInflight.set(id, { controller, promise });
    return promise;
  }

  function setNotes(id: string, update: (current: NotesState) => Partial<NotesState>) {
    set((s) => {
      const current = s.notes[id] ?? { items: [], status: 'idle' as const, error: null };
      return { notes: { ...s.notes, [id]: { ...current, ...update(current) } } };
    });
  }

  /** Loads notes where the backend can list them; a failure here does not fail the conversation. */
  async function loadNotes(id: string, signal: AbortSignal): Promise<void> {
    if (!capabilities.listNotes || !adapter.listNotes) return;
    try {
      const notes = await adapter.listNotes(id, { signal });
      if (signal.aborted) return;
      setNotes(id, (current) => {
        // Notes still being sent stay at the end until the server has them.
        return { items: [...notes, ...current.items.filter((n) => n.pending)], status: 'success', error: null };
      });
    } catch (caught) {
      if (signal.aborted) return;
      const error = toInboxError(caught);
      setNotes(id, () => ({ status: 'error', error }));
      emitter.emit({ type: 'query.failed', query: 'notes', key: id, error });
    }
  }

  function observeConversation(id: string): () => void {
    detailObservers.set(id, (detailObservers.get(id) ?? 0) + 1);
    void fetchConversation(id);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const count = (detailObservers.get(id) ?? 1) - 1;
      if (count > 0) {
        detailObservers.set(id, count);
        return;
      }
      detailObservers.delete(id);
      const inflight = detailInflight.get(id);
      if (inflight) {
        inflight.controller.abort();
        detailInflight.delete(id);
        setDetail(id, { isFetching: false });
      }
    };
  }

  // ---- assignees --------------------------------------------------------------

  function orderAssignees(found: readonly Assignee[]): Assignee[] {
    const me = get().currentUser;
    const users = found.filter((a) => a.type === 'user' && a.id !== me?.id);
    const mine = me ? [found.find((a) => a.type === 'user' && a.id === me.id) ?? me] : [];
    const teams = capabilities.teams ? found.filter((a) => a.type === 'team') : [];
    return [...mine, ...users, ...teams];
  }

  function directoryAssignees(): Assignee[] {
    const directory = settings.directory ?? {};
    return [
      ...(directory.users ?? []).map((u) => ({ ...u, type: 'user' as const })),
      ...(directory.teams ?? []).map((t) => ({ ...t, type: 'team' as const })),
    ];
  }

  function loadAssignees(): Promise<void> {
    if (assigneesRequest) return assigneesRequest;
    if (!adapter.listAssignees) {
      set({ assignees: { status: 'success', items: orderAssignees(directoryAssignees()), error: null } });
      return Promise.resolve();
    }
    const listAssignees = adapter.listAssignees.bind(adapter);
    set((s) => ({ assignees: { ...s.assignees, status: s.assignees.status === 'success' ? 'success' : 'loading', error: null } }));
    assigneesRequest = (async () => {
      try {
        const found = await listAssignees();
        // The host's directory adds people the backend does not list.
        const known = new Set(found.map((a) => `${a.type}:${a.id}`));
        const extra = directoryAssignees().filter((a) => !known.has(`${a.type}:${a.id}`));
        set({ assignees: { status: 'success', items: orderAssignees([...found, ...extra]), error: null } });
      } catch (caught) {
        const error = toInboxError(caught);
        set((s) => ({ assignees: { ...s.assignees, status: s.assignees.items.length ? 'success' : 'error', error } }));
        emitter.emit({ type: 'query.failed', query: 'assignees', key: 'assignees', error });
      } finally {
        assigneesRequest = null;
      }
    })();
    return assigneesRequest;
  }

  /** Fills a bare `{ type, id }` with the name and email we know, for the optimistic row. */
  function describeAssignee(assignee: Pick<Assignee, 'type' | 'id'> & Partial<Assignee>): Assignee {
    const known = [...get().assignees.items, ...directoryAssignees()].find((a) => a.type === assignee.type && a.id === assignee.id);
    return { ...known, ...assignee } as Assignee;
  }

  // ---- mutations ----------------------------------------------------------------

  function setMutation(id: string, kind: MutationKind, value: MutationState | null) {
    set((s) => {
      const current = s.mutations[id] ?? EMPTY_MUTATIONS;
      const next = { ...current };
      if (value) next[kind] = value;
      else delete next[kind];
      return { mutations: { ...s.mutations, [id]: next } };
    });
  }

  /** Records a failed or refused mutation where the UI shows it, tells listeners, and returns the error to throw. */
  function failed(id: string, kind: MutationKind, error: InboxError): InboxError {
    setMutation(id, kind, { pending: false, error });
    emitter.emit({ type: 'mutation.failed', mutation: kind, conversationId: id, error });
    return error;
  }

  /**
   * Runs a mutation optimistically: the change shows at once (marked pending),
   * then the server's answer is merged, or the change is rolled back exactly —
   * only the fields it set that nothing else has changed since, each list
   * getting the conversation back at the index it left.
   */
  async function mutate(
    id: string,
    kind: 'assign' | 'resolve',
    patch: Partial<Conversation>,
    send: () => Promise<ConversationUpdate>,
  ): Promise<ConversationUpdate> {
    const before = get().conversations[id];
    let optimistic: Conversation | undefined;
    let placement: ListPlacement = {};
    if (before) {
      optimistic = { ...before, ...patch };
      placement = putConversation(optimistic, 'optimistic');
    }
    setMutation(id, kind, { pending: true, error: null });
    emitter.emit({ type: 'mutation.started', mutation: kind, conversationId: id });
    try {
      const update = await send();
      const current = get().conversations[id];
      if (current) putConversation(mergeUpdate(current, update), 'server');
      setMutation(id, kind, null);
      emitter.emit({ type: 'mutation.succeeded', mutation: kind, conversationId: id });
      return update;
    } catch (caught) {
      const error = toInboxError(caught);
      const current = get().conversations[id];
      if (before && optimistic && current) {
        const restored = { ...current } as Record<string, unknown>;
        for (const field of Object.keys(patch) as Array<keyof Conversation>) {
          if (current[field] === optimistic[field]) restored[field] = before[field];
        }
        putConversation(restored as unknown as Conversation, 'rollback', placement);
      }
      throw failed(id, kind, error);
    }
  }

  function assign(id: string, assignee: Pick<Assignee, 'type' | 'id'> & Partial<Assignee>): Promise<ConversationUpdate> {
    if (assignee?.type === 'team' && !capabilities.teams) {
      return Promise.reject(failed(id, 'assign', new InboxError('unsupported', 'This backend cannot assign conversations to teams.')));
    }
    const full = describeAssignee(assignee);
    const patch: Partial<Conversation> = { assignee: full };
    const current = get().conversations[id];
    // A human taking over from the AI: the WhatsApp API answers an assign with status `open`.
    if (assignee.type === 'user' && current && (current.status === 'ai_handling' || current.status === 'escalated')) {
      patch.status = 'open';
      patch.aiHandling = false;
    }
    return mutate(id, 'assign', patch, () => adapter.assignConversation(id, assignee));
  }

  function resolve(id: string, { resolution }: { resolution?: string | undefined } = {}): Promise<ConversationUpdate> {
    const patch: Partial<Conversation> = {
      status: 'resolved',
      aiHandling: false,
      closedAt: new Date(now()).toISOString(),
      closedBy: get().currentUser?.id ?? null,
    };
    const send = () => adapter.resolveConversation(id, resolution !== undefined && capabilities.resolution ? { resolution } : {});
    return mutate(id, 'resolve', patch, send);
  }

  async function addNote(id: string, content?: string): Promise<Note> {
    if (!capabilities.notes) throw failed(id, 'note', new InboxError('unsupported', 'This backend has no internal notes.'));
    const text = content ?? get().drafts[id] ?? '';
    if (text.trim() === '') throw failed(id, 'note', new InboxError('invalid_input', 'A note cannot be empty.'));
    if (get().mutations[id]?.note?.pending) throw new InboxError('invalid_input', 'A note is already being sent for this conversation.');

    const temp: NoteEntry = { id: `pending-${++tempIds}`, conversationId: id, content: text, createdAt: new Date(now()).toISOString(), pending: true };
    const me = get().currentUser;
    if (me) temp.author = { id: me.id, ...(me.name !== undefined && { name: me.name }) };
    setNotes(id, (current) => ({ items: [...current.items, temp] }));
    setMutation(id, 'note', { pending: true, error: null });
    emitter.emit({ type: 'mutation.started', mutation: 'note', conversationId: id });
    try {
      const note = await adapter.addNote(id, text);
      setNotes(id, (current) => {
        // A backend that pushes (memory) may have delivered this note already, before its answer: keep one copy.
        if (current.items.some((n) => n.id === note.id)) return { items: current.items.filter((n) => n.id !== temp.id) };
        return { items: current.items.map((n) => (n.id === temp.id ? { ...note, author: note.author ?? temp.author } : n)) };
      });
      // The draft goes only now that the server has the note, and only if it is still what was sent.
      if (get().drafts[id] === text) setDraft(id, '');
      setMutation(id, 'note', null);
      emitter.emit({ type: 'mutation.succeeded', mutation: 'note', conversationId: id });
      emitter.emit({ type: 'note.added', note });
      return note;
    } catch (caught) {
      const error = toInboxError(caught);
      setNotes(id, (current) => ({ items: current.items.filter((n) => n.id !== temp.id) }));
      // Nothing typed is lost: the text goes back to the draft, ahead of anything typed since.
      const draft = get().drafts[id] ?? '';
      if (draft === '') setDraft(id, text);
      else if (!draft.includes(text)) setDraft(id, `${text}\n\n${draft}`);
      throw failed(id, 'note', error);
    }
  }

  function setDraft(id: string, text: string) {
    set((s) => {
      if ((s.drafts[id] ?? '') === text) return {};
      const drafts = { ...s.drafts };
      if (text === '') delete drafts[id];
      else drafts[id] = text;
      return { drafts };
    });
    if (storage) writeDrafts(storage, storageKey, get().drafts);
  }

  function clearMutationError(id: string, kind: MutationKind) {
    const current = get().mutations[id]?.[kind];
    if (current && !current.pending) setMutation(id, kind, null);
  }

  // ---- freshness ----------------------------------------------------------------

  async function refresh({ revalidate = false } = {}): Promise<void> {
    const lists = [...listObservers.values()].map((o) => fetchList(o.query, { background: true, revalidate }));
    const details = [...detailObservers.keys()].map((id) => fetchConversation(id, { background: true }));
    await Promise.all([...lists, ...details]);
  }

  function applyPushed(event: AdapterEvent) {
    if (event.type === 'note.created') {
      const { note } = event;
      setNotes(note.conversationId, (current) => (current.items.some((n) => n.id === note.id) ? {} : { items: [...current.items, note] }));
      return;
    }
    const merged = mergeConversation(get().conversations[event.conversation.id], event.conversation);
    putConversation(merged, 'push', undefined, event.type === 'conversation.created');
    if (event.type === 'conversation.created') emitter.emit({ type: 'conversation.created', conversation: merged });
  }

  function mount(): () => void {
    mounts++;
    if (mounts === 1) teardown = start();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      mounts--;
      if (mounts === 0) {
        teardown?.();
        teardown = null;
      }
    };
  }

  function start(): () => void {
    storage = options.storage ?? defaultDraftStorage();
    const saved = readDrafts(storage, storageKey);
    // Drafts typed before mount win over older saved ones.
    set((s) => ({ drafts: { ...saved, ...s.drafts } }));
    writeDrafts(storage, storageKey, get().drafts);

    const cleanups: Array<() => void> = [];
    if (adapter.subscribe) cleanups.push(adapter.subscribe(applyPushed));

    const doc = (globalThis as { document?: Document | undefined }).document;
    const win = (globalThis as { window?: Window | undefined }).window;
    const visible = () => !doc || doc.visibilityState !== 'hidden';
    let timer: ReturnType<typeof setInterval> | undefined;
    restartPolling = () => {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      const interval = settings.pollIntervalMs ?? 0;
      if (interval > 0) timer = setInterval(() => visible() && void refresh({ revalidate: true }), interval);
    };
    restartPolling();
    cleanups.push(() => {
      if (timer !== undefined) clearInterval(timer);
      restartPolling = null;
    });
    if (win?.addEventListener) {
      const onFocus = () => void refresh({ revalidate: true });
      win.addEventListener('focus', onFocus);
      win.addEventListener('online', onFocus);
      cleanups.push(() => {
        win.removeEventListener('focus', onFocus);
        win.removeEventListener('online', onFocus);
      });
    }
    if (doc?.addEventListener) {
      const onVisible = () => visible() && void refresh({ revalidate: true });
      doc.addEventListener('visibilitychange', onVisible);
      cleanups.push(() => doc.removeEventListener('visibilitychange', onVisible));
    }
    return () => {
      for (const cleanup of cleanups.splice(0)) cleanup();
    };
  }

  function setOptions(next: InboxStoreUpdatableOptions) {
    const pollChanged = next.pollIntervalMs !== undefined && next.pollIntervalMs !== settings.pollIntervalMs;
    settings = { ...settings, ...next };
    if ('currentUser' in next) {
      const user = toUser(next.currentUser);
      const current = get().currentUser;
      if (user?.id !== current?.id || user?.name !== current?.name) set({ currentUser: user });
    }
    if ('currentUser' in next || 'directory' in next) {
      if (get().assignees.status !== 'idle') void loadAssignees();
    }
    if (pollChanged) restartPolling?.();
  }

  function destroy() {
    teardown?.();
    teardown = null;
    mounts = 0;
    for (const map of [listInflight, moreInflight, detailInflight]) {
      for (const request of map.values()) request.controller.abort();
      map.clear();
    }
  }

  return {
    state,
    adapter,
    capabilities,
    mount,
    setOptions,
    observeList,
    fetchList,
    loadMore,
    observeConversation,
    fetchConversation,
    loadAssignees,
    refresh,
    assign,
    resolve,
    addNote,
    setDraft,
    clearMutationError,
    subscribe: emitter.subscribe,
    destroy,
  };
}

function toUser(user: CurrentUser | null | undefined): Assignee | null {
  return user ? { ...user, type: 'user' } : null;
}
