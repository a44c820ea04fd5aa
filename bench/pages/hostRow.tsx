/**
 * A hand-written row's content, as a host writes it (the reference pages): the
 * same visible text and the same stylesheet classes as InboxKit's rows.
 */
import type { Conversation } from '../../src/core/types.js';
import * as t from './hostText.js';

export function hostRowContent(c: Conversation, now: number) {
  const name = t.name(c);
  const time = t.timeOf(c);
  const unread = c.unreadCount ?? 0;
  const status = t.status(c);
  const waiting = t.waiting(c, now);
  const window = t.replyWindowLabel(c, now);
  return (
    <>
      <span className="ik-avatar" data-colour={t.colour(c.contactId || c.id)} aria-hidden="true">
        <span className="ik-avatar-initials">{t.initialsOf(name)}</span>
      </span>
      <span className="ik-row-main">
        <span className="ik-row-top">
          <span className="ik-row-name">{name}</span>
          {waiting && (
            <span className="ik-waiting" data-waiting={waiting.overdue ? 'overdue' : ''}>
              {waiting.text}
            </span>
          )}
          <time className="ik-row-time" dateTime={time} title={t.fullTime(time)}>
            {t.timeLabel(time, now)}
          </time>
        </span>
        <span className="ik-row-preview">
          {c.lastMessage?.direction === 'outbound' && <span className="ik-row-preview-you">{t.messages.sent}: </span>}
          {t.preview(c)}
        </span>
        <span className="ik-row-meta">
          <span className="ik-row-channel">{t.channel(c)}</span>
          {status && (
            <span className="ik-status-badge" data-status={c.status}>
              {status}
            </span>
          )}
          {window && (
            <span className="ik-reply-window" data-window={window.state} title={window.title}>
              {window.text}
            </span>
          )}
          {/* The bench's list is 380 px wide: the bare name, the sentence as its title, as InboxKit's narrow rows. */}
          {c.assignee && (
            <span className="ik-row-assignee" title={t.messages.assignedTo(c.assignee.name ?? c.assignee.id)}>
              {c.assignee.name ?? c.assignee.id}
            </span>
          )}
          {unread > 0 && (
            <span className="ik-unread-badge">
              <span aria-hidden="true">{unread > 99 ? '99+' : unread}</span>
              <span className="ik-visually-hidden">{t.messages.unread(unread)}</span>
            </span>
          )}
        </span>
      </span>
    </>
  );
}
