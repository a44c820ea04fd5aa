import { useContext, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { HTMLAttributes, Ref, RefObject } from 'react';
import { useStore } from 'zustand';
import { differenceInCalendarDays } from 'date-fns';
import type { InboxError } from '../../core/errors.js';
import type { Conversation, Message } from '../../core/types.js';
import { useInboxContext } from '../../hooks/context.js';
import { useAddNote } from '../../hooks/useAddNote.js';
import { useAssignConversation } from '../../hooks/useAssignConversation.js';
import { useConversation } from '../../hooks/useConversation.js';
import { useHeldResolve } from '../../hooks/useHeldResolve.js';
import { useResolveConversation } from '../../hooks/useResolveConversation.js';
import type { InboxMessages } from '../../hooks/messages.js';
import type { NoteEntry } from '../../store/types.js';
import { AssignMenu } from '../AssignMenu/AssignMenu.js';
import { UndoStatus, UndoStatusShownContext } from '../Inbox/UndoStatus.js';
import { NoteComposer } from '../NoteComposer/NoteComposer.js';
import { Avatar } from '../shared/Avatar.js';
import { cx } from '../shared/cx.js';
import { errorDetail, errorSentence } from '../shared/errorText.js';
import { deliveryStatusText, displayName, formatClock, formatDay, formatFull, metadataEntries } from '../shared/format.js';
import { SentMark } from '../shared/SentMark.js';
import { channelLabel, StatusBadge } from '../shared/StatusBadge.js';
import { ThemeScopeContext, useThemeClass } from '../shared/ThemeScope.js';
import { useClockState } from '../shared/useNow.js';
import { useTriageAttributes } from '../shared/useTriageAttributes.js';
import { ReplyWindowNotice, WaitingBadge } from './TriageNotices.js';
import { ResolutionForm } from './ResolutionForm.js';

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

/** Backends named in the UI (brands, not translated); any other is "this backend" in the catalog's words. */
const BACKEND_NAMES: Partial<Record<string, string>> = { waply: 'Waply', whatsapp: 'WhatsApp' };

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
  // Inside an Inbox the inbox shows the Undo line (it outlives this view's conversation); alone, the view does.
  const undoShown = useContext(UndoStatusShownContext);

  let body;
  if (!conversationId) {
    body = (
      <div className="ik-state" data-slot="placeholder">
        <p className="ik-state-title" dir="auto">
          {messages.selectConversation}
        </p>
      </div>
    );
  } else if (!conversation && status === 'error') {
    const missing = error?.code === 'not_found';
    body = (
      <div className="ik-state" data-slot={missing ? 'not-found' : 'error'} role="alert">
        <p className="ik-state-title" dir="auto">
          {missing ? messages.conversationNotFound : messages.conversationError}
        </p>
        {!missing && error && (
          <p className="ik-state-detail" dir="auto">
            {error.message}
          </p>
        )}
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
        <p className="ik-state-title" dir="auto">
          {messages.loading}
        </p>
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
        {!undoShown && <UndoStatus />}
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
  const { held } = useHeldResolve(conversation.id);
  // "Resolve with a note…" is open for this conversation (moving to another closes it).
  const [noteFor, setNoteFor] = useState<string | null>(null);
  const noteButton = useRef<HTMLButtonElement>(null);
  // The last resolution sent from here: if that resolve is undone or refused, reopening the form brings the text back.
  const [lastResolution, setLastResolution] = useState<{ id: string; text: string } | null>(null);
  const resolutionFormId = useId();
  const { assign, error: assignError, reset: resetAssign } = useAssignConversation(conversation.id);
  const assignErrorId = useId();
  const timelineRef = useRef<HTMLDivElement>(null);
  const currentUser = useStore(store.state, (s) => s.currentUser);
  const contact = conversation.contact;
  const labels = [...(contact?.labels ?? []), ...conversation.labels];
  const isAi = conversation.status === 'ai_handling' || conversation.status === 'escalated';
  const resolved = conversation.status === 'resolved';
  const triage = useTriageAttributes(conversation);
  const noteOpen = noteFor === conversation.id && !resolved;

  return (
    <div className="ik-view-inner" aria-labelledby={headingId} role="group">
      <header className="ik-view-header" data-slot="view-header" {...triage}>
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
            <WaitingBadge conversation={conversation} />
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
          {/* The refusal shows in its own row below the header (not beside the button, where it broke the header's line). */}
          <AssignMenu
            conversationId={conversation.id}
            open={assignMenuOpen}
            onOpenChange={onAssignMenuOpenChange}
            showError={false}
            aria-describedby={assignError ? assignErrorId : undefined}
          />
          <button
            type="button"
            className="ik-button"
            data-variant="primary"
            data-slot="resolve"
            // Waiting in its undo window, nothing is being sent yet: it reads Resolved, not Resolving.
            aria-busy={(resolving && !held) || undefined}
            disabled={resolved}
            onClick={() => {
              resetResolve();
              void resolve(conversation.id);
              // The button is now disabled and would drop focus to the page: keep it in the view (j, z still work).
              timelineRef.current?.focus();
            }}
          >
            {held ? messages.resolved : resolving ? messages.resolving : resolved ? messages.resolved : messages.resolve}
          </button>
          {store.capabilities.resolution && (
            <button
              ref={noteButton}
              type="button"
              className="ik-button"
              data-slot="resolve-with-note"
              // Its own direction: an English "Resolve with a note…" in a right-to-left page keeps its ellipsis at the end.
              dir="auto"
              aria-expanded={noteOpen}
              aria-controls={noteOpen ? resolutionFormId : undefined}
              disabled={resolved}
              onClick={() => setNoteFor(noteOpen ? null : conversation.id)}
            >
              {messages.resolveWithNote}
            </button>
          )}
        </div>
      </header>
      {noteOpen && (
        <ResolutionForm
          id={resolutionFormId}
          messages={messages}
          initialText={lastResolution?.id === conversation.id ? lastResolution.text : ''}
          onCancel={() => {
            setNoteFor(null);
            noteButton.current?.focus();
          }}
          onSubmit={(resolution) => {
            setNoteFor(null);
            setLastResolution({ id: conversation.id, text: resolution });
            resetResolve();
            void resolve(conversation.id, { resolution });
            // Both resolve buttons are now disabled: focus goes on to the timeline, not to the page.
            timelineRef.current?.focus();
          }}
        />
      )}
      {assignError && <Refusal slot="assign-error" id={assignErrorId} lead={messages.assignFailed} error={assignError} onDismiss={resetAssign} messages={messages} />}
      {resolveError && <Refusal slot="resolve-error" lead={messages.resolveFailed} error={resolveError} onDismiss={resetResolve} messages={messages} />}
      {error && (
        <div className="ik-banner" role="alert">
          <span dir="auto">{error}</span>
          <button type="button" className="ik-link-button" onClick={onRetry}>
            {messages.retry}
          </button>
        </div>
      )}
      <ReplyWindowNotice conversation={conversation} />
      {isAi && (
        <div className="ik-banner" data-slot="ai-banner" data-status={conversation.status}>
          {/* The sentence in its own direction (the banner's layout stays the page's): its period stays at its end. */}
          <span dir="auto">{conversation.status === 'escalated' ? messages.escalatedExplained : messages.aiHandlingExplained}</span>
          {currentUser && (
            <button type="button" className="ik-button" data-size="sm" onClick={() => void assign(conversation.id, currentUser)}>
              {messages.takeOver}
            </button>
          )}
        </div>
      )}
      <Timeline conversation={conversation} loading={loading} messages={messages} scrollRef={timelineRef} />
      <footer
        className="ik-view-footer"
        onKeyDown={(event) => {
          // Escape leaves the note field for the timeline (the draft stays), so the next shortcut is not typed into the note.
          if (event.key === 'Escape' && event.target instanceof HTMLTextAreaElement && timelineRef.current) {
            event.preventDefault();
            timelineRef.current.focus();
          }
        }}
      >
        <NoteComposer conversationId={conversation.id} textareaRef={noteFieldRef} />
      </footer>
    </div>
  );
}

/** A refused assign or resolve, in its own row: what did not happen and why, in words; the HTTP detail in the title. */
function Refusal({ slot, id, lead, error, onDismiss, messages }: { slot: string; id?: string | undefined; lead: string; error: InboxError; onDismiss: () => void; messages: InboxMessages }) {
  return (
    <div className="ik-banner" role="alert" data-slot={slot} data-code={error.code}>
      <span id={id} className="ik-banner-text" title={errorDetail(error)} dir="auto">
        <strong>{lead}</strong> {errorSentence(error, messages)}
      </span>
      <button type="button" className="ik-link-button" onClick={onDismiss}>
        {messages.dismiss}
      </button>
    </div>
  );
}

function Timeline({ conversation, loading, messages, scrollRef }: { conversation: Conversation; loading: boolean; messages: InboxMessages; scrollRef: RefObject<HTMLDivElement | null> }) {
  const { locale, store } = useInboxContext('ConversationView');
  const { notes } = useAddNote(conversation.id);
  const backendName = BACKEND_NAMES[store.adapter.flavour] ?? null;
  // While hydrating, times render empty and keep the server's text (its time zone may not be the browser's).
  const { now, hydrating } = useClockState();

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
  }, [scrollRef, conversation.id, entries.length]);

  const noHistory = conversation.messages === null;
  const metadata = metadataEntries(conversation.metadata, messages, locale, now);

  return (
    <div ref={scrollRef} className="ik-timeline" data-slot="timeline" role="log" aria-label={messages.timeline} aria-busy={loading || undefined} tabIndex={0}>
      {noHistory && (
        <div className="ik-notice" data-slot="history-unavailable">
          <p dir="auto">{messages.historyUnavailable}</p>
          {conversation.lastMessage && (
            <div className="ik-message" data-direction={conversation.lastMessage.direction}>
              {conversation.lastMessage.direction === 'inbound' && <span className="ik-visually-hidden">{messages.inbound}: </span>}
              <p className="ik-message-text" dir="auto">
                {conversation.lastMessage.text}
              </p>
              <p className="ik-message-meta">
                {conversation.lastMessage.direction === 'outbound' && <SentMark text={messages.sent} />}
                <span>{messages.lastMessage}</span>
                {' · '}
                <time suppressHydrationWarning dateTime={conversation.lastMessage.timestamp} title={hydrating ? undefined : formatFull(conversation.lastMessage.timestamp, locale)}>
                  {hydrating ? '' : `${formatDay(conversation.lastMessage.timestamp, now, messages, locale)} ${formatClock(conversation.lastMessage.timestamp, locale)}`}
                </time>
              </p>
            </div>
          )}
          {metadata.length > 0 && (
            <dl className="ik-metadata" aria-label={messages.details}>
              {metadata.map(({ key, label, value }) => (
                <div key={key} className="ik-metadata-row" data-key={key}>
                  <dt>{label}</dt>
                  <dd dir="auto">{value}</dd>
                </div>
              ))}
            </dl>
          )}
        </div>
      )}
      {loading && !noHistory && entries.length === 0 && (
        <p className="ik-muted" role="status" dir="auto">
          {messages.loading}
        </p>
      )}
      {days.map((group) => (
        <div key={group.day} className="ik-day" data-slot="day">
          <h3 className="ik-day-heading" suppressHydrationWarning>
            {hydrating ? '' : formatDay(group.day, now, messages, locale)}
          </h3>
          <ol className="ik-day-entries">
            {group.entries.map((entry) =>
              entry.kind === 'message' ? (
                <li key={`m-${entry.message.id}`} className="ik-message" data-slot="message" data-direction={entry.message.direction}>
                  {entry.message.direction === 'inbound' && <span className="ik-visually-hidden">{messages.inbound}: </span>}
                  <p className="ik-message-text" dir="auto">
                    {entry.message.text}
                  </p>
                  {/* Each piece isolated, separators between them, so right-to-left text never reorders the line. */}
                  <p className="ik-message-meta">
                    {entry.message.direction === 'outbound' && <SentMark text={messages.sent} />}
                    <time suppressHydrationWarning dateTime={entry.message.createdAt} title={hydrating ? undefined : formatFull(entry.message.createdAt, locale)}>
                      {hydrating ? '' : formatClock(entry.message.createdAt, locale)}
                    </time>
                    {entry.message.direction === 'outbound' && entry.message.status && (
                      <>
                        {' · '}
                        <bdi className="ik-message-status" data-status={entry.message.status}>
                          {deliveryStatusText(entry.message.status, messages)}
                        </bdi>
                      </>
                    )}
                  </p>
                </li>
              ) : (
                <li
                  key={`n-${entry.note.id}`}
                  className="ik-note"
                  data-slot="note"
                  data-pending={entry.note.pending ? '' : undefined}
                  data-saved={entry.note.savedInBrowser === undefined ? undefined : entry.note.savedInBrowser ? 'browser' : 'none'}
                >
                  <p className="ik-note-label">
                    <span>{messages.internalNote}</span>
                    {' · '}
                    <span>{messages.noteOnlyTeam}</span>
                  </p>
                  <p className="ik-message-text" dir="auto">
                    {entry.note.content}
                  </p>
                  <p className="ik-message-meta">
                    {entry.note.author?.name && (
                      <>
                        <bdi className="ik-note-author">{entry.note.author.name}</bdi>
                        {' · '}
                      </>
                    )}
                    {entry.note.pending ? (
                      <span>{messages.sending}</span>
                    ) : (
                      <time suppressHydrationWarning dateTime={entry.note.createdAt} title={hydrating ? undefined : formatFull(entry.note.createdAt, locale)}>
                        {hydrating ? '' : formatClock(entry.note.createdAt, locale)}
                      </time>
                    )}
                  </p>
                  {/* The backend cannot list notes: say where this one is kept (or that it could not be), so none seems lost. */}
                  {entry.note.savedInBrowser !== undefined && (
                    <p className="ik-note-saved" data-slot="note-saved" dir="auto">
                      {entry.note.savedInBrowser ? messages.savedInBrowser(backendName) : messages.notSavedInBrowser(backendName)}
                    </p>
                  )}
                </li>
              ),
            )}
          </ol>
        </div>
      ))}
    </div>
  );
}
