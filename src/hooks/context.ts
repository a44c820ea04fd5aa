import { createContext, useContext } from 'react';
import type { Locale } from 'date-fns';
import type { InboxStore } from '../store/createInboxStore.js';
import type { InboxMessages } from './messages.js';

export interface InboxContextValue {
  store: InboxStore;
  /** date-fns locale for times and dates; English when absent. */
  locale: Locale | undefined;
  /** UI strings, defaults filled in. */
  messages: InboxMessages;
  /** After how long a waiting customer turns a row into an alert (`data-waiting="overdue"`), in ms. */
  waitingAlertAfterMs: number;
}

export const InboxContext = /* @__PURE__ */ createContext<InboxContextValue | null>(null);

/** The inbox context, or a loud error naming the hook and the provider it needs. */
export function useInboxContext(hookName: string): InboxContextValue {
  const value = useContext(InboxContext);
  if (!value) throw new Error(`${hookName} must be used inside <InboxProvider>. Wrap your inbox components in <InboxProvider adapter={…}>.`);
  return value;
}
