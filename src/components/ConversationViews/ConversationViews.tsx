import { useRef } from 'react';
import type { HTMLAttributes, KeyboardEvent, Ref } from 'react';
import { useStore } from 'zustand';
import type { AdapterCapabilities, ConversationQuery } from '../../core/types.js';
import { useInboxContext } from '../../hooks/context.js';
import { useConversationCount } from '../../hooks/useConversationCount.js';
import { cx } from '../shared/cx.js';
import { useThemeClass } from '../shared/ThemeScope.js';
import { useControllable } from '../shared/useControllable.js';

/** A view of the inbox: the current agent's conversations, nobody's, or everyone's. */
export type ConversationViewName = 'mine' | 'unassigned' | 'all';

/** The views a backend can show, in tab order: Mine needs an agent and an assignee filter, Unassigned its own filter. */
export function availableViews(capabilities: AdapterCapabilities, currentUserId: string | null | undefined): ConversationViewName[] {
  const views: ConversationViewName[] = [];
  if (currentUserId && capabilities.assigneeFilter) views.push('mine');
  if (capabilities.unassignedFilter) views.push('unassigned');
  views.push('all');
  return views;
}

/** `query` narrowed to a view: its status and channel kept, its assignee filter replaced. */
export function queryForView(query: ConversationQuery, view: ConversationViewName, currentUserId: string | null | undefined): ConversationQuery {
  const { assigneeId: _assigneeId, unassigned: _unassigned, page: _page, ...rest } = query;
  if (view === 'mine' && currentUserId) return { ...rest, assigneeId: currentUserId };
  if (view === 'unassigned') return { ...rest, unassigned: true };
  return rest;
}

/** The view a query shows, or `null` when it filters to someone other than the current agent. */
export function viewOfQuery(query: ConversationQuery, currentUserId: string | null | undefined): ConversationViewName | null {
  if (query.unassigned) return 'unassigned';
  if (query.assigneeId === undefined || query.assigneeId === '') return 'all';
  return currentUserId && query.assigneeId === currentUserId ? 'mine' : null;
}

export interface ConversationViewsProps extends Omit<HTMLAttributes<HTMLDivElement>, 'defaultValue' | 'onChange'> {
  /** The selected view (controlled); `null` selects none (the list is filtered to another agent). */
  value?: ConversationViewName | null | undefined;
  /** The view selected at first (uncontrolled). Default `'all'`. */
  defaultValue?: ConversationViewName | null | undefined;
  /** Called with the view the agent picks. */
  onValueChange?: ((view: ConversationViewName) => void) | undefined;
  /** The status and channel the counts are for (its assignee filter is ignored). Default every conversation. */
  query?: ConversationQuery | undefined;
  ref?: Ref<HTMLDivElement> | undefined;
}

/**
 * Mine / Unassigned / All as a `tablist` named "Views", each tab with how
 * many conversations it holds under the current status and channel, from
 * the backend's `total`. Only views the backend can filter by are offered;
 * a count not known shows nothing. Arrow keys move between tabs (and
 * select: the list shows cached rows at once), Home and End jump.
 */
export function ConversationViews({ value, defaultValue = 'all', onValueChange, query = {}, className, onKeyDown, ref, ...rest }: ConversationViewsProps) {
  const { messages, store } = useInboxContext('ConversationViews');
  const themeClass = useThemeClass();
  const currentUserId = useStore(store.state, (s) => s.currentUser?.id ?? null);
  const views = availableViews(store.capabilities, currentUserId);
  const [selected, setSelected] = useControllable<ConversationViewName | null>(value, defaultValue, onValueChange as ((view: ConversationViewName | null) => void) | undefined);
  const tabs = useRef(new Map<ConversationViewName, HTMLButtonElement>());
  // Roving focus: one tab in the Tab order, the selected one (or the first when none is).
  const focusable = selected !== null && views.includes(selected) ? selected : views[0];

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    onKeyDown?.(event);
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const current = views.indexOf((event.target as HTMLElement).dataset.view as ConversationViewName);
    if (current === -1) return;
    // Left and right follow the reading direction.
    const rtl = (event.currentTarget.closest('[dir]')?.getAttribute('dir') ?? '') === 'rtl';
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const backward = rtl ? 'ArrowRight' : 'ArrowLeft';
    let next: number;
    if (event.key === forward) next = (current + 1) % views.length;
    else if (event.key === backward) next = (current - 1 + views.length) % views.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = views.length - 1;
    else return;
    event.preventDefault();
    const view = views[next]!;
    tabs.current.get(view)?.focus();
    if (view !== selected) setSelected(view);
  };

  return (
    <div
      ref={ref}
      role="tablist"
      aria-label={messages.views}
      aria-orientation="horizontal"
      className={cx(themeClass, 'ik-views', className)}
      data-slot="views"
      onKeyDown={handleKeyDown}
      {...rest}
    >
      {views.map((view) => (
        <ViewTab
          key={view}
          view={view}
          query={queryForView(query, view, currentUserId)}
          selected={view === selected}
          focusable={view === focusable}
          onSelect={() => view !== selected && setSelected(view)}
          tabRef={(element) => {
            if (element) tabs.current.set(view, element);
            else tabs.current.delete(view);
          }}
        />
      ))}
    </div>
  );
}

function ViewTab({
  view,
  query,
  selected,
  focusable,
  onSelect,
  tabRef,
}: {
  view: ConversationViewName;
  query: ConversationQuery;
  selected: boolean;
  focusable: boolean;
  onSelect: () => void;
  tabRef: (element: HTMLButtonElement | null) => void;
}) {
  const { messages } = useInboxContext('ConversationViews');
  const { count } = useConversationCount(query);
  const label = view === 'mine' ? messages.mine : view === 'unassigned' ? messages.unassigned : messages.viewAll;
  return (
    <button
      ref={tabRef}
      type="button"
      role="tab"
      aria-selected={selected}
      aria-label={count === null ? undefined : messages.viewWithCount(label, count)}
      tabIndex={focusable ? 0 : -1}
      className="ik-view-tab"
      data-slot="view-tab"
      data-view={view}
      data-selected={selected ? '' : undefined}
      onClick={onSelect}
    >
      <span className="ik-view-tab-label">{label}</span>
      {count !== null && (
        <>
          {/* A space, so the visible text ("Mine 12") reads as part of the spoken name ("Mine, 12 conversations"). */}{' '}
          <span className="ik-view-tab-count" data-slot="view-count" aria-hidden="true">
            {count}
          </span>
        </>
      )}
    </button>
  );
}
