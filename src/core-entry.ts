// `inboxkit/core`: everything without React (domain, errors, adapters, the
// memory backend, the mock handler, the store). Nothing in its module graph
// imports React, so it loads in any server runtime: route handlers, server
// components (the root's `react-server` condition maps `inboxkit` here),
// workers, plain Node. Every export is listed by name.

// Domain
export type {
  ConversationStatus,
  Channel,
  MessageDirection,
  Contact,
  Assignee,
  MessagePreview,
  Message,
  Conversation,
  ConversationUpdate,
  ConversationQuery,
  ConversationPage,
  Note,
  AdapterCapabilities,
  RequestOptions,
  ResolveOptions,
  AdapterEvent,
  AdapterEventListener,
  AdapterFlavour,
  ConversationsAdapter,
} from './core/types.js';
export { CONVERSATION_STATUSES, CHANNELS } from './core/types.js';
export { InboxError, isInboxError, toInboxError } from './core/errors.js';
export type { InboxErrorCode, InboxErrorOptions } from './core/errors.js';
export { normalizeQuery, computeHasNext, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './core/query.js';
export type { NormalizedQuery } from './core/query.js';
export { safeAvatarUrl } from './core/ids.js';
export { waitingSince, replyWindow, REPLY_WINDOW_MS, REPLY_WINDOW_CLOSING_MS, DEFAULT_WAITING_ALERT_AFTER_MS } from './core/triage.js';
export type { ReplyWindow, ReplyWindowState } from './core/triage.js';

// HTTP adapters
export { createWhatsAppAdapter } from './adapters/whatsapp/index.js';
export type { WhatsAppAdapterOptions } from './adapters/whatsapp/index.js';
export { createWaplyAdapter } from './adapters/waply/index.js';
export type { WaplyAdapterOptions } from './adapters/waply/index.js';
export type { HttpAdapterOptions, RetryOptions, HeadersInput } from './adapters/http/transport.js';

// Memory adapter
export { createMemoryAdapter } from './adapters/memory/index.js';
export type { MemoryAdapter, MemoryAdapterOptions, MemoryProfile, MemorySimulation } from './adapters/memory/index.js';

// Mock HTTP backend
export { createMockHandler, DEFAULT_MOCK_TOKEN } from './adapters/mock-api/index.js';
export type { MockFlavour, MockHandler, MockHandlerOptions } from './adapters/mock-api/index.js';

// Headless store
export { createInboxStore } from './store/createInboxStore.js';
export type { InboxStore, InboxStoreOptions, InboxStoreUpdatableOptions, CurrentUser, AssigneeDirectory } from './store/createInboxStore.js';
export type { BulkAction, BulkOptions, BulkResult, BulkOutcome } from './store/bulk.js';
export { BULK_CONCURRENCY } from './store/bulk.js';
export type { ResolveCall } from './store/mutations.js';
export { isUndone } from './store/mutations.js';
export type { HeldMutation, InboxState, OpenedEntry, ListState, DetailState, NotesState, NoteEntry, MutationKind, MutationState, AssigneesState, FetchStatus, CountState } from './store/types.js';
export type { InboxEvent, InboxEventListener } from './store/events.js';
export type { DraftStorage } from './store/drafts.js';
export type { DehydratedInbox, DehydratedList } from './store/hydration.js';
export { createMemoryStorage } from './store/drafts.js';
export { visibleUnread, MAX_OPENED } from './store/local.js';
export { listKey } from './store/queries.js';
export { countKey, COUNTS_SETTLE_MS } from './store/counts.js';
