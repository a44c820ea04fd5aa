import { useEffect, useId, useMemo, useRef } from 'react';
import type { HTMLAttributes, Ref } from 'react';
import { useStore } from 'zustand';
import { differenceInCalendarDays } from 'date-fns';
import type { Conversation, Message } from '../../core/types.js';
import { useInboxContext } from '../../hooks/context.js';
import { useAddNote } from '../../hooks/useAddNote.js';
import { useAssignConversation } from '../../hooks/useAssignConversation.js';
import { useConversation } from '../../hooks/useConversation.js';
import { useResolveConversation } from '../../hooks/useResolveConversation.js';
import type { InboxMessages } from '../../hooks/messages.js';
import type { NoteEntry } from '../../store/types.js';
import { AssignMenu } from '../AssignMenu/AssignMenu.js';
import { NoteComposer } from '../NoteComposer/NoteComposer.js';
import { Avatar } from '../shared/Avatar.js';
import { cx } from '../shared/cx.js';
import { displayName, formatClock, formatDay, formatFull } from '../shared/format.js';
import { channelLabel, StatusBadge } from '../shared/StatusBadge.js';
import { ThemeScopeContext, useThemeClass } from '../shared/ThemeScope.js';
import { useNow } from '../shared/useNow.js';

export interface ConversationViewProps extends HTMLAttributes<HTMLElement> {
  /** The conversation to show; `null` shows a prompt to pick one. */
  conversationId: string | null;
  /** When given, a Back button calls it (the narrow, one-pane layout). */
  onBack?: (() => void) | undefined;
  /** Whether the assign menu is open (controlled), e.g. from the `a` shortcut. */
  assignMenuOpen?: boolean | undefined;
  onAssignMenuOpenChange?: ((open: boolean) => void) | undefined;
  /** Ref to the note textarea, e.g. for the `n` shortcut. */
  noteFieldRef?: Ref<HTMLTextAreaElement> | undefined;
  ref?: Ref<HTMLElement> | undefined;
}

type TimelineEntry = { kind: 'message'; at: string; message: Message } | { kind: 'note'; at: string; note: NoteEntry };

/**
 * One conversation: who it is with, its state and actions (assign,
 * resolve), and its timeline of messages and internal notes, grouped by
 * day. Where the backend returns no history, says so and shows what it has.
 */
export function ConversationView({ conversationId, onBack, assignMenuOpen, onAssignMenuOpenChange, noteFieldRef, className, ref, ...rest }: ConversationViewProps) {
  const { messages } = useInboxContext('ConversationView');
  const themeClass = useThemeClass();
  const { conversation, status, error, refetch } = useConversation(conversationId);

  let body;
  if (!conversationId) {
    body = (
      <div className="ik-state" data-slot="placeholder">
        <p className="ik-state-title">{messages.selectConversation}</p>
      </div>
    );
  } else if (!conversation && status === 'error') {
    const missing = error?.code === 'not_found';
    body = (
      <div className="ik-state" data-slot={missing ? 'not-found' : 'error'} role="alert">
        <p className="ik-state-title">{missing ? messages.conversationNotFound : messages.conversationError}</p>
        {!missing && error && <p className="ik-state-detail">{error.message}</p>}
        {!missing && (
          <button type="button" className="ik-button" onClick={() => void refetch()}>
            {messages.retry}
          </button>
        )}
      </div>
    );
  } else if (!conversation) {
    body = (
      <div className="ik-state" data-slot="loading" role="status">
        <p className="ik-state-title">{messages.loading}</p>
      </div>
    );
  } else {
    body = (
      <Loaded
        conversation={conversation}
        loading={status === 'loading'}
        error={status === 'success' && error ? error.message : null}
        onRetry={() => void refetch()}
        onBack={onBack}
        assignMenuOpen={assignMenuOpen}
        onAssignMenuOpenChange={onAssignMenuOpenChange}
        noteFieldRef={noteFieldRef}
      />
    );
  }

  return (
    <ThemeScopeContext.Provider value={true}>
      <section
        ref={ref}
        className={cx(themeClass, 'ik-view', className)}
        data-slot="view"
        data-status={conversation?.status}
        data-state={!conversationId ? 'empty' : conversation ? 'ready' : status}
        aria-label={conversation ? undefined : messages.conversation}
        {...rest}
      >
        {onBack && !conversation && (
          <button type="button" className="ik-button ik-back" data-variant="ghost" onClick={onBack}>
            {messages.back}
          </button>
        )}
        {body}
      </section>
    </ThemeScopeContext.Provider>
  );
}

function Loaded({
  conversation,
  loading,
  error,
  onRetry,
  onBack,
  assignMenuOpen,
  onAssignMenuOpenChange,
  noteFieldRef,
}: {
  conversation: Conversation;
  loading: boolean;
  error: string | null;
  onRetry: () => void;
  onBack: (() => void) | undefined;
  assignMenuOpen: boolean | undefined;
  onAssignMenuOpenChange: ((open: boolean) => void) | undefined;
  noteFieldRef: Ref<HTMLTextAreaElement> | undefined;
}) {
  const { messages, store } = useInboxContext('ConversationView');
  const headingId = useId();
  const name = displayName(conversation, messages);
  const { resolve, pending: resolving, error: resolveError, reset: resetResolve } = useResolveConversation(conversation.id);
  const { assign } = useAssignConversation(conversation.id);
  const currentUser = useStore(store.state, (s) => s.currentUser);
  const contact = conversation.contact;
  const labels = [...(contact?.labels ?? []), ...conversation.labels];
  const isAi = conversation.status === 'ai_handling' || conversation.status === 'escalated';
  const resolved = conversation.status === 'resolved';

  return (
    <div className="ik-view-inner" aria-labelledby={headingId} role="group">
      <header className="ik-view-header" data-slot="view-header">
        {onBack && (
          <button type="button" className="ik-button ik-back" data-variant="ghost" onClick={onBack} aria-label={messages.back}>
            <span className="ik-back-arrow" aria-hidden="true" />
          </button>
        )}
        <Avatar name={name} seed={conversation.contactId || conversation.id} url={contact?.avatarUrl} size="lg" />
        <div className="ik-view-title">
          <h2 id={headingId} className="ik-view-name" dir="auto" title={name}>
            {name}
          </h2>
          <p className="ik-view-subtitle">
            {contact?.phone && (
              <span className="ik-view-phone" dir="ltr">
                {contact.phone}
              </span>
            )}
            {contact?.email && <span className="ik-view-email">{contact.email}</span>}
            <span className="ik-row-channel" data-channel={conversation.channel}>
              {channelLabel(conversation, messages)}
            </span>
            <StatusBadge conversation={conversation} messages={messages} always />
          </p>
          {labels.length > 0 && (
            <ul className="ik-labels" aria-label={messages.labels}>
              {labels.map((label, i) => (
                <li key={`${label}-${i}`} className="ik-label" dir="auto">
                  {label}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="ik-view-actions">
          <AssignMenu conversationId={conversation.id} open={assignMenuOpen} onOpenChange={onAssignMenuOpenChange} />
          <button
            type="button"
            className="ik-button"
            data-variant="primary"
            data-slot="resolve"
            aria-busy={resolving || undefined}
            disabled={resolved}
            onClick={() => {
              resetResolve();
              void resolve(conversation.id);
            }}
          >
            {resolving ? messages.resolving : resolved ? messages.resolved : messages.resolve}
          </button>
        </div>
      </header>
      {resolveError && (
        <div className="ik-banner" role="alert" data-slot="resolve-error">
          <span dir="auto">{resolveError.message}</span>
          <button type="button" className="ik-link-button" onClick={resetResolve}>
            {messages.dismiss}
          </button>
        </div>
      )}
      {error && (
        <div className="ik-banner" role="alert">
          <span>{error}</span>
          <button type="button" className="ik-link-button" onClick={onRetry}>
            {messages.retry}
          </button>
        </div>
      )}
      {isAi && (
        <div className="ik-banner" data-slot="ai-banner" data-status={conversation.status}>
          <span>{conversation.status === 'escalated' ? messages.escalatedExplained : messages.aiHandlingExplained}</span>
          {currentUser && (
            <button type="button" className="ik-button" data-size="sm" onClick={() => void assign(conversation.id, currentUser)}>
              {messages.takeOver}
            </button>
          )}
        </div>
      )}
      <Timeline conversation={conversation} loading={loading} messages={messages} />
      <footer className="ik-view-footer">
        <NoteComposer conversationId={conversation.id} textareaRef={noteFieldRef} />
      </footer>
    </div>
  );
}

function Timeline({ conversation, loading, messages }: { conversation: Conversation; loading: boolean; messages: InboxMessages }) {
  const { locale } = useInboxContext('ConversationView');
  const { notes } = useAddNote(conversation.id);
  const now = useNow();
  const scrollRef = useRef<HTMLDivElement>(null);

  const entries = useMemo(() => {
    const list: TimelineEntry[] = [
      ...(conversation.messages ?? []).map((message) => ({ kind: 'message' as const, at: message.createdAt, message })),
      ...notes.map((note) => ({ kind: 'note' as const, at: note.createdAt, note })),
    ];
    return list.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }, [conversation.messages, notes]);

  const days = useMemo(() => {
    const groups: Array<{ day: string; entries: TimelineEntry[] }> = [];
    for (const entry of entries) {
      const last = groups[groups.length - 1];
      if (last && differenceInCalendarDays(Date.parse(last.day), Date.parse(entry.at)) === 0) last.entries.push(entry);
      else groups.push({ day: entry.at, entries: [entry] });
    }
    return groups;
  }, [entries]);

  // Keep the newest entry in view when the conversation opens or grows.
  useEffect(() => {
    const el = scrollRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [conversation.id, entries.length]);

  const noHistory = conversation.messages === null;
  const metadata = Object.entries(conversation.metadata);

  return (
    <div ref={scrollRef} className="ik-timeline" data-slot="timeline" role="log" aria-label={messages.timeline} aria-busy={loading || undefined} tabIndex={0}>
      {noHistory && (
        <div className="ik-notice" data-slot="history-unavailable">
          <p>{messages.historyUnavailable}</p>
          {conversation.lastMessage && (
            <div className="ik-message" data-direction={conversation.lastMessage.direction}>
              <span className="ik-visually-hidden">{conversation.lastMessage.direction === 'inbound' ? messages.inbound : messages.outbound}: </span>
              <p className="ik-message-text" dir="auto">
                {conversation.lastMessage.text}
              </p>
              <p className="ik-message-meta">
                {messages.lastMessage} ·{' '}
                <time dateTime={conversation.lastMessage.timestamp} title={formatFull(conversation.lastMessage.timestamp, locale)}>
                  {formatDay(conversation.lastMessage.timestamp, now, messages, locale)} {formatClock(conversation.lastMessage.timestamp, locale)}
                </time>
              </p>
            </div>
          )}
          {metadata.length > 0 && (
            <dl className="ik-metadata" aria-label={messages.details}>
              {metadata.map(([key, value]) => (
                <div key={key} className="ik-metadata-row">
                  <dt>{key}</dt>
                  <dd dir="auto">{typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value)}</dd>
                </div>
              ))}
            </dl>
          )}
        </div>
      )}
      {loading && !noHistory && entries.length === 0 && (
        <p className="ik-muted" role="status">
          {messages.loading}
        </p>
      )}
      {days.map((group) => (
        <div key={group.day} className="ik-day" data-slot="day">
          <h3 className="ik-day-heading">{formatDay(group.day, now, messages, locale)}</h3>
          <ol className="ik-day-entries">
            {group.entries.map((entry) =>
              entry.kind === 'message' ? (
                <li key={`m-${entry.message.id}`} className="ik-message" data-slot="message" data-direction={entry.message.direction}>
                  <span className="ik-visually-hidden">{entry.message.direction === 'inbound' ? messages.inbound : messages.outbound}: </span>
                  <p className="ik-message-text" dir="auto">
                    {entry.message.text}
                  </p>
                  <p className="ik-message-meta">
                    <time dateTime={entry.message.createdAt} title={formatFull(entry.message.createdAt, locale)}>
                      {formatClock(entry.message.createdAt, locale)}
                    </time>
                    {entry.message.direction === 'outbound' && entry.message.status && <span className="ik-message-status"> · {entry.message.status}</span>}
                  </p>
                </li>
              ) : (
                <li key={`n-${entry.note.id}`} className="ik-note" data-slot="note" data-pending={entry.note.pending ? '' : undefined}>
                  <p className="ik-note-label">
                    {messages.internalNote} · {messages.noteOnlyTeam}
                  </p>
                  <p className="ik-message-text" dir="auto">
                    {entry.note.content}
                  </p>
                  <p className="ik-message-meta">
                    {entry.note.author?.name && <span dir="auto">{entry.note.author.name} · </span>}
                    {entry.note.pending ? (
                      messages.sending
                    ) : (
                      <time dateTime={entry.note.createdAt} title={formatFull(entry.note.createdAt, locale)}>
                        {formatClock(entry.note.createdAt, locale)}
                      </time>
                    )}
                  </p>
                </li>
              ),
            )}
          </ol>
        </div>
      ))}
    </div>
  );
}
