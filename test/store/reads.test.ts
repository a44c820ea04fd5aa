import { describe, expect, it } from 'vitest';
import { createInboxStore, createMemoryAdapter, listKey } from 'inboxkit';
import type { ConversationPage, ConversationQuery, ConversationsAdapter, RequestOptions } from 'inboxkit';

/** A memory backend whose list requests are counted. */
function countingAdapter(size = 60) {
  const memory = createMemoryAdapter({ seed: 7, size });
  const listCalls: ConversationQuery[] = [];
  const adapter: ConversationsAdapter = {
    ...memory,
    listConversations(query: ConversationQuery, options?: RequestOptions) {
      listCalls.push(query);
      return memory.listConversations(query, options);
    },
  };
  return { memory, adapter, listCalls };
}

/**
 * A memory backend whose list answers wait until the test releases them, and
 * then arrive whether or not the request was aborted (a server that answers
 * anyway): the store must discard them itself.
 */
function deferredAdapter() {
  const memory = createMemoryAdapter({ seed: 11, size: 40 });
  const requests: Array<{ query: ConversationQuery; signal: AbortSignal | undefined; release: () => Promise<void> }> = [];
  const adapter: ConversationsAdapter = {
    ...memory,
    listConversations(query: ConversationQuery, options?: RequestOptions) {
      return new Promise<ConversationPage>((resolve, reject) => {
        requests.push({
          query,
          signal: options?.signal,
          release: () => memory.listConversations(query).then(resolve, reject),
        });
      });
    },
  };
  return { memory, adapter, requests };
}

describe('de-duplication and stale-while-revalidate', () => {
  it('makes one request for identical concurrent fetchList calls', async () => {
    const { adapter, listCalls } = countingAdapter();
    const store = createInboxStore({ adapter });
    const a = store.fetchList({ status: 'open' });
    const b = store.fetchList({ status: 'open' });
    const c = store.fetchList({ limit: 20, status: 'open' });
    await Promise.all([a, b, c]);
    expect(listCalls).toHaveLength(1);
    expect(store.state.getState().lists[listKey({ status: 'open' })]?.status).toBe('success');
  });

  it('makes one request for identical concurrent observeList calls, whatever the property order', async () => {
    const { adapter, listCalls } = countingAdapter();
    const store = createInboxStore({ adapter });
    const stop1 = store.observeList({ status: 'open', limit: 10 });
    const stop2 = store.observeList({ limit: 10, status: 'open' });
    const stop3 = store.observeList({ status: 'open', limit: 10, page: 1 });
    await store.fetchList({ status: 'open', limit: 10 });
    expect(listCalls).toHaveLength(1);
    stop1();
    stop2();
    stop3();
  });

  it('makes separate requests for different queries', async () => {
    const { adapter, listCalls } = countingAdapter();
    const store = createInboxStore({ adapter });
    await Promise.all([store.fetchList({ status: 'open' }), store.fetchList({ status: 'resolved' }), store.fetchList({})]);
    expect(listCalls).toHaveLength(3);
  });

  it('shows a cached list at once on re-observe and revalidates it in the background', async () => {
    const { memory, adapter, listCalls } = countingAdapter();
    const store = createInboxStore({ adapter });
    const key = listKey({ status: 'all' });
    const stop = store.observeList({});
    await store.fetchList({});
    stop();
    const firstIds = store.state.getState().lists[key]!.ids;
    expect(firstIds).toHaveLength(20);
    expect(listCalls).toHaveLength(1);

    // Something changes on the server while the list is not shown.
    const fresh = memory.simulate.newConversation();

    store.observeList({});
    const cached = store.state.getState().lists[key]!;
    expect(cached.status).toBe('success');
    expect(cached.ids).toBe(firstIds);
    // The revalidation starts one task later, so the first paint is not held up by it.
    expect(listCalls).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(listCalls).toHaveLength(2);

    await store.fetchList({});
    const revalidated = store.state.getState().lists[key]!;
    expect(revalidated.isFetching).toBe(false);
    expect(revalidated.ids[0]).toBe(fresh.id);
    expect(revalidated.total).toBe(61);
  });

  it('first load is loading, then success', async () => {
    const { adapter } = countingAdapter();
    const store = createInboxStore({ adapter });
    const key = listKey({ status: 'open' });
    const loading = store.fetchList({ status: 'open' });
    expect(store.state.getState().lists[key]).toMatchObject({ status: 'loading', isFetching: true, ids: [] });
    await loading;
    expect(store.state.getState().lists[key]).toMatchObject({ status: 'success', isFetching: false, error: null });
  });
});

describe('stale answers', () => {
  it('aborts the request of a list no longer shown and never lets its late answer land', async () => {
    const { memory, adapter, requests } = deferredAdapter();
    const store = createInboxStore({ adapter });
    const keyA = listKey({ status: 'open' });
    const keyB = listKey({ status: 'resolved' });

    const stopA = store.observeList({ status: 'open' });
    expect(requests).toHaveLength(1);
    const requestA = requests[0]!;
    expect(requestA.signal?.aborted).toBe(false);

    // The user switches the filter to B.
    stopA();
    store.observeList({ status: 'resolved' });
    expect(requestA.signal?.aborted).toBe(true);
    expect(requests).toHaveLength(2);

    // A's answer arrives late anyway; B's arrives too.
    await requestA.release();
    await requests[1]!.release();
    await new Promise((r) => setTimeout(r, 0));
    expect(requests).toHaveLength(2);

    const state = store.state.getState();
    expect(state.lists[keyA]).toBeUndefined();
    const openPage = await memory.listConversations({ status: 'open' });
    for (const row of openPage.conversations) expect(state.conversations[row.id]).toBeUndefined();

    const resolvedPage = await memory.listConversations({ status: 'resolved' });
    expect(state.lists[keyB]).toMatchObject({ status: 'success', ids: resolvedPage.conversations.map((c) => c.id), total: resolvedPage.total });
  });

  it('discards the late answer of a refresh of a list that stopped being shown', async () => {
    const { adapter, requests } = deferredAdapter();
    const store = createInboxStore({ adapter });
    const key = listKey({ status: 'open' });

    const stop = store.observeList({ status: 'open' });
    await requests[0]!.release();
    await new Promise((r) => setTimeout(r, 0));
    const shown = store.state.getState().lists[key]!;
    expect(shown.status).toBe('success');

    void store.refresh();
    expect(requests).toHaveLength(2);
    stop();
    expect(requests[1]!.signal?.aborted).toBe(true);
    await requests[1]!.release();
    await new Promise((r) => setTimeout(r, 0));
    // The list keeps what it showed, and nothing is left fetching.
    expect(store.state.getState().lists[key]).toMatchObject({ ids: shown.ids, isFetching: false, isFetchingMore: false });
  });

  it('keeps a list loading for a second observer when only one of them goes away', async () => {
    const { adapter, requests } = deferredAdapter();
    const store = createInboxStore({ adapter });
    const stop1 = store.observeList({ status: 'open' });
    store.observeList({ status: 'open' });
    stop1();
    expect(requests).toHaveLength(1);
    expect(requests[0]!.signal?.aborted).toBe(false);
    await requests[0]!.release();
    await new Promise((r) => setTimeout(r, 0));
    expect(store.state.getState().lists[listKey({ status: 'open' })]?.status).toBe('success');
  });
});

describe('loadMore', () => {
  it('appends the next page', async () => {
    const memory = createMemoryAdapter({ seed: 3, size: 50 });
    const store = createInboxStore({ adapter: memory });
    const key = listKey({ limit: 10 });
    await store.fetchList({ limit: 10 });
    await store.loadMore({ limit: 10 });
    const list = store.state.getState().lists[key]!;
    const truth = await memory.listConversations({ limit: 20 });
    expect(list.ids).toEqual(truth.conversations.map((c) => c.id));
    expect(list).toMatchObject({ total: 50, hasNext: true, pagesLoaded: 2, isFetchingMore: false });
  });

  it('does not repeat rows when new conversations arrive at the top between pages', async () => {
    const memory = createMemoryAdapter({ seed: 3, size: 50 });
    const store = createInboxStore({ adapter: memory });
    const key = listKey({ limit: 10 });
    await store.fetchList({ limit: 10 });
    const firstPage = [...store.state.getState().lists[key]!.ids];

    // Not mounted, so the store hears nothing: the server's pages simply shift down by 3.
    memory.simulate.newConversation();
    memory.simulate.newConversation();
    memory.simulate.newConversation();

    while (store.state.getState().lists[key]!.hasNext) await store.loadMore({ limit: 10 });
    const ids = store.state.getState().lists[key]!.ids;
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(0, 10)).toEqual(firstPage);
    // Every conversation that was there at the start is listed (the 3 new ones may trail at the end).
    const truth = await memory.listConversations({ limit: 100 });
    const original = truth.conversations.slice(3).map((c) => c.id);
    expect(ids.slice(0, 50)).toEqual(original);
  });

  it('leaves no gap after rows left the list locally: the union equals the server list', async () => {
    const memory = createMemoryAdapter({ seed: 5, size: 120 });
    const store = createInboxStore({ adapter: memory });
    const query = { status: 'open' as const, limit: 10 };
    const key = listKey(query);
    await store.fetchList(query);
    const before = store.state.getState().lists[key]!;
    expect(before.hasNext).toBe(true);

    // Resolve three rows of the first page: on the server, later rows slide up onto page 1.
    for (const id of before.ids.slice(2, 5)) await store.resolve(id);
    expect(store.state.getState().lists[key]!.ids).toHaveLength(7);

    let guard = 0;
    while (store.state.getState().lists[key]!.hasNext && guard++ < 50) await store.loadMore(query);

    const truth = await memory.listConversations({ status: 'open', limit: 100 });
    const list = store.state.getState().lists[key]!;
    expect(truth.hasNext).toBe(false);
    expect(list.ids).toEqual(truth.conversations.map((c) => c.id));
    expect(list.total).toBe(truth.total);
  });

  it('shares one request between concurrent loadMore calls and does nothing on the last page', async () => {
    const { adapter, listCalls } = countingAdapter(15);
    const store = createInboxStore({ adapter });
    await store.fetchList({ limit: 10 });
    await Promise.all([store.loadMore({ limit: 10 }), store.loadMore({ limit: 10 })]);
    expect(listCalls).toHaveLength(2);
    expect(store.state.getState().lists[listKey({ limit: 10 })]).toMatchObject({ hasNext: false });
    expect(store.state.getState().lists[listKey({ limit: 10 })]!.ids).toHaveLength(15);
    await store.loadMore({ limit: 10 });
    expect(listCalls).toHaveLength(2);
  });

  it('records a failed page as loadMoreError and keeps the rows shown', async () => {
    const memory = createMemoryAdapter({ seed: 3, size: 30 });
    let fail = false;
    const adapter: ConversationsAdapter = {
      ...memory,
      listConversations(query, options) {
        if (fail) return Promise.reject(Object.assign(new Error('boom'), { name: 'InboxError', code: 'server' }));
        return memory.listConversations(query, options);
      },
    };
    const store = createInboxStore({ adapter });
    await store.fetchList({ limit: 10 });
    const ids = store.state.getState().lists[listKey({ limit: 10 })]!.ids;
    fail = true;
    await store.loadMore({ limit: 10 });
    const list = store.state.getState().lists[listKey({ limit: 10 })]!;
    expect(list.ids).toBe(ids);
    expect(list.loadMoreError?.code).toBe('server');
    expect(list).toMatchObject({ status: 'success', isFetchingMore: false });
    fail = false;
    await store.loadMore({ limit: 10 });
    expect(store.state.getState().lists[listKey({ limit: 10 })]).toMatchObject({ loadMoreError: null });
    expect(store.state.getState().lists[listKey({ limit: 10 })]!.ids).toHaveLength(20);
  });

  it('a refresh after the server list shrank below the pages loaded drops the rows that left', async () => {
    const memory = createMemoryAdapter({ seed: 5, size: 200 });
    const store = createInboxStore({ adapter: memory });
    const query = { status: 'open' as const, limit: 10 };
    const key = listKey(query);
    const stop = store.observeList(query);
    await store.fetchList(query);
    await store.loadMore(query);
    await store.loadMore(query);
    expect(store.state.getState().lists[key]!.ids).toHaveLength(30);

    // Another agent resolves all but 15 open conversations; the store is not mounted, so it learns on refresh.
    const open = await memory.listConversations({ status: 'open', limit: 100 });
    for (const row of open.conversations.slice(15)) await memory.resolveConversation(row.id);
    const truth = await memory.listConversations({ status: 'open', limit: 100 });
    expect(truth.total).toBe(15);

    await store.refresh();
    const list = store.state.getState().lists[key]!;
    expect(list.ids).toEqual(truth.conversations.map((c) => c.id));
    expect(list).toMatchObject({ total: 15, hasNext: false });
    stop();
  });
});
