import type { Conversation } from '../../core/types.js';
import { useInboxContext } from '../../hooks/context.js';
import { formatFull, formatShortDuration, formatSpokenDuration, formatWhen } from '../shared/format.js';
import { isolatedSentence } from '../shared/isolated.js';
import { triageAt } from '../shared/triage.js';
import { useNow } from '../shared/useNow.js';

// Each reads the shared clock itself, so a tick re-renders these few elements, not the view.

/** "Waiting 2h" in the view header while the customer waits for a reply (nothing when that is unknown). */
export function WaitingBadge({ conversation }: { conversation: Conversation }) {
  const { locale, messages, waitingAlertAfterMs } = useInboxContext('ConversationView');
  const now = useNow();
  const { waitingMs, overdue } = triageAt(conversation, now, waitingAlertAfterMs);
  if (waitingMs === null) return null;
  return (
    <span className="ik-waiting" data-slot="waiting" data-waiting={overdue ? 'overdue' : ''}>
      <span aria-hidden="true">{messages.waitingFor(formatShortDuration(waitingMs, messages))}</span>
      <span className="ik-visually-hidden">{messages.waitingFor(formatSpokenDuration(waitingMs, locale))}</span>
    </span>
  );
}

/**
 * WhatsApp's customer-service window in one sentence, with the time it closes (or closed).
 * The sentence reads in the catalog's direction, the time and the duration each in theirs
 * (an English catalog over an Arabic date locale in a right-to-left page still reads in order).
 */
export function ReplyWindowNotice({ conversation }: { conversation: Conversation }) {
  const { locale, messages } = useInboxContext('ConversationView');
  const now = useNow();
  const { window } = triageAt(conversation, now, Infinity);
  if (!window) return null;
  const when = formatWhen(window.closesAt, now, locale);
  return (
    <p className="ik-banner ik-reply-window-notice" data-slot="reply-window" data-window={window.state} title={formatFull(window.closesAt, locale)}>
      {/* One flex item for the sentence (the banner is a flex box): its bdi pieces stay in one line of text. */}
      <span className="ik-banner-text" dir="auto">
        {window.state === 'closed'
          ? isolatedSentence(messages.replyWindowClosedExplained, [when])
          : isolatedSentence(messages.replyWindowExplained, [when, formatSpokenDuration(window.remainingMs, locale)])}
      </span>
    </p>
  );
}
