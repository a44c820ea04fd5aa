import { afterEach, describe, expect, it, vi } from 'vitest';
import { createInboxStore, createMemoryAdapter, listKey } from 'inboxkit';
import type { ConversationQuery, ConversationsAdapter } from 'inboxkit';

// How big lists stay cheap: revalidation (poll, focus, mount) reloads only the first
// pages; an explicit refresh reloads everything shown. Asserted by request counts.

afterEach(() => {
  vi.useRealTimers();
});

function counting(adapter: ConversationsAdapter) {
  const pages: number[] = [];
  const wrapped: ConversationsAdapter = {
    ...adapter,
    capabilities: adapter.capabilities,
    listConversations: (query, options) => {
      pages.push(query.page ?? 1);
      return adapter.listConversations(query, options);
    },
  };
  return { wrapped, pages };
}

async function eightPages() {
  const backend = createMemoryAdapter({ seed: 8, size: 200 });
  const { wrapped, pages } = counting(backend);
  const store = createInboxStore({ adapter: wrapped, pollIntervalMs: 1000, storageKey: 'scale-test' });
  const query: ConversationQuery = { limit: 20 };
  await store.fetchList(query);
  for (let i = 1; i < 8; i++) await store.loadMore(query);
  expect(store.state.getState().lists[listKey(query)]!.ids).toHaveLength(160);
  pages.length = 0;
  return { store, query, pages, backend };
}

describe('revalidating a long list', () => {
  it('a poll reloads only the first five pages and keeps the rows loaded beyond them', async () => {
    vi.useFakeTimers();
    const { store, query, pages } = await eightPages();
    const stopObserving = store.observeList(query);
    await vi.waitFor(() => expect(pages.length).toBeGreaterThan(0));
    await vi.waitFor(() => expect(store.state.getState().lists[listKey(query)]!.isFetching).toBe(false));
    pages.length = 0;
    const unmount = store.mount();
    await vi.advanceTimersByTimeAsync(1000);
    await vi.waitFor(() => expect(pages).toEqual([1, 2, 3, 4, 5]));
    expect(store.state.getState().lists[listKey(query)]!.ids).toHaveLength(160);
    unmount();
    stopObserving();
  });

  it('showing a cached long list again revalidates only its first five pages', async () => {
    const { store, query, pages } = await eightPages();
    const stop = store.observeList(query);
    await vi.waitFor(() => expect(pages).toEqual([1, 2, 3, 4, 5]));
    await vi.waitFor(() => expect(store.state.getState().lists[listKey(query)]!.isFetching).toBe(false));
    expect(pages).toEqual([1, 2, 3, 4, 5]);
    stop();
  });

  it('an explicit refresh reloads every page shown, so the store matches the backend again', async () => {
    const { store, query, pages, backend } = await eightPages();
    const stop = store.observeList(query);
    await vi.waitFor(() => expect(store.state.getState().lists[listKey(query)]!.isFetching).toBe(false));
    // A conversation deep in the loaded tail is resolved elsewhere.
    const deep = store.state.getState().lists[listKey(query)]!.ids[150]!;
    await backend.resolveConversation(deep);
    pages.length = 0;
    await store.refresh();
    expect(pages).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(store.state.getState().conversations[deep]!.status).toBe('resolved');
    stop();
  });
});

describe('the conversations index', () => {
  it('keeps unchanged entities and bumps conversationsVersion on every change', async () => {
    const backend = createMemoryAdapter({ seed: 9, size: 30 });
    const store = createInboxStore({ adapter: backend, pollIntervalMs: 0, storageKey: 'scale-test' });
    await store.fetchList({});
    const { conversations, conversationsVersion } = store.state.getState();
    const [a, b] = Object.keys(conversations);
    const untouched = conversations[b!];
    await store.resolve(a!);
    const after = store.state.getState();
    expect(after.conversationsVersion).toBeGreaterThan(conversationsVersion);
    expect(after.conversations[a!]!.status).toBe('resolved');
    expect(after.conversations[b!]).toBe(untouched);
  });
});

describe('paging in a long list', () => {
  it('costs what each page brings: the store does not re-index the rows it holds page after page', async () => {
    const backend = createMemoryAdapter({ seed: 9, size: 4000 });
    const store = createInboxStore({ adapter: backend, storageKey: 'scale-paging-test' });
    const query: ConversationQuery = { limit: 100 };
    await store.fetchList(query);
    // Count every id put into any Set while 39 more pages come in: linear work adds about one per row;
    // copying the held ids' set each page (as the store once did) adds about 80,000 here.
    let added = 0;
    const add = Set.prototype.add;
    const spy = vi.spyOn(Set.prototype, 'add').mockImplementation(function (this: Set<unknown>, value: unknown) {
      added++;
      return add.call(this, value);
    });
    try {
      for (let i = 1; i < 40; i++) await store.loadMore(query);
    } finally {
      spy.mockRestore();
    }
    expect(store.state.getState().lists[listKey(query)]!.ids).toHaveLength(4000);
    expect(added).toBeLessThan(3 * 4000);
    store.destroy();
  });
});
