import type { InboxError } from '../core/errors.js';
import type { Assignee, ConversationUpdate } from '../core/types.js';
import type { InboxStore } from '../store/createInboxStore.js';
import { useMutation } from './useMutation.js';

export interface AssignResult {
  /** Assigns optimistically. Resolves to the server's update, or `undefined` if refused (then `error` says why and the change is rolled back). */
  assign: (id: string, assignee: Pick<Assignee, 'type' | 'id'> & Partial<Assignee>) => Promise<ConversationUpdate | undefined>;
  pending: boolean;
  error: InboxError | null;
  /** Forgets the error. */
  reset: () => void;
}

const send = (store: InboxStore, id: string, assignee: Pick<Assignee, 'type' | 'id'> & Partial<Assignee>) => store.assign(id, assignee);

/** Assigning conversations. With an id, `pending` and `error` follow that conversation; without, the last one assigned here. */
export function useAssignConversation(conversationId?: string): AssignResult {
  const { run, ...state } = useMutation('useAssignConversation', 'assign', conversationId, send);
  return { assign: run, ...state };
}
