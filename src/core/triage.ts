import type { Conversation } from './types.js';

/**
 * Triage facts derived from a conversation alone: how long the customer has
 * been waiting for an answer, and where WhatsApp's customer-service window
 * stands. Pure functions of their arguments (the clock is passed in), so the
 * UI can re-evaluate them from a shared clock without re-rendering a list.
 */

/** How long WhatsApp keeps the customer-service window open after the customer's last message. */
export const REPLY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Under this much time left, the window counts as closing. */
export const REPLY_WINDOW_CLOSING_MS = 2 * 60 * 60 * 1000;

/** How long a customer may wait for a reply before the UI shows it as an alert, unless told otherwise: one hour. */
export const DEFAULT_WAITING_ALERT_AFTER_MS = 60 * 60 * 1000;

/** Where the reply window stands: `open`, `closing` (under two hours left) or `closed`. */
export type ReplyWindowState = 'open' | 'closing' | 'closed';

/** The WhatsApp customer-service window of one conversation at one moment. */
export interface ReplyWindow {
  state: ReplyWindowState;
  /** When the window closes (closed), as ISO-8601 in UTC. */
  closesAt: string;
  /** Milliseconds left; 0 once closed. */
  remainingMs: number;
}

function instant(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

/** The newest message we know of, from the history or the list's preview, whichever is later. */
function latest(conversation: Conversation): { direction: 'inbound' | 'outbound'; at: number } | null {
  let best: { direction: 'inbound' | 'outbound'; at: number } | null = null;
  const history = conversation.messages;
  const last = history && history.length > 0 ? history[history.length - 1] : undefined;
  const lastAt = instant(last?.createdAt);
  if (last && lastAt !== null) best = { direction: last.direction, at: lastAt };
  const preview = conversation.lastMessage;
  const previewAt = instant(preview?.timestamp);
  // On a tie the preview and the history describe the same message; the history's entry stands.
  if (preview && previewAt !== null && (best === null || previewAt > best.at)) best = { direction: preview.direction, at: previewAt };
  return best;
}

/**
 * Since when the customer has been waiting for a reply, as ISO-8601 (UTC), or
 * `null` when nobody is waiting or it cannot be known: the newest message is
 * ours, the conversation is resolved, or the backend sent no direction. With a
 * history, waiting starts at the first customer message after our last reply;
 * with only the newest message, at that message (the wait may be longer).
 */
export function waitingSince(conversation: Conversation): string | null {
  if (conversation.status === 'resolved') return null;
  const newest = latest(conversation);
  if (!newest || newest.direction !== 'inbound') return null;
  let since = newest.at;
  const history = conversation.messages;
  if (history && history.length > 0) {
    for (let i = history.length - 1; i >= 0; i--) {
      const message = history[i]!;
      if (message.direction !== 'inbound') break;
      const at = instant(message.createdAt);
      if (at !== null && at < since) since = at;
    }
  }
  return new Date(since).toISOString();
}

/** When the customer last wrote, or `null` when it cannot be known from what the backend sent. */
function lastInbound(conversation: Conversation): number | null {
  let at: number | null = null;
  const preview = conversation.lastMessage;
  if (preview?.direction === 'inbound') at = instant(preview.timestamp);
  const history = conversation.messages;
  if (history) {
    for (let i = history.length - 1; i >= 0; i--) {
      const message = history[i]!;
      if (message.direction !== 'inbound') continue;
      const found = instant(message.createdAt);
      if (found !== null && (at === null || found > at)) at = found;
      break;
    }
  }
  return at;
}

/**
 * WhatsApp's customer-service window: free-form replies are allowed for 24
 * hours after the customer's last message; after that only template messages.
 * `null` for other channels, or when the customer's last message is unknown
 * (the newest message is ours and the backend sent no history).
 */
export function replyWindow(conversation: Conversation, now: number): ReplyWindow | null {
  if (conversation.channel !== 'whatsapp') return null;
  const from = lastInbound(conversation);
  if (from === null) return null;
  const closes = from + REPLY_WINDOW_MS;
  const remainingMs = Math.max(0, closes - now);
  const state: ReplyWindowState = remainingMs === 0 ? 'closed' : remainingMs < REPLY_WINDOW_CLOSING_MS ? 'closing' : 'open';
  return { state, closesAt: new Date(closes).toISOString(), remainingMs };
}
