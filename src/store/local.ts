import type { Conversation, Note } from '../core/types.js';
import type { StoreCore } from './core.js';
import type { Details } from './details.js';
import type { DraftStorage } from './drafts.js';
import { copyDict, dict } from './records.js';
import type { InboxState, NoteEntry, OpenedEntry } from './types.js';

/** How many conversations' "last opened" marks are kept: the most recently opened. */
export const MAX_OPENED = 5000;
/** How many notes this browser keeps per conversation (the newest). */
export const MAX_SAVED_NOTES_PER_CONVERSATION = 50;
/** How many notes this browser keeps in all (the newest). */
export const MAX_SAVED_NOTES = 500;

/**
 * When a conversation last had news: its last message where the backend
 * says, else `updatedAt`. The last message, because the agent's own assign
 * or resolve moves `updatedAt` without anything new to read.
 */
export function activityAt(conversation: Conversation): number {
  return Date.parse(conversation.lastMessage?.timestamp ?? conversation.updatedAt);
}

/**
 * The unread count to show: the server's, unless the agent opened the
 * conversation after its last activity (then 0). New activity, or a higher
 * count, brings the server's count back. `null` where the backend reports none.
 */
export function visibleUnread(conversation: Conversation, opened: OpenedEntry | undefined): number | null {
  const count = conversation.unreadCount;
  if (typeof count !== 'number') return null;
  if (count <= 0 || !opened) return count;
  const activity = activityAt(conversation);
  return Number.isFinite(activity) && activity <= opened.seen && count <= opened.count ? 0 : count;
}

/** The key a kind of browser memory is saved under: one per agent and backend, beside the drafts' key. */
export function localKey(storageKey: string, kind: 'opened' | 'notes', flavour: string, userId: string | null | undefined): string {
  return `${storageKey}:${kind}:${encodeURIComponent(flavour)}:${encodeURIComponent(userId ?? '')}`;
}

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function readJson(storage: DraftStorage, key: string): Record<string, unknown> | null {
  try {
    const raw = storage.getItem(key);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Saves; a full or blocked storage loses persistence, never what is in memory, and never another key. */
function writeJson(storage: DraftStorage, key: string, value: object | null): boolean {
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** Reads saved "last opened" marks, skipping anything malformed. Any string is a safe id. */
export function readOpened(storage: DraftStorage, key: string): Record<string, OpenedEntry> {
  const out = dict<OpenedEntry>();
  const items = readJson(storage, key)?.opened;
  if (typeof items !== 'object' || items === null || Array.isArray(items)) return out;
  for (const [id, value] of Object.entries(items)) {
    if (!Array.isArray(value)) continue;
    const [at, seen, count] = value as unknown[];
    if (isFiniteNumber(at) && isFiniteNumber(seen) && isFiniteNumber(count) && count >= 0) out[id] = { at, seen, count };
  }
  return out;
}

/** The newer of two marks of one conversation (another tab may have opened it since): `a` itself when it is. */
function newer(a: OpenedEntry | undefined, b: OpenedEntry): OpenedEntry {
  if (!a) return b;
  const winner = b.seen > a.seen || (b.seen === a.seen && b.count > a.count) ? b : a;
  const at = Math.max(a.at, b.at);
  return winner === a && a.at === at ? a : { ...winner, at };
}

/** Keeps the `max` most recently opened. */
export function boundOpened(opened: Record<string, OpenedEntry>, max = MAX_OPENED): Record<string, OpenedEntry> {
  const ids = Object.keys(opened);
  if (ids.length <= max) return opened;
  ids.sort((a, b) => opened[b]!.at - opened[a]!.at);
  const out = dict<OpenedEntry>();
  for (const id of ids.slice(0, max)) out[id] = opened[id]!;
  return out;
}

function toStorableOpened(opened: Record<string, OpenedEntry>): object | null {
  const ids = Object.keys(opened);
  if (ids.length === 0) return null;
  const items: Record<string, [number, number, number]> = dict();
  for (const id of ids) items[id] = [opened[id]!.at, opened[id]!.seen, opened[id]!.count];
  return { v: 1, opened: items };
}

/** A note as saved: only what the server confirmed, validated on the way back in. */
function toNote(value: unknown, conversationId: string): Note | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, content, createdAt, author } = value as Record<string, unknown>;
  if (typeof id !== 'string' || typeof content !== 'string' || content === '' || typeof createdAt !== 'string' || !Number.isFinite(Date.parse(createdAt))) return null;
  const note: Note = { id, conversationId, content, createdAt };
  if (typeof author === 'object' && author !== null) {
    const { id: authorId, name } = author as Record<string, unknown>;
    if (typeof authorId === 'string') note.author = typeof name === 'string' ? { id: authorId, name } : { id: authorId };
  }
  return note;
}

/** Reads the notes this browser keeps, by conversation, oldest first; malformed entries are skipped. */
export function readSavedNotes(storage: DraftStorage, key: string): Record<string, Note[]> {
  const out = dict<Note[]>();
  const items = readJson(storage, key)?.notes;
  if (typeof items !== 'object' || items === null || Array.isArray(items)) return out;
  for (const [conversationId, list] of Object.entries(items)) {
    if (!Array.isArray(list)) continue;
    const seen = new Set<string>();
    const notes: Note[] = [];
    for (const value of list) {
      const note = toNote(value, conversationId);
      if (note && !seen.has(note.id)) {
        seen.add(note.id);
        notes.push(note);
      }
    }
    if (notes.length > 0) out[conversationId] = notes.sort(byCreatedAt);
  }
  return out;
}

const byCreatedAt = (a: Note, b: Note) => Date.parse(a.createdAt) - Date.parse(b.createdAt);

/** Keeps the newest notes: `perConversation` each, `total` in all. */
export function boundNotes(notes: Record<string, Note[]>, perConversation = MAX_SAVED_NOTES_PER_CONVERSATION, total = MAX_SAVED_NOTES): Record<string, Note[]> {
  const all: Note[] = [];
  for (const id of Object.keys(notes)) all.push(...notes[id]!.slice(-perConversation));
  const kept = all.sort(byCreatedAt).slice(-total);
  const out = dict<Note[]>();
  for (const note of kept) (out[note.conversationId] ??= []).push(note);
  return out;
}

function toStorableNotes(notes: Record<string, Note[]>): object | null {
  const ids = Object.keys(notes);
  if (ids.length === 0) return null;
  const items: Record<string, unknown[]> = dict();
  for (const id of ids) items[id] = notes[id]!.map(({ id: noteId, content, createdAt, author }) => ({ id: noteId, content, createdAt, ...(author && { author }) }));
  return { v: 1, notes: items };
}

/**
 * What the kit keeps in this browser beside the drafts, per agent and backend:
 * when each conversation was last opened (so unread counts clear), and, where
 * the backend cannot list notes, the notes added here (so they show after a
 * reload). Storage is touched only from `start()` (on mount), and every
 * write first reads what another tab may have saved, so tabs add up rather
 * than overwrite each other.
 */
export function createLocal(core: StoreCore, details: Details, options: { storageKey?: string | undefined }) {
  const storageKey = options.storageKey ?? 'inboxkit:drafts';
  const { capabilities } = core;
  // Only where notes can be added but never listed back.
  const keepsNotes = capabilities.notes && !capabilities.listNotes;
  let storage: DraftStorage | null = null;
  let userId = core.get().currentUser?.id ?? null;
  const key = (kind: 'opened' | 'notes') => localKey(storageKey, kind, String(core.adapter.flavour), userId);
  // Conversations open now (observed), and the entity last marked for each.
  const open = new Map<string, number>();
  const marked = new Map<string, Conversation>();
  // Notes put into the state from storage (not added in this session), by id.
  const restored = new Set<string>();

  function setOpened(next: Record<string, OpenedEntry>) {
    core.set({ opened: next });
  }

  /** Merges what storage holds now into `opened` and saves the result (bounded). */
  function syncOpened(write: boolean) {
    if (!storage) return;
    const stored = readOpened(storage, key('opened'));
    const current = core.get().opened;
    const merged = copyDict(current);
    let changed = false;
    for (const id of Object.keys(stored)) {
      const next = newer(merged[id], stored[id]!);
      changed ||= next !== merged[id];
      merged[id] = next;
    }
    const bounded = boundOpened(merged);
    if (changed || bounded !== merged) setOpened(bounded);
    if (write) writeJson(storage, key('opened'), toStorableOpened(bounded));
  }

  /** Records that the agent has the conversation open now and has seen its latest activity. */
  function mark(id: string, force: boolean) {
    const conversation = core.get().conversations[id];
    if (!conversation || core.isDestroyed()) return;
    marked.set(id, conversation);
    const activity = activityAt(conversation);
    const previous = core.get().opened[id];
    const entry: OpenedEntry = {
      at: core.now(),
      seen: Math.max(Number.isFinite(activity) ? activity : 0, previous?.seen ?? 0),
      count: Math.max(0, conversation.unreadCount ?? 0),
    };
    // An update that brings nothing new to read (an assign while open) costs no write.
    if (!force && previous && previous.seen === entry.seen && previous.count === entry.count) return;
    const next = copyDict(core.get().opened);
    next[id] = entry;
    setOpened(boundOpened(next));
    syncOpened(true);
  }

  // While a conversation is open, what arrives in it (a poll, a push) is seen: keep its mark current.
  // O(open conversations) per state change: usually one.
  const unsubscribe = core.state.subscribe((state) => {
    if (open.size === 0) return;
    for (const id of open.keys()) {
      const conversation = state.conversations[id];
      if (conversation && conversation !== marked.get(id)) mark(id, false);
    }
  });

  /** Marks a conversation as opened until the returned function is called (then once more: it was seen until then). */
  function opened(id: string): () => void {
    open.set(id, (open.get(id) ?? 0) + 1);
    mark(id, true);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const count = (open.get(id) ?? 1) - 1;
      if (count > 0) open.set(id, count);
      else {
        open.delete(id);
        marked.delete(id);
      }
      if (core.get().conversations[id]) mark(id, true);
    };
  }

  /** Puts saved notes into the state, marked as kept here; notes already shown keep their place. */
  function restoreNotes() {
    if (!storage || !keepsNotes) return;
    const saved = readSavedNotes(storage, key('notes'));
    for (const conversationId of Object.keys(saved)) {
      const notes = saved[conversationId]!;
      details.setNotes(conversationId, (current) => {
        const ids = new Set(current.items.map((n) => n.id));
        const added: NoteEntry[] = notes.filter((n) => !ids.has(n.id)).map((n) => (restored.add(n.id), { ...n, savedInBrowser: true }));
        if (added.length === 0) return {};
        // Oldest first, as the backend would list them; notes still sending stay last.
        const settled = [...current.items.filter((n) => !n.pending), ...added].sort(byCreatedAt);
        return { items: [...settled, ...current.items.filter((n) => n.pending)] };
      });
    }
  }

  /** A note the server confirmed, on a backend that cannot list it back: keep it here and say whether that worked. */
  function keepNote(note: Note) {
    if (!keepsNotes || !note || typeof note.conversationId !== 'string') return;
    const conversationId = note.conversationId;
    // The note as shown (with the author the store filled in), not as the server answered.
    const shown = core.get().notes[conversationId]?.items.find((n) => n.id === note.id) ?? note;
    let ok = false;
    if (storage) {
      const saved = readSavedNotes(storage, key('notes'));
      const list = (saved[conversationId] ?? []).filter((n) => n.id !== note.id);
      const { id, content, createdAt, author } = shown;
      list.push({ id, conversationId, content, createdAt, ...(author && { author }) });
      saved[conversationId] = list.sort(byCreatedAt);
      const bounded = boundNotes(saved);
      // Kept only if the write worked and the bound did not drop it at once.
      ok = writeJson(storage, key('notes'), toStorableNotes(bounded)) && !!bounded[conversationId]?.some((n) => n.id === note.id);
    }
    details.setNotes(conversationId, (current) =>
      current.items.some((n) => n.id === note.id) ? { items: current.items.map((n) => (n.id === note.id ? { ...n, savedInBrowser: ok } : n)) } : {},
    );
  }

  const unsubscribeEvents = core.subscribe((event) => {
    if (event.type === 'note.added') keepNote(event.note);
  });

  /** Resolves the storage (on mount, never during render), loads what it holds and follows other tabs. */
  function start(given: DraftStorage): () => void {
    storage = given;
    syncOpened(true);
    restoreNotes();
    const win = (globalThis as { window?: Window | undefined }).window;
    // Only a Web Storage area is written by other tabs. The page's first `storage` listener costs milliseconds
    // (the browser connects the window to its storage), which a memory or custom storage would never repay.
    const WebStorage = (globalThis as { Storage?: typeof Storage | undefined }).Storage;
    if (!win?.addEventListener || !WebStorage || !(given instanceof WebStorage)) return () => {};
    // Another tab saved: take in what it opened and the notes it kept (storage events fire only in other tabs).
    const onStorage = (event: StorageEvent) => {
      if (core.isDestroyed() || (event.storageArea && event.storageArea !== (storage as unknown))) return;
      if (event.key === null || event.key === key('opened')) syncOpened(false);
      if (event.key === null || event.key === key('notes')) restoreNotes();
    };
    win.addEventListener('storage', onStorage);
    return () => win.removeEventListener('storage', onStorage);
  }

  /** The agent changed: their own marks and notes. Marks made before anyone signed in carry over to the first agent. */
  function setUser(next: string | null) {
    if (next === userId) return;
    const carry = userId === null;
    userId = next;
    if (!carry) setOpened(dict());
    if (restored.size > 0) {
      for (const conversationId of Object.keys(core.get().notes)) {
        if (core.get().notes[conversationId]!.items.some((n) => restored.has(n.id))) {
          details.setNotes(conversationId, (current) => ({ items: current.items.filter((n) => !restored.has(n.id)) }));
        }
      }
      restored.clear();
    }
    syncOpened(true);
    restoreNotes();
  }

  function destroy() {
    unsubscribe();
    unsubscribeEvents();
    open.clear();
  }

  return { opened, start, setUser, destroy };
}

export type Local = ReturnType<typeof createLocal>;

/**
 * Of a list's loaded ids, those unread as shown (`visibleUnread` > 0), in
 * order, plus `keep` (the open conversation: opening it clears it, and it
 * must not vanish from under the agent). One pass over `ids`.
 */
export function unreadIds(state: Pick<InboxState, 'conversations' | 'opened'>, ids: readonly string[], keep?: string | null | undefined): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const conversation = state.conversations[id];
    if (id === keep || (conversation && (visibleUnread(conversation, state.opened[id]) ?? 0) > 0)) out.push(id);
  }
  return out;
}
