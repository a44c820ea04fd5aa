import { memo, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { HTMLAttributes, KeyboardEvent, ReactNode, Ref } from 'react';
import type { InboxError } from '../../core/errors.js';
import type { Conversation, ConversationQuery } from '../../core/types.js';
import { useInboxContext } from '../../hooks/context.js';
import { useConversationIds } from '../../hooks/useConversationIds.js';
import { useInboxState } from '../../hooks/useInboxState.js';
import { listKey } from '../../store/queries.js';
import type { InboxState } from '../../store/types.js';
import { cx } from '../shared/cx.js';
import { ThemeScopeContext, useThemeClass } from '../shared/ThemeScope.js';
import { useControllable } from '../shared/useControllable.js';
import { ConversationRowContent } from './RowContent.js';
import { useRowWindow } from './useRowWindow.js';

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

/**
 * What the list shows, read by position: the list never maps, copies or
 * indexes all of it, so an update costs what the visible rows cost.
 */
interface ListData {
  count: number;
  idAt: (index: number) => string | undefined;
  /** Host-managed mode: the conversation at a position (store rows read their own). */
  rowAt?: ((index: number) => Conversation | undefined) | undefined;
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
function ConversationList(props: ConversationListProps) {
  if (props.conversations) return <HostList {...props} conversations={props.conversations} />;
  return <StoreList {...props} />;
}

function StoreList({ query, ...props }: ConversationListProps) {
  // Observing, paging and refetching as the hook does; the list itself is read as the store holds it now,
  // so a store filled before a server render renders rows (zustand's useStore renders the initial state there).
  const { loadMore, refetch } = useConversationIds(query);
  const key = listKey(query);
  const list = useInboxState(
    'ConversationList',
    useCallback((s: InboxState) => s.lists[key], [key]),
  );
  const ids = list?.ids ?? NO_IDS;
  const data: ListData = {
    count: ids.length,
    idAt: (index) => ids[index],
    total: list?.total ?? 0,
    hasNext: list?.hasNext ?? false,
    status: list?.status ?? 'loading',
    error: list?.error ?? null,
    isFetchingMore: list?.isFetchingMore ?? false,
    loadMoreError: list?.loadMoreError ?? null,
    loadMore,
    refetch,
  };
  const filtered = props.filtered ?? !!(query && ((query.status && query.status !== 'all') || query.channel || query.assigneeId || query.unassigned));
  return <ListView {...props} data={data} filtered={filtered} Row={StoreRow} />;
}

function HostList({ conversations, hasNext = false, onLoadMore, ...props }: ConversationListProps & { conversations: readonly Conversation[] }) {
  const loadMore = useCallback(() => onLoadMore?.(), [onLoadMore]);
  const data: ListData = {
    count: conversations.length,
    idAt: (index) => conversations[index]?.id,
    rowAt: (index) => conversations[index],
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
  // that row's content re-renders; the row component never changes, so nothing remounts.
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

const NO_IDS: readonly string[] = [];

const StoreRow = memo(function StoreRow(props: RowProps) {
  const { id } = props;
  const conversation = useInboxState(
    'ConversationList',
    useCallback((s: InboxState) => s.conversations[id], [id]),
  );
  return <Item {...props} conversation={conversation} />;
});

function usePending(id: string): boolean {
  return useInboxState(
    'ConversationList',
    useCallback(
      (s: InboxState) => {
        const m = s.mutations[id];
        // A resolve waiting in its undo window is not in flight: the row shows it resolved, not pending.
        return !!(m?.assign?.pending || (m?.resolve?.pending && !s.held[id]));
      },
      [id],
    ),
  );
}

/**
 * One row: an `option` with the conversation's state in `data-*` attributes.
 * When rows above it come or go, only this element's place and position
 * attributes change; its content (`RowBody`) does not render again.
 */
const Item = memo(function Item({ id, index, setSize, optionId, selected, active, start, height, onSelect, renderItem, conversation }: RowProps) {
  const pending = usePending(id);
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
      {/* The default content shows no row state, so a row gaining or losing it re-renders only this element. */}
      <RowBody conversation={conversation} selected={!!renderItem && selected} active={!!renderItem && active} pending={!!renderItem && pending} renderItem={renderItem} />
    </div>
  );
});

/** A row's content: re-renders when its conversation or state changes, not when the row moves. */
const RowBody = memo(function RowBody({
  conversation,
  renderItem,
  ...state
}: ConversationRowState & { conversation: Conversation; renderItem: ConversationListProps['renderItem'] }) {
  return renderItem ? renderItem(conversation, state) : <ConversationRowContent conversation={conversation} />;
});

/**
 * Finds an id's position, trying where it was last found (and one either side: a
 * row arriving above or leaving above shifts it by one) before scanning. A list
 * update thus finds the active row in O(1) however long the list is.
 */
class IndexHint {
  private last = 0;
  find(data: ListData, id: string | null): number {
    if (id === null) return -1;
    for (const i of [this.last, this.last + 1, this.last - 1]) if (i >= 0 && i < data.count && data.idAt(i) === id) return (this.last = i);
    for (let i = 0; i < data.count; i++) if (data.idAt(i) === id) return (this.last = i);
    return -1;
  }
}

const KEY_STEPS: Record<string, number> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1, PageDown: 10, PageUp: -10 };
const OVERSCAN = 6;

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
  const [hints] = useState(() => ({ active: new IndexHint(), selected: new IndexHint() }));
  const scrollRef = useRef<HTMLDivElement>(null);
  const baseId = useId();
  const { count, status } = data;
  // The scroller exists whenever there are rows (the states below show only without any).
  const rows = useRowWindow(scrollRef, count > 0, count, rowHeight, OVERSCAN);

  // The active row follows the selection until the keyboard moves it, also
  // when the selection changes from outside (the inbox's j/k).
  const [followed, setFollowed] = useState(selected);
  if (followed !== selected) {
    setFollowed(selected);
    setActiveId(selected);
  }
  // The active row: the one the keyboard moved to, else the selected one, else the first.
  let activeIndex = hints.active.find(data, activeId);
  if (activeId !== null && activeIndex === -1 && count > 0) setActiveId(null); // it left the list
  if (activeIndex === -1) activeIndex = activeId === selected ? -1 : hints.selected.find(data, selected);
  if (activeIndex === -1 && count > 0) activeIndex = 0;

  // Keep a newly selected row in view; a reorder alone does not scroll.
  const dataRef = useRef(data);
  useEffect(() => {
    dataRef.current = data;
  });
  const { scrollToIndex } = rows;
  useEffect(() => {
    const index = hints.selected.find(dataRef.current, selected);
    if (index !== -1) scrollToIndex(index);
  }, [selected, scrollToIndex, hints]);

  const { hasNext, isFetchingMore, loadMoreError, loadMore } = data;
  const lastRendered = rows.last;
  useEffect(() => {
    // Load the next page before the user reaches the end.
    if (status === 'success' && hasNext && !isFetchingMore && !loadMoreError && lastRendered >= count - 8) loadMore();
  }, [status, hasNext, isFetchingMore, loadMoreError, lastRendered, count, loadMore]);

  const select = useCallback(
    (id: string) => {
      setActiveId(id);
      setSelected(id);
    },
    [setSelected],
  );
  const onSelect = useCallback((id: string) => select(id), [select]);

  const moveTo = (index: number) => {
    const clamped = Math.max(0, Math.min(count - 1, index));
    const id = data.idAt(clamped);
    if (id === undefined) return;
    setActiveId(id);
    scrollToIndex(clamped);
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    onKeyDown?.(event);
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const step = KEY_STEPS[event.key];
    if (step !== undefined) moveTo(activeIndex + step);
    else if (event.key === 'Home') moveTo(0);
    else if (event.key === 'End') moveTo(count - 1);
    else if (event.key === 'Enter' || event.key === ' ') {
      const id = data.idAt(activeIndex);
      if (id !== undefined) select(id);
    } else return;
    event.preventDefault();
  };

  const activeOptionId = activeIndex >= rows.first && activeIndex <= rows.last ? `${baseId}-${activeIndex}` : undefined;
  const name = label ?? messages.conversations;

  let body: ReactNode;
  if (status === 'error' && count === 0) {
    body = (
      <div className="ik-state" data-slot="error" role="alert">
        <p className="ik-state-title">{messages.listError}</p>
        {data.error && <p className="ik-state-detail">{data.error.message}</p>}
        <button type="button" className="ik-button" onClick={() => data.refetch()}>
          {messages.retry}
        </button>
      </div>
    );
  } else if (status === 'loading' && count === 0) {
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
  } else if (count === 0) {
    body = (
      <div className="ik-state" data-slot="empty" role="status">
        {emptyState ?? <p className="ik-state-title">{filtered ? messages.emptyListFiltered : messages.emptyList}</p>}
      </div>
    );
  } else {
    const visible: ReactNode[] = [];
    for (let index = rows.first; index <= rows.last; index++) {
      const id = data.idAt(index)!;
      // React keys are conversation ids, so a row that moves keeps its element; positions come from the index alone.
      visible.push(
        <Row
          key={id}
          id={id}
          index={index}
          setSize={data.total}
          optionId={`${baseId}-${index}`}
          selected={id === selected}
          active={index === activeIndex}
          start={index * rowHeight}
          height={rowHeight}
          onSelect={onSelect}
          renderItem={renderItem}
          conversation={data.rowAt?.(index)}
        />,
      );
    }
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
        <div role="presentation" className="ik-list-sizer" style={{ blockSize: rows.totalSize }}>
          {visible}
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
const WithItem = /* @__PURE__ */ Object.assign(ConversationList, { Item });
export { WithItem as ConversationList };
