import type { ComponentProps } from 'react';
import type { Conversation } from '../../core/types.js';
import { useInboxContext } from '../../hooks/context.js';
import { useAssigneeDirectory } from '../../hooks/useAssigneeName.js';
import { Avatar } from '../shared/Avatar.js';
import { displayName, formatFull, formatListTime, formatShortDuration, formatSpokenDuration, formatSpokenTime } from '../shared/format.js';
import { SentMark } from '../shared/SentMark.js';
import { channelLabel, StatusBadge, statusLabel } from '../shared/StatusBadge.js';
import { newestMessage, replyWindowText, triageAt } from '../shared/triage.js';
import { useClockState } from '../shared/useNow.js';

const PREVIEW_CHARS = 300;

/** What the row reads from the store for its content (in its one subscription: see `useRowStore`). */
export interface ConversationRowContentProps {
  conversation: Conversation;
  /** The unread count shown (0 once the agent opened it after its last activity). */
  unread: number;
  /** The store's name for the assignee, where the conversation carries none (`knownAssigneeName`). */
  knownAssignee: string | undefined;
  /** Whether the conversation was read in full (where list rows carry no previews, only then is "no messages" true). */
  readInFull: boolean;
}

/**
 * What a row shows by default (a host's `renderItem` replaces it): avatar,
 * name, waiting time, time of last activity (what the list is ordered by),
 * preview, channel, status, WhatsApp's reply window, assignee and unread badge.
 * Screen readers hear one sentence instead of the pieces (the row's accessible
 * name, from `messages.rowLabel`). Its store state comes from the row, which
 * reads all of it in one subscription: one per row would cost every mount and
 * every store change. Only content lives here; the row element,
 * its ARIA, its state attributes and its place in the scroller belong to the
 * list (`ConversationList.tsx`).
 */
export function ConversationRowContent({ conversation, unread, knownAssignee, readInFull }: ConversationRowContentProps) {
  const { locale, messages, store, waitingAlertAfterMs } = useInboxContext('ConversationList');
  // While hydrating, text made from the clock renders empty and keeps the server's (its clock and time
  // zone may not be the browser's); the browser's replaces it right after (useClockState).
  const { now, hydrating } = useClockState();
  const name = displayName(conversation, messages);
  const own = conversation.assignee?.name || undefined;
  const assigneeId = conversation.assignee?.id;
  useAssigneeDirectory(own === undefined && assigneeId !== undefined, 'ConversationList');
  const assignee = own ?? knownAssignee ?? assigneeId ?? null;
  const preview = newestMessage(conversation);
  // Where the list carries no previews (Waply), a missing one means "not sent", not "none":
  // only a conversation read in full, or a backend whose list does carry them, can say there are none.
  const { listPreviews, channels } = store.capabilities;
  const noMessages = !preview && (listPreviews || readInFull);
  const time = conversation.updatedAt;
  const { waitingMs, overdue, window } = triageAt(conversation, now, waitingAlertAfterMs);
  const windowText = window && !hydrating ? replyWindowText(window, messages) : null;
  const text = preview ? (preview.text.length > PREVIEW_CHARS ? `${preview.text.slice(0, PREVIEW_CHARS)}…` : preview.text) : null;
  const label = messages.rowLabel({
    name,
    status: conversation.status === 'open' ? null : statusLabel(conversation, messages),
    assignee,
    unread,
    waiting: waitingMs === null ? null : formatSpokenDuration(waitingMs, locale),
    overdue,
    window: window && { state: window.state, left: formatSpokenDuration(window.remainingMs, locale) },
    time: formatSpokenTime(time, now, messages, locale),
    preview: preview && text !== null ? { text, sent: preview.direction === 'outbound' } : null,
    noMessages,
  });
  return (
    <>
      {/* The row's accessible name: one sentence, so a screen reader hears times in words, not "4m". */}
      <span className="ik-visually-hidden" data-slot="row-label" suppressHydrationWarning>
        {hydrating ? '' : label}
      </span>
      <Avatar name={name} seed={conversation.contactId || conversation.id} url={conversation.contact?.avatarUrl} />
      <span className="ik-row-main" aria-hidden="true">
        <span className="ik-row-top">
          <span className="ik-row-name" dir="auto">
            {name}
          </span>
          {waitingMs !== null && (
            <span className="ik-waiting" data-slot="waiting" data-waiting={overdue ? 'overdue' : ''} suppressHydrationWarning>
              {hydrating ? '' : messages.waitingFor(formatShortDuration(waitingMs, messages))}
            </span>
          )}
          <time className="ik-row-time" dateTime={time} title={hydrating ? undefined : formatFull(time, locale)} suppressHydrationWarning>
            {hydrating ? '' : formatListTime(time, now, messages, locale)}
          </time>
        </span>
        <span className="ik-row-preview" dir="auto">
          {preview ? (
            <>
              {preview.direction === 'outbound' && <SentMark text={`${messages.sent}: `} />}
              {text}
            </>
          ) : (
            noMessages && <span className="ik-muted">{messages.noMessagesYet}</span>
          )}
        </span>
        <span className="ik-row-meta">
          {/* A backend with one channel (WhatsApp's) would print the same word on every row: it says nothing. */}
          {!(channels.length === 1 && conversation.channel === channels[0]) && (
            <span className="ik-row-channel" data-channel={conversation.channel}>
              {channelLabel(conversation, messages)}
            </span>
          )}
          <StatusBadge conversation={conversation} messages={messages} />
          {window && <LongShort className="ik-reply-window" data-slot="reply-window" data-window={window.state} long={windowText?.long ?? ''} short={windowText?.short ?? ''} />}
          {assignee !== null && <LongShort className="ik-row-assignee" dir="auto" long={messages.assignedTo(assignee)} short={assignee} />}
          {unread > 0 && (
            <span className="ik-unread-badge" data-slot="unread-badge">
              <span aria-hidden="true">{unread > 99 ? '99+' : unread}</span>
              <span className="ik-visually-hidden">{messages.unread(unread)}</span>
            </span>
          )}
        </span>
      </span>
    </>
  );
}

/**
 * A meta-line piece in both forms, the long one also its `title`: the list's container query shows the
 * short one in narrow lists. The meta line is hidden from assistive technology, so neither is read (the
 * row's name says it all). The reply window's texts are empty while hydrating (see `useClockState`).
 */
function LongShort({ long, short, ...props }: ComponentProps<'span'> & { long: string; short: string }) {
  return (
    <span {...props} title={long || undefined} suppressHydrationWarning>
      <span className="ik-meta-long" suppressHydrationWarning>
        {long}
      </span>
      <span className="ik-meta-short" dir="auto" suppressHydrationWarning>
        {short}
      </span>
    </span>
  );
}
