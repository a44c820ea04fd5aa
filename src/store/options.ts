import type { Assignee, ConversationsAdapter } from '../core/types.js';
import type { DraftStorage } from './drafts.js';
import type { DehydratedInbox } from './hydration.js';

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
  /**
   * Where this browser keeps note drafts, when each conversation was last opened, and notes a backend
   * cannot list (Waply). Default `localStorage` where it works, else memory. Resolved on mount, never during render.
   */
  storage?: DraftStorage | undefined;
  /**
   * Key under which drafts are saved; opened marks and kept notes go under `<key>:opened:<flavour>:<agent id>`
   * and `<key>:notes:<flavour>:<agent id>`. Give two inboxes on one origin different keys. Default `"inboxkit:drafts"`.
   */
  storageKey?: string | undefined;
  /** The clock, for optimistic timestamps and the age of hydrated data. Default `Date.now`. */
  now?: (() => number) | undefined;
  /** How long a resolve waits, shown at once, before it is sent, so it can be undone; 0 sends at once. Default 0. */
  undoMs?: number | undefined;
  /** Data fetched elsewhere (`store.dehydrate()` on a server), shown at once with status `success`. Default none. */
  initialState?: DehydratedInbox | null | undefined;
}

/** Options the host may change while the inbox is mounted. */
export type InboxStoreUpdatableOptions = Pick<InboxStoreOptions, 'currentUser' | 'directory' | 'pollIntervalMs' | 'undoMs'>;

/** Polling interval when none is given. */
export const DEFAULT_POLL_INTERVAL_MS = 15_000;
