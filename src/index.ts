// The public API of `inboxkit`. Every export is listed by name.

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
export { createMockHandler, DEFAULT_MOCK_TOKEN } from './adapters/mock/index.js';
export type { MockFlavour, MockHandler, MockHandlerOptions } from './adapters/mock/index.js';
