import { MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from '../../core/query.js';
import { CHANNELS } from '../../core/types.js';
import type { Channel, ConversationPage, ConversationQuery } from '../../core/types.js';
import { badRequest, completeConversation, intParam, requiredString, stringParam } from './api.js';
import type { MockApi, RouteContext } from './api.js';
import { toWaplyConversation, toWaplyNote } from './wire.js';

const WAPLY_STATUSES = ['open', 'resolved', 'all'] as const;

/**
 * Waply's `open` is every unresolved conversation. A backend that also knows
 * `ai_handling` and `escalated` cannot filter by that union, so gather every
 * page and slice here; a backend with only open/resolved filters directly.
 */
async function listOpen(ctx: RouteContext, query: ConversationQuery & { page: number; limit: number }): Promise<ConversationPage> {
  const { backend, signal } = ctx;
  if (!backend.capabilities.statuses.some((s) => s === 'ai_handling' || s === 'escalated')) {
    return backend.listConversations({ ...query, status: 'open' }, { signal });
  }
  const open = [];
  for (let page = 1; ; page++) {
    const chunk = await backend.listConversations({ ...query, status: 'all', page, limit: backend.capabilities.maxPageSize }, { signal });
    open.push(...chunk.conversations.filter((c) => c.status !== 'resolved'));
    if (!chunk.hasNext || chunk.conversations.length === 0) break;
  }
  const start = (query.page - 1) * query.limit;
  const conversations = open.slice(start, start + query.limit);
  return { conversations, total: open.length, page: query.page, limit: query.limit, hasNext: start + query.limit < open.length };
}

/** `GET /conversations` and friends, as `specs/waply-api.md` reads; served with or without a `/v1` prefix. */
export const waplyApi: MockApi = {
  match(segments) {
    const rest = segments[0] === 'v1' ? segments.slice(1) : segments;
    return rest[0] === 'conversations' ? rest.slice(1) : null;
  },
  actions: ['assign', 'resolve', 'notes'],
  ok: (data) => data,
  // The Waply spec shows no error body; the mock answers `{ error: { message } }`.
  error: (message) => ({ error: { message } }),

  async list(ctx) {
    const status = stringParam(ctx.params, 'status') ?? 'open';
    if (!(WAPLY_STATUSES as readonly string[]).includes(status)) throw badRequest('status must be one of open, resolved, all');
    const query = { page: intParam(ctx.params, 'page', 1), limit: intParam(ctx.params, 'limit', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE) };
    const filters: ConversationQuery = {};
    const channel = stringParam(ctx.params, 'channel');
    if (channel !== undefined) {
      if (!(CHANNELS as readonly string[]).includes(channel)) throw badRequest('channel must be one of whatsapp, instagram, messenger, webchat');
      filters.channel = channel as Channel;
    }
    const assignedTo = stringParam(ctx.params, 'assigned_to');
    if (assignedTo !== undefined) filters.assigneeId = assignedTo;
    const page =
      status === 'open'
        ? await listOpen(ctx, { ...filters, ...query })
        : await ctx.backend.listConversations({ ...filters, ...query, status: status === 'resolved' ? 'resolved' : 'all' }, { signal: ctx.signal });
    return { data: page.conversations.map((c) => toWaplyConversation(c)), total: page.total, page: page.page };
  },

  async get(ctx, id) {
    return toWaplyConversation(await ctx.backend.getConversation(id, { signal: ctx.signal }), true);
  },

  async action(ctx, id, action, body) {
    const { backend, signal } = ctx;
    if (action === 'notes') {
      const content = body.content;
      if (typeof content !== 'string' || content.trim() === '') throw badRequest('content is required and must not be empty');
      return toWaplyNote(await backend.addNote(id, content, { signal }));
    }
    if (action === 'resolve') {
      return toWaplyConversation(await completeConversation(ctx, await backend.resolveConversation(id, { signal })));
    }
    if ((body.user_id === undefined) === (body.team_id === undefined)) throw badRequest('Provide either user_id or team_id, not both');
    const assignee = body.user_id !== undefined ? { type: 'user' as const, id: requiredString(body, 'user_id') } : { type: 'team' as const, id: requiredString(body, 'team_id') };
    return toWaplyConversation(await completeConversation(ctx, await backend.assignConversation(id, assignee, { signal })));
  },
};
