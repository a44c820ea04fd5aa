import { useInboxContext } from './context.js';
import type { DateLocale } from './context.js';
import type { InboxMessages } from './messages.js';

/** The UI strings and date locale of the nearest `InboxProvider`. */
export function useInboxMessages(): { messages: InboxMessages; locale: DateLocale | undefined } {
  const { messages, locale } = useInboxContext('useInboxMessages');
  return { messages, locale };
}
