import { createContext, useContext } from 'react';
import type { Locale } from 'date-fns';
import type { InboxStore } from '../store/createInboxStore.js';
import type { InboxMessages } from './messages.js';

/**
 * The locale dates are written in: a date-fns `Locale` (as `inboxkit/locales/<tag>` exports it), or
 * anything with its `code`, a BCP-47 tag. Only the tag is read: the platform's Intl writes the dates.
 */
export type DateLocale = Pick<Locale, 'code'>;

export interface InboxContextValue {
  store: InboxStore;
  /** The locale for times and dates; US English when absent. */
  locale: DateLocale | undefined;
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
