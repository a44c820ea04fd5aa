import { replyWindow, waitingSince } from '../../core/triage.js';
import type { ReplyWindow } from '../../core/triage.js';
import type { Conversation, MessagePreview } from '../../core/types.js';
import type { InboxMessages } from '../../hooks/messages.js';
import { formatShortDuration } from './format.js';

/** What rows and the view show about waiting and WhatsApp's reply window at one moment. */
export interface TriageAt {
  /** How long the customer has waited, or `null` when nobody is waiting or it cannot be known. */
  waitingMs: number | null;
  /** Waiting longer than the alert threshold. */
  overdue: boolean;
  /** The reply window (WhatsApp channel only), or `null`. */
  window: ReplyWindow | null;
}

/** The triage facts of a conversation at `now`, from the pure functions in `core/triage`. */
export function triageAt(conversation: Conversation, now: number, alertAfterMs: number): TriageAt {
  const since = waitingSince(conversation);
  const waitingMs = since === null ? null : Math.max(0, now - Date.parse(since));
  return { waitingMs, overdue: waitingMs !== null && waitingMs > alertAfterMs, window: replyWindow(conversation, now) };
}

/** `data-waiting`: absent when nobody waits, `""` while waiting, `"overdue"` past the threshold. */
export function waitingAttribute(conversation: Conversation, now: number, alertAfterMs: number): string | null {
  const since = waitingSince(conversation);
  if (since === null) return null;
  return now - Date.parse(since) > alertAfterMs ? 'overdue' : '';
}

/** `data-window`: `open`, `closing` or `closed` for WhatsApp conversations whose customer's last message is known. */
export function windowAttribute(conversation: Conversation, now: number): string | null {
  return replyWindow(conversation, now)?.state ?? null;
}

/**
 * The newest message known, as a preview: the list's `lastMessage` or the
 * history's last entry, whichever is later. A Waply list carries neither, so
 * its rows show a preview once the conversation has been read in full (and
 * keep it when the next list page again carries none).
 */
export function newestMessage(conversation: Conversation): MessagePreview | null {
  const preview = conversation.lastMessage;
  const history = conversation.messages;
  const last = history && history.length > 0 ? history[history.length - 1]! : undefined;
  if (!last) return preview;
  if (preview && Date.parse(preview.timestamp) >= Date.parse(last.createdAt)) return preview;
  return { text: last.text, timestamp: last.createdAt, direction: last.direction };
}

/**
 * The reply window as a row shows it, long ("Reply window: 3h left", "Reply window closes in 40m", or
 * closed) and short for narrow lists ("3h left", "Window closed").
 */
export function replyWindowText(window: ReplyWindow, messages: InboxMessages): { long: string; short: string } {
  if (window.state === 'closed') return { long: messages.replyWindowClosed, short: messages.replyWindowClosedShort };
  const left = formatShortDuration(window.remainingMs, messages);
  return { long: window.state === 'closing' ? messages.replyWindowClosing(left) : messages.replyWindowLeft(left), short: messages.replyWindowLeftShort(left) };
}
