import { InboxError } from '../../core/errors.js';
import { MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from '../../core/query.js';
import type { Conversation, ConversationQuery } from '../../core/types.js';
import { badRequest, completeConversation, intParam, requiredString, stringParam } from './api.js';
import type { MockApi, RouteContext } from './api.js';
import { toWhatsAppAssign, toWhatsAppClose, toWhatsAppConversation, toWhatsAppConversationDetail, whatsAppStatusToDomain } from './wire.js';

const PREFIX = ['api', 'whatsapp', 'conversations'];

/** This API serves WhatsApp conversations only; other channels of a shared backend do not exist here. */
function notHere(): InboxError {
  return new InboxError('not_found', 'Conversation not found');
}

async function getWhatsAppConversation(ctx: RouteContext, id: string): Promise<Conversation> {
  const conversation = await ctx.backend.getConversation(id, { signal: ctx.signal });
  if (conversation.channel !== 'whatsapp') throw notHere();
  return conversation;
}

/** Checks the channel before a mutation, skipped when the backend has no other channel. */
async function assertWhatsApp(ctx: RouteContext, id: string): Promise<void> {
  if (ctx.backend.capabilities.channels.some((channel) => channel !== 'whatsapp')) await getWhatsAppConversation(ctx, id);
}

/** `GET /api/whatsapp/conversations` and friends, as `specs/whatsapp-business-api.md` reads. */
export const whatsAppApi: MockApi = {
  match(segments) {
    return PREFIX.every((part, i) => segments[i] === part) ? segments.slice(PREFIX.length) : null;
  },
  actions: ['close', 'assign'],
  ok: (data) => ({ success: true, data }),
  error: (message) => ({ success: false, error: message }),

  async list(ctx) {
    const query: ConversationQuery = {
      page: intParam(ctx.params, 'page', 1),
      limit: intParam(ctx.params, 'limit', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
      status: 'all',
      channel: 'whatsapp',
    };
    const status = stringParam(ctx.params, 'status');
    if (status !== undefined) {
      query.status = whatsAppStatusToDomain(status);
      if (query.status === undefined) throw badRequest('status must be one of open, closed, ai_handling, escalated');
    }
    const assignee = stringParam(ctx.params, 'assignee');
    if (assignee !== undefined) query.assigneeId = assignee;
    const page = await ctx.backend.listConversations(query, { signal: ctx.signal });
    return {
      conversations: page.conversations.map(toWhatsAppConversation),
      total: page.total,
      page: page.page,
      limit: page.limit,
      hasNext: page.hasNext,
    };
  },

  async get(ctx, id) {
    return toWhatsAppConversationDetail(await getWhatsAppConversation(ctx, id));
  },

  async action(ctx, id, action, body) {
    if (action === 'close') {
      const resolution = body.resolution;
      if (resolution !== undefined && typeof resolution !== 'string') throw badRequest('resolution must be a string');
      await assertWhatsApp(ctx, id);
      const options = { signal: ctx.signal, ...(resolution !== undefined && ctx.backend.capabilities.resolution ? { resolution } : {}) };
      const update = await ctx.backend.resolveConversation(id, options);
      return toWhatsAppClose(await completeConversation(ctx, update));
    }
    const userId = requiredString(body, 'userId');
    await assertWhatsApp(ctx, id);
    const update = await ctx.backend.assignConversation(id, { type: 'user', id: userId }, { signal: ctx.signal });
    return toWhatsAppAssign(await completeConversation(ctx, update));
  },
};
