/**
 * What a hand-written host computes for a row (the reference and chatscope
 * pages): the same visible text as InboxKit's rows, with cached Intl
 * formatters instead of date-fns.
 */
import { DEFAULT_WAITING_ALERT_AFTER_MS, replyWindow, waitingSince } from '../../src/core/triage.js';
import type { Conversation } from '../../src/core/types.js';
import { defaultMessages as m } from '../../src/hooks/messages.js';

const DAY = 86_400_000;
const weekday = new Intl.DateTimeFormat('en', { weekday: 'short' });
const dayMonth = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short' });
const full = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
const startOfDay = (t: number) => {
  const d = new Date(t);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
};

export function name(c: Conversation): string {
  return c.contact?.name?.trim() || c.contact?.phone || c.contact?.email || m.unknownContact(c.contactId || '?');
}

export function initialsOf(text: string): string {
  const words = text.trim().split(/\s+/);
  const first = (w: string | undefined) => (w ? (Array.from(w)[0] ?? '') : '');
  return (words.length > 1 ? first(words[0]) + first(words[words.length - 1]) : first(words[0])).toUpperCase() || '?';
}

export function colour(id: string): number {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) | 0;
  return Math.abs(hash) % 8;
}

export function timeOf(c: Conversation): string {
  return c.lastMessage?.timestamp ?? c.updatedAt;
}

export function timeLabel(iso: string, now: number): string {
  const t = Date.parse(iso);
  const minutes = Math.floor((now - t) / 60_000);
  const days = Math.round((startOfDay(now) - startOfDay(t)) / DAY);
  if (minutes < 1 && minutes > -1) return m.justNow;
  if (days === 0 && minutes > 0 && minutes < 60) return m.minutesAgo(minutes);
  if (days === 0 && minutes > 0) return m.hoursAgo(Math.floor(minutes / 60));
  if (days === 1) return m.yesterday;
  if (days > 1 && days < 7) return weekday.format(t);
  return dayMonth.format(t);
}

export const fullTime = (iso: string) => full.format(Date.parse(iso));

export function preview(c: Conversation): string {
  const text = c.lastMessage?.text ?? m.noMessagesYet;
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

export const channel = (c: Conversation) => (c.channel === 'unknown' ? m.unknownChannel(c.rawChannel ?? '?') : m.channel[c.channel]);
export const status = (c: Conversation) => (c.status === 'open' ? null : c.status === 'unknown' ? m.unknownStatus(c.rawStatus ?? '?') : m.status[c.status]);
export const messages = m;

/** "40m", "3h", "2d": the short duration the rows show (rounded down, at least a minute). */
function shortDuration(ms: number): string {
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  if (minutes < 60) return m.minutesAgo(minutes);
  const hours = Math.floor(minutes / 60);
  return hours < 24 ? m.hoursAgo(hours) : m.daysShort(Math.floor(hours / 24));
}

/** The row's waiting time ("Waiting 3h") and whether it is past InboxKit's default alert (an hour), or null. */
export function waiting(c: Conversation, now: number): { text: string; overdue: boolean } | null {
  const since = waitingSince(c);
  if (since === null) return null;
  const ms = Math.max(0, now - Date.parse(since));
  return { text: m.waitingFor(shortDuration(ms)), overdue: ms > DEFAULT_WAITING_ALERT_AFTER_MS };
}

/**
 * WhatsApp's reply window as a row of the bench's 380 px list shows it (the short form below 640 px:
 * "23h left", "Window closed"), its long form for the title, and its state; null off WhatsApp.
 */
export function replyWindowLabel(c: Conversation, now: number): { text: string; title: string; state: string } | null {
  const window = replyWindow(c, now);
  if (!window) return null;
  if (window.state === 'closed') return { text: m.replyWindowClosedShort, title: m.replyWindowClosed, state: window.state };
  const left = shortDuration(window.remainingMs);
  return { text: m.replyWindowLeftShort(left), title: window.state === 'closing' ? m.replyWindowClosing(left) : m.replyWindowLeft(left), state: window.state };
}
