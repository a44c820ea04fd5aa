import { useCallback } from 'react';
import { useStore } from 'zustand';
import type { InboxError } from '../core/errors.js';
import type { Note } from '../core/types.js';
import type { NoteEntry } from '../store/types.js';
import { useStoreContext } from './storeContext.js';

const NO_NOTES: readonly NoteEntry[] = [];

export interface AddNoteResult {
  /** The draft for this conversation; kept per conversation and across reloads. */
  draft: string;
  setDraft: (text: string) => void;
  /** Sends the draft. Resolves to the note, or `undefined` if refused (the draft is kept; `error` says why). */
  add: () => Promise<Note | undefined>;
  pending: boolean;
  error: InboxError | null;
  /** Notes of this conversation, oldest first; ones being sent have `pending: true`. */
  notes: readonly NoteEntry[];
  /** Whether the backend has internal notes at all. */
  supported: boolean;
  reset: () => void;
}

/** Internal notes of one conversation: the draft, sending, and the notes. */
export function useAddNote(conversationId: string): AddNoteResult {
  const { store } = useStoreContext('useAddNote');
  const draft = useStore(store.state, (s) => s.drafts[conversationId] ?? '');
  const notes = useStore(store.state, (s) => s.notes[conversationId]?.items ?? NO_NOTES);
  const state = useStore(store.state, (s) => s.mutations[conversationId]?.note);
  const setDraft = useCallback((text: string) => store.setDraft(conversationId, text), [store, conversationId]);
  const add = useCallback(() => store.addNote(conversationId).catch(() => undefined), [store, conversationId]);
  const reset = useCallback(() => store.clearMutationError(conversationId, 'note'), [store, conversationId]);
  return { draft, setDraft, add, pending: state?.pending ?? false, error: state?.error ?? null, notes, supported: store.capabilities.notes, reset };
}
