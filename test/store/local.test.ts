import { afterEach, describe, expect, it, vi } from 'vitest';
import { InboxError, MAX_OPENED, createInboxStore, createMemoryAdapter, createMemoryStorage, visibleUnread } from 'inboxkit';
import type { Conversation, ConversationsAdapter, DraftStorage, InboxStore } from 'inboxkit';
import { conversation } from '../hooks/helpers';

const ME = { id: 'user_me', name: 'Mina Agent' };
const OPENED_KEY = 'inboxkit:drafts:opened:memory:user_me';
const NOTES_KEY = 'inboxkit:drafts:notes:memory:user_me';

const stores: InboxStore[] = [];
function make(adapter: ConversationsAdapter, storage: DraftStorage, currentUser: { id: string; name?: string } | null = ME) {
  const store = createInboxStore({ adapter, storage, currentUser, pollIntervalMs: 0 });
  stores.push(store);
  return store;
}
afterEach(() => {
  for (const store of stores.splice(0)) store.destroy();
  localStorage.clear();
});

/** Waply as the memory backend imitates it: notes can be added, never listed. */
const waplyLike = (rows: Conversation[] = [conversation('conv_a', 'Ada'), conversation('conv_b', 'Bo')]) => createMemoryAdapter({ conversations: rows, profile: 'waply' });

const shown = (store: InboxStore, id: string) => store.state.getState().notes[id]?.items ?? [];

describe('notes kept in this browser (the backend cannot list them)', () => {
  it('keeps a confirmed note and shows it again after a reload, marked as kept here, with its author', async () => {
    const storage = createMemoryStorage();
    const adapter = waplyLike();
    const first = make(adapter, storage);
    first.mount();
    const note = await first.addNote('conv_a', 'Refund sent by bank transfer');
    expect(shown(first, 'conv_a')).toEqual([expect.objectContaining({ id: note.id, content: 'Refund sent by bank transfer', savedInBrowser: true })]);
    first.destroy();

    const reloaded = make(adapter, storage);
    expect(shown(reloaded, 'conv_a')).toEqual([]); // nothing before mount
    reloaded.mount();
    expect(shown(reloaded, 'conv_a')).toEqual([
      { id: note.id, conversationId: 'conv_a', content: 'Refund sent by bank transfer', createdAt: note.createdAt, author: { id: 'user_me', name: 'Mina Agent' }, savedInBrowser: true },
    ]);
    expect(shown(reloaded, 'conv_b')).toEqual([]);
  });

  it('never keeps a note the server refused: after a reload it is the draft, not a saved note', async () => {
    const storage = createMemoryStorage();
    const backend = waplyLike();
    const refusing: ConversationsAdapter = { ...backend, capabilities: backend.capabilities, addNote: () => Promise.reject(new InboxError('server', 'Down', { status: 500 })) };
    const first = make(refusing, storage);
    first.mount();
    await expect(first.addNote('conv_a', 'Call back at 5')).rejects.toMatchObject({ code: 'server' });
    expect(shown(first, 'conv_a')).toEqual([]);
    expect(storage.getItem(NOTES_KEY)).toBeNull();
    first.destroy();

    const reloaded = make(backend, storage);
    reloaded.mount();
    expect(shown(reloaded, 'conv_a')).toEqual([]);
    expect(reloaded.state.getState().drafts.conv_a).toBe('Call back at 5');
  });

  it('never keeps a note still being sent (a reload then finds it in the draft)', async () => {
    const storage = createMemoryStorage();
    const backend = waplyLike();
    const hanging: ConversationsAdapter = { ...backend, capabilities: backend.capabilities, addNote: () => new Promise<never>(() => {}) };
    const first = make(hanging, storage);
    first.mount();
    first.setDraft('conv_a', 'Half sent');
    void first.addNote('conv_a').catch(() => undefined);
    expect(shown(first, 'conv_a')).toEqual([expect.objectContaining({ pending: true })]);
    expect(storage.getItem(NOTES_KEY)).toBeNull();

    const reloaded = make(backend, storage);
    reloaded.mount();
    expect(shown(reloaded, 'conv_a')).toEqual([]);
    expect(reloaded.state.getState().drafts.conv_a).toBe('Half sent');
  });

  it('keeps nothing where the backend lists notes itself', async () => {
    const storage = createMemoryStorage();
    const store = make(createMemoryAdapter({ conversations: [conversation('conv_a', 'Ada')] }), storage);
    store.mount();
    await store.addNote('conv_a', 'Listed by the server');
    expect(storage.getItem(NOTES_KEY)).toBeNull();
    expect(shown(store, 'conv_a')[0]!.savedInBrowser).toBeUndefined();
  });

  it('says so when storage is full, and loses nothing else (drafts and marks stay saved)', async () => {
    const inner = createMemoryStorage();
    const full: DraftStorage = {
      getItem: (key) => inner.getItem(key),
      setItem: (key, value) => {
        if (key.includes(':notes:')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        inner.setItem(key, value);
      },
      removeItem: (key) => inner.removeItem(key),
    };
    const store = make(waplyLike(), full);
    store.mount();
    store.setDraft('conv_b', 'A draft elsewhere');
    await store.addNote('conv_a', 'Will not fit');
    expect(shown(store, 'conv_a')).toEqual([expect.objectContaining({ content: 'Will not fit', savedInBrowser: false })]);
    expect(JSON.parse(inner.getItem('inboxkit:drafts')!)).toEqual({ conv_b: 'A draft elsewhere' });
    store.destroy();

    const reloaded = make(waplyLike(), full);
    reloaded.mount();
    expect(reloaded.state.getState().drafts.conv_b).toBe('A draft elsewhere');
    expect(shown(reloaded, 'conv_a')).toEqual([]);
  });

  it('survives hostile saved notes: bad JSON, wrong shapes, duplicates and prototype ids', () => {
    for (const raw of ['{not json', 'null', '[]', '"text"', '{"v":1,"notes":[]}', '{"v":1,"notes":{"conv_a":"nope"}}']) {
      const storage = createMemoryStorage();
      storage.setItem(NOTES_KEY, raw);
      const store = make(waplyLike(), storage);
      expect(() => store.mount()).not.toThrow();
      expect(shown(store, 'conv_a')).toEqual([]);
    }
    const storage = createMemoryStorage();
    const good = { id: 'note_1', content: 'Kept', createdAt: '2026-05-01T10:00:00.000Z' };
    const conv_a = [good, good, { id: 'note_2' }, { id: 3, content: 'x', createdAt: good.createdAt }, { ...good, id: 'note_3', createdAt: 'yesterday' }, null, { ...good, id: 'note_4', content: '' }];
    const proto = [{ ...good, id: 'note_p', content: 'On a prototype-named conversation' }];
    const ctor = [{ ...good, id: 'note_c', content: 'On constructor', author: { id: 'user_x', name: 42 } }];
    // Written by hand: JSON.stringify would drop a literal __proto__ key.
    storage.setItem(NOTES_KEY, `{"v":1,"notes":{"conv_a":${JSON.stringify(conv_a)},"__proto__":${JSON.stringify(proto)},"constructor":${JSON.stringify(ctor)}}}`);
    const store = make(waplyLike(), storage);
    store.mount();
    expect(shown(store, 'conv_a').map((n) => n.id)).toEqual(['note_1']);
    expect(shown(store, '__proto__').map((n) => n.content)).toEqual(['On a prototype-named conversation']);
    expect(shown(store, 'constructor')).toEqual([expect.objectContaining({ id: 'note_c', author: { id: 'user_x' }, savedInBrowser: true })]);
    expect(({} as Record<string, unknown>).id).toBeUndefined();
    expect(Object.getPrototypeOf(store.state.getState().notes)).toBeNull();
  });

  it('keeps notes per agent: another agent on this browser does not see them', async () => {
    const storage = createMemoryStorage();
    const adapter = waplyLike();
    const mine = make(adapter, storage);
    mine.mount();
    await mine.addNote('conv_a', 'Mine');
    mine.destroy();
    const theirs = make(adapter, storage, { id: 'user_other' });
    theirs.mount();
    expect(shown(theirs, 'conv_a')).toEqual([]);
    // The same agent signing in later gets theirs back.
    theirs.setOptions({ currentUser: ME });
    expect(shown(theirs, 'conv_a').map((n) => n.content)).toEqual(['Mine']);
    theirs.setOptions({ currentUser: { id: 'user_other' } });
    expect(shown(theirs, 'conv_a')).toEqual([]);
  });

  it('is bounded: the newest 50 notes of a conversation are kept', async () => {
    const storage = createMemoryStorage();
    const store = make(waplyLike(), storage);
    store.mount();
    for (let i = 1; i <= 55; i++) await store.addNote('conv_a', `Note ${i}`);
    const saved = JSON.parse(storage.getItem(NOTES_KEY)!) as { notes: Record<string, Array<{ content: string }>> };
    expect(saved.notes.conv_a).toHaveLength(50);
    expect(saved.notes.conv_a!.at(-1)!.content).toBe('Note 55');
    expect(saved.notes.conv_a!.map((n) => n.content)).not.toContain('Note 1');
  });
});

describe('unread that clears once opened (kept per agent and backend)', () => {
  const unreadRow = () => conversation('conv_u', 'Una', { unreadCount: 3 });

  it('opening clears the count; a reload keeps it cleared; new activity brings the server count back', async () => {
    const storage = createMemoryStorage();
    const backend = createMemoryAdapter({ conversations: [unreadRow(), conversation('conv_v', 'Vic', { unreadCount: 1 })] });
    const store = make(backend, storage);
    store.mount();
    await store.fetchList({});
    const unread = (id = 'conv_u') => visibleUnread(store.state.getState().conversations[id]!, store.state.getState().opened[id]);
    expect(unread()).toBe(3);

    const close = store.observeConversation('conv_u');
    expect(unread()).toBe(0);
    close();
    expect(unread()).toBe(0);
    expect(unread('conv_v')).toBe(1);
    store.destroy();

    const reloaded = make(backend, storage);
    reloaded.mount();
    await reloaded.fetchList({});
    const again = (id = 'conv_u') => visibleUnread(reloaded.state.getState().conversations[id]!, reloaded.state.getState().opened[id]);
    expect(again()).toBe(0);
    expect(again('conv_v')).toBe(1);

    backend.simulate.incomingMessage('conv_u', 'Are you there?');
    expect(reloaded.state.getState().conversations.conv_u!.unreadCount).toBe(4);
    expect(again()).toBe(4);
  });

  it('what arrives while the conversation is open is seen: it stays cleared', async () => {
    const backend = createMemoryAdapter({ conversations: [unreadRow()] });
    const store = make(backend, createMemoryStorage());
    store.mount();
    await store.fetchList({});
    const close = store.observeConversation('conv_u');
    backend.simulate.incomingMessage('conv_u', 'One more thing');
    const state = store.state.getState();
    expect(visibleUnread(state.conversations.conv_u!, state.opened.conv_u)).toBe(0);
    close();
  });

  it('an open before mount (the view mounts before the provider) is saved once storage is there', async () => {
    const storage = createMemoryStorage();
    const store = make(createMemoryAdapter({ conversations: [unreadRow()] }), storage);
    await store.fetchList({});
    store.observeConversation('conv_u');
    expect(storage.getItem(OPENED_KEY)).toBeNull();
    store.mount();
    expect(Object.keys(JSON.parse(storage.getItem(OPENED_KEY)!).opened)).toEqual(['conv_u']);
  });

  it('keeps marks per agent and per backend', async () => {
    const storage = createMemoryStorage();
    const backend = createMemoryAdapter({ conversations: [unreadRow()] });
    const mine = make(backend, storage);
    mine.mount();
    await mine.fetchList({});
    mine.observeConversation('conv_u')();
    mine.destroy();

    const other = make(backend, storage, { id: 'user_other' });
    other.mount();
    await other.fetchList({});
    expect(visibleUnread(other.state.getState().conversations.conv_u!, other.state.getState().opened.conv_u)).toBe(3);

    const waply = make({ ...backend, flavour: 'waply', capabilities: backend.capabilities } as ConversationsAdapter, storage);
    waply.mount();
    await waply.fetchList({});
    expect(waply.state.getState().opened.conv_u).toBeUndefined();
    expect(storage.getItem('inboxkit:drafts:opened:waply:user_me')).toBeNull();
  });

  it('keeps the 5,000 most recently opened', async () => {
    const storage = createMemoryStorage();
    const opened: Record<string, [number, number, number]> = {};
    for (let i = 0; i < MAX_OPENED; i++) opened[`conv_${i}`] = [1_000 + i, 1_000, 0];
    storage.setItem(OPENED_KEY, JSON.stringify({ v: 1, opened }));
    const store = make(createMemoryAdapter({ conversations: [unreadRow()] }), storage);
    store.mount();
    expect(Object.keys(store.state.getState().opened)).toHaveLength(MAX_OPENED);
    await store.fetchList({});
    store.observeConversation('conv_u');
    const saved = Object.keys(JSON.parse(storage.getItem(OPENED_KEY)!).opened as object);
    expect(saved).toHaveLength(MAX_OPENED);
    expect(saved).toContain('conv_u');
    expect(saved).not.toContain('conv_0'); // the oldest went
    expect(saved).toContain('conv_1');
    expect(Object.keys(store.state.getState().opened)).toHaveLength(MAX_OPENED);
  });

  it('survives hostile saved marks: bad JSON, wrong shapes and prototype ids', async () => {
    for (const raw of ['{not json', 'null', '[1,2]', '{"opened":[]}', '{"opened":{"conv_u":"yes"}}', '{"opened":{"conv_u":[1,"2",3]}}', '{"opened":{"conv_u":[1,2,-1]}}']) {
      const storage = createMemoryStorage();
      storage.setItem(OPENED_KEY, raw);
      const store = make(createMemoryAdapter({ conversations: [unreadRow()] }), storage);
      expect(() => store.mount()).not.toThrow();
      await store.fetchList({});
      expect(visibleUnread(store.state.getState().conversations.conv_u!, store.state.getState().opened.conv_u)).toBe(3);
      // A bad save is replaced by a good one on the next open, not kept failing.
      store.observeConversation('conv_u');
      expect(JSON.parse(storage.getItem(OPENED_KEY)!).opened.conv_u).toHaveLength(3);
    }
    const storage = createMemoryStorage();
    storage.setItem(OPENED_KEY, '{"v":1,"opened":{"__proto__":[5,5,1],"constructor":[6,6,0],"conv_u":[7,7,0]}}');
    const store = make(createMemoryAdapter({ conversations: [unreadRow()] }), storage);
    store.mount();
    const opened = store.state.getState().opened;
    expect(Object.getPrototypeOf(opened)).toBeNull();
    expect(Object.keys(opened).sort()).toEqual(['__proto__', 'constructor', 'conv_u']);
    expect(opened.__proto__).toEqual({ at: 5, seen: 5, count: 1 });
    expect(({} as Record<string, unknown>).seen).toBeUndefined();
  });

  it('a storage that throws everywhere breaks nothing: opening still clears, in memory', async () => {
    const broken: DraftStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    const store = make(createMemoryAdapter({ conversations: [unreadRow()] }), broken);
    expect(() => store.mount()).not.toThrow();
    await store.fetchList({});
    expect(() => store.observeConversation('conv_u')).not.toThrow();
    expect(visibleUnread(store.state.getState().conversations.conv_u!, store.state.getState().opened.conv_u)).toBe(0);
  });

  it('another tab opening a conversation clears it here too (storage event)', async () => {
    const backend = createMemoryAdapter({ conversations: [unreadRow()] });
    const here = make(backend, localStorage);
    const there = make(backend, localStorage);
    here.mount();
    there.mount();
    await here.fetchList({});
    await there.fetchList({});
    there.observeConversation('conv_u')();
    expect(here.state.getState().opened.conv_u).toBeUndefined();
    window.dispatchEvent(new StorageEvent('storage', { key: OPENED_KEY, storageArea: localStorage }));
    expect(visibleUnread(here.state.getState().conversations.conv_u!, here.state.getState().opened.conv_u)).toBe(0);
  });

  it('follows other tabs only through a Web Storage area: a memory or custom storage adds no storage listener', () => {
    // The page's first `storage` listener makes the browser connect the window to its storage (milliseconds
    // of the mount); nothing but localStorage or sessionStorage is ever written by another tab.
    const added = vi.spyOn(window, 'addEventListener');
    const storageListeners = () => added.mock.calls.filter(([type]) => type === 'storage').length;
    const backend = createMemoryAdapter({ conversations: [unreadRow()] });
    make(backend, createMemoryStorage()).mount();
    make(backend, { getItem: () => null, setItem: () => {}, removeItem: () => {} }).mount();
    expect(storageListeners()).toBe(0);
    make(backend, localStorage).mount();
    make(backend, sessionStorage).mount();
    expect(storageListeners()).toBe(2);
    added.mockRestore();
  });

  it('two tabs writing do not erase each other’s marks', async () => {
    const backend = createMemoryAdapter({ conversations: [unreadRow(), conversation('conv_v', 'Vic', { unreadCount: 2 })] });
    const one = make(backend, localStorage);
    const two = make(backend, localStorage);
    one.mount();
    two.mount();
    await one.fetchList({});
    await two.fetchList({});
    one.observeConversation('conv_u')();
    two.observeConversation('conv_v')();
    expect(Object.keys(JSON.parse(localStorage.getItem(OPENED_KEY)!).opened).sort()).toEqual(['conv_u', 'conv_v']);
  });

});
