import { InboxError } from './errors.js';
import type { ConversationQuery, ConversationStatus, Channel, AdapterCapabilities } from './types.js';

/** A query with every default filled in, the form adapters and the store key on. */
export interface NormalizedQuery {
  page: number;
  limit: number;
  status: ConversationStatus | 'all';
  assigneeId?: string | undefined;
  unassigned?: true | undefined;
  channel?: Channel | undefined;
}

/** Default page size of every adapter, as both specs have it. */
export const DEFAULT_PAGE_SIZE = 20;
/** Largest page either spec allows. */
export const MAX_PAGE_SIZE = 100;

/**
 * Fills defaults and checks a query against what the backend can do. A bad
 * page or limit is `invalid_input`; a filter the backend lacks is `unsupported`.
 * Both are thrown before any request is made.
 */
export function normalizeQuery(query: ConversationQuery, capabilities: AdapterCapabilities): NormalizedQuery {
  const { channel, assigneeId, unassigned } = query;
  const { channels, maxPageSize } = capabilities;
  const page = query.page ?? 1;
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const status = query.status ?? 'all';
  if (!Number.isInteger(page) || page < 1) throw new InboxError('invalid_input', `Page must be a whole number from 1 up, got ${String(page)}.`);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxPageSize) throw new InboxError('invalid_input', `Limit must be a whole number from 1 to ${maxPageSize}, got ${String(limit)}.`);
  const refuse = (what: string) => new InboxError('unsupported', `This backend cannot filter ${what}.`);
  if (status !== 'all' && !capabilities.statuses.includes(status)) throw refuse(`by status "${status}"`);
  // A backend with one channel takes a filter by it: every conversation matches.
  if (channel !== undefined && (!channels.includes(channel) || (!capabilities.channelFilter && channels.length !== 1))) throw refuse(`by channel "${channel}"`);
  if (unassigned && !capabilities.unassignedFilter) throw refuse('to unassigned conversations');
  if (unassigned && assigneeId) throw new InboxError('invalid_input', 'A query cannot ask for unassigned conversations and an assignee at once.');
  if (assigneeId && !capabilities.assigneeFilter) throw refuse('by assignee');
  // Only the filters given: an absent one is left out, not set to undefined.
  return { page, limit, status, ...(channel !== undefined && { channel }), ...(unassigned && { unassigned: true }), ...(assigneeId && { assigneeId }) };
}

/**
 * Whether more pages follow: never past `ceil(total / limit)` pages, and
 * never after an empty page (`rows` is how many this page held), so a total
 * that overstates what is there cannot make paging run on forever.
 */
export function computeHasNext(page: number, limit: number, total: number, rows?: number): boolean {
  if (rows === 0) return false;
  return page < Math.ceil(total / limit);
}
