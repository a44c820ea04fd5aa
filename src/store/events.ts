import type { InboxError } from '../core/errors.js';
import type { Conversation, Note } from '../core/types.js';
import type { MutationKind } from './types.js';

/** What happened in an inbox, for hosts that want analytics or toasts. */
export type InboxEvent =
  | {
      type: 'conversation.updated';
      conversation: Conversation;
      /** `server`: a read or a mutation's answer; `push`: the backend pushed it; `optimistic` / `rollback`: a mutation's local change. */
      source: 'server' | 'push' | 'optimistic' | 'rollback';
    }
  | { type: 'conversation.created'; conversation: Conversation }
  | { type: 'mutation.started'; mutation: MutationKind; conversationId: string }
  | { type: 'mutation.succeeded'; mutation: MutationKind; conversationId: string }
  | { type: 'mutation.failed'; mutation: MutationKind; conversationId: string; error: InboxError }
  /** Undone inside its undo window: nothing was sent, the change is taken back. */
  | { type: 'mutation.undone'; mutation: MutationKind; conversationId: string }
  | { type: 'note.added'; note: Note }
  | { type: 'query.failed'; query: 'list' | 'conversation' | 'notes' | 'assignees'; key: string; error: InboxError };

export type InboxEventListener = (event: InboxEvent) => void;
