import type { Conversation } from '../../core/types.js';
import type { InboxMessages } from '../../hooks/messages.js';

/** The status as a small badge; `open` shows none in lists unless `always`. An unknown status shows the backend's own word. */
export function StatusBadge({ conversation, messages, always = false }: { conversation: Pick<Conversation, 'status' | 'rawStatus'>; messages: InboxMessages; always?: boolean | undefined }) {
  const { status } = conversation;
  if (status === 'open' && !always) return null;
  const label = statusLabel(conversation, messages);
  return (
    <span className="ik-status-badge" data-slot="status-badge" data-status={status}>
      {label}
    </span>
  );
}

/** A status's label (the backend's own word for one InboxKit does not know). */
export function statusLabel(conversation: Pick<Conversation, 'status' | 'rawStatus'>, messages: InboxMessages): string {
  return conversation.status === 'unknown' ? messages.unknownStatus(conversation.rawStatus ?? '?') : messages.status[conversation.status];
}

/** A channel's display name (the backend's own word for one InboxKit does not know). */
export function channelLabel(conversation: Pick<Conversation, 'channel' | 'rawChannel'>, messages: InboxMessages): string {
  return conversation.channel === 'unknown' ? messages.unknownChannel(conversation.rawChannel ?? '?') : messages.channel[conversation.channel];
}
