import { createContext, useContext } from 'react';
import type { Locale } from 'date-fns';
import type { InboxStore } from '../store/createInboxStore.js';
import type { InboxMessages } from './messages.js';

/** What `InboxProvider` passes down. The UI strings stay as the host gave them: components fill in the defaults (see context.ts), so a headless host never loads them. */
export interface InboxStoreContextValue {
  store: InboxStore;
  /** date-fns locale for times and dates; English when absent. */
  locale: Locale | undefined;
  /** The host's UI strings (any subset), or `undefined` for the defaults. */
  messages: Partial<InboxMessages> | undefined;
  /** After how long a waiting customer turns a row into an alert (`data-waiting="overdue"`), in ms. */
  waitingAlertAfterMs: number;
}

export const InboxContext = /* @__PURE__ */ createContext<InboxStoreContextValue | null>(null);

/** The provider's value, or a loud error naming the hook and the provider it needs. */
export function useStoreContext(hookName: string): InboxStoreContextValue {
  const value = useContext(InboxContext);
  if (!value) throw new Error(`${hookName} must be used inside <InboxProvider>.`);
  return value;
}
