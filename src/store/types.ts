import type { InboxError } from '../core/errors.js';
import type { Assignee, Conversation, Note } from '../core/types.js';
import type { ListQuery } from './queries.js';

/** Where a read stands: `loading` only until there is data; a failed refresh keeps `success` and sets `error`. */
export type FetchStatus = 'loading' | 'success' | 'error';

/** One list (an infinite, filtered list of conversation ids). */
export interface ListState {
  key: string;
  query: ListQuery;
  /** Conversation ids in display order; entities live in `conversations`. */
  ids: readonly string[];
  total: number;
  hasNext: boolean;
  pagesLoaded: number;
  status: FetchStatus;
  /** The last failure of this list (with data still shown, a failed refresh). */
  error: InboxError | null;
  /** A fetch the user asked for or caused (first load, filter change, retry). Background polls are silent. */
  isFetching: boolean;
  isFetchingMore: boolean;
  /** The last failure of `loadMore`, shown at the end of the list with a retry. */
  loadMoreError: InboxError | null;
}

/** The full-conversation read of one conversation. */
export interface DetailState {
  status: FetchStatus;
  error: InboxError | null;
  isFetching: boolean;
}

/**
 * A note as the store holds it: `pending` while it is being sent. Where the
 * backend cannot list notes (Waply), `savedInBrowser` says whether this
 * browser keeps it (`true`: it shows again after a reload) or could not
 * (`false`: storage full or blocked); absent where the backend lists notes.
 */
export type NoteEntry = Note & { pending?: boolean | undefined; savedInBrowser?: boolean | undefined };

export interface NotesState {
  items: readonly NoteEntry[];
  status: 'idle' | FetchStatus;
  error: InboxError | null;
}

/** The three things a user can do to a conversation. */
export type MutationKind = 'assign' | 'resolve' | 'note';

export interface MutationState {
  pending: boolean;
  error: InboxError | null;
}

export interface AssigneesState {
  status: 'idle' | FetchStatus;
  /** The current user first, then users, then teams (where the backend has teams). */
  items: readonly Assignee[];
  error: InboxError | null;
}

/** A mutation shown at once but not sent yet: a resolve inside its undo window. */
export interface HeldMutation {
  kind: 'resolve';
  /** When it will be sent (ms since the epoch, the store's clock), unless undone or sent sooner. */
  until: number;
}

/** How many conversations one query matches (its `total`). `count` is `null` whenever it is not known: loading, failed, or unsupported. */
export interface CountState {
  count: number | null;
  status: FetchStatus;
  error: InboxError | null;
}

/**
 * When the current agent last opened a conversation, kept in this browser
 * (the APIs cannot mark anything read). `seen` is the conversation's last
 * activity the agent saw then (ms since the epoch), `count` its unread count.
 */
export interface OpenedEntry {
  /** When it was opened (ms since the epoch, the store's clock): the 5,000 most recent are kept. */
  at: number;
  /** Its last activity when opened (last message, else `updatedAt`), ms since the epoch. */
  seen: number;
  /** The server's unread count when opened. */
  count: number;
}

/** Everything one inbox holds. Entities are normalized: lists hold ids. */
export interface InboxState {
  /**
   * Conversations by id. Each entity is replaced when it changes, so select single
   * entries (`s.conversations[id]`). The index itself is updated in place for speed
   * with 100,000 entities: to follow it as a whole, select `conversationsVersion`.
   */
  conversations: Record<string, Conversation>;
  /** Goes up by one whenever `conversations` changes. */
  conversationsVersion: number;
  lists: Record<string, ListState>;
  details: Record<string, DetailState>;
  notes: Record<string, NotesState>;
  drafts: Record<string, string>;
  /** When the current agent last opened each conversation (this browser's memory, per agent and backend). */
  opened: Record<string, OpenedEntry>;
  mutations: Record<string, Partial<Record<MutationKind, MutationState>>>;
  /** Mutations in their undo window, by conversation id (see `undo`). */
  held: Record<string, HeldMutation>;
  assignees: AssigneesState;
  /** Counts by `countKey(query)`, for the queries shown as counts (views, status options). */
  counts: Record<string, CountState>;
  currentUser: Assignee | null;
}
