import { afterEach, describe, expect, it, vi } from 'vitest';
import { createInboxStore, createMemoryAdapter, createMemoryStorage, listKey } from 'inboxkit';
import type { ConversationQuery, ConversationsAdapter, DehydratedInbox } from 'inboxkit';

afterEach(() => {
  vi.useRealTimers();
});

function counted(seed = 4) {
  const memory = createMemoryAdapter({ seed, size: 40 });
  const pages: number[] = [];
  const adapter: ConversationsAdapter = {
    ...memory,
    listConversations: (query, options) => {
      pages.push(query.page ?? 1);
      return memory.listConversations(query, options);
    },
  };
  return { memory, adapter, pages };
}

async function serverSnapshot(query: ConversationQuery, now: () => number): Promise<DehydratedInbox> {
  const { adapter } = counted();
  const server = createInboxStore({ adapter, pollIntervalMs: 0, now, storage: createMemoryStorage() });
  await server.fetchList(query);
  await server.loadMore(query);
  const snapshot = server.dehydrate();
  server.destroy();
  // What crosses the wire: JSON, nothing else.
  return JSON.parse(JSON.stringify(snapshot)) as DehydratedInbox;
}

describe('dehydrate and initialState', () => {
  it('dehydrate() is plain JSON: the lists with their paging and the conversations they show', async () => {
    const query = { status: 'open' as const, limit: 10 };
    const snapshot = await serverSnapshot(query, () => 1_000);
    expect(snapshot.fetchedAt).toBe(1_000);
    expect(snapshot.lists).toHaveLength(1);
    const [list] = snapshot.lists;
    expect(list).toMatchObject({ query: { status: 'open', limit: 10 }, pagesLoaded: 2 });
    expect(list!.ids.length).toBeGreaterThan(10);
    expect(snapshot.conversations.map((c) => c.id).sort()).toEqual([...list!.ids].sort());
  });

  it('a hydrated store shows the rows at once, with success, and does not ask for page 1 again while fresh', async () => {
    vi.useFakeTimers();
    const query = { status: 'open' as const, limit: 10 };
    let clock = 50_000;
    const now = () => clock;
    const snapshot = await serverSnapshot(query, now);
    const { adapter, pages } = counted();
    const store = createInboxStore({ adapter, pollIntervalMs: 1_000, now, initialState: snapshot, storage: createMemoryStorage() });
    const list = store.state.getState().lists[listKey(query)]!;
    expect(list).toMatchObject({ status: 'success', isFetching: false, hasNext: snapshot.lists[0]!.hasNext, total: snapshot.lists[0]!.total });
    expect(list.ids).toEqual(snapshot.lists[0]!.ids);
    for (const id of list.ids) expect(store.state.getState().conversations[id]?.id).toBe(id);

    const unmount = store.mount();
    const stop = store.observeList(query);
    await vi.advanceTimersByTimeAsync(10);
    expect(pages).toEqual([]);

    // The next poll revalidates as usual.
    clock += 1_000;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(pages).toEqual([1, 2]);
    stop();
    unmount();
    store.destroy();
  });

  it('hydrated data older than the poll interval is revalidated on mount', async () => {
    const query = { limit: 10 };
    let clock = 0;
    const snapshot = await serverSnapshot(query, () => clock);
    clock = 60_000;
    const { adapter, pages } = counted();
    const store = createInboxStore({ adapter, pollIntervalMs: 15_000, now: () => clock, initialState: snapshot, storage: createMemoryStorage() });
    const stop = store.observeList(query);
    await vi.waitFor(() => expect(pages).toEqual([1, 2]));
    stop();
    store.destroy();
  });

  it('a malformed snapshot is skipped, not trusted', () => {
    const { adapter } = counted();
    const bad = { version: 1, fetchedAt: 'soon', lists: [{ query: { status: 'all', limit: 20 }, ids: ['conv_missing', 7], total: -3, hasNext: 'yes', pagesLoaded: 1 }], conversations: [null, { nope: true }] };
    const store = createInboxStore({ adapter, initialState: bad as unknown as DehydratedInbox, storage: createMemoryStorage() });
    const list = store.state.getState().lists[listKey({})]!;
    expect(list).toMatchObject({ ids: [], total: 0, hasNext: false, status: 'success' });
    expect(Object.keys(store.state.getState().conversations)).toEqual([]);
  });
});
