import { useId } from 'react';
import type { HTMLAttributes } from 'react';
import type { Channel, ConversationQuery, ConversationStatus } from '../../core/types.js';
import { useInboxContext } from '../../hooks/context.js';
import { useAssignees } from '../../hooks/useAssignees.js';
import { useConversationCount } from '../../hooks/useConversationCount.js';
import { cx } from '../shared/cx.js';
import { useThemeClass } from '../shared/ThemeScope.js';

// The select's value for "Unassigned"; the ids in the list are backend ids, which are single tokens.
const UNASSIGNED = 'nobody assigned';

export interface ConversationFiltersProps extends Omit<HTMLAttributes<HTMLDivElement>, 'onChange'> {
  /** The current filters. Required. */
  value: ConversationQuery;
  onValueChange: (query: ConversationQuery) => void;
  /** Whether the Unread filter is on: only unread conversations among those loaded (client-side). Default false. */
  unreadOnly?: boolean | undefined;
  /** Called when the agent toggles Unread. Without it (or where the backend reports no unread counts) no toggle shows. */
  onUnreadOnlyChange?: ((unreadOnly: boolean) => void) | undefined;
}

/**
 * Filters for a conversation list: status (only those the backend can
 * filter by), channel (when the backend has more than one), assignee
 * (anyone, mine, or a person or team) and, given `onUnreadOnlyChange`, an
 * Unread toggle over the loaded rows. Native selects: labelled, keyboard
 * and screen-reader friendly everywhere.
 */
export function ConversationFilters({ value, onValueChange, unreadOnly = false, onUnreadOnlyChange, className, ...rest }: ConversationFiltersProps) {
  const { messages, store } = useInboxContext('ConversationFilters');
  const { capabilities } = store;
  const { users, teams, currentUser } = useAssignees();
  const id = useId();
  const themeClass = useThemeClass();
  const showChannels = capabilities.channelFilter && capabilities.channels.length > 1;
  // No backend can filter by unread: the toggle filters the loaded rows, and says so. Not where no counts exist (Waply).
  const showUnread = !!onUnreadOnlyChange && capabilities.unreadCounts !== false;

  const set = (patch: Partial<ConversationQuery>) => {
    const next: ConversationQuery = { ...value, ...patch };
    for (const key of Object.keys(next) as Array<keyof ConversationQuery>) if (next[key] === undefined) delete next[key];
    onValueChange(next);
  };

  return (
    <div role="group" aria-label={messages.filters} className={cx(themeClass, 'ik-filters', className)} data-slot="filters" {...rest}>
      <label className="ik-filter" htmlFor={`${id}-status`}>
        <span className="ik-filter-label">{messages.statusFilter}</span>
        <select
          id={`${id}-status`}
          className="ik-select"
          value={value.status ?? 'all'}
          onChange={(e) => set({ status: e.target.value as ConversationStatus | 'all' })}
        >
          <StatusOption query={value} status="all" label={messages.allStatuses} />
          {capabilities.statuses.map((status) => (
            <StatusOption key={status} query={value} status={status} label={messages.status[status]} />
          ))}
        </select>
      </label>
      {showChannels && (
        <label className="ik-filter" htmlFor={`${id}-channel`}>
          <span className="ik-filter-label">{messages.channelFilter}</span>
          <select
            id={`${id}-channel`}
            className="ik-select"
            value={value.channel ?? ''}
            onChange={(e) => set({ channel: (e.target.value || undefined) as Channel | undefined })}
          >
            <option value="">{messages.allChannels}</option>
            {capabilities.channels.map((channel) => (
              <option key={channel} value={channel}>
                {messages.channel[channel]}
              </option>
            ))}
          </select>
        </label>
      )}
      {capabilities.assigneeFilter && (
        <label className="ik-filter" htmlFor={`${id}-assignee`}>
          <span className="ik-filter-label">{messages.assigneeFilter}</span>
          <select
            id={`${id}-assignee`}
            className="ik-select"
            value={value.unassigned ? UNASSIGNED : (value.assigneeId ?? '')}
            onChange={(e) => {
              const choice = e.target.value;
              set(choice === UNASSIGNED ? { unassigned: true, assigneeId: undefined } : { unassigned: undefined, assigneeId: choice || undefined });
            }}
          >
            <option value="">{messages.anyone}</option>
            {capabilities.unassignedFilter && <option value={UNASSIGNED}>{messages.unassigned}</option>}
            {currentUser && <option value={currentUser.id}>{messages.mine}</option>}
            {users
              .filter((u) => u.id !== currentUser?.id)
              .map((user) => (
                <option key={`user:${user.id}`} value={user.id}>
                  {user.name ?? user.id}
                </option>
              ))}
            {capabilities.teams &&
              teams.map((team) => (
                <option key={`team:${team.id}`} value={team.id}>
                  {team.name ?? team.id}
                </option>
              ))}
          </select>
        </label>
      )}
      {showUnread && (
        <div className="ik-filter ik-filter-toggle" data-slot="unread-filter">
          <label className="ik-filter-check" htmlFor={`${id}-unread`}>
            <input
              id={`${id}-unread`}
              type="checkbox"
              className="ik-checkbox"
              checked={unreadOnly}
              aria-describedby={`${id}-unread-hint`}
              onChange={(e) => onUnreadOnlyChange!(e.target.checked)}
            />
            <span className="ik-filter-label">{messages.unreadFilter}</span>
          </label>
          <span id={`${id}-unread-hint`} className="ik-filter-hint">
            {messages.unreadFilterHint}
          </span>
        </div>
      )}
    </div>
  );
}

/** A status option with how many conversations choosing it would list (the other filters kept); nothing while unknown. */
function StatusOption({ query, status, label }: { query: ConversationQuery; status: ConversationStatus | 'all'; label: string }) {
  const { messages } = useInboxContext('ConversationFilters');
  const { count } = useConversationCount({ ...query, status });
  return <option value={status}>{count === null ? label : messages.optionWithCount(label, count)}</option>;
}
