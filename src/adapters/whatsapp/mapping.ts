import type { Assignee, Contact, Conversation, ConversationPage, ConversationStatus, ConversationUpdate, MessagePreview } from '../../core/types.js';
import type { NormalizedQuery } from '../../core/query.js';
import { computeHasNext } from '../../core/query.js';
import { copyJson } from '../../core/json.js';
import { Reader } from '../http/validate.js';

// Pure mappers between the WhatsApp Business conversations API and the domain.

const read = new Reader('WhatsApp API');

const STATUS_FROM_WIRE: Record<string, ConversationStatus> = {
  open: 'open',
  ai_handling: 'ai_handling',
  escalated: 'escalated',
  closed: 'resolved',
};

/** Domain status → the API's `status` filter value. */
export function statusToWire(status: ConversationStatus): string {
  return status === 'resolved' ? 'closed' : status;
}

function mapStatus(value: unknown, path: string): Pick<Conversation, 'status' | 'rawStatus'> {
  const raw = read.string(value, path);
  const status = Object.hasOwn(STATUS_FROM_WIRE, raw) ? STATUS_FROM_WIRE[raw] : undefined;
  // An unknown status stays visible as itself rather than being coerced to `open`.
  return status ? { status } : { status: 'unknown', rawStatus: raw };
}

function mapChannel(value: unknown, path: string): Pick<Conversation, 'channel' | 'rawChannel'> {
  if (value === undefined || value === null) return { channel: 'whatsapp' };
  const raw = read.string(value, path);
  return raw === 'whatsapp' ? { channel: 'whatsapp' } : { channel: 'unknown', rawChannel: raw };
}

function mapContact(value: unknown, path: string): Contact | null {
  if (value === undefined || value === null) return null;
  const wire = read.object(value, path);
  const contact: Contact = {
    id: read.string(wire.id, `${path}.id`),
    name: read.optionalString(wire.name, `${path}.name`) ?? '',
  };
  const phone = read.optionalString(wire.phone, `${path}.phone`);
  if (phone !== undefined) contact.phone = phone;
  const email = read.optionalString(wire.email, `${path}.email`);
  if (email !== undefined) contact.email = email;
  const avatar = read.optionalString(wire.avatar, `${path}.avatar`);
  if (avatar !== undefined) contact.avatarUrl = avatar;
  if (wire.labels !== undefined && wire.labels !== null) contact.labels = read.stringArray(wire.labels, `${path}.labels`);
  return contact;
}

/** `assigneeId` and the optional `assignee` object → a user `Assignee`, or null. */
function mapAssignee(wire: Record<string, unknown>, path: string): Assignee | null {
  const id = read.optionalString(wire.assigneeId, `${path}.assigneeId`);
  const details = wire.assignee === undefined || wire.assignee === null ? undefined : read.object(wire.assignee, `${path}.assignee`);
  const detailsId = details ? read.optionalString(details.id, `${path}.assignee.id`) : undefined;
  const assigneeId = id ?? detailsId;
  if (assigneeId === undefined) return null;
  const assignee: Assignee = { type: 'user', id: assigneeId };
  if (details && (detailsId === undefined || detailsId === assigneeId)) {
    const name = read.optionalString(details.name, `${path}.assignee.name`);
    if (name !== undefined) assignee.name = name;
    const email = read.optionalString(details.email, `${path}.assignee.email`);
    if (email !== undefined) assignee.email = email;
  }
  return assignee;
}

function mapPreview(value: unknown, path: string): MessagePreview | null {
  if (value === undefined || value === null) return null;
  const wire = read.object(value, path);
  return {
    text: read.optionalString(wire.text, `${path}.text`) ?? '',
    timestamp: read.timestamp(wire.timestamp, `${path}.timestamp`),
    direction: read.direction(wire.direction, `${path}.direction`),
  };
}

function mapMetadata(value: unknown, path: string): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  // Free-form: copied deep, without keys that could become a prototype.
  return copyJson(read.object(value, path));
}

/** One wire conversation (list item or single GET) → `Conversation`. */
export function mapConversation(value: unknown, path = 'data'): Conversation {
  const wire = read.object(value, path);
  const contact = mapContact(wire.contact, `${path}.contact`);
  const status = mapStatus(wire.status, `${path}.status`);
  const aiHandling = read.optionalBoolean(wire.aiHandling, `${path}.aiHandling`);
  return {
    id: read.nonEmptyString(wire.id, `${path}.id`),
    contactId: read.optionalString(wire.contactId, `${path}.contactId`) ?? contact?.id ?? '',
    contact,
    ...mapChannel(wire.channel, `${path}.channel`),
    ...status,
    assignee: mapAssignee(wire, path),
    lastMessage: mapPreview(wire.lastMessage, `${path}.lastMessage`),
    // This API returns no message history, only the last message.
    messages: null,
    unreadCount: read.optionalNumber(wire.unreadCount, `${path}.unreadCount`) ?? null,
    aiHandling: aiHandling ?? status.status === 'ai_handling',
    labels: wire.labels === undefined || wire.labels === null ? [] : read.stringArray(wire.labels, `${path}.labels`),
    metadata: mapMetadata(wire.metadata, `${path}.metadata`),
    createdAt: read.timestamp(wire.createdAt, `${path}.createdAt`),
    updatedAt: read.timestamp(wire.updatedAt, `${path}.updatedAt`),
    closedAt: read.optionalTimestamp(wire.closedAt, `${path}.closedAt`) ?? null,
    closedBy: read.optionalString(wire.closedBy, `${path}.closedBy`) ?? null,
  };
}

/** Unwraps `{ success: true, data }`, or fails with a message that says what was wrong. */
export function unwrap(body: unknown): unknown {
  const envelope = read.object(body, '');
  if (envelope.success !== true) read.fail('success', 'true', envelope.success);
  if (!('data' in envelope)) read.fail('data', 'present', undefined);
  return envelope.data;
}

/** `GET /conversations` answer → `ConversationPage`. */
export function mapListResponse(body: unknown, query: NormalizedQuery): ConversationPage {
  const data = read.object(unwrap(body), 'data');
  const conversations = read.array(data.conversations, 'data.conversations').map((item, i) => mapConversation(item, `data.conversations[${i}]`));
  const total = read.total(data.total, 'data.total');
  const page = read.optionalPositiveInteger(data.page, 'data.page') ?? query.page;
  const limit = read.optionalPositiveInteger(data.limit, 'data.limit') ?? query.limit;
  // The server's hasNext may end paging early, never extend it past the total or an empty page.
  const hasNext = read.optionalBoolean(data.hasNext, 'data.hasNext') !== false && computeHasNext(page, limit, total, conversations.length);
  return { conversations, total, page, limit, hasNext };
}

/** `GET /conversations/:id` answer → `Conversation`. */
export function mapGetResponse(body: unknown): Conversation {
  return mapConversation(unwrap(body), 'data');
}

/**
 * A partial answer (close, assign) → `ConversationUpdate` holding only the
 * fields the server reported, so merging it never drops cached fields.
 */
export function mapPartialResponse(body: unknown): ConversationUpdate {
  const wire = read.object(unwrap(body), 'data');
  const update: ConversationUpdate = { id: read.nonEmptyString(wire.id, 'data.id') };
  if (wire.status !== undefined) {
    Object.assign(update, mapStatus(wire.status, 'data.status'));
    // Closing stops AI handling (the spec's close description); the answer does not repeat it.
    if (update.status === 'resolved') update.aiHandling = false;
  }
  if ('assigneeId' in wire || 'assignee' in wire) update.assignee = mapAssignee(wire, 'data');
  if (wire.aiHandling !== undefined) update.aiHandling = read.boolean(wire.aiHandling, 'data.aiHandling');
  if (wire.unreadCount !== undefined) update.unreadCount = read.optionalNumber(wire.unreadCount, 'data.unreadCount') ?? null;
  if (wire.updatedAt !== undefined) update.updatedAt = read.timestamp(wire.updatedAt, 'data.updatedAt');
  if (wire.closedAt !== undefined) update.closedAt = read.optionalTimestamp(wire.closedAt, 'data.closedAt') ?? null;
  if (wire.closedBy !== undefined) update.closedBy = read.optionalString(wire.closedBy, 'data.closedBy') ?? null;
  if (wire.lastMessage !== undefined) update.lastMessage = mapPreview(wire.lastMessage, 'data.lastMessage');
  if (wire.contact !== undefined) update.contact = mapContact(wire.contact, 'data.contact');
  return update;
}
