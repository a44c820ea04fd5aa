import { useCallback } from 'react';
import type { Conversation } from '../../core/types.js';
import { useInboxContext } from '../../hooks/context.js';
import { waitingAttribute, windowAttribute } from './triage.js';
import { useClock } from './useNow.js';

const WAITING = [null, '', 'overdue'] as const;
const WINDOW = [null, 'open', 'closing', 'closed'] as const;

/**
 * `data-waiting` and `data-window` for a row or view, from the shared clock:
 * the element re-renders when one of them changes (open → closing), not on
 * every tick. `undefined` leaves the attribute off.
 */
export function useTriageAttributes(conversation: Conversation | undefined): { 'data-waiting': string | undefined; 'data-window': string | undefined } {
  const { waitingAlertAfterMs } = useInboxContext('ConversationList');
  // Both attributes in one number, from one clock subscription: computed once per render and per tick.
  const both = useClock(
    useCallback(
      (now: number) =>
        conversation
          ? WAITING.indexOf(waitingAttribute(conversation, now, waitingAlertAfterMs) as (typeof WAITING)[number]) * WINDOW.length +
            WINDOW.indexOf(windowAttribute(conversation, now) as (typeof WINDOW)[number])
          : 0,
      [conversation, waitingAlertAfterMs],
    ),
  );
  return { 'data-waiting': WAITING[Math.floor(both / WINDOW.length)] ?? undefined, 'data-window': WINDOW[both % WINDOW.length] ?? undefined };
}
