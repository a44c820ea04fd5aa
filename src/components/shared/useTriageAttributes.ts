import type { Conversation } from '../../core/types.js';
import { useInboxContext } from '../../hooks/context.js';
import { waitingAttribute, windowAttribute } from './triage.js';
import { useClock } from './useNow.js';

/**
 * `data-waiting` and `data-window` for a row or view, from the shared clock:
 * the element re-renders when one of them changes (open → closing), not on
 * every tick. `undefined` leaves the attribute off.
 */
export function useTriageAttributes(conversation: Conversation | undefined): { 'data-waiting': string | undefined; 'data-window': string | undefined } {
  const { waitingAlertAfterMs } = useInboxContext('ConversationList');
  const waiting = useClock((now) => (conversation ? waitingAttribute(conversation, now, waitingAlertAfterMs) : null));
  const window = useClock((now) => (conversation ? windowAttribute(conversation, now) : null));
  return { 'data-waiting': waiting ?? undefined, 'data-window': window ?? undefined };
}
