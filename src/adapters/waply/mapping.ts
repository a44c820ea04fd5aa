import type { Assignee, Conversation, ConversationPage, ConversationUpdate, Message, Note } from '../../core/types.js';
import type { NormalizedQuery } from '../../core/query.js';
import { known, reader, toPage } from '../http/validate.js';
import { WAPLY_CAPABILITIES } from './capabilities.js';

// Pure mappers between the Waply REST API (snake_case, no envelope) and the domain.
// The statuses and channels Waply has are exactly those its capabilities list.

const { fail, read, listOf, pick } = /* @__PURE__ */ reader('Waply API');

function mapAssignee(value: unknown, path: string): Assignee | null {
  if (value === undefined || value === null) return null;
  const wire = read(value, path, 'object');
  const type = wire.type === undefined ? 'user' : wire.type;
  if (type !== 'user' && type !== 'team') return fail(`${path}.type`, '"user" or "team"', type);
  return { type, ...pick(wire, path, { id: 'id', name: 'string?', email: 'string?' }) };
}

/** A message; its `conversationId`, where the wire leaves it out, is filled in by `mapConversation`. */
function mapMessage(value: unknown, path: string) {
  return {
    type: 'text',
    text: '',
    ...pick(value, path, {
      id: 'id',
      conversationId: ['conversation_id', 'string?'],
      direction: 'direction',
      type: 'string?',
      text: ['content', 'string?'],
      createdAt: ['created_at', 'time'],
      status: 'string?',
    }),
  };
}

/** One wire conversation → `Conversation`. `contact` is filled in later by the adapter when the host resolves contacts. */
export function mapConversation(value: unknown, path = ''): Conversation {
  const wire = pick(value, path, {
    id: 'id',
    contactId: ['contact_id', 'string'],
    channel: 'string',
    status: 'string',
    assignee: ['assigned_to', mapAssignee],
    createdAt: ['created_at', 'time'],
    updatedAt: ['updated_at', 'time'],
    messages: (messages, at) => (messages === undefined || messages === null ? [] : listOf(mapMessage)(messages, at)),
  });
  const messages: Message[] = wire.messages.map((message) => ({ conversationId: wire.id, ...message }));
  const last = messages.at(-1);
  return {
    ...wire,
    contact: null,
    ...known('channel', wire.channel, WAPLY_CAPABILITIES.channels),
    ...known('status', wire.status, WAPLY_CAPABILITIES.statuses),
    lastMessage: last ? { text: last.text, timestamp: last.createdAt, direction: last.direction } : null,
    messages,
    // Waply reports no unread counts and has no AI handling.
    unreadCount: null,
    aiHandling: false,
    labels: [],
    metadata: {},
    closedAt: null,
    closedBy: null,
  };
}

/** `GET /conversations` answer `{ data, total, page }` → `ConversationPage`; `hasNext` is computed. */
export function mapListResponse(body: unknown, query: NormalizedQuery): ConversationPage {
  return toPage(pick(body, '', { conversations: ['data', listOf(mapConversation)], total: 'total', page: 'page?' }), query);
}

/**
 * An assign/resolve answer (the full conversation object) → `ConversationUpdate`.
 * The spec's answers carry `messages: []` even for a conversation with history,
 * so an empty list is not reported as "no messages"; and Waply sends no contact,
 * unread count or close details, so those are left out rather than blanked.
 */
export function mapMutationResponse(body: unknown): ConversationUpdate {
  const { contact: _contact, unreadCount: _unread, aiHandling: _ai, labels: _labels, metadata: _metadata, closedAt: _at, closedBy: _by, messages, lastMessage, ...update } =
    mapConversation(body);
  return messages?.length ? { ...update, messages, lastMessage } : update;
}

/** `POST /conversations/:id/notes` answer → `Note`. */
export function mapNoteResponse(body: unknown, conversationId: string): Note {
  return { conversationId, ...pick(body, '', { id: 'id', conversationId: ['conversation_id', 'string?'], content: 'string', createdAt: ['created_at', 'time'] }) };
}
