import type { Conversation } from '../../core/types.js';
import { useInboxContext } from '../../hooks/context.js';
import { Avatar } from '../shared/Avatar.js';
import { displayName, formatFull, formatListTime } from '../shared/format.js';
import { SentMark } from '../shared/SentMark.js';
import { channelLabel, StatusBadge } from '../shared/StatusBadge.js';
import { useClock } from '../shared/useNow.js';

/**
 * What a row shows by default (a host's `renderItem` replaces it): avatar,
 * name, time, preview, channel, status, assignee and unread badge. Only
 * content lives here; the row element, its ARIA, its state attributes and its
 * place in the scroller belong to the list (`ConversationList.tsx`).
 */
export function ConversationRowContent({ conversation }: { conversation: Conversation }) {
  const { locale, messages } = useInboxContext('ConversationList');
  const { now, hydrating } = useClock();
  const name = displayName(conversation, messages);
  const preview = conversation.lastMessage;
  const time = preview?.timestamp ?? conversation.updatedAt;
  const unread = conversation.unreadCount ?? 0;
  return (
    <>
      <Avatar name={name} seed={conversation.contactId || conversation.id} url={conversation.contact?.avatarUrl} />
      <span className="ik-row-main">
        <span className="ik-row-top">
          <span className="ik-row-name" dir="auto">
            {name}
          </span>
          {/* The browser's clock and time zone may not be the server's: the server's text stays until hydrated (useClock). */}
          <time className="ik-row-time" dateTime={time} title={hydrating ? undefined : formatFull(time, locale)} suppressHydrationWarning>
            {hydrating ? '' : formatListTime(time, now, messages, locale)}
          </time>
        </span>
        <span className="ik-row-preview" dir="auto">
          {preview ? (
            <>
              {preview.direction === 'outbound' && <SentMark text={`${messages.sent}: `} />}
              {preview.text.length > 300 ? `${preview.text.slice(0, 300)}…` : preview.text}
            </>
          ) : (
            <span className="ik-muted">{messages.noMessagesYet}</span>
          )}
        </span>
        <span className="ik-row-meta">
          <span className="ik-row-channel" data-channel={conversation.channel}>
            {channelLabel(conversation, messages)}
          </span>
          <StatusBadge conversation={conversation} messages={messages} />
          {conversation.assignee && (
            <span className="ik-row-assignee" dir="auto">
              {messages.assignedTo(conversation.assignee.name ?? conversation.assignee.id)}
            </span>
          )}
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
