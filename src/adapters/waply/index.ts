import { InboxError } from '../../core/errors.js';
import { assertValidId } from '../../core/ids.js';
import { normalizeQuery } from '../../core/query.js';
import type { Contact, Conversation, ConversationsAdapter } from '../../core/types.js';
import { createTransport } from '../http/transport.js';
import type { HttpAdapterOptions } from '../http/transport.js';
import { readErrorText } from '../http/validate.js';
import { WAPLY_CAPABILITIES as CAPABILITIES } from './capabilities.js';
import { mapConversation, mapListResponse, mapMutationResponse, mapNoteResponse } from './mapping.js';

/** Options of `createWaplyAdapter`. */
export interface WaplyAdapterOptions extends HttpAdapterOptions {
  /** The API key, sent as `Authorization: Bearer <apiKey>`. Required. Keep it server-side: point `baseUrl` at a proxy in browsers. */
  apiKey: string;
  /** Default `https://api.waply.io/v1`. */
  baseUrl?: string | undefined;
  /**
   * Looks up a contact by id: Waply conversations carry only `contact_id`.
   * Results are cached and concurrent look-ups de-duplicated. Without it
   * (or when it fails) `contact` stays `null` and the UI shows a fallback.
   */
  resolveContact?: ((contactId: string) => Contact | null | undefined | Promise<Contact | null | undefined>) | undefined;
}


/** An adapter for the Waply multi-channel REST API. */
export function createWaplyAdapter(options: WaplyAdapterOptions): ConversationsAdapter {
  if (!options || typeof options.apiKey !== 'string' || options.apiKey.trim() === '') {
    throw new InboxError('invalid_input', 'createWaplyAdapter: "apiKey" is required.');
  }
  const transport = createTransport({
    ...options,
    apiName: 'Waply API',
    baseUrl: options.baseUrl ?? 'https://api.waply.io/v1',
    headers: { Authorization: `Bearer ${options.apiKey}` },
    readErrorText,
  });

  const contacts = new Map<string, Promise<Contact | null>>();
  function lookUpContact(contactId: string): Promise<Contact | null> {
    const resolveContact = options.resolveContact;
    if (!resolveContact || !contactId) return Promise.resolve(null);
    let pending = contacts.get(contactId);
    if (!pending) {
      pending = Promise.resolve()
        .then(() => resolveContact(contactId))
        .then((contact) => contact ?? null)
        .catch(() => {
          // A failed look-up is not cached, so a later render can try again.
          contacts.delete(contactId);
          return null;
        });
      contacts.set(contactId, pending);
    }
    return pending;
  }
  async function withContact(conversation: Conversation): Promise<Conversation> {
    const contact = await lookUpContact(conversation.contactId);
    return contact ? { ...conversation, contact } : conversation;
  }

  return {
    flavour: 'waply',
    capabilities: CAPABILITIES,

    async listConversations(query, { signal } = {}) {
      const q = normalizeQuery(query, CAPABILITIES);
      const body = await transport.request({
        method: 'GET',
        path: ['conversations'],
        query: {
          // The API defaults to `open`; the domain's default is every status, so say `all`.
          status: q.status,
          channel: q.channel,
          assigned_to: q.assigneeId,
          page: q.page,
          limit: q.limit,
        },
        signal,
      });
      const page = mapListResponse(body, q);
      return { ...page, conversations: await Promise.all(page.conversations.map(withContact)) };
    },

    async getConversation(id, { signal } = {}) {
      assertValidId(id);
      const body = await transport.request({ method: 'GET', path: ['conversations', id], signal });
      return withContact(mapConversation(body));
    },

    async assignConversation(id, assignee, { signal } = {}) {
      assertValidId(id);
      if (assignee?.type !== 'user' && assignee?.type !== 'team') {
        throw new InboxError('invalid_input', 'An assignee must be a user or a team.');
      }
      assertValidId(assignee.id, assignee.type);
      // The API takes exactly one of user_id and team_id.
      const body = assignee.type === 'user' ? { user_id: assignee.id } : { team_id: assignee.id };
      return mapMutationResponse(await transport.request({ method: 'POST', path: ['conversations', id, 'assign'], body, signal }));
    },

    async resolveConversation(id, { signal } = {}) {
      assertValidId(id);
      return mapMutationResponse(await transport.request({ method: 'POST', path: ['conversations', id, 'resolve'], signal }));
    },

    async addNote(id, content, { signal } = {}) {
      assertValidId(id);
      if (typeof content !== 'string' || content.trim() === '') {
        throw new InboxError('invalid_input', 'A note cannot be empty.');
      }
      const body = await transport.request({ method: 'POST', path: ['conversations', id, 'notes'], body: { content }, signal });
      return mapNoteResponse(body, id);
    },
  };
}
