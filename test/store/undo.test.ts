import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createInboxStore, createMemoryAdapter, isUndone, listKey } from 'inboxkit';
import type { ConversationsAdapter, InboxEvent } from 'inboxkit';

/** The memory backend, counting the mutations that reach it. */
function counted(size = 30) {
  const memory = createMemoryAdapter({ seed: 7, size });
  const sent = { resolve: [] as string[], assign: [] as string[], note: [] as string[] };
  const adapter: ConversationsAdapter = {
    ...memory,
    flavour: memory.flavour,
    capabilities: memory.capabilities,
    listConversations: (q, o) => memory.listConversations(q, o),
    getConversation: (id, o) => memory.getConversation(id, o),
    listAssignees: () => memory.listAssignees(),
    resolveConversation: (id, o) => {
      sent.resolve.push(id);
      return memory.resolveConversation(id, o);
    },
    assignConversation: (id, a, o) => {
      sent.assign.push(id);
      return memory.assignConversation(id, a, o);
    },
    addNote: (id, text, o) => {
      sent.note.push(id);
      return memory.addNote(id, text, o);
    },
  };
  return { memory, adapter, sent };
}

async function openStore(undoMs = 5_000) {
  const { memory, adapter, sent } = counted();
  const store = createInboxStore({ adapter, undoMs, pollIntervalMs: 0 });
  await store.fetchList({ status: 'open' });
  const ids = store.state.getState().lists[listKey({ status: 'open' })]!.ids;
  return { memory, store, sent, ids };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('resolve with an undo window', () => {
  it('shows at once, sends nothing until the window ends, then sends once', async () => {
    const { store, sent, ids, memory } = await openStore();
    const id = ids[0]!;
    const done = store.resolve(id);
    expect(store.state.getState().conversations[id]!.status).toBe('resolved');
    expect(store.state.getState().held[id]).toMatchObject({ kind: 'resolve' });
    expect(store.state.getState().mutations[id]?.resolve?.pending).toBe(true);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(sent.resolve).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await done;
    expect(sent.resolve).toEqual([id]);
    expect(store.state.getState().held[id]).toBeUndefined();
    expect((await memory.getConversation(id)).status).toBe('resolved');
  });

  it('undo takes it back: no request, the row returns where it was, no error, an undone event', async () => {
    const { store, sent, ids } = await openStore();
    const key = listKey({ status: 'open' });
    const id = ids[2]!;
    const events: InboxEvent['type'][] = [];
    store.subscribe((e) => events.push(e.type));
    const done = store.resolve(id).catch((e: unknown) => e);
    expect(store.state.getState().lists[key]!.ids).not.toContain(id);
    expect(store.undo(id)).toBe(true);
    const error = await done;
    expect(isUndone(error)).toBe(true);
    expect(store.state.getState().conversations[id]!.status).toBe('open');
    expect(store.state.getState().lists[key]!.ids.indexOf(id)).toBe(2);
    expect(store.state.getState().mutations[id]?.resolve).toBeUndefined();
    expect(store.state.getState().held[id]).toBeUndefined();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sent.resolve).toEqual([]);
    expect(events).toContain('mutation.undone');
    expect(events).not.toContain('mutation.failed');
    expect(store.undo(id)).toBe(false);
  });

  it('another mutation of that conversation sends the held resolve first', async () => {
    const { store, sent, ids } = await openStore();
    const id = ids[1]!;
    const resolved = store.resolve(id);
    const assigned = store.assign(id, { type: 'user', id: 'user_dana' });
    await Promise.allSettled([resolved, assigned]);
    expect(sent.resolve).toEqual([id]);
    expect(sent.assign).toEqual([id]);
    expect(store.state.getState().conversations[id]!.status).toBe('resolved');
  });

  it('the held resolve reaches the backend first: an assign or a note of it waits for its answer', async () => {
    const memory = createMemoryAdapter({ seed: 7, size: 30 });
    const log: string[] = [];
    const adapter: ConversationsAdapter = {
      ...memory,
      resolveConversation: async (id, o) => {
        log.push('resolve sent');
        const update = await memory.resolveConversation(id, o);
        log.push('resolve answered');
        return update;
      },
      assignConversation: (id, a, o) => (log.push('assign sent'), memory.assignConversation(id, a, o)),
      addNote: (id, text, o) => (log.push('note sent'), memory.addNote(id, text, o)),
    };
    const store = createInboxStore({ adapter, undoMs: 5_000, pollIntervalMs: 0 });
    await store.fetchList({ status: 'open' });
    const [a, b] = store.state.getState().lists[listKey({ status: 'open' })]!.ids;
    const resolvedA = store.resolve(a!);
    await store.assign(a!, { type: 'user', id: 'user_dana' }).catch(() => undefined);
    await resolvedA;
    expect(log).toEqual(['resolve sent', 'resolve answered', 'assign sent']);
    expect(store.state.getState().conversations[a!]!.status).toBe('resolved');

    log.length = 0;
    const resolvedB = store.resolve(b!);
    await store.addNote(b!, 'Closing: refund sent');
    await resolvedB;
    expect(log).toEqual(['resolve sent', 'resolve answered', 'note sent']);
  });

  it('a note on that conversation sends the held resolve too', async () => {
    const { store, sent, ids } = await openStore();
    const id = ids[1]!;
    const resolved = store.resolve(id);
    await store.addNote(id, 'closing this one');
    await resolved;
    expect(sent.resolve).toEqual([id]);
  });

  it('unmounting the inbox sends every held resolve at once', async () => {
    const { store, sent, ids } = await openStore();
    const stop = store.mount();
    const a = store.resolve(ids[0]!);
    const b = store.resolve(ids[1]!);
    stop();
    await Promise.all([a, b]);
    expect(sent.resolve.sort()).toEqual([ids[0], ids[1]].sort());
  });

  it('the page going hidden sends them at once', async () => {
    const { store, sent, ids } = await openStore();
    const stop = store.mount();
    const done = store.resolve(ids[0]!);
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    await done;
    expect(sent.resolve).toEqual([ids[0]]);
    visibility.mockRestore();
    stop();
  });

  it('destroy() still sends what the agent did, and nothing changes after', async () => {
    const { store, sent, ids, memory } = await openStore();
    const id = ids[0]!;
    const done = store.resolve(id).catch((e: unknown) => e);
    store.destroy();
    const before = store.state.getState();
    await done;
    expect(sent.resolve).toEqual([id]);
    expect((await memory.getConversation(id)).status).toBe('resolved');
    expect(store.state.getState()).toBe(before);
  });

  it('a second resolve of the same conversation while held does not send twice', async () => {
    const { store, sent, ids } = await openStore();
    const id = ids[0]!;
    const first = store.resolve(id);
    const second = store.resolve(id);
    await vi.advanceTimersByTimeAsync(5_000);
    await Promise.allSettled([first, second]);
    // The first went out when the second started (another mutation of it), the second after its window.
    expect(sent.resolve).toEqual([id, id]);
    expect(store.state.getState().mutations[id]?.resolve).toBeUndefined();
  });

  it('each hold is numbered in the order it began, so the latest can be told apart at the same instant', async () => {
    const { store, ids } = await openStore();
    const done = [store.resolve(ids[2]!), store.resolve(ids[0]!), store.resolve(ids[1]!)].map((p) => p.catch(() => undefined));
    const held = store.state.getState().held;
    // The clock has not moved: `until` is the same for all three, the order is not.
    expect(new Set([ids[0], ids[1], ids[2]].map((id) => held[id!]!.until)).size).toBe(1);
    expect(held[ids[2]!]!.order).toBeLessThan(held[ids[0]!]!.order);
    expect(held[ids[0]!]!.order).toBeLessThan(held[ids[1]!]!.order);
    for (const id of ids.slice(0, 3)) store.undo(id);
    await Promise.all(done);
  });

  it('undoMs 0 sends at once, and a call can override the store', async () => {
    const { store, sent, ids } = await openStore(0);
    await store.resolve(ids[0]!);
    expect(sent.resolve).toEqual([ids[0]]);
    const held = store.resolve(ids[1]!, { undoMs: 1_000 });
    expect(sent.resolve).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    await held;
    expect(sent.resolve).toHaveLength(2);
  });
});

describe('bulk resolve with an undo window', () => {
  it('shows every one at once; undoing each sends nothing, and they come back', async () => {
    const { store, sent, ids } = await openStore();
    const batch = ids.slice(0, 6);
    const done = store.bulk(batch, { type: 'resolve' });
    for (const id of batch) expect(store.state.getState().conversations[id]!.status).toBe('resolved');
    for (const id of batch) expect(store.undo(id)).toBe(true);
    const results = await done;
    expect(results.map((r) => r.outcome)).toEqual(batch.map(() => 'undone'));
    for (const id of batch) expect(store.state.getState().conversations[id]!.status).toBe('open');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sent.resolve).toEqual([]);
  });

  it('after the window, sends them all', async () => {
    const { store, sent, ids } = await openStore();
    const batch = ids.slice(0, 6);
    const done = store.bulk(batch, { type: 'resolve' });
    await vi.advanceTimersByTimeAsync(5_000);
    const results = await done;
    expect(results.every((r) => r.outcome === 'succeeded')).toBe(true);
    expect([...sent.resolve].sort()).toEqual([...batch].sort());
  });
});
