import { describe, expect, it } from 'vitest';
import { InboxError, createInboxStore, createMemoryAdapter, createMemoryStorage, listKey } from 'inboxkit';
import type { ConversationsAdapter, DraftStorage, InboxEvent } from 'inboxkit';

describe('note drafts', () => {
  it('persists a draft through the given storage', () => {
    const storage = createMemoryStorage();
    const store = createInboxStore({ adapter: createMemoryAdapter({ size: 5 }), storage });
    const stop = store.mount();
    store.setDraft('conv_1', 'Half a thought');
    expect(store.state.getState().drafts).toEqual({ conv_1: 'Half a thought' });
    expect(JSON.parse(storage.getItem('inboxkit:drafts')!)).toEqual({ conv_1: 'Half a thought' });
    store.setDraft('conv_1', '');
    expect(store.state.getState().drafts).toEqual({});
    expect(storage.getItem('inboxkit:drafts')).toBeNull();
    stop();
  });

  it('survives a reload: a fresh store over the same storage has the draft after mount()', () => {
    const storage = createMemoryStorage();
    const first = createInboxStore({ adapter: createMemoryAdapter({ size: 5 }), storage });
    const stopFirst = first.mount();
    first.setDraft('conv_a', 'Call the customer back');
    first.setDraft('conv_b', 'Refund approved');
    stopFirst();
    first.destroy();

    const second = createInboxStore({ adapter: createMemoryAdapter({ size: 5 }), storage });
    expect(second.state.getState().drafts).toEqual({});
    const stop = second.mount();
    expect(second.state.getState().drafts).toEqual({ conv_a: 'Call the customer back', conv_b: 'Refund approved' });
    stop();
  });

  it('keeps drafts typed before mount over older saved ones, and saves them on mount', () => {
    const storage = createMemoryStorage();
    storage.setItem('inboxkit:drafts', JSON.stringify({ conv_a: 'old', conv_b: 'kept' }));
    const store = createInboxStore({ adapter: createMemoryAdapter({ size: 5 }), storage });
    store.setDraft('conv_a', 'new');
    const stop = store.mount();
    expect(store.state.getState().drafts).toEqual({ conv_a: 'new', conv_b: 'kept' });
    expect(JSON.parse(storage.getItem('inboxkit:drafts')!)).toEqual({ conv_a: 'new', conv_b: 'kept' });
    stop();
  });

  it('touches no storage before mount()', async () => {
    const calls: string[] = [];
    const storage: DraftStorage = {
      getItem: (key) => {
        calls.push(`get ${key}`);
        return null;
      },
      setItem: (key) => void calls.push(`set ${key}`),
      removeItem: (key) => void calls.push(`remove ${key}`),
    };
    const store = createInboxStore({ adapter: createMemoryAdapter({ size: 5 }), storage });
    store.setDraft('conv_x', 'typed early');
    await store.fetchList({});
    expect(calls).toEqual([]);
    const stop = store.mount();
    expect(calls.length).toBeGreaterThan(0);
    stop();
  });

  it('a storage that throws does not break setDraft or mount', () => {
    const storage: DraftStorage = {
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
    const store = createInboxStore({ adapter: createMemoryAdapter({ size: 5 }), storage });
    const stop = store.mount();
    expect(() => store.setDraft('conv_1', 'still here')).not.toThrow();
    expect(store.state.getState().drafts.conv_1).toBe('still here');
    expect(() => store.setDraft('conv_1', '')).not.toThrow();
    stop();
  });

  it('ignores malformed saved drafts', () => {
    const storage = createMemoryStorage();
    storage.setItem('inboxkit:drafts', '{not json');
    const store = createInboxStore({ adapter: createMemoryAdapter({ size: 5 }), storage });
    const stop = store.mount();
    expect(store.state.getState().drafts).toEqual({});
    stop();
  });
});

describe('addNote', () => {
  it('sends the draft and clears it once the server has the note', async () => {
    const memory = createMemoryAdapter({ seed: 3, size: 10 });
    const storage = createMemoryStorage();
    const store = createInboxStore({ adapter: memory, storage, currentUser: { id: 'user_me', name: 'Me' } });
    const stop = store.mount();
    await store.fetchList({});
    const id = store.state.getState().lists[listKey({})]!.ids[0]!;
    store.setDraft(id, 'Checked the order: shipped');

    const sending = store.addNote(id);
    const pendingNotes = store.state.getState().notes[id]!.items;
    expect(pendingNotes.at(-1)).toMatchObject({ content: 'Checked the order: shipped', pending: true });
    expect(store.state.getState().mutations[id]?.note?.pending).toBe(true);
    // The draft stays until the server has the note.
    expect(store.state.getState().drafts[id]).toBe('Checked the order: shipped');

    const note = await sending;
    expect(store.state.getState().drafts[id]).toBeUndefined();
    expect(storage.getItem('inboxkit:drafts')).toBeNull();
    expect((await memory.listNotes(id)).map((n) => n.content)).toContain('Checked the order: shipped');
    const items = store.state.getState().notes[id]!.items;
    expect(items.filter((n) => n.id === note.id)).toHaveLength(1);
    expect(items.some((n) => n.pending)).toBe(false);
    expect(store.state.getState().mutations[id]?.note).toBeUndefined();
    stop();
  });

  it('keeps the draft and records the error when the send fails', async () => {
    const memory = createMemoryAdapter({ seed: 3, size: 10 });
    const adapter: ConversationsAdapter = {
      ...memory,
      addNote: () => Promise.reject(new InboxError('server', 'The server failed.', { status: 500 })),
    };
    const storage = createMemoryStorage();
    const store = createInboxStore({ adapter, storage });
    const stop = store.mount();
    const events: InboxEvent[] = [];
    store.subscribe((e) => events.push(e));
    await store.fetchList({});
    const id = store.state.getState().lists[listKey({})]!.ids[0]!;
    store.setDraft(id, 'Do not lose me');

    await expect(store.addNote(id)).rejects.toMatchObject({ code: 'server' });
    const state = store.state.getState();
    expect(state.drafts[id]).toBe('Do not lose me');
    expect(JSON.parse(storage.getItem('inboxkit:drafts')!)).toEqual({ [id]: 'Do not lose me' });
    expect(state.mutations[id]?.note).toMatchObject({ pending: false, error: { code: 'server' } });
    expect((state.notes[id]?.items ?? []).some((n) => n.content === 'Do not lose me')).toBe(false);
    expect(events.filter((e) => e.type === 'mutation.failed')).toHaveLength(1);
    stop();
  });

  it('keeps a note passed by argument as the draft when its send fails', async () => {
    const memory = createMemoryAdapter({ seed: 3, size: 10 });
    const adapter: ConversationsAdapter = {
      ...memory,
      addNote: () => Promise.reject(new InboxError('network', 'Offline.')),
    };
    const store = createInboxStore({ adapter });
    await expect(store.addNote('conv_1', 'Typed into a custom composer')).rejects.toMatchObject({ code: 'network' });
    expect(store.state.getState().drafts.conv_1).toBe('Typed into a custom composer');
  });

  it('refuses an empty or whitespace note with invalid_input and sends nothing', async () => {
    const memory = createMemoryAdapter({ seed: 3, size: 10 });
    let sent = 0;
    const adapter: ConversationsAdapter = {
      ...memory,
      addNote: (...args) => {
        sent++;
        return memory.addNote(...args);
      },
    };
    const store = createInboxStore({ adapter });
    await expect(store.addNote('conv_1')).rejects.toMatchObject({ code: 'invalid_input' });
    store.setDraft('conv_1', '   \n\t ');
    await expect(store.addNote('conv_1')).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(store.addNote('conv_1', '')).rejects.toMatchObject({ code: 'invalid_input' });
    expect(sent).toBe(0);
    expect(store.state.getState().mutations.conv_1?.note?.error?.code).toBe('invalid_input');
    expect(store.state.getState().drafts.conv_1).toBe('   \n\t ');
  });

  it('refuses notes with unsupported where the backend has none (WhatsApp), sending nothing', async () => {
    const memory = createMemoryAdapter({ seed: 3, size: 10, profile: 'whatsapp' });
    let sent = 0;
    const adapter: ConversationsAdapter = {
      ...memory,
      addNote: (...args) => {
        sent++;
        return memory.addNote(...args);
      },
    };
    const store = createInboxStore({ adapter });
    store.setDraft('conv_1', 'A real note');
    await expect(store.addNote('conv_1')).rejects.toMatchObject({ code: 'unsupported' });
    expect(sent).toBe(0);
    expect(store.state.getState().drafts.conv_1).toBe('A real note');
    expect(store.state.getState().mutations.conv_1?.note?.error?.code).toBe('unsupported');
  });

  it('keeps a draft typed while the note was sending', async () => {
    const memory = createMemoryAdapter({ seed: 3, size: 10 });
    const store = createInboxStore({ adapter: memory });
    await store.fetchList({});
    const id = store.state.getState().lists[listKey({})]!.ids[0]!;
    store.setDraft(id, 'First');
    const sending = store.addNote(id);
    store.setDraft(id, 'Second, typed meanwhile');
    await sending;
    expect(store.state.getState().drafts[id]).toBe('Second, typed meanwhile');
  });

  it('a draft survives switching conversations', async () => {
    const memory = createMemoryAdapter({ seed: 3, size: 10 });
    const store = createInboxStore({ adapter: memory });
    await store.fetchList({});
    const [a, b] = store.state.getState().lists[listKey({})]!.ids;
    const stopA = store.observeConversation(a!);
    store.setDraft(a!, 'About A');
    stopA();
    const stopB = store.observeConversation(b!);
    store.setDraft(b!, 'About B');
    stopB();
    expect(store.state.getState().drafts).toEqual({ [a!]: 'About A', [b!]: 'About B' });
  });
});

describe('a failed note never loses text', () => {
  it('puts the failed text back ahead of a draft typed while it was sending', async () => {
    let fail: (error: Error) => void = () => {};
    const base = createMemoryAdapter({ seed: 3, size: 5 });
    const adapter = {
      ...base,
      capabilities: base.capabilities,
      addNote: () => new Promise<never>((_, reject) => (fail = reject)),
    } as ConversationsAdapter;
    const store = createInboxStore({ adapter, storage: createMemoryStorage(), pollIntervalMs: 0 });
    const [first] = (await base.listConversations({ limit: 1 })).conversations;
    store.setDraft(first!.id, 'First thought');
    const sending = store.addNote(first!.id).catch(() => undefined);
    store.setDraft(first!.id, 'Second thought');
    fail(new InboxError('server', 'Down'));
    await sending;
    expect(store.state.getState().drafts[first!.id]).toBe('First thought\n\nSecond thought');
  });
});
