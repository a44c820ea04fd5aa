import { memo, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { HTMLAttributes, KeyboardEvent, ReactNode, Ref } from 'react';
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import type { Virtualizer } from '@tanstack/react-virtual';
import { useStore } from 'zustand';
import type { InboxError } from '../../core/errors.js';
import type { Conversation, ConversationQuery } from '../../core/types.js';
import { useInboxContext } from '../../hooks/context.js';
import { useCachedConversation } from '../../hooks/useCachedConversation.js';
import { useConversationIds } from '../../hooks/useConversationIds.js';
import type { InboxMessages } from '../../hooks/messages.js';
import { Avatar } from '../shared/Avatar.js';
import { cx } from '../shared/cx.js';
import { displayName, formatFull, formatListTime } from '../shared/format.js';
import { channelLabel, StatusBadge } from '../shared/StatusBadge.js';
import { ThemeScopeContext, useThemeClass } from '../shared/ThemeScope.js';
import { useControllable } from '../shared/useControllable.js';
import { useNow } from '../shared/useNow.js';

/** What a row's content slot is told about its row. */
export interface ConversationRowState {
  selected: boolean;
  active: boolean;
  pending: boolean;
}

export interface ConversationListProps extends Omit<HTMLAttributes<HTMLDivElement>, 'defaultValue' | 'onChange'> {
  /** The list to show (hook mode). Ignored when `conversations` is given. Default: every conversation. */
  query?: ConversationQuery | undefined;
  /** Host-managed data: show exactly these, in this order, instead of loading them. */
  conversations?: readonly Conversation[] | undefined;
  /** Host-managed data: whether more can be loaded. Default false. */
  hasNext?: boolean | undefined;
  /** Host-managed data: called near the end of the list when `hasNext`. */
  onLoadMore?: (() => void) | undefined;
  /** The selected (open) conversation id (controlled). */
  value?: string | null | undefined;
  /** The initially selected id (uncontrolled). Default none. */
  defaultValue?: string | null | undefined;
  /** Called when the user opens a conversation (click, Enter). */
  onValueChange?: ((id: string | null) => void) | undefined;
  /** Replaces a row's content (the row element, its ARIA and its state attributes stay). */
  renderItem?: ((conversation: Conversation, state: ConversationRowState) => ReactNode) | undefined;
  /** Replaces the empty state. */
  emptyState?: ReactNode | undefined;
  /** Row height in px; rows are fixed-height so 100,000 of them scroll smoothly. Default 76. */
  rowHeight?: number | undefined;
  /** The listbox's accessible name. Default "Conversations" (from messages). */
  label?: string | undefined;
  /** Whether filters narrow the list (words the empty state accordingly). Default: from `query`. */
  filtered?: boolean | undefined;
  ref?: Ref<HTMLDivElement> | undefined;
}

interface ListData {
  ids: readonly string[];
  /** Host-managed mode: the conversations themselves, aligned with `ids`. */
  rows?: readonly Conversation[] | undefined;
  total: number;
  hasNext: boolean;
  status: 'loading' | 'success' | 'error';
  error: InboxError | null;
  isFetchingMore: boolean;
  loadMoreError: InboxError | null;
  loadMore: () => void;
  refetch: () => void;
}

/**
 * The conversation list: a virtualized `listbox` named "Conversations",
 * each row an `option`. Arrow keys, Home/End and j/k move, Enter opens.
 * Only rows near the viewport are in the DOM; each row reads its own
 * conversation, so a change to one re-renders that row alone.
 */
export function ConversationList(props: ConversationListProps) {
  if (props.conversations) return <HostList {...props} conversations={props.conversations} />;
  return <StoreList {...props} />;
}

function StoreList({ query, ...props }: ConversationListProps) {
  const list = useConversationIds(query);
  const data: ListData = {
    ids: list.ids,
    total: list.total,
    hasNext: list.hasNext,
    status: list.status,
    error: list.error,
    isFetchingMore: list.isFetchingMore,
    loadMoreError: list.loadMoreError,
    loadMore: list.loadMore,
    refetch: list.refetch,
  };
  const filtered = props.filtered ?? !!(query && ((query.status && query.status !== 'all') || query.channel || query.assigneeId || query.unassigned));
  return <ListView {...props} data={data} filtered={filtered} Row={StoreRow} />;
}

function HostList({ conversations, hasNext = false, onLoadMore, ...props }: ConversationListProps & { conversations: readonly Conversation[] }) {
  const ids = useMemo(() => conversations.map((c) => c.id), [conversations]);
  const loadMore = useCallback(() => onLoadMore?.(), [onLoadMore]);
  const data: ListData = {
    ids,
    rows: conversations,
    total: conversations.length,
    hasNext,
    status: 'success',
    error: null,
    isFetchingMore: false,
    loadMoreError: null,
    loadMore,
    refetch: loadMore,
  };
  // Each visible row gets its conversation as a prop, so when the host changes one conversation only
  // that row's memoized Item re-renders; the row component never changes, so nothing remounts.
  return <ListView {...props} data={data} filtered={props.filtered ?? false} Row={Item} />;
}

interface RowProps {
  id: string;
  index: number;
  setSize: number;
  optionId: string;
  selected: boolean;
  active: boolean;
  start: number;
  height: number;
  onSelect: (id: string, index: number) => void;
  renderItem: ConversationListProps['renderItem'];
  /** Host-managed mode only; store rows read their own. */
  conversation?: Conversation | undefined;
}

const StoreRow = memo(function StoreRow(props: RowProps) {
  const conversation = useCachedConversation(props.id);
  return <Item {...props} conversation={conversation} />;
});

function usePending(id: string): boolean {
  const { store } = useInboxContext('ConversationList');
  return useStore(store.state, (s) => {
    const m = s.mutations[id];
    return !!(m?.assign?.pending || m?.resolve?.pending);
  });
}

/** One row: an `option` with the conversation's state in `data-*` attributes. */
const Item = memo(function Item({ id, index, setSize, optionId, selected, active, start, height, onSelect, renderItem, conversation }: RowProps) {
  const pending = usePending(id);
  const { messages } = useInboxContext('ConversationList');
  if (!conversation) return null;
  return (
    <div
      role="option"
      id={optionId}
      aria-selected={selected}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      className="ik-row"
      data-slot="row"
      data-status={conversation.status}
      data-channel={conversation.channel}
      data-selected={selected ? '' : undefined}
      data-active={active ? '' : undefined}
      data-unread={conversation.unreadCount ? '' : undefined}
      data-pending={pending ? '' : undefined}
      style={{ blockSize: height, transform: `translateY(${start}px)` }}
      onClick={() => onSelect(id, index)}
    >
      {renderItem ? renderItem(conversation, { selected, active, pending }) : <RowContent conversation={conversation} messages={messages} />}
    </div>
  );
});

function RowContent({ conversation, messages }: { conversation: Conversation; messages: InboxMessages }) {
  const { locale } = useInboxContext('ConversationList');
  const now = useNow();
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
          <time className="ik-row-time" dateTime={time} title={formatFull(time, locale)}>
            {formatListTime(time, now, messages, locale)}
          </time>
        </span>
        <span className="ik-row-preview" dir="auto">
          {preview ? (
            <>
              {preview.direction === 'outbound' && <span className="ik-row-preview-you">{messages.you}: </span>}
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

// Without layout (jsdom, a hidden container) the list measures 0×0; assume a screenful then, so rows render.
const FALLBACK_RECT = { width: 360, height: 720 };
const observeRect: typeof observeElementRect = (instance, cb) =>
  observeElementRect(instance, (rect) => cb(rect.width === 0 && rect.height === 0 ? FALLBACK_RECT : rect));

const KEY_STEPS: Record<string, number> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1, PageDown: 10, PageUp: -10 };

function ListView({
  data,
  Row,
  filtered,
  value,
  defaultValue = null,
  onValueChange,
  renderItem,
  emptyState,
  rowHeight = 76,
  label,
  className,
  onKeyDown,
  ref,
  ...rest
}: Omit<ConversationListProps, 'query' | 'conversations'> & { data: ListData; filtered: boolean; Row: (props: RowProps) => ReactNode }) {
  const { messages } = useInboxContext('ConversationList');
  const themeClass = useThemeClass();
  const [selected, setSelected] = useControllable<string | null>(value, defaultValue, onValueChange);
  const [activeId, setActiveId] = useState<string | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const baseId = useId();
  const { ids } = data;

  // Stable callbacks: the virtualizer keys its measurements on getItemKey's identity, so a new
  // function per render re-measured every row (100,000 of them) on each re-render of the list.
  const getItemKey = useCallback((index: number) => ids[index] ?? index, [ids]);
  const estimateSize = useCallback(() => rowHeight, [rowHeight]);
  // The virtualizer is stateful by design; we do not use the React Compiler, so its memoization warning does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer: Virtualizer<HTMLDivElement, Element> = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    overscan: 6,
    initialRect: FALLBACK_RECT,
    observeElementRect: observeRect,
    getItemKey,
  });
  const items = virtualizer.getVirtualItems();

  // The active row follows the selection until the keyboard moves it, also
  // when the selection changes from outside (the inbox's j/k).
  const [followed, setFollowed] = useState(selected);
  if (followed !== selected) {
    setFollowed(selected);
    setActiveId(selected);
  }
  // Keep a newly selected row in view; a reorder alone does not scroll.
  const idsRef = useRef(ids);
  useEffect(() => {
    idsRef.current = ids;
  });
  useEffect(() => {
    const index = selected ? idsRef.current.indexOf(selected) : -1;
    if (index !== -1) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [selected, virtualizer]);

  // The active row follows the selection until the keyboard moves it.
  const activeIndex = useMemo(() => {
    const byActive = activeId ? ids.indexOf(activeId) : -1;
    if (byActive !== -1) return byActive;
    const bySelected = selected ? ids.indexOf(selected) : -1;
    return bySelected !== -1 ? bySelected : ids.length ? 0 : -1;
  }, [ids, activeId, selected]);

  const lastVisible = items.length ? items[items.length - 1]!.index : -1;
  const { hasNext, isFetchingMore, loadMoreError, loadMore, status } = data;
  useEffect(() => {
    // Load the next page before the user reaches the end.
    if (status === 'success' && hasNext && !isFetchingMore && !loadMoreError && lastVisible >= ids.length - 8) loadMore();
  }, [status, hasNext, isFetchingMore, loadMoreError, lastVisible, ids.length, loadMore]);

  const select = useCallback(
    (id: string) => {
      setActiveId(id);
      setSelected(id);
    },
    [setSelected],
  );
  const onSelect = useCallback((id: string) => select(id), [select]);

  const moveTo = (index: number) => {
    const clamped = Math.max(0, Math.min(ids.length - 1, index));
    const id = ids[clamped];
    if (id === undefined) return;
    setActiveId(id);
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    onKeyDown?.(event);
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const step = KEY_STEPS[event.key];
    if (step !== undefined) moveTo(activeIndex + step);
    else if (event.key === 'Home') moveTo(0);
    else if (event.key === 'End') moveTo(ids.length - 1);
    else if (event.key === 'Enter' || event.key === ' ') {
      const id = ids[activeIndex];
      if (id !== undefined) select(id);
    } else return;
    event.preventDefault();
  };

  const activeOptionId = activeIndex >= 0 && items.some((i) => i.index === activeIndex) ? `${baseId}-${activeIndex}` : undefined;
  const name = label ?? messages.conversations;

  let body: ReactNode;
  if (status === 'error' && ids.length === 0) {
    body = (
      <div className="ik-state" data-slot="error" role="alert">
        <p className="ik-state-title">{messages.listError}</p>
        {data.error && <p className="ik-state-detail">{data.error.message}</p>}
        <button type="button" className="ik-button" onClick={() => data.refetch()}>
          {messages.retry}
        </button>
      </div>
    );
  } else if (status === 'loading' && ids.length === 0) {
    body = (
      <div className="ik-list-skeleton" data-slot="skeleton" role="status" aria-label={messages.loading}>
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="ik-skeleton-row" aria-hidden="true" style={{ blockSize: rowHeight }}>
            <span className="ik-skeleton-avatar" />
            <span className="ik-skeleton-lines">
              <span className="ik-skeleton-line" />
              <span className="ik-skeleton-line" data-short="" />
            </span>
          </div>
        ))}
      </div>
    );
  } else if (ids.length === 0) {
    body = (
      <div className="ik-state" data-slot="empty" role="status">
        {emptyState ?? <p className="ik-state-title">{filtered ? messages.emptyListFiltered : messages.emptyList}</p>}
      </div>
    );
  } else {
    body = (
      <div
        ref={scrollRef}
        className="ik-list-scroll"
        data-slot="listbox"
        role="listbox"
        aria-label={name}
        aria-activedescendant={activeOptionId}
        aria-busy={isFetchingMore || undefined}
        tabIndex={0}
        onKeyDown={handleKeyDown}
      >
        <div role="presentation" className="ik-list-sizer" style={{ blockSize: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const id = ids[item.index]!;
            return (
              <Row
                key={id}
                id={id}
                index={item.index}
                setSize={data.total}
                optionId={`${baseId}-${item.index}`}
                selected={id === selected}
                active={item.index === activeIndex}
                start={item.start}
                height={item.size}
                onSelect={onSelect}
                renderItem={renderItem}
                conversation={data.rows?.[item.index]}
              />
            );
          })}
        </div>
      </div>
    );
  }

  return (
    <ThemeScopeContext.Provider value={true}>
      <div ref={ref} className={cx(themeClass, 'ik-list', className)} data-slot="list" data-state={status} {...rest}>
        {status === 'success' && data.error && (
          <div className="ik-banner" data-slot="refresh-error" role="alert">
            <span>
              {messages.refreshError} {data.error.message}
            </span>
            <button type="button" className="ik-button" data-size="sm" onClick={() => data.refetch()}>
              {messages.retry}
            </button>
          </div>
        )}
        {body}
        {isFetchingMore && (
          <div className="ik-list-footer" role="status">
            {messages.loadingMore}
          </div>
        )}
        {loadMoreError && (
          <div className="ik-list-footer" data-slot="load-more-error" role="alert">
            <span>
              {messages.loadMoreError} {loadMoreError.message}
            </span>
            <button type="button" className="ik-button" data-size="sm" onClick={() => data.loadMore()}>
              {messages.retry}
            </button>
          </div>
        )}
      </div>
    </ThemeScopeContext.Provider>
  );
}

/** One row, for hosts composing their own list: `ConversationList.Item`. */
ConversationList.Item = Item;
