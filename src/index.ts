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
export { waitingSince, replyWindow, REPLY_WINDOW_MS, REPLY_WINDOW_CLOSING_MS } from './core/triage.js';
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
export type { InboxState, ListState, DetailState, NotesState, NoteEntry, MutationKind, MutationState, AssigneesState, FetchStatus } from './store/types.js';
export type { InboxEvent, InboxEventListener } from './store/events.js';
export type { DraftStorage } from './store/drafts.js';
export { createMemoryStorage } from './store/drafts.js';
export { listKey } from './store/queries.js';

// React bindings
export { InboxProvider } from './hooks/InboxProvider.js';
export type { InboxProviderProps } from './hooks/InboxProvider.js';
export { useInboxStore } from './hooks/useInboxStore.js';
export { useConversations } from './hooks/useConversations.js';
export type { ConversationsResult } from './hooks/useConversations.js';
export { useConversationIds } from './hooks/useConversationIds.js';
export type { ConversationListResult } from './hooks/useConversationIds.js';
export { useCachedConversation } from './hooks/useCachedConversation.js';
export { useConversation } from './hooks/useConversation.js';
export type { ConversationResult } from './hooks/useConversation.js';
export { useAssignConversation } from './hooks/useAssignConversation.js';
export type { AssignResult } from './hooks/useAssignConversation.js';
export { useResolveConversation } from './hooks/useResolveConversation.js';
export type { ResolveResult } from './hooks/useResolveConversation.js';
export { useAddNote } from './hooks/useAddNote.js';
export type { AddNoteResult } from './hooks/useAddNote.js';
export { useAssignees } from './hooks/useAssignees.js';
export type { AssigneesResult } from './hooks/useAssignees.js';
export { useCapabilities } from './hooks/useCapabilities.js';
export { useInboxEvents } from './hooks/useInboxEvents.js';
export { useInboxMessages } from './hooks/useInboxMessages.js';
export { defaultMessages } from './hooks/messages.js';
export type { InboxMessages } from './hooks/messages.js';

// Components
export { ConversationList } from './components/ConversationList/ConversationList.js';
export type { ConversationListProps, ConversationRowState } from './components/ConversationList/ConversationList.js';
export { ConversationView } from './components/ConversationView/ConversationView.js';
export type { ConversationViewProps } from './components/ConversationView/ConversationView.js';
export { AssignMenu } from './components/AssignMenu/AssignMenu.js';
export type { AssignMenuProps } from './components/AssignMenu/AssignMenu.js';
export { NoteComposer } from './components/NoteComposer/NoteComposer.js';
export type { NoteComposerProps } from './components/NoteComposer/NoteComposer.js';
export { ConversationFilters } from './components/Inbox/ConversationFilters.js';
export type { ConversationFiltersProps } from './components/Inbox/ConversationFilters.js';
export { Inbox } from './components/Inbox/Inbox.js';
export type { InboxProps } from './components/Inbox/Inbox.js';
