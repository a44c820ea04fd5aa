import { useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { ConversationsAdapter } from '../core/types.js';
import { createInboxStore } from '../store/createInboxStore.js';
import type { AssigneeDirectory, CurrentUser, InboxStore } from '../store/createInboxStore.js';
import type { DraftStorage } from '../store/drafts.js';
import type { DehydratedInbox } from '../store/hydration.js';
import { DEFAULT_WAITING_ALERT_AFTER_MS } from '../core/triage.js';
import { InboxContext } from './context.js';
import type { DateLocale } from './context.js';
import { defaultMessages } from './messages.js';
import type { InboxMessages } from './messages.js';

/** The provider's undo window for resolves: the inbox shows an Undo line for it. */
const DEFAULT_UNDO_MS = 5_000;

/** Props of `InboxProvider`: give it an `adapter` (it makes the store) or a `store` you made. */
export interface InboxProviderProps {
  /** The backend. A new adapter object starts a new store. Required unless `store` is given. */
  adapter?: ConversationsAdapter | undefined;
  /** A store made with `createInboxStore`, to share it or use it outside React too. Wins over `adapter`. */
  store?: InboxStore | undefined;
  /** The signed-in agent ("Assign to me"). Default none. */
  currentUser?: CurrentUser | null | undefined;
  /** Users and teams to offer when the backend cannot list them. Default none. */
  directory?: AssigneeDirectory | undefined;
  /** The locale times and dates are written in: a date-fns `Locale` (e.g. `dateLocale` of `inboxkit/locales/de`) or any `{ code }` with a BCP-47 tag; only the tag is read. Default US English. */
  locale?: DateLocale | undefined;
  /** UI strings to replace (any subset), e.g. to translate. Default English. */
  messages?: Partial<InboxMessages> | undefined;
  /** Polling interval while the page is visible; 0 turns it off. Default 15 000 ms. */
  pollIntervalMs?: number | undefined;
  /** How long a resolve waits, shown at once with an Undo line, before it is sent; 0 sends at once (no Undo). Default 5 000 ms. */
  undoMs?: number | undefined;
  /** After how long a customer waiting for a reply turns the row into an alert (`data-waiting="overdue"`), in ms. Default 3 600 000 (one hour). */
  waitingAlertAfterMs?: number | undefined;
  /** Where note drafts persist. Default `localStorage` where it works. Read when the store is made. */
  storage?: DraftStorage | undefined;
  /** Storage key for drafts. Default `"inboxkit:drafts"`. Read when the store is made. */
  storageKey?: string | undefined;
  /** Data from `store.dehydrate()` (e.g. fetched by a server component), shown on the first render without a request. Read when the store is made. Default none. */
  initialState?: DehydratedInbox | null | undefined;
  children?: ReactNode | undefined;
}

/**
 * Holds one inbox's store for the components and hooks below it. Two
 * providers on one page are two independent inboxes. Browser APIs are used
 * only in effects, so this renders on a server.
 */
export function InboxProvider({
  adapter,
  store: givenStore,
  currentUser,
  directory,
  locale,
  messages,
  pollIntervalMs,
  undoMs: undoProp,
  waitingAlertAfterMs = DEFAULT_WAITING_ALERT_AFTER_MS,
  storage,
  storageKey,
  initialState,
  children,
}: InboxProviderProps) {
  if (!givenStore && !adapter) throw new Error('<InboxProvider> needs an `adapter` (or a `store` made with createInboxStore).');
  const [owned, setOwned] = useState<{ adapter: ConversationsAdapter; store: InboxStore } | null>(() =>
    givenStore ? null : { adapter: adapter!, store: createInboxStore({ adapter: adapter!, currentUser, directory, pollIntervalMs, undoMs: undoProp ?? DEFAULT_UNDO_MS, storage, storageKey, initialState }) },
  );
  // A different backend is a different inbox: make a new store (React's "adjust state during render" pattern).
  if (!givenStore && owned?.adapter !== adapter) {
    setOwned({ adapter: adapter!, store: createInboxStore({ adapter: adapter!, currentUser, directory, pollIntervalMs, undoMs: undoProp ?? DEFAULT_UNDO_MS, storage, storageKey, initialState }) });
  }
  const store = givenStore ?? owned!.store;
  // A store the host made keeps its own undo window unless the prop says otherwise.
  const undoMs = undoProp ?? (givenStore ? undefined : DEFAULT_UNDO_MS);

  useEffect(() => store.mount(), [store]);

  const userKey = currentUser ? `${currentUser.id}\u0000${currentUser.name ?? ''}\u0000${currentUser.email ?? ''}` : '';
  useEffect(() => {
    store.setOptions({ currentUser: currentUser ?? null, directory, pollIntervalMs, ...(undoMs !== undefined && { undoMs }) });
    // currentUser is compared by value (userKey) so an inline object does not reload assignees each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, userKey, directory, pollIntervalMs, undoMs]);

  const mergedMessages = useMemo(() => (messages ? { ...defaultMessages, ...messages } : defaultMessages), [messages]);
  const value = useMemo(() => ({ store, locale, messages: mergedMessages, waitingAlertAfterMs }), [store, locale, mergedMessages, waitingAlertAfterMs]);
  return <InboxContext.Provider value={value}>{children}</InboxContext.Provider>;
}
