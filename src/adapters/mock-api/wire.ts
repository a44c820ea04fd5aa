/**
 * Domain → wire mapping for the mock backend: the inverse of the client
 * adapters' mapping. Shapes and key order follow the specs' example payloads.
 */
import type { Assignee, Contact, Conversation, ConversationStatus, Message, Note } from '../../core/types.js';

// ---------------------------------------------------------------- WhatsApp

export type WhatsAppWireStatus = 'open' | 'closed' | 'ai_handling' | 'escalated';

export interface WhatsAppContactWire {
  id: string;
  name: string;
  phone: string | null;
  avatar: string | null;
}

export interface WhatsAppContactDetailWire {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  labels: string[];
  avatar: string | null;
}

export interface WhatsAppUserWire {
  id: string;
  name: string | null;
  email: string | null;
}

export interface WhatsAppLastMessageWire {
  text: string;
  timestamp: string;
  direction: string;
}

/** A list item of `GET /api/whatsapp/conversations`. */
export interface WhatsAppConversationWire {
  id: string;
  contactId: string;
  contact: WhatsAppContactWire | null;
  status: string;
  assigneeId: string | null;
  channel: string;
  lastMessage: WhatsAppLastMessageWire | null;
  unreadCount: number;
  aiHandling: boolean;
  createdAt: string;
  updatedAt: string;
}

/** `GET /api/whatsapp/conversations/:id`: the list item plus contact details, assignee and metadata. */
export interface WhatsAppConversationDetailWire {
  id: string;
  contactId: string;
  contact: WhatsAppContactDetailWire | null;
  status: string;
  assigneeId: string | null;
  assignee: WhatsAppUserWire | null;
  channel: string;
  lastMessage: WhatsAppLastMessageWire | null;
  unreadCount: number;
  aiHandling: boolean;
  metadata: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

const WHATSAPP_STATUS_TO_DOMAIN: Record<WhatsAppWireStatus, ConversationStatus> = {
  open: 'open',
  closed: 'resolved',
  ai_handling: 'ai_handling',
  escalated: 'escalated',
};

/** Parses the `status` query value; `undefined` when it is not one the spec lists. */
export function whatsAppStatusToDomain(value: string): ConversationStatus | undefined {
  return Object.hasOwn(WHATSAPP_STATUS_TO_DOMAIN, value) ? WHATSAPP_STATUS_TO_DOMAIN[value as WhatsAppWireStatus] : undefined;
}

function whatsAppStatus(c: Conversation): string {
  if (c.status === 'resolved') return 'closed';
  if (c.status === 'unknown') return c.rawStatus ?? 'open';
  return c.status;
}

function lastMessageWire(c: Conversation): WhatsAppLastMessageWire | null {
  const m = c.lastMessage;
  return m ? { text: m.text, timestamp: m.timestamp, direction: m.direction } : null;
}

function contactWire(contact: Contact): WhatsAppContactWire {
  return { id: contact.id, name: contact.name, phone: contact.phone ?? null, avatar: contact.avatarUrl ?? null };
}

function userWire(assignee: Assignee): WhatsAppUserWire {
  return { id: assignee.id, name: assignee.name ?? null, email: assignee.email ?? null };
}

export function toWhatsAppConversation(c: Conversation): WhatsAppConversationWire {
  return {
    id: c.id,
    contactId: c.contactId,
    contact: c.contact ? contactWire(c.contact) : null,
    status: whatsAppStatus(c),
    assigneeId: c.assignee?.id ?? null,
    channel: c.channel === 'unknown' ? (c.rawChannel ?? 'whatsapp') : c.channel,
    lastMessage: lastMessageWire(c),
    unreadCount: c.unreadCount ?? 0,
    aiHandling: c.aiHandling,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

export function toWhatsAppConversationDetail(c: Conversation): WhatsAppConversationDetailWire {
  const item = toWhatsAppConversation(c);
  const contact = c.contact;
  return {
    id: item.id,
    contactId: item.contactId,
    contact: contact
      ? {
          id: contact.id,
          name: contact.name,
          phone: contact.phone ?? null,
          email: contact.email ?? null,
          labels: contact.labels ?? c.labels,
          avatar: contact.avatarUrl ?? null,
        }
      : null,
    status: item.status,
    assigneeId: item.assigneeId,
    assignee: c.assignee ? userWire(c.assignee) : null,
    channel: item.channel,
    lastMessage: item.lastMessage,
    unreadCount: item.unreadCount,
    aiHandling: item.aiHandling,
    metadata: c.metadata,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}

/** The close answer: only the changed fields, as the spec shows. */
export function toWhatsAppClose(c: Conversation): { id: string; status: 'closed'; closedAt: string | null; closedBy: string | null } {
  return { id: c.id, status: 'closed', closedAt: c.closedAt, closedBy: c.closedBy };
}

/** The assign answer: only the changed fields, as the spec shows. */
export function toWhatsAppAssign(c: Conversation): {
  id: string;
  assigneeId: string | null;
  assignee: WhatsAppUserWire | null;
  status: string;
  updatedAt: string;
} {
  return {
    id: c.id,
    assigneeId: c.assignee?.id ?? null,
    assignee: c.assignee ? userWire(c.assignee) : null,
    status: whatsAppStatus(c),
    updatedAt: c.updatedAt,
  };
}

// ---------------------------------------------------------------- Waply

export type WaplyWireStatus = 'open' | 'resolved';

export interface WaplyAssigneeWire {
  type: 'user' | 'team';
  id: string;
  name?: string | undefined;
}

export interface WaplyMessageWire {
  id: string;
  conversation_id: string;
  direction: string;
  type: string;
  content: string;
  status: string | null;
  created_at: string;
}

export interface WaplyConversationWire {
  id: string;
  contact_id: string;
  channel: string;
  status: WaplyWireStatus;
  assigned_to: WaplyAssigneeWire | null;
  messages: WaplyMessageWire[];
  created_at: string;
  updated_at: string;
}

export interface WaplyNoteWire {
  id: string;
  conversation_id: string;
  content: string;
  created_at: string;
}

/** Waply knows only open and resolved: AI-handled and escalated conversations are open there. */
export function waplyStatus(status: Conversation['status']): WaplyWireStatus {
  return status === 'resolved' ? 'resolved' : 'open';
}

function waplyMessage(m: Message): WaplyMessageWire {
  return {
    id: m.id,
    conversation_id: m.conversationId,
    direction: m.direction,
    type: m.type,
    content: m.text,
    status: m.status ?? null,
    created_at: m.createdAt,
  };
}

/** A conversation on the Waply wire; `withMessages` only for `GET /conversations/:id`, as in the spec's examples. */
export function toWaplyConversation(c: Conversation, withMessages = false): WaplyConversationWire {
  const a = c.assignee;
  return {
    id: c.id,
    contact_id: c.contactId,
    channel: c.channel === 'unknown' ? (c.rawChannel ?? 'webchat') : c.channel,
    status: waplyStatus(c.status),
    assigned_to: a ? { type: a.type, id: a.id, ...(a.name === undefined ? {} : { name: a.name }) } : null,
    messages: withMessages ? (c.messages ?? []).map(waplyMessage) : [],
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}

export function toWaplyNote(note: Note): WaplyNoteWire {
  return { id: note.id, conversation_id: note.conversationId, content: note.content, created_at: note.createdAt };
}
