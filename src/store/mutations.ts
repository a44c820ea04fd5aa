import { InboxError, toInboxError } from '../core/errors.js';
import type { Assignee, Conversation, ConversationUpdate, Note } from '../core/types.js';
import type { Assignees } from './assignees.js';
import { putEntry } from './core.js';
import type { StoreCore } from './core.js';
import type { Details } from './details.js';
import { mismatch } from './details.js';
import type { Entities } from './entities.js';
import type { Holds } from './holds.js';
import type { InboxEvent } from './events.js';
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

const closed = () => new InboxError('aborted', 'The inbox was closed.');

/** One mutation: what it shows at once, how it asks, and how its answer lands or its change goes. */
interface Work<T> {
  begin(seq: number): void;
  send(signal: AbortSignal): Promise<T>;
  /** Throws when the answer is not about what was asked. */
  check(answer: T): void;
  succeed(answer: T): void;
  fail(): void;
  /** Sent only now (after its undo window, its bulk turn, or a held resolve it waited for): it counts from now. */
  restamp?: (() => void) | undefined;
}

/**
 * Assign, resolve and notes. Each runs optimistically (assign and resolve
 * through the entities' write path); `mutations[id][kind]` stays pending
 * until the last one of that kind settles, and its error is the latest one's.
 */
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

  function setMutation(id: string, kind: MutationKind, value: MutationState | null) {
    putEntry(core, 'mutations', id, (current = EMPTY) => {
      const next = { ...current };
      if (value) next[kind] = value;
      else delete next[kind];
      return next;
    });
  }

  /** Tells listeners how a mutation went. */
  function tell(id: string, kind: MutationKind, outcome: 'started' | 'succeeded' | 'failed' | 'undone', error?: InboxError | null) {
    core.emit({ type: `mutation.${outcome}`, mutation: kind, conversationId: id, ...(error && { error }) } as InboxEvent);
  }

  /** Records a refused mutation where the UI shows it, tells listeners, and returns the error to throw. */
  function failed(id: string, kind: MutationKind, error: InboxError): InboxError {
    setMutation(id, kind, { pending: false, error });
    tell(id, kind, 'failed', error);
    return error;
  }

  /** One of this kind starts (`+1`) or settles (`-1`): the state follows the latest one sent, pending until the last is done. */
  function track(id: string, kind: MutationKind, seq: number, step: 1 | -1, error: InboxError | null = null) {
    const key = `${kind}\u0000${id}`;
    const entry = running.get(key) ?? { count: 0, latest: seq };
    entry.count += step;
    if (step > 0) entry.latest = seq;
    if (entry.count > 0) running.set(key, entry);
    else running.delete(key);
    const latestError = seq === entry.latest ? error : (core.get().mutations[id]?.[kind]?.error ?? null);
    setMutation(id, kind, entry.count > 0 ? { pending: true, error: latestError } : latestError && { pending: false, error: latestError });
  }

  /** One of this kind settled. */
  function finished(id: string, kind: MutationKind, seq: number, error: InboxError | null, undone = false) {
    track(id, kind, seq, -1, error);
    tell(id, kind, undone ? 'undone' : error ? 'failed' : 'succeeded', error);
  }

  async function mutate<T>(id: string, kind: MutationKind, work: Work<T>, gate?: Gate): Promise<T> {
    if (core.isDestroyed()) throw closed();
    // Another mutation of this conversation starts: a resolve waiting in its undo window goes first.
    const before = holds.isHeld(id) ? heldSends.get(id) : undefined;
    holds.flush(id);
    const seq = core.nextSeq();
    work.begin(seq);
    track(id, kind, seq, 1);
    tell(id, kind, 'started');
    let release: (() => void) | null = null;
    if (gate) {
      release = await gate();
      if (!release) {
        work.fail();
        finished(id, kind, seq, null, true);
        throw new InboxError('aborted', 'Taken back before it was sent.', { cause: UNDONE });
      }
      work.restamp?.();
    }
    // A held mutation released by destroy() (the inbox closing) is still sent, on a request
    // destroy() does not abort: the agent did it, and closing the tab must not lose it.
    const controller = gate && core.isDestroyed() ? new AbortController() : null;
    const request = controller ? { signal: controller.signal, close: NO_RELEASE } : core.open();
    try {
      if (before) {
        await before;
        if (request.signal.aborted) throw closed();
        // Sent only now, after the resolve it waited for: it counts from here, as a held one does.
        work.restamp?.();
      }
      const answer = await work.send(request.signal);
      work.check(answer);
      if (core.isDestroyed()) throw closed();
      work.succeed(answer);
      finished(id, kind, seq, null);
      return answer;
    } catch (caught) {
      const error = toInboxError(caught);
      work.fail();
      finished(id, kind, seq, error);
      throw error;
    } finally {
      request.close();
      release?.();
    }
  }

  /** An optimistic change of `fields`, through the entities' write path. */
  function change(id: string, kind: 'assign' | 'resolve', fields: Partial<Conversation>, send: Work<ConversationUpdate>['send'], gate?: Gate) {
    let ticket: ReturnType<Entities['begin']>;
    return mutate<ConversationUpdate>(
      id,
      kind,
      {
        begin: (seq) => void (ticket = entities.begin(id, kind, fields, seq)),
        send,
        check(update) {
          const wrong = mismatch(id, update, kind === 'assign' ? 'an assign' : 'a resolve');
          if (wrong) throw wrong;
        },
        succeed: (update) => entities.succeed(ticket, update),
        fail: () => entities.fail(ticket),
        restamp: () => entities.restamp(ticket, core.nextSeq()),
      },
      gate,
    );
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
    return change(id, 'assign', fields, (signal) => adapter.assignConversation(id, assignee, { signal }), gate);
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
    const done = change(id, 'resolve', fields, (signal) => adapter.resolveConversation(id, withResolution ? { resolution, signal } : { signal }), held);
    if (held && holds.isHeld(id)) {
      const settled = done.catch(() => undefined);
      heldSends.set(id, settled);
      void settled.then(() => heldSends.get(id) === settled && heldSends.delete(id));
    }
    return done;
  }

  async function addNote(id: string, content?: string): Promise<Note> {
    if (!capabilities.notes) throw failed(id, 'note', new InboxError('unsupported', 'This backend has no internal notes.'));
    const text = content ?? core.get().drafts[id] ?? '';
    if (typeof text !== 'string' || text.trim() === '') throw failed(id, 'note', new InboxError('invalid_input', 'A note cannot be empty.'));
    if (core.get().mutations[id]?.note?.pending) throw new InboxError('invalid_input', 'A note is already being sent for this conversation.');
    const temp: NoteEntry = { id: `pending-${++tempIds}`, conversationId: id, content: text, createdAt: new Date(core.now()).toISOString(), pending: true };
    const me = core.get().currentUser;
    if (me) temp.author = { id: me.id, ...(me.name !== undefined && { name: me.name }) };
    // The backend may name no author (or only an id): the current user wrote it, so carry their name.
    const authored = (n: NoteEntry): NoteEntry => (temp.author && (!n.author || (n.author.id === temp.author.id && !n.author.name)) ? { ...n, author: temp.author } : n);
    const note = await mutate<Note>(id, 'note', {
      begin: () => details.setNotes(id, (current) => ({ items: [...current.items, temp] })),
      send: (signal) => adapter.addNote(id, text, { signal }),
      check(answer) {
        const wrong = mismatch(id, answer, 'a note', 'conversationId');
        if (wrong) throw wrong;
      },
      succeed(answer) {
        details.setNotes(id, (current) => ({
          items: current.items.some((n) => n.id === answer.id)
            ? // A backend that pushes (memory) may have delivered this note already, before its answer: keep one copy.
              current.items.filter((n) => n.id !== temp.id).map((n) => (n.id === answer.id ? authored(n) : n))
            : current.items.map((n) => (n.id === temp.id ? authored(answer) : n)),
        }));
        // The draft goes only now that the server has the note, and only if it is still what was sent.
        if (core.get().drafts[id] === text) drafts.setDraft(id, '');
      },
      fail() {
        details.setNotes(id, (current) => ({ items: current.items.filter((n) => n.id !== temp.id) }));
        // Nothing typed is lost: the text goes back to the draft, ahead of anything typed since.
        const draft = core.get().drafts[id] ?? '';
        if (!draft.includes(text)) drafts.setDraft(id, draft ? `${text}\n\n${draft}` : text);
      },
    });
    core.emit({ type: 'note.added', note });
    return note;
  }

  function clearMutationError(id: string, kind: MutationKind) {
    const current = core.get().mutations[id]?.[kind];
    if (current && !current.pending) setMutation(id, kind, null);
  }

  return { assign, resolve, addNote, clearMutationError };
}
