import { createContext, memo, useCallback, useContext, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { HTMLAttributes, KeyboardEvent, MouseEvent, ReactNode, Ref } from 'react';
import type { InboxError } from '../../core/errors.js';
import type { Conversation, ConversationQuery } from '../../core/types.js';
import { useInboxContext } from '../../hooks/context.js';
import { useListControls } from '../../hooks/useListControls.js';
import { useInboxState } from '../../hooks/useInboxState.js';
import { knownAssigneeName } from '../../hooks/useAssigneeName.js';
import { visibleUnread } from '../../store/local.js';
import { listKey } from '../../store/queries.js';
import type { InboxState, ListState } from '../../store/types.js';
import { cx } from '../shared/cx.js';
import { displayName } from '../shared/format.js';
import { ThemeScopeContext, useThemeClass } from '../shared/ThemeScope.js';
import { useTriageAttributes } from '../shared/useTriageAttributes.js';
import { useControllable } from '../shared/useControllable.js';
import { ConversationRowContent } from './RowContent.js';
import type { ConversationRowContentProps } from './RowContent.js';
import { NewRows, useMergedRef } from './NewRows.js';
import { useShareShownOrder } from './shownOrder.js';
import { useHeldOrder } from './useHeldOrder.js';
import { useIsSelected } from './selection.js';
import type { ConversationSelection } from './selection.js';
import { useRowWindow } from './useRowWindow.js';
import { useUnreadIds } from './useUnreadIds.js';

/** What a row's content slot is told about its row. */
export interface ConversationRowState {
  selected: boolean;
  active: boolean;
  pending: boolean;
  /** Checked for a bulk action (only with a `selection`). */
  checked: boolean;
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
  /**
   * Shows only the unread conversations among those loaded (client-side: the backends cannot filter by
   * unread), and the open one; says so above the rows, with Load more instead of loading on scroll. Default false.
   */
  unreadOnly?: boolean | undefined;
  /**
   * The bulk selection (see `createConversationSelection`). With it, every row has a checkbox
   * ("Select ‹name›", `aria-checked` on the row), and x, Shift+click, Shift+↑/↓, Ctrl/Cmd+A and
   * Escape select; rows that leave the list leave it. `Inbox` passes its own. Default none.
   */
  selection?: ConversationSelection | undefined;
  ref?: Ref<HTMLDivElement> | undefined;
}

/**
 * What the list shows, read by position: the list never maps, copies or
 * indexes all of it, so an update costs what the visible rows cost.
 */
interface ListData {
  count: number;
  /** Changes whenever the ids do (the ids array, or the host's conversations). */
  version: unknown;
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

function StoreList({ query, unreadOnly = false, ref, ...props }: ConversationListProps) {
  // Observing, paging and refetching as the hook does; the list itself is read as the store holds it now,
  // so a store filled before a server render renders rows (zustand's useStore renders the initial state there).
  // Only the fields shown are selected: a background revalidation toggling `isFetching` renders nothing.
  const { loadMore, refetch } = useListControls('ConversationList', query);
  const key = listKey(query);
  const list = useInboxState('ConversationList', useShallow((s: InboxState) => shownFields(s.lists[key])));
  const unread = useUnreadIds(key, unreadOnly, props.value);
  // While the agent is on the list, it holds still: new and reordered rows wait behind "N new".
  const source = unread ?? list?.ids ?? NO_IDS;
  // Turning Unread on or off is the agent's own choice of rows, not traffic: another list, nothing held over.
  const held = useHeldOrder(source, { key: unread ? `${key}|unread` : key, keep: props.value, rowHeight: props.rowHeight ?? ROW_HEIGHT });
  const rootRef = useMergedRef(held.ref, ref);
  const { ids } = held;
  useShareShownOrder(ids, source);
  const data: ListData = {
    count: ids.length,
    version: ids,
    idAt: (index) => ids[index],
    total: unread ? unread.length : (list?.total ?? 0),
    // Filtered here, a short list would load page after page on its own: the agent asks for more instead.
    hasNext: !unread && (list?.hasNext ?? false),
    status: list?.status ?? 'loading',
    error: list?.error ?? null,
    isFetchingMore: list?.isFetchingMore ?? false,
    loadMoreError: list?.loadMoreError ?? null,
    loadMore,
    refetch,
  };
  const filtered = props.filtered ?? !!(query && ((query.status && query.status !== 'all') || query.channel || query.assigneeId || query.unassigned));
  const unreadNotice = unread && list?.status === 'success' ? <UnreadNotice loaded={list.ids.length} hasNext={list.hasNext} loadMore={loadMore} loading={list.isFetchingMore} /> : null;
  const notice = (
    <>
      {unreadNotice}
      {ids.length > 0 && <NewRows count={held.waiting} onShow={held.release} />}
    </>
  );
  return (
    <ListView
      data-held={held.holding ? '' : undefined}
      {...props}
      ref={rootRef}
      data={data}
      filtered={filtered || !!unread}
      Row={StoreRow}
      notice={notice}
      unreadOnly={!!unread}
    />
  );
}

/** What a store list shows of its list's state (not `isFetching`: background refetches are silent). */
function shownFields(list: ListState | undefined) {
  if (!list) return undefined;
  const { ids, total, hasNext, status, error, isFetchingMore, loadMoreError } = list;
  return { ids, total, hasNext, status, error, isFetchingMore, loadMoreError };
}

/** Says that the Unread filter covers the loaded rows only, and offers to load more. */
function UnreadNotice({ loaded, hasNext, loadMore, loading }: { loaded: number; hasNext: boolean; loadMore: () => void; loading: boolean }) {
  const { messages } = useInboxContext('ConversationList');
  return (
    <div className="ik-list-notice" data-slot="unread-notice">
      <span role="status" dir="auto">
        {messages.unreadAmongLoaded(loaded)}
      </span>
      {hasNext && (
        // "Loading more…" is said by the list's footer; the button waits meanwhile.
        <button type="button" className="ik-link-button" onClick={() => loadMore()} aria-disabled={loading || undefined}>
          {messages.loadMore}
        </button>
      )}
    </div>
  );
}

function HostList({ conversations: all, hasNext = false, onLoadMore, unreadOnly = false, ...props }: ConversationListProps & { conversations: readonly Conversation[] }) {
  const loadMore = useCallback(() => onLoadMore?.(), [onLoadMore]);
  const opened = useInboxState(
    'ConversationList',
    useCallback((s: InboxState) => (unreadOnly ? s.opened : null), [unreadOnly]),
  );
  const keep = props.value;
  const conversations = useMemo(
    () => (opened ? all.filter((c) => c.id === keep || (visibleUnread(c, opened[c.id]) ?? 0) > 0) : all),
    [all, opened, keep],
  );
  const data: ListData = {
    count: conversations.length,
    version: conversations,
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
  return <ListView {...props} data={data} filtered={props.filtered ?? unreadOnly} Row={Item} unreadOnly={unreadOnly} />;
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

/** What rows need for bulk selection; one stable value per list, so a row re-renders only when its own state changes. */
interface RowSelection {
  selection: ConversationSelection;
  /** A checkbox click (Shift: extend the range from the last one). */
  check: (id: string, index: number, extend: boolean) => void;
}
const RowSelectionContext = createContext<RowSelection | null>(null);

/** What a row reads from the store, besides what it is given. */
interface RowStore {
  /** Hook mode: the conversation, read by id (host-managed rows are given theirs). */
  conversation: Conversation | undefined;
  pending: boolean;
  opened: InboxState['opened'][string] | undefined;
  /** For the default content only (a host's `renderItem` reads what it needs itself). */
  knownAssignee: string | undefined;
  readInFull: boolean;
}

/**
 * All of a row's store state in one subscription, one object kept while its fields are equal. A
 * subscription per field (five in hook mode) was a hook at every row's mount and a selector per row
 * on every store change.
 */
function useRowStore(id: string, given: Conversation | undefined, fromStore: boolean, content: boolean): RowStore {
  const { store } = useInboxContext('ConversationList');
  const { listPreviews } = store.capabilities;
  const last = useRef<RowStore | null>(null);
  return useInboxState(
    'ConversationList',
    useCallback(
      (s: InboxState) => {
        const conversation = fromStore ? s.conversations[id] : given;
        const m = s.mutations[id];
        const assignee = content ? conversation?.assignee : undefined;
        const next: RowStore = {
          conversation,
          // A resolve waiting in its undo window is not in flight: the row shows it resolved, not pending.
          pending: !!(m?.assign?.pending || (m?.resolve?.pending && !s.held[id])),
          opened: s.opened[id],
          knownAssignee: assignee && !assignee.name ? knownAssigneeName(s, assignee) : undefined,
          // Where list rows carry no previews, only a conversation read in full can say it has no messages.
          readInFull: content && !listPreviews && s.details[id]?.status === 'success',
        };
        const prev = last.current;
        if (
          prev &&
          prev.conversation === next.conversation &&
          prev.pending === next.pending &&
          prev.opened === next.opened &&
          prev.knownAssignee === next.knownAssignee &&
          prev.readInFull === next.readInFull
        )
          return prev;
        return (last.current = next);
      },
      [id, given, fromStore, content, listPreviews],
    ),
  );
}

/**
 * One row: an `option` with the conversation's state in `data-*` attributes.
 * When rows above it come or go, only this element's place and position
 * attributes change; its content (`RowBody`) does not render again.
 */
const Item = memo(function Item(props: RowProps) {
  return useRowElement(props, false);
});

/** A row of a store list: reads its conversation by id, in the same subscription as the rest of its state. */
const StoreRow = memo(function StoreRow(props: RowProps) {
  return useRowElement(props, true);
});

function useRowElement({ id, index, setSize, optionId, selected, active, start, height, onSelect, renderItem, conversation: given }: RowProps, fromStore: boolean) {
  const row = useRowStore(id, given, fromStore, !renderItem);
  const { conversation, pending } = row;
  // Cleared once the agent opened it after its last activity (kept in this browser).
  const unread = conversation ? visibleUnread(conversation, row.opened) : null;
  const triage = useTriageAttributes(conversation);
  const bulk = useContext(RowSelectionContext);
  const checked = useIsSelected(bulk?.selection, id);
  if (!conversation) return null;
  const body = (
    <RowBody
      conversation={conversation}
      unread={renderItem ? 0 : (unread ?? 0)}
      knownAssignee={row.knownAssignee}
      readInFull={row.readInFull}
      selected={!!renderItem && selected}
      active={!!renderItem && active}
      pending={!!renderItem && pending}
      checked={!!renderItem && checked}
      renderItem={renderItem}
    />
  );
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (bulk && event.shiftKey) bulk.check(id, index, true);
    else onSelect(id, index);
  };
  return (
    // aria-selected is the open conversation and aria-checked the bulk selection: two different states with
    // their own controls, which ARIA allows on one option (see README, Accessibility).
    <div
      role="option"
      id={optionId}
      aria-selected={selected}
      aria-checked={bulk ? checked : undefined}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      className="ik-row"
      data-slot="row"
      data-status={conversation.status}
      data-channel={conversation.channel}
      data-selected={selected ? '' : undefined}
      data-active={active ? '' : undefined}
      data-unread={unread ? '' : undefined}
      data-pending={pending ? '' : undefined}
      {...triage}
      data-checked={checked ? '' : undefined}
      style={{ blockSize: height, transform: `translateY(${start}px)` }}
      // Shift+click extends the selection: keep the browser from selecting text on the way.
      onMouseDown={bulk ? (event) => event.shiftKey && event.preventDefault() : undefined}
      onClick={onClick}
    >
      {/* The default content shows no row state, so a row gaining or losing it re-renders only this element. */}
      {body}
      {/* Last in the DOM, first on screen (CSS order): the row's name starts with its content, and ends with "Select ‹name›". */}
      {bulk && <RowCheck conversation={conversation} checked={checked} onCheck={(extend) => bulk.check(id, index, extend)} />}
    </div>
  );
}

/**
 * A row's checkbox. Not focusable: a focusable control inside an `option` is
 * unreachable in the listbox and breaks it for screen readers (axe's
 * nested-interactive). The keyboard selects with x in the list, screen readers
 * hear the row's `aria-checked`, and pointers (and a screen reader's click) use this.
 */
function RowCheck({ conversation, checked, onCheck }: { conversation: Conversation; checked: boolean; onCheck: (extend: boolean) => void }) {
  const { messages } = useInboxContext('ConversationList');
  return (
    <span
      role="checkbox"
      aria-checked={checked}
      aria-label={messages.selectRow(displayName(conversation, messages))}
      className="ik-row-check"
      data-slot="row-check"
      data-state={checked ? 'checked' : 'unchecked'}
      onClick={(event) => {
        // Checking is not opening.
        event.stopPropagation();
        onCheck(event.shiftKey);
      }}
    />
  );
}

/** A row's content: re-renders when its conversation or state changes, not when the row moves. */
const RowBody = memo(function RowBody({
  conversation,
  unread,
  knownAssignee,
  readInFull,
  renderItem,
  ...state
}: ConversationRowState & ConversationRowContentProps & { renderItem: ConversationListProps['renderItem'] }) {
  return renderItem ? (
    renderItem(conversation, state)
  ) : (
    <ConversationRowContent conversation={conversation} unread={unread} knownAssignee={knownAssignee} readInFull={readInFull} />
  );
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

/**
 * A row's element id, from its conversation's id, not its position: a row that moves (a conversation
 * arriving above it) keeps its id, so a reorder rewrites no ids. HTML ids hold no whitespace: it is
 * escaped, with `%`, so that two conversations never share one.
 */
const optionId = (baseId: string, id: string) => `${baseId}-${UNSAFE_IN_ID.test(id) ? id.replace(UNSAFE_IN_ID_ALL, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`) : id}`;
const UNSAFE_IN_ID = /[\t\n\f\r %]/;
const UNSAFE_IN_ID_ALL = /[\t\n\f\r %]/g;

const KEY_STEPS: Record<string, number> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1, PageDown: 10, PageUp: -10 };
const OVERSCAN = 6;
const ROW_HEIGHT = 76;

function ListView({
  data,
  Row,
  filtered,
  value,
  defaultValue = null,
  onValueChange,
  renderItem,
  emptyState,
  rowHeight = ROW_HEIGHT,
  label,
  selection,
  className,
  onKeyDown,
  ref,
  notice,
  unreadOnly,
  ...rest
}: Omit<ConversationListProps, 'query' | 'conversations'> & {
  data: ListData;
  filtered: boolean;
  Row: (props: RowProps) => ReactNode;
  /** Shown over the top of the rows: the "N new" button (taking no space of its own) and the Unread filter's note. */
  notice?: ReactNode | undefined;
}) {
  const { messages } = useInboxContext('ConversationList');
  const themeClass = useThemeClass();
  const [selected, setSelected] = useControllable<string | null>(value, defaultValue, onValueChange);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [hints] = useState(() => ({ active: new IndexHint(), selected: new IndexHint(), anchor: new IndexHint() }));
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

  // Bulk selection. The anchor is where a Shift range starts: the last row checked or unchecked by hand
  // (a range takes its state), else the active row (a range then selects). `base` is the selection the
  // range started from, so a range that shrinks gives rows back as they were.
  const anchor = useRef<{ id: string; checked: boolean; base: ReadonlySet<string> | null } | null>(null);
  // Where each selected id was last seen, so that pruning after a list change is O(selected), not O(list).
  const positions = useRef(new Map<string, number>());
  const toggleAt = (index: number) => {
    const id = data.idAt(index);
    if (!selection || id === undefined) return;
    positions.current.set(id, index);
    anchor.current = { id, checked: selection.toggle(id), base: null };
    setActiveId(id);
  };
  const extendTo = (index: number) => {
    const target = data.idAt(index);
    if (!selection || target === undefined) return;
    let from = anchor.current ? hints.anchor.find(data, anchor.current.id) : -1;
    if (from === -1) {
      from = activeIndex === -1 ? index : activeIndex;
      anchor.current = { id: data.idAt(from)!, checked: true, base: null };
    }
    const range = anchor.current!;
    const base = (range.base ??= new Set(selection.ids()));
    const inRange = new Set<string>();
    for (let i = Math.min(from, index); i <= Math.max(from, index); i++) {
      const id = data.idAt(i)!;
      inRange.add(id);
      positions.current.set(id, i);
    }
    selection.replace(range.checked ? [...base, ...inRange] : [...base].filter((id) => !inRange.has(id)));
    setActiveId(target);
  };
  const selectAll = () => {
    if (!selection) return;
    const all: string[] = [];
    for (let i = 0; i < count; i++) {
      const id = data.idAt(i)!;
      all.push(id);
      positions.current.set(id, i);
    }
    selection.set(all, true);
  };
  // Rows read `check` through one stable context value: the latest handlers sit in a ref.
  const checkRef = useRef<(id: string, index: number, extend: boolean) => void>(() => {});
  useEffect(() => {
    checkRef.current = (_id, index, extend) => (extend ? extendTo(index) : toggleAt(index));
  });
  const rowSelection = useMemo<RowSelection | null>(
    () => (selection ? { selection, check: (id, index, extend) => checkRef.current(id, index, extend) } : null),
    [selection],
  );

  // Rows that leave the list leave the selection; a list still loading or failed has not said who left.
  const { version } = data;
  useEffect(() => {
    if (!selection || status !== 'success') return;
    const current = dataRef.current;
    if (selection.size === 0) {
      positions.current.clear();
      return;
    }
    const seen = new Map<string, number>();
    let everywhere: Map<string, number> | null = null;
    selection.retain((id) => {
      const last = positions.current.get(id);
      let at = -1;
      // A row arriving or leaving above moves it by one; anything else is looked up once for all.
      if (last !== undefined) for (const i of [last, last + 1, last - 1]) if (current.idAt(i) === id) at = i;
      if (at === -1) {
        if (!everywhere) {
          everywhere = new Map();
          for (let i = 0; i < current.count; i++) everywhere.set(current.idAt(i)!, i);
        }
        at = everywhere.get(id) ?? -1;
      }
      if (at !== -1) seen.set(id, at);
      return at !== -1;
    });
    positions.current = seen;
  }, [selection, status, version]);

  const moveTo = (index: number) => {
    const clamped = Math.max(0, Math.min(count - 1, index));
    const id = data.idAt(clamped);
    if (id === undefined) return;
    setActiveId(id);
    scrollToIndex(clamped);
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    onKeyDown?.(event);
    if (event.defaultPrevented || event.altKey) return;
    if (selection && (event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'a') {
      selectAll();
      event.preventDefault();
      return;
    }
    if (event.ctrlKey || event.metaKey) return;
    const step = KEY_STEPS[event.key];
    if (selection && event.shiftKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      const to = Math.max(0, Math.min(count - 1, activeIndex + step!));
      extendTo(to);
      scrollToIndex(to);
    } else if (selection && event.key === 'x') toggleAt(activeIndex);
    else if (selection && event.key === 'Escape' && selection.size > 0) {
      anchor.current = null;
      selection.clear();
    } else if (step !== undefined) moveTo(activeIndex + step);
    else if (event.key === 'Home') moveTo(0);
    else if (event.key === 'End') moveTo(count - 1);
    else if (event.key === 'Enter' || event.key === ' ') {
      const id = data.idAt(activeIndex);
      if (id !== undefined) select(id);
    } else return;
    event.preventDefault();
  };

  const activeOptionId = activeIndex >= rows.first && activeIndex <= rows.last ? optionId(baseId, data.idAt(activeIndex)!) : undefined;
  const name = label ?? messages.conversations;

  let body: ReactNode;
  if (status === 'error' && count === 0) {
    body = (
      <div className="ik-state" data-slot="error" role="alert">
        {/* The list's sentences in their own direction: an English period stays at the end in a right-to-left page. */}
        <p className="ik-state-title" dir="auto">
          {messages.listError}
        </p>
        {data.error && (
          <p className="ik-state-detail" dir="auto">
            {data.error.message}
          </p>
        )}
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
        {emptyState ?? (
          <p className="ik-state-title" dir="auto">
            {unreadOnly ? messages.noUnreadLoaded : filtered ? messages.emptyListFiltered : messages.emptyList}
          </p>
        )}
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
          optionId={optionId(baseId, id)}
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
      <RowSelectionContext.Provider value={rowSelection}>
      <div ref={ref} className={cx(themeClass, 'ik-list', className)} data-slot="list" data-state={status} {...rest}>
        {status === 'success' && data.error && (
          <div className="ik-banner" data-slot="refresh-error" role="alert">
            <span dir="auto">
              {messages.refreshError} {data.error.message}
            </span>
            <button type="button" className="ik-button" data-size="sm" onClick={() => data.refetch()}>
              {messages.retry}
            </button>
          </div>
        )}
        {notice}
        {body}
        {isFetchingMore && (
          <div className="ik-list-footer" role="status" dir="auto">
            {messages.loadingMore}
          </div>
        )}
        {loadMoreError && (
          <div className="ik-list-footer" data-slot="load-more-error" role="alert">
            <span dir="auto">
              {messages.loadMoreError} {loadMoreError.message}
            </span>
            <button type="button" className="ik-button" data-size="sm" onClick={() => data.loadMore()}>
              {messages.retry}
            </button>
          </div>
        )}
      </div>
      </RowSelectionContext.Provider>
    </ThemeScopeContext.Provider>
  );
}

/** One row, for hosts composing their own list: `ConversationList.Item`. */
const WithItem = /* @__PURE__ */ Object.assign(ConversationList, { Item });
export { WithItem as ConversationList };
