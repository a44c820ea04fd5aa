import { describe, expect, it } from 'vitest';
import { createInboxStore, createMemoryAdapter, createMemoryStorage, listKey } from 'inboxkit';
import type { ConversationQuery, ConversationsAdapter, InboxStore, MemoryAdapter } from 'inboxkit';
import { deferred } from '../hooks/helpers';

// The agent's own assign or resolve never moves its row within a list: it keeps its place until
// that list is next read from the top (a poll, focus, a refetch), sent after the action.

const ALL: ConversationQuery = { limit: 50 };

/** A clock the test moves: every change in the backend is the newest activity. */
function clock() {
  const time = { now: Date.parse('2026-11-20T12:00:00Z') };
  return { time, now: () => (time.now += 1000) };
}

async function loaded(adapter: ConversationsAdapter, pages = 4, options: { undoMs?: number } = {}): Promise<InboxStore> {
  const store = createInboxStore({ adapter, pollIntervalMs: 0, storage: createMemoryStorage(), currentUser: { id: 'user_me' }, ...options });
  await store.fetchList(ALL);
  for (let page = 2; page <= pages; page++) await store.loadMore(ALL);
  return store;
}

const ids = (store: InboxStore, query: ConversationQuery = ALL) => store.state.getState().lists[listKey(query)]!.ids;

async function someoneElse(backend: MemoryAdapter, store: InboxStore, id: string) {
  const users = (await backend.listAssignees()).filter((a) => a.type === 'user');
  return users.find((u) => u.id !== store.state.getState().conversations[id]!.assignee?.id)!;
}

describe('own actions keep their row in place', () => {
  it('an assign of row 141 keeps it at row 141, through the answer and the push, though its activity is now the newest', async () => {
    const { now } = clock();
    const backend = createMemoryAdapter({ seed: 5, size: 200, now });
    const store = await loaded(backend);
    const unmount = store.mount(); // pushes on: the backend tells of the assign too
    const target = ids(store)[140]!;
    const before = ids(store);

    await store.assign(target, { type: 'user', id: (await someoneElse(backend, store, target)).id });

    const after = store.state.getState().conversations[target]!;
    expect(after.updatedAt).toBe((await backend.getConversation(target)).updatedAt);
    expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse(store.state.getState().conversations[before[0]!]!.updatedAt));
    expect(ids(store).indexOf(target)).toBe(140);
    expect(ids(store)).toEqual(before);
    unmount();
  });

  it('after the next read from the top, the row takes its place in the server order', async () => {
    const { now } = clock();
    const backend = createMemoryAdapter({ seed: 5, size: 200, now });
    const store = await loaded(backend);
    const target = ids(store)[140]!;
    await store.assign(target, { type: 'user', id: (await someoneElse(backend, store, target)).id });
    expect(ids(store).indexOf(target)).toBe(140);

    await store.fetchList(ALL, { background: true, revalidate: true });
    expect(ids(store)[0]).toBe(target);
    expect(ids(store)).toHaveLength(200);
    expect(new Set(ids(store)).size).toBe(200);
  });

  it('a read from the top sent before the assign does not let the row go; one sent after it does', async () => {
    const { now } = clock();
    const backend = createMemoryAdapter({ seed: 5, size: 200, now });
    const gate = deferred();
    let holdReads = false;
    const adapter: ConversationsAdapter = {
      ...backend,
      listConversations: async (query, options) => {
        const answer = await backend.listConversations(query, options); // computed on arrival
        if (holdReads) await gate.promise;
        return answer;
      },
    };
    const store = await loaded(adapter, 1);
    const unmount = store.mount();
    const target = ids(store)[40]!;

    holdReads = true;
    const polled = store.fetchList(ALL, { background: true, revalidate: true });
    await new Promise((r) => setTimeout(r, 0));
    await store.assign(target, { type: 'user', id: (await someoneElse(backend, store, target)).id });
    gate.resolve();
    await polled;
    holdReads = false;
    expect(ids(store).indexOf(target)).toBe(40);
    // Still the agent's row: even a message pushed now does not move it, until a read sent after the assign.
    backend.simulate.incomingMessage(target, 'Thanks!');
    expect(ids(store).indexOf(target)).toBe(40);
    await store.fetchList(ALL, { background: true, revalidate: true });
    expect(ids(store)[0]).toBe(target);
    unmount();
  });

  it('a resolve in its undo window stays in place in the `all` list, also across a poll during the window', async () => {
    const { now } = clock();
    const backend = createMemoryAdapter({ seed: 5, size: 200, now });
    const store = await loaded(backend, 4, { undoMs: 60_000 });
    const target = ids(store).find((id, i) => i > 100 && store.state.getState().conversations[id]!.status !== 'resolved')!;
    const at = ids(store).indexOf(target);

    const done = store.resolve(target);
    expect(store.state.getState().conversations[target]!.status).toBe('resolved');
    await store.fetchList(ALL, { background: true, revalidate: true }); // the server does not know yet
    expect(ids(store).indexOf(target)).toBe(at);
    store.flushHeld();
    await done;
    expect((await backend.getConversation(target)).status).toBe('resolved');
    expect(ids(store).indexOf(target)).toBe(at);
  });

  it('a resolve leaves an Open list at once (it no longer matches), and a failed one comes back where it was', async () => {
    const { now } = clock();
    const backend = createMemoryAdapter({ seed: 5, size: 200, now });
    const open: ConversationQuery = { status: 'open', limit: 50 };
    const adapter: ConversationsAdapter = { ...backend, resolveConversation: async () => Promise.reject(new Error('no')) };
    const store = createInboxStore({ adapter, pollIntervalMs: 0, storage: createMemoryStorage() });
    await store.fetchList(open);
    await store.loadMore(open);
    const target = ids(store, open)[60]!;

    const done = store.resolve(target);
    expect(ids(store, open)).not.toContain(target);
    await expect(done).rejects.toThrow();
    expect(ids(store, open).indexOf(target)).toBe(60);
  });

  it('a list the row joins by the action (assigned to me) places it by activity as ever', async () => {
    const { now } = clock();
    const backend = createMemoryAdapter({ seed: 5, size: 200, now });
    const store = await loaded(backend);
    const me = (await backend.listAssignees()).find((a) => a.type === 'user')!;
    const mine: ConversationQuery = { assigneeId: me.id, limit: 50 };
    await store.fetchList(mine);
    const target = ids(store).find((id) => store.state.getState().conversations[id]!.assignee?.id !== me.id)!;

    await store.assign(target, { type: 'user', id: me.id });
    expect(ids(store, mine)[0]).toBe(target);
  });

  it('activity that is not the agent’s own still moves other rows to the top', async () => {
    const { now } = clock();
    const backend = createMemoryAdapter({ seed: 5, size: 200, now });
    const store = await loaded(backend);
    const unmount = store.mount();
    const mineRow = ids(store)[140]!;
    const other = ids(store)[120]!;
    await store.assign(mineRow, { type: 'user', id: (await someoneElse(backend, store, mineRow)).id });

    backend.simulate.incomingMessage(other, 'Hello?');
    expect(ids(store)[0]).toBe(other);
    expect(ids(store)[140]).toBe(mineRow); // the row from above it moved up: its place is the same
    unmount();
  });
});
