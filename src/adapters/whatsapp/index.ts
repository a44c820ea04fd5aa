import { InboxError } from '../../core/errors.js';
import { assertValidId } from '../../core/ids.js';
import { normalizeQuery } from '../../core/query.js';
import type { ConversationsAdapter } from '../../core/types.js';
import { createTransport } from '../http/transport.js';
import type { HeadersInput, HttpAdapterOptions } from '../http/transport.js';
import { readErrorText } from '../http/validate.js';
import { WHATSAPP_CAPABILITIES as CAPABILITIES } from './capabilities.js';
import { mapGetResponse, mapListResponse, mapPartialResponse, statusToWire } from './mapping.js';

/** Options of `createWhatsAppAdapter`. */
export interface WhatsAppAdapterOptions extends HttpAdapterOptions {
  /** The API origin (and any prefix) before `/api/whatsapp/conversations`, e.g. `https://example.com`. Required. */
  baseUrl: string;
  /**
   * Auth and other headers for every request: an object, or a (possibly async)
   * function returning one, run under the request's timeout and signal. The
   * spec names no auth header, so the host supplies it. Default none: for a
   * same-origin proxy that authenticates by cookie (a 401 is `unauthorized`).
   */
  headers?: HeadersInput | undefined;
}


/** An adapter for the WhatsApp Business conversations REST API. */
export function createWhatsAppAdapter(options: WhatsAppAdapterOptions): ConversationsAdapter {
  if (!options || typeof options.baseUrl !== 'string' || options.baseUrl === '') {
    throw new InboxError('invalid_input', 'createWhatsAppAdapter: "baseUrl" is required.');
  }
  if (options.headers !== undefined && options.headers !== null && typeof options.headers !== 'object' && typeof options.headers !== 'function') {
    throw new InboxError('invalid_input', 'createWhatsAppAdapter: "headers" must be an object or a function returning one.');
  }
  const transport = createTransport({
    ...options,
    headers: options.headers ?? undefined,
    apiName: 'WhatsApp API',
    baseUrl: `${options.baseUrl.replace(/\/+$/, '')}/api/whatsapp`,
    readErrorText,
  });

  return {
    flavour: 'whatsapp',
    capabilities: CAPABILITIES,

    async listConversations(query, { signal } = {}) {
      const q = normalizeQuery(query, CAPABILITIES);
      const body = await transport.request({
        method: 'GET',
        path: ['conversations'],
        query: {
          page: q.page,
          limit: q.limit,
          // No status in the query means every status: send no filter at all.
          status: q.status === 'all' ? undefined : statusToWire(q.status),
          assignee: q.assigneeId,
        },
        signal,
      });
      return mapListResponse(body, q);
    },

    async getConversation(id, { signal } = {}) {
      assertValidId(id);
      return mapGetResponse(await transport.request({ method: 'GET', path: ['conversations', id], signal }));
    },

    async assignConversation(id, assignee, { signal } = {}) {
      assertValidId(id);
      if (assignee?.type !== 'user') {
        throw new InboxError('unsupported', 'The WhatsApp API can assign conversations to users only, not to teams.');
      }
      assertValidId(assignee.id, 'user');
      const body = await transport.request({ method: 'POST', path: ['conversations', id, 'assign'], body: { userId: assignee.id }, signal });
      return mapPartialResponse(body);
    },

    async resolveConversation(id, { resolution, signal } = {}) {
      assertValidId(id);
      const body = await transport.request({
        method: 'POST',
        path: ['conversations', id, 'close'],
        body: resolution === undefined ? {} : { resolution },
        signal,
      });
      return mapPartialResponse(body);
    },

    async addNote() {
      throw new InboxError('unsupported', 'The WhatsApp API has no internal notes.');
    },
  };
}
