import { InboxError, toInboxError } from '../core/errors.js';
import type { Conversation, Note } from '../core/types.js';
import type { StoreCore } from './core.js';
import type { Entities } from './entities.js';
import { withEntry } from './records.js';
import type { DetailState, NotesState } from './types.js';

interface Inflight {
  abort(): void;
  promise: Promise<void>;
}

/** An answer about another conversation than the one asked for: nothing of it may be written. */
export function mismatch(asked: string, answer: { id?: unknown | undefined } | null | undefined, what: string): InboxError | null {
  if (answer && typeof answer === 'object' && answer.id === asked) return null;
  return new InboxError('invalid_response', `The server answered ${what} of "${asked}" about another conversation.`);
}

/** One conversation in full (history, notes), and its notes. */
export function createDetails(core: StoreCore, entities: Entities) {
  const { adapter, capabilities } = core;
  const inflight = new Map<string, Inflight>();
  const observers = new Map<string, number>();

  function setDetail(id: string, patch: Partial<DetailState>) {
    core.set((s) => {
      const current = s.details[id] ?? { status: 'loading' as const, error: null, isFetching: false };
      return { details: withEntry(s.details, id, { ...current, ...patch }) };
    });
  }

  function setNotes(id: string, update: (current: NotesState) => Partial<NotesState>) {
    core.set((s) => {
      const current = s.notes[id] ?? { items: [], status: 'idle' as const, error: null };
      const patch = update(current);
      return Object.keys(patch).length === 0 ? {} : { notes: withEntry(s.notes, id, { ...current, ...patch }) };
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
    const running = inflight.get(id);
    if (running) return running.promise;
    if (core.isDestroyed()) return Promise.resolve();
    const request = core.open();
    const had = core.get().details[id]?.status === 'success';
    if (!background || !had) setDetail(id, { isFetching: true, ...(!had && { status: 'loading' as const, error: null }) });

    const run = async () => {
      try {
        const seq = core.nextSeq();
        const [conversation] = await Promise.all([adapter.getConversation(id, { signal: request.signal }), loadNotes(id, request.signal)]);
        if (request.signal.aborted) return;
        const wrong = mismatch(id, conversation, 'a read');
        if (wrong) throw wrong;
        entities.write(conversation as Conversation, seq, 'server');
        setDetail(id, { status: 'success', error: null, isFetching: false });
      } catch (caught) {
        if (request.signal.aborted) return;
        const error = toInboxError(caught);
        setDetail(id, { status: had ? 'success' : 'error', error, isFetching: false });
        core.emit({ type: 'query.failed', query: 'conversation', key: id, error });
      } finally {
        request.close();
        if (inflight.get(id)?.abort === request.abort) inflight.delete(id);
      }
    };
    const promise = run();
    inflight.set(id, { abort: request.abort, promise });
    return promise;
  }

  function observeConversation(id: string): () => void {
    observers.set(id, (observers.get(id) ?? 0) + 1);
    void fetchConversation(id);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const count = (observers.get(id) ?? 1) - 1;
      if (count > 0) {
        observers.set(id, count);
        return;
      }
      observers.delete(id);
      const running = inflight.get(id);
      if (running) {
        running.abort();
        inflight.delete(id);
        setDetail(id, { isFetching: false });
      }
    };
  }

  /** A note the backend pushed: added once. */
  function applyPushedNote(note: Note) {
    if (!note || typeof note.conversationId !== 'string') return;
    setNotes(note.conversationId, (current) => (current.items.some((n) => n.id === note.id) ? {} : { items: [...current.items, note] }));
  }

  function destroy() {
    for (const running of inflight.values()) running.abort();
    inflight.clear();
  }

  return { fetchConversation, observeConversation, setNotes, applyPushedNote, destroy, observed: () => [...observers.keys()] };
}

export type Details = ReturnType<typeof createDetails>;
