import type { Conversation, Note } from '../core/types.js';
import { putEntry, retain } from './core.js';
import type { Holders, StoreCore } from './core.js';
import type { Details } from './details.js';
import type { DraftStorage } from './drafts.js';
import { dict, withEntry } from './records.js';
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

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const byCreatedAt = (a: Note, b: Note) => Date.parse(a.createdAt) - Date.parse(b.createdAt);

/**
 * Reads a saved record (the object under `field` of what `key` holds, or all
 * of it), each entry checked by `read`: anything malformed, and a storage that
 * throws, reads as nothing. Any string is a safe id (no prototype).
 */
function readRecord<T>(storage: DraftStorage, key: string, field: string | null, read: (value: unknown, id: string) => T | undefined): Record<string, T> {
  const out = dict<T>();
  try {
    const parsed: unknown = JSON.parse(storage.getItem(key) ?? 'null');
    const items = field && isRecord(parsed) ? parsed[field] : parsed;
    if (isRecord(items)) {
      for (const [id, value] of Object.entries(items)) {
        const entry = read(value, id);
        if (entry !== undefined) out[id] = entry;
      }
    }
  } catch {
    // Unreadable: nothing saved.
  }
  return out;
}

/**
 * Saves a record (under `field`, beside a version, or as it is), each entry
 * as `write` gives it; an empty one is removed. A full or blocked storage
 * loses persistence, never what is in memory, and never another key.
 */
function saveRecord<T>(storage: DraftStorage, key: string, field: string | null, record: Record<string, T>, write: (value: T) => unknown = (value) => value): boolean {
  const items = dict<unknown>();
  for (const id of Object.keys(record)) items[id] = write(record[id]!);
  try {
    if (Object.keys(items).length === 0) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(field ? { v: 1, [field]: items } : items));
    return true;
  } catch {
    return false;
  }
}

/** A saved "last opened" mark, `[at, seen, count]`, or `undefined` when malformed. */
function toOpened(value: unknown): OpenedEntry | undefined {
  if (!Array.isArray(value)) return undefined;
  const [at, seen, count] = value as unknown[];
  return isFiniteNumber(at) && isFiniteNumber(seen) && isFiniteNumber(count) && count >= 0 ? { at, seen, count } : undefined;
}

/** A conversation's saved notes, oldest first, each validated and once; `undefined` when none is usable. */
function toNotes(value: unknown, conversationId: string): Note[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const notes = new Map<string, Note>();
  for (const item of value as unknown[]) {
    if (!isRecord(item)) continue;
    const { id, content, createdAt, author } = item;
    if (typeof id !== 'string' || notes.has(id) || typeof content !== 'string' || content === '' || typeof createdAt !== 'string' || !Number.isFinite(Date.parse(createdAt))) continue;
    const note: Note = { id, conversationId, content, createdAt };
    if (isRecord(author) && typeof author.id === 'string') note.author = typeof author.name === 'string' ? { id: author.id, name: author.name } : { id: author.id };
    notes.set(id, note);
  }
  return notes.size > 0 ? [...notes.values()].sort(byCreatedAt) : undefined;
}

/** Only what the server confirmed is saved. */
const toSavedNote = ({ id, content, createdAt, author }: Note) => ({ id, content, createdAt, ...(author && { author }) });

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
  const out = dict<OpenedEntry>();
  for (const id of ids.sort((a, b) => opened[b]!.at - opened[a]!.at).slice(0, max)) out[id] = opened[id]!;
  return out;
}

/** Keeps the newest notes: `perConversation` each, `total` in all. */
export function boundNotes(notes: Record<string, Note[]>, perConversation = MAX_SAVED_NOTES_PER_CONVERSATION, total = MAX_SAVED_NOTES): Record<string, Note[]> {
  const kept = Object.keys(notes)
    .flatMap((id) => notes[id]!.slice(-perConversation))
    .sort(byCreatedAt)
    .slice(-total);
  const out = dict<Note[]>();
  for (const note of kept) (out[note.conversationId] ??= []).push(note);
  return out;
}

/**
 * What the kit keeps in this browser, per backend: note drafts (under
 * `storageKey`), and per agent beside them, when each conversation was last
 * opened (so unread counts clear) and, where the backend cannot list notes,
 * the notes added here (so they show after a reload). Storage is touched
 * only from `start()` (on mount), and every write of marks and notes first
 * reads what another tab may have saved, so tabs add up rather than
 * overwrite each other.
 */
export function createLocal(core: StoreCore, details: Details, options: { storageKey?: string | undefined }) {
  const storageKey = options.storageKey ?? 'inboxkit:drafts';
  const { capabilities } = core;
  // Only where notes can be added but never listed back.
  const keepsNotes = capabilities.notes && !capabilities.listNotes;
  let storage: DraftStorage | null = null;
  let userId = core.get().currentUser?.id ?? null;
  const key = (kind: 'opened' | 'notes') => `${storageKey}:${kind}:${encodeURIComponent(String(core.adapter.flavour))}:${encodeURIComponent(userId ?? '')}`;
  const readNotes = (from: DraftStorage) => readRecord(from, key('notes'), 'notes', toNotes);
  // Conversations open now (observed), and the entity last marked for each.
  const open: Holders<string> = new Map();
  const marked = new Map<string, Conversation>();
  // Notes put into the state from storage (not added in this session), by id.
  const restored = new Set<string>();

  /** One draft per conversation; saved once mounted. */
  function setDraft(id: string, text: string) {
    putEntry(core, 'drafts', id, () => text || undefined);
    if (storage && !core.isDestroyed()) saveRecord(storage, storageKey, null, core.get().drafts);
  }

  /** Merges what storage holds now into `opened` and saves the result (bounded). */
  function syncOpened(write: boolean) {
    if (!storage) return;
    const stored = readRecord(storage, key('opened'), 'opened', toOpened);
    const current = core.get().opened;
    const merged = Object.assign(dict<OpenedEntry>(), current);
    let changed = false;
    for (const id of Object.keys(stored)) {
      const next = newer(merged[id], stored[id]!);
      changed ||= next !== merged[id];
      merged[id] = next;
    }
    const bounded = boundOpened(merged);
    if (changed || bounded !== merged) core.set({ opened: bounded });
    if (write) saveRecord(storage, key('opened'), 'opened', bounded, ({ at, seen, count }) => [at, seen, count]);
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
    core.set((s) => ({ opened: boundOpened(withEntry(s.opened, id, entry)) }));
    syncOpened(true);
  }

  // While a conversation is open, what arrives in it (a poll, a push) is seen: keep its mark current.
  // O(open conversations) per state change: usually one.
  core.state.subscribe((state) => {
    for (const id of open.keys()) {
      const conversation = state.conversations[id];
      if (conversation && conversation !== marked.get(id)) mark(id, false);
    }
  });

  /** Marks a conversation as opened until the returned function is called (then once more: it was seen until then). */
  function opened(id: string): () => void {
    const release = retain(open, id, id, (last) => {
      if (last) marked.delete(id);
      mark(id, true);
    });
    mark(id, true);
    return release;
  }

  /** Puts saved notes into the state, marked as kept here; notes already shown keep their place. */
  function restoreNotes() {
    if (!storage || !keepsNotes) return;
    const saved = readNotes(storage);
    for (const conversationId of Object.keys(saved)) {
      details.setNotes(conversationId, (current) => {
        const ids = new Set(current.items.map((n) => n.id));
        const added: NoteEntry[] = saved[conversationId]!.filter((n) => !ids.has(n.id)).map((n) => (restored.add(n.id), { ...n, savedInBrowser: true }));
        if (added.length === 0) return {};
        // Oldest first, as the backend would list them; notes still sending stay last.
        const settled = [...current.items.filter((n) => !n.pending), ...added].sort(byCreatedAt);
        return { items: [...settled, ...current.items.filter((n) => n.pending)] };
      });
    }
  }

  /** A note the server confirmed, on a backend that cannot list it back: keep it here and say whether that worked. */
  core.subscribe((event) => {
    if (event.type !== 'note.added' || !keepsNotes || typeof event.note?.conversationId !== 'string') return;
    const { note } = event;
    const conversationId = note.conversationId;
    let ok = false;
    if (storage) {
      // The note as shown (with the author the store filled in), not as the server answered.
      const shown = core.get().notes[conversationId]?.items.find((n) => n.id === note.id) ?? note;
      const saved = readNotes(storage);
      saved[conversationId] = [...(saved[conversationId] ?? []).filter((n) => n.id !== note.id), { ...toSavedNote(shown), conversationId }].sort(byCreatedAt);
      const bounded = boundNotes(saved);
      // Kept only if the write worked and the bound did not drop it at once.
      ok = saveRecord(storage, key('notes'), 'notes', bounded, (notes) => notes.map(toSavedNote)) && !!bounded[conversationId]?.some((n) => n.id === note.id);
    }
    details.setNotes(conversationId, (current) =>
      current.items.some((n) => n.id === note.id) ? { items: current.items.map((n) => (n.id === note.id ? { ...n, savedInBrowser: ok } : n)) } : {},
    );
  });

  /** Resolves the storage (on mount, never during render), loads what it holds and follows other tabs. */
  function start(given: DraftStorage): () => void {
    storage = given;
    // Drafts typed before mount win over older saved ones.
    const drafts = Object.assign(
      readRecord(given, storageKey, null, (text) => (typeof text === 'string' && text !== '' ? text : undefined)),
      core.get().drafts,
    );
    core.set({ drafts });
    saveRecord(given, storageKey, null, drafts);
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
    if (userId !== null) core.set({ opened: dict() });
    userId = next;
    for (const conversationId of Object.keys(core.get().notes)) {
      if (core.get().notes[conversationId]!.items.some((n) => restored.has(n.id))) {
        details.setNotes(conversationId, (current) => ({ items: current.items.filter((n) => !restored.has(n.id)) }));
      }
    }
    restored.clear();
    syncOpened(true);
    restoreNotes();
  }

  return { setDraft, opened, start, setUser };
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
