// The public API of `inboxkit`. Every export is listed by name: the React-free
// part in core-entry.ts (also published alone as `inboxkit/core`), the React
// bindings and components here.

export * from './core-entry.js';

// React bindings
export { InboxProvider } from './hooks/InboxProvider.js';
export type { InboxProviderProps } from './hooks/InboxProvider.js';
export { useInboxStore } from './hooks/useInboxStore.js';
export { useConversations } from './hooks/useConversations.js';
export type { ConversationsResult } from './hooks/useConversations.js';
export { useConversationIds } from './hooks/useConversationIds.js';
export type { ConversationListResult } from './hooks/useConversationIds.js';
export { useCachedConversation } from './hooks/useCachedConversation.js';
export { useUnreadCount } from './hooks/useUnreadCount.js';
export { useConversation } from './hooks/useConversation.js';
export type { ConversationResult } from './hooks/useConversation.js';
export { useAssignConversation } from './hooks/useAssignConversation.js';
export type { AssignResult } from './hooks/useAssignConversation.js';
export { useResolveConversation } from './hooks/useResolveConversation.js';
export type { ResolveResult } from './hooks/useResolveConversation.js';
export { useBulkActions } from './hooks/useBulkActions.js';
export type { BulkActionsResult } from './hooks/useBulkActions.js';
export { useHeldResolve } from './hooks/useHeldResolve.js';
export type { HeldResolveResult } from './hooks/useHeldResolve.js';
export { useAddNote } from './hooks/useAddNote.js';
export type { AddNoteResult } from './hooks/useAddNote.js';
export { useAssignees } from './hooks/useAssignees.js';
export type { AssigneesResult } from './hooks/useAssignees.js';
export { useCapabilities } from './hooks/useCapabilities.js';
export { useConversationCount } from './hooks/useConversationCount.js';
export type { ConversationCountResult } from './hooks/useConversationCount.js';
export { useInboxEvents } from './hooks/useInboxEvents.js';
export { useInboxMessages } from './hooks/useInboxMessages.js';
export type { DateLocale } from './hooks/context.js';
export { defaultMessages } from './hooks/messages.js';
export type { InboxMessages, RowLabelParts } from './hooks/messages.js';

// Components
export { ConversationList } from './components/ConversationList/ConversationList.js';
export type { ConversationListProps, ConversationRowState } from './components/ConversationList/ConversationList.js';
export { createConversationSelection } from './components/ConversationList/selection.js';
export type { ConversationSelection } from './components/ConversationList/selection.js';
export { BulkToolbar } from './components/Inbox/BulkToolbar.js';
export type { BulkToolbarProps } from './components/Inbox/BulkToolbar.js';
export { ConversationView } from './components/ConversationView/ConversationView.js';
export type { ConversationViewProps } from './components/ConversationView/ConversationView.js';
export { AssignMenu } from './components/AssignMenu/AssignMenu.js';
export type { AssignMenuProps } from './components/AssignMenu/AssignMenu.js';
export { NoteComposer } from './components/NoteComposer/NoteComposer.js';
export type { NoteComposerProps } from './components/NoteComposer/NoteComposer.js';
export { ConversationFilters } from './components/Inbox/ConversationFilters.js';
export type { ConversationFiltersProps } from './components/Inbox/ConversationFilters.js';
export { ConversationViews, availableViews, queryForView, viewOfQuery } from './components/ConversationViews/ConversationViews.js';
export type { ConversationViewsProps, ConversationViewName } from './components/ConversationViews/ConversationViews.js';
export { Inbox } from './components/Inbox/Inbox.js';
export type { InboxProps } from './components/Inbox/Inbox.js';
