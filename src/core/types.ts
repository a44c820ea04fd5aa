/**
 * The InboxKit domain: what every adapter maps its backend into and what the
 * store and UI read. No React, no DOM, no fetch in this folder.
 */

/** A conversation's state. The WhatsApp flavour's `closed` is `resolved` here. */
export type ConversationStatus = 'open' | 'ai_handling' | 'escalated' | 'resolved';

/** Every status InboxKit knows, in the order the UI lists them. */
export const CONVERSATION_STATUSES: readonly ConversationStatus[] = ['open', 'ai_handling', 'escalated', 'resolved'];

/** The messaging channel a conversation runs on. */
export type Channel = 'whatsapp' | 'instagram' | 'messenger' | 'webchat';

/** Every channel InboxKit knows. */
export const CHANNELS: readonly Channel[] = ['whatsapp', 'instagram', 'messenger', 'webchat'];

/** Which side sent a message. */
export type MessageDirection = 'inbound' | 'outbound';

/** The person on the other side of a conversation. */
export interface Contact {
  id: string;
  /** Display name as the backend sent it; always render it as text. */
  name: string;
  phone?: string | undefined;
  email?: string | undefined;
  /** Avatar image URL as sent; the UI only uses `http(s)` URLs (see `safeAvatarUrl`). */
  avatarUrl?: string | undefined;
  labels?: string[] | undefined;
}

/** Who a conversation is assigned to: an agent (`user`) or a `team`. */
export interface Assignee {
  type: 'user' | 'team';
  id: string;
  name?: string | undefined;
  email?: string | undefined;
}

/** The short form of the newest message, shown in list rows. */
export interface MessagePreview {
  text: string;
  /** ISO-8601. */
  timestamp: string;
  direction: MessageDirection;
}

/** One message of a conversation's history. */
export interface Message {
  id: string;
  conversationId: string;
  direction: MessageDirection;
  /** `text` for plain messages; other types (`image`, `template`, …) are kept as sent. */
  type: string;
  text: string;
  /** Delivery status as sent by the backend (`sent`, `delivered`, `read`, …). */
  status?: string | undefined;
  /** ISO-8601. */
  createdAt: string;
}

/** A customer conversation, as every adapter maps it. */
export interface Conversation {
  id: string;
  contactId: string;
  /** `null` where the backend sends only `contactId` and the host supplied no resolver. */
  contact: Contact | null;
  /** `'unknown'` when the backend sent a channel InboxKit does not know; see `rawChannel`. */
  channel: Channel | 'unknown';
  /** `'unknown'` when the backend sent a status InboxKit does not know; see `rawStatus`. */
  status: ConversationStatus | 'unknown';
  /** The backend's own status string, present only when `status` is `'unknown'`. */
  rawStatus?: string | undefined;
  /** The backend's own channel string, present only when `channel` is `'unknown'`. */
  rawChannel?: string | undefined;
  assignee: Assignee | null;
  lastMessage: MessagePreview | null;
  /** Oldest first; `null` where the backend returns no message history. */
  messages: Message[] | null;
  /** `null` where the backend does not report unread counts. */
  unreadCount: number | null;
  /** Whether an AI agent is handling the conversation right now. */
  aiHandling: boolean;
  labels: string[];
  metadata: Record<string, unknown>;
  /** ISO-8601. */
  createdAt: string;
  /** ISO-8601. */
  updatedAt: string;
  /** ISO-8601, or `null` while not closed. */
  closedAt: string | null;
  /** Id of whoever closed it, or `null`. */
  closedBy: string | null;
}

/**
 * What a mutation answered: the id plus every field the server reported.
 * A full `Conversation` where the server returns one; only the changed fields
 * where it answers partially (WhatsApp's close and assign). Merge it, never
 * replace the cached entity with it.
 */
export type ConversationUpdate = Pick<Conversation, 'id'> & Partial<Omit<Conversation, 'id'>>;

/** A page request. An omitted `status` means `'all'`. */
export interface ConversationQuery {
  /** 1-based page number. Default 1. */
  page?: number | undefined;
  /** Page size, 1 to 100. Default 20. */
  limit?: number | undefined;
  /** Default `'all'`. */
  status?: ConversationStatus | 'all' | undefined;
  /** Only conversations assigned to this user (or team, where supported). */
  assigneeId?: string | undefined;
  /** Only conversations nobody is assigned to, where the backend can filter so (`capabilities.unassignedFilter`). Not with `assigneeId`. */
  unassigned?: boolean | undefined;
  channel?: Channel | undefined;
}

/** One page of a conversation list. */
export interface ConversationPage {
  conversations: Conversation[];
  total: number;
  page: number;
  limit: number;
  hasNext: boolean;
}

/** An internal note: visible to the team only, never sent to the contact. */
export interface Note {
  id: string;
  conversationId: string;
  content: string;
  /** ISO-8601. */
  createdAt: string;
  author?: { id: string; name?: string | undefined } | undefined;
}

/** What a backend can do; the UI never offers what is missing here. */
export interface AdapterCapabilities {
  /** Statuses the list can be filtered by (and that conversations can have). */
  statuses: readonly ConversationStatus[];
  /** Channels that exist on this backend. */
  channels: readonly Channel[];
  /** Whether the list can be filtered by channel. */
  channelFilter: boolean;
  /** Whether the list can be filtered by assignee. */
  assigneeFilter: boolean;
  /** Whether the list can be filtered to unassigned conversations (`query.unassigned`). */
  unassignedFilter: boolean;
  /** Whether internal notes can be added. */
  notes: boolean;
  /** Whether existing notes can be listed (`listNotes`). */
  listNotes: boolean;
  /** Whether conversations can be assigned to teams (not only users). */
  teams: boolean;
  /** Whether `getConversation` returns the message history. */
  messageHistory: boolean;
  /**
   * Whether the list's conversations carry their newest message (`lastMessage`).
   * Where they do not (Waply lists send `messages: []`), a list row's missing
   * preview means "not sent", not "no messages": rows say nothing about messages
   * until the conversation has been opened.
   */
  listPreviews: boolean;
  /** Whether `resolveConversation` accepts a `resolution` text. */
  resolution: boolean;
  /** Whether conversations carry the server's unread count (`unreadCount` not `null`). Absent means yes. */
  unreadCounts?: boolean | undefined;
  /** Largest `limit` a list request accepts. */
  maxPageSize: number;
}

/** Options every adapter call accepts. */
export interface RequestOptions {
  /** Aborts the request; the promise then rejects with `InboxError` code `aborted`. */
  signal?: AbortSignal | undefined;
}

/** Options for `resolveConversation`. */
export interface ResolveOptions extends RequestOptions {
  /** A resolution text, where the backend takes one (WhatsApp's close). */
  resolution?: string | undefined;
}

/** A change pushed by a backend that can push (the memory backend). */
export type AdapterEvent =
  | { type: 'conversation.created'; conversation: Conversation }
  | { type: 'conversation.updated'; conversation: Conversation }
  | { type: 'message.created'; conversation: Conversation; message: Message }
  | { type: 'note.created'; note: Note };

/** Receives pushed changes. */
export type AdapterEventListener = (event: AdapterEvent) => void;

/** Which backend an adapter speaks to. */
export type AdapterFlavour = 'whatsapp' | 'waply' | 'memory';

/**
 * The contract between InboxKit and a backend. Every method returns domain
 * objects or rejects with an `InboxError`; an operation the backend lacks
 * rejects with code `unsupported` before any request is sent.
 */
export interface ConversationsAdapter {
  readonly flavour: AdapterFlavour | (string & {});
  readonly capabilities: AdapterCapabilities;
  listConversations(query: ConversationQuery, options?: RequestOptions): Promise<ConversationPage>;
  getConversation(id: string, options?: RequestOptions): Promise<Conversation>;
  assignConversation(id: string, assignee: Pick<Assignee, 'type' | 'id'> & Partial<Assignee>, options?: RequestOptions): Promise<ConversationUpdate>;
  resolveConversation(id: string, options?: ResolveOptions): Promise<ConversationUpdate>;
  addNote(id: string, content: string, options?: RequestOptions): Promise<Note>;
  /** Notes of a conversation, oldest first, where the backend can list them. */
  listNotes?: ((id: string, options?: RequestOptions) => Promise<Note[]>) | undefined;
  /** Who can be assigned, where the backend knows (the HTTP APIs do not: hosts pass a directory). */
  listAssignees?: ((options?: RequestOptions) => Promise<Assignee[]>) | undefined;
  /** Pushed changes, where the backend can push. Returns an unsubscribe function. */
  subscribe?: ((listener: AdapterEventListener) => () => void) | undefined;
}
