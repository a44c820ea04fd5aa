import { useInboxContext } from './context.js';
import type { DateLocale } from './storeContext.js';
import type { InboxMessages } from './messages.js';

/** The UI strings (the provider's over the English defaults) and date locale of the nearest `InboxProvider`. */
export function useInboxMessages(): { messages: InboxMessages; locale: DateLocale | undefined } {
  const { messages, locale } = useInboxContext('useInboxMessages');
  return { messages, locale };
}
