import { InboxError, toInboxError } from '../core/errors.js';
import type { Assignee, Conversation, ConversationUpdate, Note } from '../core/types.js';
import type { Assignees } from './assignees.js';
import type { StoreCore } from './core.js';
import type { Details } from './details.js';
import { mismatch } from './details.js';
import type { Entities } from './entities.js';
import type { Holds } from './holds.js';
import { withEntry } from './records.js';
import type { MutationKind, MutationState, NoteEntry } from './types.js';

const EMPTY: Partial<Record<MutationKind, MutationState>> = {};
const NO_RELEASE = () => {};

/** Options of one `resolve`. */
export interface ResolveCall {
  /** A resolution text, where the backend takes one (`capabilities.resolution`). */
  resolution?: string | undefined;
  /** This resolve's undo window, in ms; 0 sends at once. Default: the store's `undoMs`. */
  undoMs?: number | undefined;
}

/** A request slot that `destroy()` does not abort. */
function detached() {
  const controller = new AbortController();
  return { signal: controller.signal, abort: () => controller.abort(), close: () => {} };
}

/**
 * Assign, resolve and notes. Each runs optimistically through the entities'
 * write path; `mutations[id][kind]` stays pending until the last one of that
 * kind settles, and its error is the latest one's.
 */
/**
 * Decides when a mutation already shown goes out: resolves to a release function
 * (called once the request settles) to send it, or `null` to take it back unsent.
 */
export type Gate = () => Promise<(() => void) | null>;

const UNDONE = 'inboxkit:undone';

/** Whether a mutation ended without any request: undone in its window, or its batch was stopped first. */
export function isUndone(error: unknown): boolean {
  return error instanceof Error && error.cause === UNDONE;
}

export function createMutations(
  core: StoreCore,
  entities: Entities,
  details: Details,
  assignees: Assignees,
  drafts: { setDraft(id: string, text: string): void },
  holds: Holds,
) {
  const { adapter, capabilities } = core;
  // Per conversation and kind: how many are in flight, and the order of the last one sent.
  const running = new Map<string, { count: number; latest: number }>();
  let tempIds = 0;
  // Per conversation, the resolve waiting in its undo window, settled (never rejecting): another
  // mutation of that conversation sends it now and waits for it, so the server sees it first.
  const heldSends = new Map<string, Promise<unknown>>();

  /** Sends the held resolve of `id` now; resolves once its request has settled (at once when none waits). */
  function sendHeldFirst(id: string): Promise<unknown> | undefined {
    if (!holds.isHeld(id)) return undefined;
    const before = heldSends.get(id);
    holds.flush(id);
    return before;
  }

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
  function finished(id: string, kind: MutationKind, seq: number, error: InboxError | null, undone = false) {
    const key = `${kind}\u0000${id}`;
    const entry = running.get(key) ?? { count: 1, latest: seq };
    entry.count--;
    if (entry.count <= 0) running.delete(key);
    const current = core.get().mutations[id]?.[kind];
    const latestError = seq === entry.latest ? error : (current?.error ?? null);
    if (entry.count > 0) setMutation(id, kind, { pending: true, error: latestError });
    else setMutation(id, kind, latestError ? { pending: false, error: latestError } : null);
    if (undone) core.emit({ type: 'mutation.undone', mutation: kind, conversationId: id });
    else if (error) core.emit({ type: 'mutation.failed', mutation: kind, conversationId: id, error });
    else core.emit({ type: 'mutation.succeeded', mutation: kind, conversationId: id });
  }

  async function mutate(
    id: string,
    kind: 'assign' | 'resolve',
    fields: Partial<Conversation>,
    send: (signal: AbortSignal) => Promise<ConversationUpdate>,
    gate?: Gate,
  ): Promise<ConversationUpdate> {
    if (core.isDestroyed()) throw new InboxError('aborted', 'The inbox was closed.');
    // Another mutation of this conversation starts: a resolve waiting in its undo window goes first.
    const before = sendHeldFirst(id);
    const seq = core.nextSeq();
    const ticket = entities.begin(id, kind, fields, seq);
    started(id, kind, seq);
    let release: (() => void) | null = null;
    if (gate) {
      release = await gate();
      if (!release) {
        entities.fail(ticket);
        finished(id, kind, seq, null, true);
        throw new InboxError('aborted', 'Taken back before it was sent.', { cause: UNDONE });
      }
      entities.restamp(ticket, core.nextSeq());
    }
    // A held mutation released by destroy() (the inbox closing) is still sent, on a request
    // destroy() does not abort: the agent did it, and closing the tab must not lose it.
    const request = gate && core.isDestroyed() ? detached() : core.open();
    try {
      if (before) {
        await before;
        // Sent only now, after the resolve it waited for: it counts from here, as a held one does.
        entities.restamp(ticket, core.nextSeq());
      }
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
      release?.();
    }
  }

  function assign(id: string, assignee: Pick<Assignee, 'type' | 'id'> & Partial<Assignee>, gate?: Gate): Promise<ConversationUpdate> {
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
    return mutate(id, 'assign', fields, (signal) => adapter.assignConversation(id, assignee, { signal }), gate);
  }

  /** With an undo window (`undoMs`, else the store's), the resolve shows at once and is sent when the window ends. */
  function resolve(id: string, { resolution, undoMs }: ResolveCall = {}, gate?: Gate): Promise<ConversationUpdate> {
    const fields: Partial<Conversation> = {
      status: 'resolved',
      aiHandling: false,
      closedAt: new Date(core.now()).toISOString(),
      closedBy: core.get().currentUser?.id ?? null,
    };
    const withResolution = resolution !== undefined && capabilities.resolution;
    const windowMs = undoMs ?? core.settings.undoMs ?? 0;
    const held: Gate | undefined = windowMs > 0 ? async () => ((await holds.hold(id, 'resolve', windowMs)) ? (gate ? gate() : NO_RELEASE) : null) : gate;
    const done = mutate(id, 'resolve', fields, (signal) => adapter.resolveConversation(id, withResolution ? { resolution, signal } : { signal }), held);
    if (held && holds.isHeld(id)) {
      const settled = done.catch(() => undefined);
      heldSends.set(id, settled);
      void settled.then(() => {
        if (heldSends.get(id) === settled) heldSends.delete(id);
      });
    }
    return done;
  }

  async function addNote(id: string, content?: string): Promise<Note> {
    if (!capabilities.notes) throw failed(id, 'note', new InboxError('unsupported', 'This backend has no internal notes.'));
    const text = content ?? core.get().drafts[id] ?? '';
    if (typeof text !== 'string' || text.trim() === '') throw failed(id, 'note', new InboxError('invalid_input', 'A note cannot be empty.'));
    if (core.get().mutations[id]?.note?.pending) throw new InboxError('invalid_input', 'A note is already being sent for this conversation.');
    if (core.isDestroyed()) throw new InboxError('aborted', 'The inbox was closed.');
    const before = sendHeldFirst(id);

    const temp: NoteEntry = { id: `pending-${++tempIds}`, conversationId: id, content: text, createdAt: new Date(core.now()).toISOString(), pending: true };
    const me = core.get().currentUser;
    if (me) temp.author = { id: me.id, ...(me.name !== undefined && { name: me.name }) };
    details.setNotes(id, (current) => ({ items: [...current.items, temp] }));
    const seq = core.nextSeq();
    started(id, 'note', seq);
    const request = core.open();
    try {
      if (before) {
        await before;
        if (core.isDestroyed()) throw new InboxError('aborted', 'The inbox was closed.');
      }
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
