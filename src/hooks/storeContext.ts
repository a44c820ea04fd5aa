import { createContext, useContext } from 'react';
import type { Locale } from 'date-fns';
import type { InboxStore } from '../store/createInboxStore.js';
import type { InboxMessages } from './messages.js';

/**
 * The locale dates are written in: a date-fns `Locale` (as `inboxkit/locales/<tag>` exports it), or
 * anything with its `code`, a BCP-47 tag. Only the tag is read: the platform's Intl writes the dates.
 */
export type DateLocale = Pick<Locale, 'code'>;

/** What `InboxProvider` passes down. The UI strings stay as the host gave them: components fill in the defaults (see context.ts), so a headless host never loads them. */
export interface InboxStoreContextValue {
  store: InboxStore;
  /** The locale for times and dates; US English when absent. */
  locale: DateLocale | undefined;
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
