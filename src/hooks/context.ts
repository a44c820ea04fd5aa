import { createContext, useContext } from 'react';
import type { Locale } from 'date-fns';
import type { InboxStore } from '../store/createInboxStore.js';

export interface InboxContextValue {
  store: InboxStore;
  /** date-fns locale for times and dates; English when absent. */
  locale: Locale | undefined;
}

export const InboxContext = createContext<InboxContextValue | null>(null);

/** The inbox context, or a loud error naming the hook and the provider it needs. */
export function useInboxContext(hookName: string): InboxContextValue {
  const value = useContext(InboxContext);
  if (!value) throw new Error(`${hookName} must be used inside <InboxProvider>. Wrap your inbox components in <InboxProvider adapter={…}>.`);
  return value;
}
