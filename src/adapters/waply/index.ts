import { InboxError } from '../../core/errors.js';
import { assertValidId } from '../../core/ids.js';
import { normalizeQuery } from '../../core/query.js';
import type { Contact, Conversation, ConversationsAdapter } from '../../core/types.js';
import { createTransport } from '../http/transport.js';
import type { HttpAdapterOptions } from '../http/transport.js';
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
  if (typeof options?.apiKey !== 'string' || options.apiKey.trim() === '') {
    throw new InboxError('invalid_input', 'createWaplyAdapter: "apiKey" is required.');
  }
  const request = createTransport({
    ...options,
    apiName: 'Waply API',
    baseUrl: options.baseUrl ?? 'https://api.waply.io/v1',
    headers: { Authorization: `Bearer ${options.apiKey}` },
  });

  const contacts = new Map<string, Promise<Contact | null>>();
  async function withContact(conversation: Conversation): Promise<Conversation> {
    const { resolveContact } = options;
    const id = conversation.contactId;
    if (!resolveContact || !id) return conversation;
    let pending = contacts.get(id);
    if (!pending) {
      pending = Promise.resolve(id)
        .then(resolveContact)
        .then(
          (contact) => contact ?? null,
          () => {
            // A failed look-up is not cached, so a later render can try again.
            contacts.delete(id);
            return null;
          },
        );
      contacts.set(id, pending);
    }
    const contact = await pending;
    return contact ? { ...conversation, contact } : conversation;
  }

  return {
    flavour: 'waply',
    capabilities: CAPABILITIES,

    async listConversations(query, { signal } = {}) {
      const q = normalizeQuery(query, CAPABILITIES);
      // The API defaults to `open`; the domain's default is every status, so say `all`.
      const body = await request('GET', [], signal, { status: q.status, channel: q.channel, assigned_to: q.assigneeId, page: q.page, limit: q.limit });
      const page = mapListResponse(body, q);
      return { ...page, conversations: await Promise.all(page.conversations.map(withContact)) };
    },

    async getConversation(id, { signal } = {}) {
      assertValidId(id);
      return withContact(mapConversation(await request('GET', [id], signal)));
    },

    async assignConversation(id, assignee, { signal } = {}) {
      assertValidId(id);
      if (assignee?.type !== 'user' && assignee?.type !== 'team') {
        throw new InboxError('invalid_input', 'An assignee must be a user or a team.');
      }
      assertValidId(assignee.id, assignee.type);
      // The API takes exactly one of user_id and team_id.
      return mapMutationResponse(await request('POST', [id, 'assign'], signal, { [`${assignee.type}_id`]: assignee.id }));
    },

    async resolveConversation(id, { signal } = {}) {
      assertValidId(id);
      return mapMutationResponse(await request('POST', [id, 'resolve'], signal));
    },

    async addNote(id, content, { signal } = {}) {
      assertValidId(id);
      if (typeof content !== 'string' || content.trim() === '') {
        throw new InboxError('invalid_input', 'A note cannot be empty.');
      }
      return mapNoteResponse(await request('POST', [id, 'notes'], signal, { content }), id);
    },
  };
}
