import type { Assignee, Contact, Conversation, ConversationPage, ConversationStatus, ConversationUpdate, MessagePreview } from '../../core/types.js';
import type { NormalizedQuery } from '../../core/query.js';
import { copyJson } from '../../core/json.js';
import { known, reader, toPage } from '../http/validate.js';
import { WHATSAPP_CAPABILITIES } from './capabilities.js';

// Pure mappers between the WhatsApp Business conversations API and the domain.
// The statuses and channel it has are those its capabilities list, `resolved` being `closed` on the wire.

const { fail, read, listOf, pick } = /* @__PURE__ */ reader('WhatsApp API');

/** Domain status → the API's `status` filter value. */
export function statusToWire(status: ConversationStatus | string): string {
  return status === 'resolved' ? 'closed' : status;
}

/** Labels: a list of strings, or absent (`undefined`, so `pick` leaves it out). */
const mapLabels = (value: unknown, path: string) => (value === undefined || value === null ? undefined : listOf((label, at) => read(label, at, 'string'))(value, path));

const mapStatus = (value: unknown, path: string) => known('status', read(value, path, 'string'), WHATSAPP_CAPABILITIES.statuses, statusToWire);

function mapContact(value: unknown, path: string): Contact | null {
  if (value === undefined || value === null) return null;
  return { name: '', ...pick(value, path, { id: 'string', name: 'string?', phone: 'string?', email: 'string?', avatarUrl: ['avatar', 'string?'], labels: mapLabels }) };
}

/** `assigneeId` and the optional `assignee` object → a user `Assignee`, or null. */
function mapAssignee(wire: Record<string, unknown>, path: string): Assignee | null {
  const id = read(wire.assigneeId, `${path}.assigneeId`, 'string?');
  const details = read(wire.assignee, `${path}.assignee`, 'object?');
  const detailsId = details && read(details.id, `${path}.assignee.id`, 'string?');
  const assigneeId = id ?? detailsId;
  if (assigneeId === undefined) return null;
  // The details are of the same user, or not used.
  const named = details && (detailsId === undefined || detailsId === assigneeId) ? pick(details, `${path}.assignee`, { name: 'string?', email: 'string?' }) : {};
  return { type: 'user', id: assigneeId, ...named };
}

function mapPreview(value: unknown, path: string): MessagePreview | null {
  if (value === undefined || value === null) return null;
  return { text: '', ...pick(value, path, { text: 'string?', timestamp: 'time', direction: 'direction' }) };
}

// Free-form: copied deep, without keys that could become a prototype.
const mapMetadata = (value: unknown, path: string): Record<string, unknown> => copyJson(read(value, path, 'object?') ?? {});

/** One wire conversation (list item or single GET) → `Conversation`. */
export function mapConversation(value: unknown, path = 'data'): Conversation {
  const wire = read(value, path, 'object');
  const fields = pick(wire, path, {
    id: 'id',
    contact: mapContact,
    status: mapStatus,
    contactId: 'string?',
    channel: 'string?',
    lastMessage: mapPreview,
    unreadCount: 'number?',
    aiHandling: 'boolean?',
    labels: mapLabels,
    metadata: mapMetadata,
    createdAt: 'time',
    updatedAt: 'time',
    closedAt: 'time?',
    closedBy: 'string?',
  });
  const { status } = fields;
  return {
    contactId: fields.contact?.id ?? '',
    aiHandling: status.status === 'ai_handling',
    unreadCount: null,
    labels: [],
    closedAt: null,
    closedBy: null,
    ...fields,
    ...status,
    ...known('channel', fields.channel ?? 'whatsapp', WHATSAPP_CAPABILITIES.channels),
    assignee: mapAssignee(wire, path),
    // This API returns no message history, only the last message.
    messages: null,
  };
}

/** Unwraps `{ success: true, data }`, or fails with a message that says what was wrong. */
export function unwrap(body: unknown): unknown {
  const envelope = read(body, '', 'object');
  if (envelope.success !== true) fail('success', 'true', envelope.success);
  if (!('data' in envelope)) fail('data', 'present', undefined);
  return envelope.data;
}

/** `GET /conversations` answer → `ConversationPage`. */
export function mapListResponse(body: unknown, query: NormalizedQuery): ConversationPage {
  return toPage(pick(unwrap(body), 'data', { conversations: listOf(mapConversation), total: 'total', page: 'page?', limit: 'page?', hasNext: 'boolean?' }), query);
}

/** `GET /conversations/:id` answer → `Conversation`. */
export function mapGetResponse(body: unknown): Conversation {
  return mapConversation(unwrap(body));
}

/** What a partial answer may report, each read only where the answer has it (`null` where the field allows one). */
const PARTIAL = {
  aiHandling: 'boolean',
  unreadCount: 'number?',
  updatedAt: 'time',
  closedAt: 'time?',
  closedBy: 'string?',
  lastMessage: mapPreview,
  contact: mapContact,
} as const;

/**
 * A partial answer (close, assign) → `ConversationUpdate` holding only the
 * fields the server reported, so merging it never drops cached fields.
 */
export function mapPartialResponse(body: unknown): ConversationUpdate {
  const wire = read(unwrap(body), 'data', 'object');
  const update: Record<string, unknown> = { id: read(wire.id, 'data.id', 'id') };
  if (wire.status !== undefined) {
    Object.assign(update, mapStatus(wire.status, 'data.status'));
    // Closing stops AI handling (the spec's close description); the answer does not repeat it.
    if (update.status === 'resolved') update.aiHandling = false;
  }
  if ('assigneeId' in wire || 'assignee' in wire) update.assignee = mapAssignee(wire, 'data');
  for (const [key, kind] of Object.entries(PARTIAL)) {
    if (wire[key] !== undefined) update[key] = read(wire[key], `data.${key}`, kind) ?? null;
  }
  return update as ConversationUpdate;
}
