import { InboxError, toInboxError } from '../core/errors.js';
import type { Conversation, Note } from '../core/types.js';
import { cancel, putEntry, retain, runOnce } from './core.js';
import type { Holders, Inflight, StoreCore } from './core.js';
import type { Entities } from './entities.js';
import type { DetailState, NotesState } from './types.js';

/** An answer about another conversation than the one asked for: nothing of it may be written. */
export function mismatch(asked: string, answer: { id?: unknown | undefined; conversationId?: unknown | undefined } | null | undefined, what: string, field: 'id' | 'conversationId' = 'id'): InboxError | null {
  if (answer && typeof answer === 'object' && answer[field] === asked) return null;
  return new InboxError('invalid_response', `The server answered ${what} of "${asked}" about another conversation.`);
}

/** One conversation in full (history, notes), and its notes. */
export function createDetails(core: StoreCore, entities: Entities) {
  const { adapter, capabilities } = core;
  const reads = new Map<string, Inflight>();
  const observers: Holders<string> = new Map();

  const setDetail = (id: string, patch: Partial<DetailState>) =>
    putEntry(core, 'details', id, (current = { status: 'loading', error: null, isFetching: false }) => ({ ...current, ...patch }));

  function setNotes(id: string, update: (current: NotesState) => Partial<NotesState>) {
    putEntry(core, 'notes', id, (current) => {
      const notes = current ?? { items: [], status: 'idle', error: null };
      const patch = update(notes);
      return Object.keys(patch).length === 0 ? current : { ...notes, ...patch };
    });
  }

  /** Loads notes where the backend can list them; a failure here does not fail the conversation. */
  async function loadNotes(id: string, signal: AbortSignal): Promise<void> {
    if (!capabilities.listNotes || !adapter.listNotes) return;
    try {
      const notes = await adapter.listNotes(id, { signal });
      if (signal.aborted) return;
      const mine = Array.isArray(notes) ? notes.filter((n) => n && n.conversationId === id) : [];
      // Notes still being sent stay at the end until the server has them.
      setNotes(id, (current) => ({ items: [...mine, ...current.items.filter((n) => n.pending)], status: 'success', error: null }));
    } catch (caught) {
      if (signal.aborted) return;
      const error = toInboxError(caught);
      setNotes(id, () => ({ status: 'error', error }));
      core.emit({ type: 'query.failed', query: 'notes', key: id, error });
    }
  }

  function fetchConversation(id: string, { background = false } = {}): Promise<void> {
    const had = core.get().details[id]?.status === 'success';
    return runOnce(
      core,
      reads,
      id,
      async (signal) => {
        if (!background || !had) setDetail(id, { isFetching: true, ...(!had && { status: 'loading' as const, error: null }) });
        const seq = core.nextSeq();
        const [conversation] = await Promise.all([adapter.getConversation(id, { signal }), loadNotes(id, signal)]);
        if (signal.aborted) return;
        const wrong = mismatch(id, conversation, 'a read');
        if (wrong) throw wrong;
        entities.write(conversation as Conversation, seq, 'server');
        setDetail(id, { status: 'success', error: null, isFetching: false });
      },
      (error) => setDetail(id, { status: had ? 'success' : 'error', error, isFetching: false }),
      'conversation',
    );
  }

  function observeConversation(id: string): () => void {
    const release = retain(observers, id, id, (last) => {
      if (last && cancel(reads, id)) setDetail(id, { isFetching: false });
    });
    void fetchConversation(id);
    return release;
  }

  /** A note the backend pushed: added once. */
  function applyPushedNote(note: Note) {
    if (!note || typeof note.conversationId !== 'string') return;
    setNotes(note.conversationId, (current) => (current.items.some((n) => n.id === note.id) ? {} : { items: [...current.items, note] }));
  }

  return { fetchConversation, observeConversation, setNotes, applyPushedNote, observed: () => [...observers.keys()] };
}

export type Details = ReturnType<typeof createDetails>;
