import type { Locale } from 'date-fns';
import { useInboxContext } from './context.js';
import type { InboxMessages } from './messages.js';

/** The UI strings (the provider's over the English defaults) and date-fns locale of the nearest `InboxProvider`. */
export function useInboxMessages(): { messages: InboxMessages; locale: Locale | undefined } {
  const { messages, locale } = useInboxContext('useInboxMessages');
  return { messages, locale };
}
