import { InboxError, isInboxError } from '../../core/errors.js';
import { assertValidId } from '../../core/ids.js';
import { normalizeQuery } from '../../core/query.js';
import type { ConversationsAdapter } from '../../core/types.js';
import { createTransport } from '../http/transport.js';
import type { HeadersInput, HttpAdapterOptions } from '../http/transport.js';
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

/**
 * The host's headers function, its failure made an `InboxError`: `unauthorized` when it says so,
 * else `network` (retried like one); an `InboxError` it throws is kept as it is.
 */
function guarded(input: HeadersInput): HeadersInput {
  if (typeof input !== 'function') return input;
  return async () => {
    try {
      return await input();
    } catch (error) {
      if (isInboxError(error)) throw error;
      const { name, code, status } = Object(error) as Record<string, unknown>;
      const reason = String((error as { message?: unknown | undefined } | null)?.message ?? error);
      const unauthorized = /unauthori[sz]ed|unauthenticated|\b401\b/i.test(`${reason} ${String(name)} ${String(code)} ${String(status)}`);
      throw new InboxError(unauthorized ? 'unauthorized' : 'network', `WhatsApp API: headers() failed: ${reason || 'no reason given'}.`, { cause: error });
    }
  };
}

/** An adapter for the WhatsApp Business conversations REST API. */
export function createWhatsAppAdapter(options: WhatsAppAdapterOptions): ConversationsAdapter {
  if (typeof options?.baseUrl !== 'string' || options.baseUrl === '') {
    throw new InboxError('invalid_input', 'createWhatsAppAdapter: "baseUrl" is required.');
  }
  const { headers } = options;
  if (headers != null && typeof headers !== 'object' && typeof headers !== 'function') {
    throw new InboxError('invalid_input', 'createWhatsAppAdapter: "headers" must be an object or a function returning one.');
  }
  const request = createTransport({
    ...options,
    headers: headers == null ? undefined : guarded(headers),
    apiName: 'WhatsApp API',
    baseUrl: `${options.baseUrl.replace(/\/+$/, '')}/api/whatsapp`,
  });

  return {
    flavour: 'whatsapp',
    capabilities: CAPABILITIES,

    async listConversations(query, { signal } = {}) {
      const q = normalizeQuery(query, CAPABILITIES);
      // No status in the query means every status: send no filter at all.
      const body = await request('GET', [], signal, { page: q.page, limit: q.limit, status: q.status === 'all' ? undefined : statusToWire(q.status), assignee: q.assigneeId });
      return mapListResponse(body, q);
    },

    async getConversation(id, { signal } = {}) {
      assertValidId(id);
      return mapGetResponse(await request('GET', [id], signal));
    },

    async assignConversation(id, assignee, { signal } = {}) {
      assertValidId(id);
      if (assignee?.type !== 'user') {
        throw new InboxError('unsupported', 'The WhatsApp API can assign conversations to users only, not to teams.');
      }
      assertValidId(assignee.id, 'user');
      return mapPartialResponse(await request('POST', [id, 'assign'], signal, { userId: assignee.id }));
    },

    async resolveConversation(id, { resolution, signal } = {}) {
      assertValidId(id);
      return mapPartialResponse(await request('POST', [id, 'close'], signal, resolution === undefined ? {} : { resolution }));
    },

    async addNote() {
      throw new InboxError('unsupported', 'The WhatsApp API has no internal notes.');
    },
  };
}
