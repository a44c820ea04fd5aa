import type { InboxError } from '../core/errors.js';
import type { ConversationUpdate } from '../core/types.js';
import type { InboxStore } from '../store/createInboxStore.js';
import type { ResolveCall } from '../store/mutations.js';
import { useMutation } from './useMutation.js';

export interface ResolveResult {
  /** Resolves optimistically. Resolves to the server's update, or `undefined` if refused (then `error` says why and the change is rolled back). */
  resolve: (id: string, options?: ResolveCall) => Promise<ConversationUpdate | undefined>;
  pending: boolean;
  error: InboxError | null;
  reset: () => void;
}

const send = (store: InboxStore, id: string, options?: ResolveCall) => store.resolve(id, options);

/**
 * Resolving (closing) conversations. With an id, `pending` and `error` follow that conversation; without, the last one resolved here.
 * With an undo window (`undoMs` on the provider) a resolve waits before it is sent; see `useHeldResolve` to undo it.
 */
export function useResolveConversation(conversationId?: string): ResolveResult {
  const { run, ...state } = useMutation('useResolveConversation', 'resolve', conversationId, send);
  return { resolve: run, ...state };
}
