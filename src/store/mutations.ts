import { InboxError, toInboxError } from '../core/errors.js';
import type { Assignee, Conversation, ConversationUpdate, Note } from '../core/types.js';
import type { Assignees } from './assignees.js';
import type { StoreCore } from './core.js';
import type { Details } from './details.js';
import { mismatch } from './details.js';
import type { Entities } from './entities.js';
import { withEntry } from './records.js';
import type { MutationKind, MutationState, NoteEntry } from './types.js';

const EMPTY: Partial<Record<MutationKind, MutationState>> = {};

/**
 * Assign, resolve and notes. Each runs optimistically through the entities'
 * write path; `mutations[id][kind]` stays pending until the last one of that
 * kind settles, and its error is the latest one's.
 */
export function createMutations(core: StoreCore, entities: Entities, details: Details, assignees: Assignees, drafts: { setDraft(id: string, text: string): void }) {
  const { adapter, capabilities } = core;
  // Per conversation and kind: how many are in flight, and the order of the last one sent.
  const running = new Map<string, { count: number; latest: number }>();
  let tempIds = 0;

  function setMutation(id: string, kind: MutationKind, value: MutationState | null) {
    core.set((s) => {
      const next = { ...(s.mutations[id] ?? EMPTY) };
      if (value) next[kind] = value;
      else delete next[kind];
      return { mutations: withEntry(s.mutations, id, next) };
    });
  }

  /** Records a refused mutation where the UI shows it, tells listeners, and returns the error to throw. */
  function failed(id: string, kind: MutationKind, error: InboxError): InboxError {
    setMutation(id, kind, { pending: false, error });
    core.emit({ type: 'mutation.failed', mutation: kind, conversationId: id, error });
    return error;
  }

  function started(id: string, kind: MutationKind, seq: number) {
    const key = `${kind}\u0000${id}`;
    const entry = running.get(key) ?? { count: 0, latest: 0 };
    entry.count++;
    entry.latest = seq;
    running.set(key, entry);
    setMutation(id, kind, { pending: true, error: null });
    core.emit({ type: 'mutation.started', mutation: kind, conversationId: id });
  }

  /** One of this kind settled: the state follows the latest one sent, pending until the last is done. */
  function finished(id: string, kind: MutationKind, seq: number, error: InboxError | null) {
    const key = `${kind}\u0000${id}`;
    const entry = running.get(key) ?? { count: 1, latest: seq };
    entry.count--;
    if (entry.count <= 0) running.delete(key);
    const current = core.get().mutations[id]?.[kind];
    const latestError = seq === entry.latest ? error : (current?.error ?? null);
    if (entry.count > 0) setMutation(id, kind, { pending: true, error: latestError });
    else setMutation(id, kind, latestError ? { pending: false, error: latestError } : null);
    if (error) core.emit({ type: 'mutation.failed', mutation: kind, conversationId: id, error });
    else core.emit({ type: 'mutation.succeeded', mutation: kind, conversationId: id });
  }

  async function mutate(
    id: string,
    kind: 'assign' | 'resolve',
    fields: Partial<Conversation>,
    send: (signal: AbortSignal) => Promise<ConversationUpdate>,
  ): Promise<ConversationUpdate> {
    if (core.isDestroyed()) throw new InboxError('aborted', 'The inbox was closed.');
    const request = core.open();
    const seq = core.nextSeq();
    const ticket = entities.begin(id, kind, fields, seq);
    started(id, kind, seq);
    try {
      const update = await send(request.signal);
      const wrong = mismatch(id, update, kind === 'assign' ? 'an assign' : 'a resolve');
      if (wrong) throw wrong;
      if (core.isDestroyed()) throw new InboxError('aborted', 'The inbox was closed.');
      entities.succeed(ticket, update);
      finished(id, kind, seq, null);
      return update;
    } catch (caught) {
      const error = toInboxError(caught);
      entities.fail(ticket);
      finished(id, kind, seq, error);
      throw error;
    } finally {
      request.close();
    }
  }

  function assign(id: string, assignee: Pick<Assignee, 'type' | 'id'> & Partial<Assignee>): Promise<ConversationUpdate> {
    if (assignee?.type === 'team' && !capabilities.teams) {
      return Promise.reject(failed(id, 'assign', new InboxError('unsupported', 'This backend cannot assign conversations to teams.')));
    }
    const fields: Partial<Conversation> = { assignee: assignees.describe(assignee) };
    const current = core.get().conversations[id];
    // A human taking over from the AI: the WhatsApp API answers an assign with status `open`.
    if (assignee.type === 'user' && current && (current.status === 'ai_handling' || current.status === 'escalated')) {
      fields.status = 'open';
      fields.aiHandling = false;
    }
    return mutate(id, 'assign', fields, (signal) => adapter.assignConversation(id, assignee, { signal }));
  }

  function resolve(id: string, { resolution }: { resolution?: string | undefined } = {}): Promise<ConversationUpdate> {
    const fields: Partial<Conversation> = {
      status: 'resolved',
      aiHandling: false,
      closedAt: new Date(core.now()).toISOString(),
      closedBy: core.get().currentUser?.id ?? null,
    };
    const withResolution = resolution !== undefined && capabilities.resolution;
    return mutate(id, 'resolve', fields, (signal) => adapter.resolveConversation(id, withResolution ? { resolution, signal } : { signal }));
  }

  async function addNote(id: string, content?: string): Promise<Note> {
    if (!capabilities.notes) throw failed(id, 'note', new InboxError('unsupported', 'This backend has no internal notes.'));
    const text = content ?? core.get().drafts[id] ?? '';
    if (typeof text !== 'string' || text.trim() === '') throw failed(id, 'note', new InboxError('invalid_input', 'A note cannot be empty.'));
    if (core.get().mutations[id]?.note?.pending) throw new InboxError('invalid_input', 'A note is already being sent for this conversation.');
    if (core.isDestroyed()) throw new InboxError('aborted', 'The inbox was closed.');

    const temp: NoteEntry = { id: `pending-${++tempIds}`, conversationId: id, content: text, createdAt: new Date(core.now()).toISOString(), pending: true };
    const me = core.get().currentUser;
    if (me) temp.author = { id: me.id, ...(me.name !== undefined && { name: me.name }) };
    details.setNotes(id, (current) => ({ items: [...current.items, temp] }));
    const seq = core.nextSeq();
    started(id, 'note', seq);
    const request = core.open();
    try {
      const note = await adapter.addNote(id, text, { signal: request.signal });
      if (!note || typeof note !== 'object' || note.conversationId !== id) {
        throw new InboxError('invalid_response', `The server answered a note on "${id}" about another conversation.`);
      }
      if (core.isDestroyed()) throw new InboxError('aborted', 'The inbox was closed.');
      // The backend may name no author (or only an id): the current user wrote it, so carry their name.
      const authored = (n: NoteEntry): NoteEntry => (temp.author && (!n.author || (n.author.id === temp.author.id && !n.author.name)) ? { ...n, author: temp.author } : n);
      details.setNotes(id, (current) => {
        // A backend that pushes (memory) may have delivered this note already, before its answer: keep one copy.
        if (current.items.some((n) => n.id === note.id)) return { items: current.items.filter((n) => n.id !== temp.id).map((n) => (n.id === note.id ? authored(n) : n)) };
        return { items: current.items.map((n) => (n.id === temp.id ? authored(note) : n)) };
      });
      // The draft goes only now that the server has the note, and only if it is still what was sent.
      if (core.get().drafts[id] === text) drafts.setDraft(id, '');
      finished(id, 'note', seq, null);
      core.emit({ type: 'note.added', note });
      return note;
    } catch (caught) {
      const error = toInboxError(caught);
      details.setNotes(id, (current) => ({ items: current.items.filter((n) => n.id !== temp.id) }));
      // Nothing typed is lost: the text goes back to the draft, ahead of anything typed since.
      const draft = core.get().drafts[id] ?? '';
      if (draft === '') drafts.setDraft(id, text);
      else if (!draft.includes(text)) drafts.setDraft(id, `${text}\n\n${draft}`);
      finished(id, 'note', seq, error);
      throw error;
    } finally {
      request.close();
    }
  }

  function clearMutationError(id: string, kind: MutationKind) {
    const current = core.get().mutations[id]?.[kind];
    if (current && !current.pending) setMutation(id, kind, null);
  }

  return { assign, resolve, addNote, clearMutationError };
}
