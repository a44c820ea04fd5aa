import { DEFAULT_PAGE_SIZE } from '../core/query.js';
import type { Conversation, ConversationQuery } from '../core/types.js';

/** A list query without its page: the identity of one (infinite) list. */
export interface ListQuery {
  status: NonNullable<ConversationQuery['status']>;
  limit: number;
  channel?: NonNullable<ConversationQuery['channel']> | undefined;
  assigneeId?: string | undefined;
  unassigned?: true | undefined;
}

/** Fills the defaults a list is keyed on, dropping `page` (lists page themselves). */
export function toListQuery(query: ConversationQuery = {}): ListQuery {
  const list: ListQuery = { status: query.status ?? 'all', limit: query.limit ?? DEFAULT_PAGE_SIZE };
  if (query.channel !== undefined) list.channel = query.channel;
  if (query.assigneeId !== undefined && query.assigneeId !== '') list.assigneeId = query.assigneeId;
  if (query.unassigned) list.unassigned = true;
  return list;
}

/** A stable string key for a list query: equal queries, equal keys, whatever the property order. */
export function listKey(query: ConversationQuery = {}): string {
  const q = toListQuery(query);
  return JSON.stringify([q.status, q.channel ?? null, q.assigneeId ?? null, q.unassigned ?? false, q.limit]);
}

/** Whether a conversation belongs in a list, by that list's filters. */
export function matchesList(query: ListQuery, conversation: Conversation): boolean {
  if (query.status !== 'all' && conversation.status !== query.status) return false;
  if (query.channel !== undefined && conversation.channel !== query.channel) return false;
  if (query.assigneeId !== undefined && conversation.assignee?.id !== query.assigneeId) return false;
  if (query.unassigned && conversation.assignee !== null) return false;
  return true;
}

/** A timestamp as an instant (ms since the epoch), `NaN` when it is not one. Strings in other zones do not sort as text. */
export function instant(timestamp: string | null | undefined): number {
  return typeof timestamp === 'string' ? Date.parse(timestamp) : Number.NaN;
}

/** Newest activity first, as the backends order lists; `updatedAt` compared as instants. */
export function comesBefore(a: Conversation, b: Conversation): boolean {
  const x = instant(a.updatedAt);
  const y = instant(b.updatedAt);
  if (x !== y && !Number.isNaN(x) && !Number.isNaN(y)) return x > y;
  if (Number.isNaN(x) !== Number.isNaN(y)) return !Number.isNaN(x);
  return a.id < b.id;
}
