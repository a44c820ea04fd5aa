import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { HTMLAttributes, KeyboardEvent, ReactNode, Ref } from 'react';
import type { Conversation, ConversationQuery } from '../../core/types.js';
import { useInboxContext } from '../../hooks/context.js';
import { unreadIds } from '../../store/local.js';
import { listKey } from '../../store/queries.js';
import { useResolveConversation } from '../../hooks/useResolveConversation.js';
import { ConversationList } from '../ConversationList/ConversationList.js';
import { createConversationSelection } from '../ConversationList/selection.js';
import type { ConversationRowState } from '../ConversationList/ConversationList.js';
import { ShownOrderContext } from '../ConversationList/shownOrder.js';
import { ConversationView } from '../ConversationView/ConversationView.js';
import { cx } from '../shared/cx.js';
import { PortalContainerContext } from '../shared/PortalContainer.js';
import { ThemeScopeContext, useThemeClass } from '../shared/ThemeScope.js';
import { useControllable } from '../shared/useControllable.js';
import { ConversationViews, queryForView, viewOfQuery } from '../ConversationViews/ConversationViews.js';
import { BulkToolbar } from './BulkToolbar.js';
import { ConversationFilters } from './ConversationFilters.js';

export interface InboxProps extends Omit<HTMLAttributes<HTMLDivElement>, 'defaultValue' | 'onChange'> {
  /** The open conversation (controlled). */
  value?: string | null | undefined;
  /** The conversation open at first (uncontrolled). Default none. */
  defaultValue?: string | null | undefined;
  onValueChange?: ((id: string | null) => void) | undefined;
  /** The list filters (controlled). */
  query?: ConversationQuery | undefined;
  /** The filters at first (uncontrolled). Default: every conversation. */
  defaultQuery?: ConversationQuery | undefined;
  onQueryChange?: ((query: ConversationQuery) => void) | undefined;
  /** `light`, `dark`, or `auto` (follows the system). Default `auto`. */
  theme?: 'light' | 'dark' | 'auto' | undefined;
  /** Replaces a list row's content. */
  renderItem?: ((conversation: Conversation, state: ConversationRowState) => ReactNode) | undefined;
  /** Replaces the list's empty state. */
  emptyState?: ReactNode | undefined;
  /** Where menus portal to. Default `document.body`. */
  portalContainer?: HTMLElement | null | undefined;
  /** Keyboard shortcuts (j/k, e, a, n, ?). Default true. */
  shortcuts?: boolean | undefined;
  ref?: Ref<HTMLDivElement> | undefined;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  // Keys in the assign menu (portalled, but its events bubble here through React) are its typeahead, not shortcuts.
  return !!target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], [data-radix-menu-content]');
}

/**
 * The whole inbox: filters and list beside the open conversation (one pane
 * with a Back button on narrow screens), with keyboard triage.
 */
export function Inbox({
  value,
  defaultValue = null,
  onValueChange,
  query,
  defaultQuery = {},
  onQueryChange,
  theme = 'auto',
  renderItem,
  emptyState,
  portalContainer = null,
  shortcuts = true,
  className,
  onKeyDown,
  ref,
  ...rest
}: InboxProps) {
  const { messages, store } = useInboxContext('Inbox');
  const themeClass = useThemeClass();
  const [selected, setSelected] = useControllable<string | null>(value, defaultValue, onValueChange);
  const [filters, setFilters] = useControllable<ConversationQuery>(query, defaultQuery, onQueryChange);
  const [assignOpen, setAssignOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  // The Unread toggle: a client-side filter over the loaded rows (no backend filters by unread).
  const [unreadOnly, setUnreadOnly] = useState(false);
  // The bulk selection lives outside React state: checking a row re-renders that row and the toolbar, not the inbox.
  const [selection] = useState(createConversationSelection);
  const noteField = useRef<HTMLTextAreaElement>(null);
  const { resolve } = useResolveConversation(selected ?? undefined);
  // The query is the one source of truth for who is shown: the views tab is read from its
  // assignee filter and writes it back, so the tabs and the assignee select never disagree.
  const currentUserId = useStore(store.state, (s) => s.currentUser?.id ?? null);
  const [announcement, setAnnouncement] = useState('');
  const key = listKey(filters);

  // Where the open conversation last stood in the list, so that when it leaves (resolved under an Open
  // filter) j/k continue from there. Kept in a ref from a store subscription: no re-render of the inbox.
  const lastIndex = useRef(-1);
  // The order the list shows while it holds still under the agent (else null: the store's).
  const shownOrder = useRef<readonly string[] | null>(null);
  const shareShownOrder = useCallback((ids: readonly string[] | null) => void (shownOrder.current = ids), []);
  useEffect(() => {
    lastIndex.current = -1;
    if (!selected) return;
    const record = (ids: readonly string[] | undefined) => {
      const index = ids ? ids.indexOf(selected) : -1;
      if (index !== -1) lastIndex.current = index;
    };
    record(shownOrder.current ?? store.state.getState().lists[key]?.ids);
    return store.state.subscribe((state, previous) => {
      const ids = state.lists[key]?.ids;
      // Before the list renders the change: a held list's order still has the row where the agent saw it.
      if (ids !== previous.lists[key]?.ids) record(shownOrder.current ?? ids);
    });
  }, [store, key, selected]);

  const step = (delta: number) => {
    // Read at keypress: subscribing here would re-render the whole inbox (the open timeline too) on every list change.
    const state = store.state.getState();
    const loaded = state.lists[key]?.ids ?? [];
    // j/k walk the rows the list shows: the order it holds still while the agent is on it, else the
    // store's; with Unread on, the unread ones (and the open one).
    const ids = shownOrder.current ?? (unreadOnly ? unreadIds(state, loaded, selected) : loaded);
    if (ids.length === 0) return;
    const index = selected ? ids.indexOf(selected) : -1;
    let target = 0;
    if (index !== -1) target = index + delta;
    // Gone from the list: the row that followed it now stands at its old index.
    else if (selected && lastIndex.current !== -1) target = delta > 0 ? lastIndex.current : lastIndex.current - 1;
    const next = ids[Math.max(0, Math.min(ids.length - 1, target))];
    if (next) setSelected(next);
  };

  const handleListKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!shortcuts || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'End') {
      // The list moves to its last loaded row; when more must load, load the next page and say so.
      const list = store.state.getState().lists[key];
      if (list?.hasNext) {
        setAnnouncement(messages.endOfLoaded(list.ids.length, list.total));
        void store.loadMore(filters);
      } else setAnnouncement('');
      return;
    }
    // In the list, j/k would only move the highlight (as the arrows do); in the inbox they open the next conversation.
    if (event.key !== 'j' && event.key !== 'k') return;
    step(event.key === 'j' ? 1 : -1);
    event.preventDefault();
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    onKeyDown?.(event);
    if (!shortcuts || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
    switch (event.key) {
      case 'j':
        step(1);
        break;
      case 'k':
        step(-1);
        break;
      case 'e':
        if (!selected) return;
        void resolve(selected);
        break;
      case 'a':
        if (!selected) return;
        setAssignOpen(true);
        break;
      case 'n':
        if (!noteField.current) return;
        noteField.current.focus();
        break;
      case '?':
        setHelpOpen(true);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <PortalContainerContext.Provider value={portalContainer}>
      <ThemeScopeContext.Provider value={true}>
        <div
          ref={ref}
          className={cx(themeClass, 'ik-inbox', className)}
          data-slot="inbox"
          data-theme={theme === 'auto' ? undefined : theme}
          data-pane={selected ? 'view' : 'list'}
          // Focusable by script and pointer (not Tab): a click on anything not focusable (a header, a
          // message) lands focus here, inside the inbox, so its shortcuts work from there.
          tabIndex={-1}
          onKeyDown={handleKeyDown}
          {...rest}
        >
          <div className="ik-visually-hidden" role="status" data-slot="announcer">
            {announcement}
          </div>
          <div className="ik-inbox-list-pane" data-slot="list-pane">
            <ConversationViews
              value={viewOfQuery(filters, currentUserId)}
              onValueChange={(view) => setFilters(queryForView(filters, view, currentUserId))}
              query={filters}
            />
            <BulkToolbar selection={selection} query={filters}>
              <ConversationFilters value={filters} onValueChange={setFilters} unreadOnly={unreadOnly} onUnreadOnlyChange={setUnreadOnly} />
            </BulkToolbar>
            <ShownOrderContext.Provider value={shareShownOrder}>
              <ConversationList
                query={filters}
                unreadOnly={unreadOnly}
                selection={selection}
                value={selected}
                onValueChange={setSelected}
                renderItem={renderItem}
                emptyState={emptyState}
                onKeyDown={handleListKeyDown}
              />
            </ShownOrderContext.Provider>
          </div>
          <ConversationView
            className="ik-inbox-view-pane"
            conversationId={selected}
            onBack={() => setSelected(null)}
            assignMenuOpen={assignOpen}
            onAssignMenuOpenChange={setAssignOpen}
            noteFieldRef={noteField}
          />
          {helpOpen && <ShortcutHelp title={messages.shortcuts} items={messages.shortcutList} closeLabel={messages.close} onClose={() => setHelpOpen(false)} />}
        </div>
      </ThemeScopeContext.Provider>
    </PortalContainerContext.Provider>
  );
}

function ShortcutHelp({ title, items, closeLabel, onClose }: { title: string; items: Array<[string, string]>; closeLabel: string; onClose: () => void }) {
  const titleId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div className="ik-dialog-backdrop" onClick={onClose}>
      <div
        className="ik-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape') onClose();
          // The dialog has one control: keep focus on it.
          if (e.key === 'Tab') {
            e.preventDefault();
            closeRef.current?.focus();
          }
        }}
      >
        <h2 id={titleId} className="ik-dialog-title">
          {title}
        </h2>
        <dl className="ik-shortcuts">
          {items.map(([keys, action]) => (
            <div key={keys} className="ik-shortcut">
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{action}</dd>
            </div>
          ))}
        </dl>
        <button ref={closeRef} type="button" className="ik-button" onClick={onClose}>
          {closeLabel}
        </button>
      </div>
    </div>
  );
}
