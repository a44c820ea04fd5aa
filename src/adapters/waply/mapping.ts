import type { Assignee, Conversation, ConversationPage, ConversationStatus, ConversationUpdate, Message, Note, Channel } from '../../core/types.js';
import { CHANNELS } from '../../core/types.js';
import type { NormalizedQuery } from '../../core/query.js';
import { computeHasNext } from '../../core/query.js';
import { Reader } from '../http/validate.js';

// Pure mappers between the Waply REST API (snake_case, no envelope) and the domain.

const read = new Reader('Waply API');

const STATUSES: Record<string, ConversationStatus> = { open: 'open', resolved: 'resolved' };

function mapStatus(value: unknown, path: string): Pick<Conversation, 'status' | 'rawStatus'> {
  const raw = read.string(value, path);
  const status = Object.hasOwn(STATUSES, raw) ? STATUSES[raw] : undefined;
  // An unknown status stays visible as itself rather than being coerced to `open`.
  return status ? { status } : { status: 'unknown', rawStatus: raw };
}

function mapChannel(value: unknown, path: string): Pick<Conversation, 'channel' | 'rawChannel'> {
  const raw = read.string(value, path);
  return (CHANNELS as readonly string[]).includes(raw) ? { channel: raw as Channel } : { channel: 'unknown', rawChannel: raw };
}

function mapAssignee(value: unknown, path: string): Assignee | null {
  if (value === undefined || value === null) return null;
  const wire = read.object(value, path);
  const type: unknown = wire.type === undefined ? 'user' : wire.type;
  if (type !== 'user' && type !== 'team') return read.fail(`${path}.type`, '"user" or "team"', type);
  const assignee: Assignee = { type, id: read.nonEmptyString(wire.id, `${path}.id`) };
  const name = read.optionalString(wire.name, `${path}.name`);
  if (name !== undefined) assignee.name = name;
  const email = read.optionalString(wire.email, `${path}.email`);
  if (email !== undefined) assignee.email = email;
  return assignee;
}

function mapMessage(value: unknown, path: string, conversationId: string): Message {
  const wire = read.object(value, path);
  const message: Message = {
    id: read.nonEmptyString(wire.id, `${path}.id`),
    conversationId: read.optionalString(wire.conversation_id, `${path}.conversation_id`) ?? conversationId,
    direction: read.direction(wire.direction, `${path}.direction`),
    type: read.optionalString(wire.type, `${path}.type`) ?? 'text',
    text: read.optionalString(wire.content, `${path}.content`) ?? '',
    createdAt: read.timestamp(wire.created_at, `${path}.created_at`),
  };
  const status = read.optionalString(wire.status, `${path}.status`);
  if (status !== undefined) message.status = status;
  return message;
}

/** One wire conversation → `Conversation`. `contact` is filled in later by the adapter when the host resolves contacts. */
export function mapConversation(value: unknown, path = ''): Conversation {
  const wire = read.object(value, path);
  const id = read.nonEmptyString(wire.id, `${path ? `${path}.` : ''}id`);
  const at = (key: string) => (path ? `${path}.${key}` : key);
  const messages = wire.messages === undefined || wire.messages === null ? [] : read.array(wire.messages, at('messages')).map((m, i) => mapMessage(m, `${at('messages')}[${i}]`, id));
  const last = messages[messages.length - 1];
  return {
    id,
    contactId: read.string(wire.contact_id, at('contact_id')),
    contact: null,
    ...mapChannel(wire.channel, at('channel')),
    ...mapStatus(wire.status, at('status')),
    assignee: mapAssignee(wire.assigned_to, at('assigned_to')),
    lastMessage: last ? { text: last.text, timestamp: last.createdAt, direction: last.direction } : null,
    messages,
    // Waply reports no unread counts and has no AI handling.
    unreadCount: null,
    aiHandling: false,
    labels: [],
    metadata: {},
    createdAt: read.timestamp(wire.created_at, at('created_at')),
    updatedAt: read.timestamp(wire.updated_at, at('updated_at')),
    closedAt: null,
    closedBy: null,
  };
}

/** `GET /conversations` answer `{ data, total, page }` → `ConversationPage`; `hasNext` is computed. */
export function mapListResponse(body: unknown, query: NormalizedQuery): ConversationPage {
  const wire = read.object(body, '');
  const conversations = read.array(wire.data, 'data').map((item, i) => mapConversation(item, `data[${i}]`));
  const total = read.total(wire.total, 'total');
  const page = read.optionalPositiveInteger(wire.page, 'page') ?? query.page;
  return { conversations, total, page, limit: query.limit, hasNext: computeHasNext(page, query.limit, total, conversations.length) };
}

/**
 * An assign/resolve answer (the full conversation object) → `ConversationUpdate`.
 * The spec's answers carry `messages: []` even for a conversation with history,
 * so an empty list is not reported as "no messages"; and Waply sends no contact,
 * unread count or close details, so those are left out rather than blanked.
 */
export function mapMutationResponse(body: unknown): ConversationUpdate {
  const conversation = mapConversation(body);
  const update: ConversationUpdate = {
    id: conversation.id,
    contactId: conversation.contactId,
    channel: conversation.channel,
    status: conversation.status,
    assignee: conversation.assignee,
    createdAt: conversation.createdAt,
    updatedAt: conversation.updatedAt,
  };
  if (conversation.rawStatus !== undefined) update.rawStatus = conversation.rawStatus;
  if (conversation.rawChannel !== undefined) update.rawChannel = conversation.rawChannel;
  if (conversation.messages && conversation.messages.length > 0) {
    update.messages = conversation.messages;
    update.lastMessage = conversation.lastMessage;
  }
  return update;
}

/** `POST /conversations/:id/notes` answer → `Note`. */
export function mapNoteResponse(body: unknown, conversationId: string): Note {
  const wire = read.object(body, '');
  return {
    id: read.nonEmptyString(wire.id, 'id'),
    conversationId: read.optionalString(wire.conversation_id, 'conversation_id') ?? conversationId,
    content: read.string(wire.content, 'content'),
    createdAt: read.timestamp(wire.created_at, 'created_at'),
  };
}
