import { describe, expect, it } from 'vitest';
import { createInboxStore, createMemoryStorage, listKey } from 'inboxkit';
import type { ConversationPage, ConversationQuery, ConversationsAdapter } from 'inboxkit';
import { createMemoryAdapter } from 'inboxkit';
import { conversation } from '../hooks/helpers';

// Bounds of paging: what a server may claim, and what the store believes.

function pagedAdapter(answer: (query: ConversationQuery) => ConversationPage) {
  const memory = createMemoryAdapter({ size: 1 });
  const asked: number[] = [];
  const adapter: ConversationsAdapter = {
    ...memory,
    listConversations: async (query) => {
      asked.push(query.page ?? 1);
      return answer(query);
    },
  };
  return { store: createInboxStore({ adapter, pollIntervalMs: 0, storage: createMemoryStorage() }), asked };
}
const rows = (...ids: string[]) => ids.map((id) => conversation(id, id));

describe('totals and the end of a list', () => {
  for (const total of [-5, 2.5, Number.NaN, '12' as unknown as number]) {
    it(`a total of ${String(total)} is not believed`, async () => {
      const { store } = pagedAdapter(() => ({ conversations: rows('conv_1', 'conv_2'), total, page: 1, limit: 20, hasNext: false }));
      await store.fetchList({});
      const list = store.state.getState().lists[listKey({})]!;
      expect(list.total).toBe(2);
      expect(Number.isInteger(list.total)).toBe(true);
    });
  }

  it('one empty page ends paging, whatever hasNext and total claim', async () => {
    const { store, asked } = pagedAdapter((q) => ({ conversations: q.page === 1 ? rows('conv_1', 'conv_2') : [], total: 1_000_000, page: q.page ?? 1, limit: 2, hasNext: true }));
    const query = { limit: 2 };
    await store.fetchList(query);
    expect(store.state.getState().lists[listKey(query)]!.hasNext).toBe(true);
    await store.loadMore(query);
    await store.loadMore(query);
    await store.loadMore(query);
    expect(asked).toEqual([1, 2]);
    expect(store.state.getState().lists[listKey(query)]).toMatchObject({ hasNext: false, total: 2 });
  });

  it('paging never asks past ceil(total / limit) pages', async () => {
    const { store, asked } = pagedAdapter((q) => ({ conversations: rows(`conv_${q.page}a`, `conv_${q.page}b`), total: 4, page: q.page ?? 1, limit: 2, hasNext: true }));
    const query = { limit: 2 };
    await store.fetchList(query);
    for (let i = 0; i < 4; i++) await store.loadMore(query);
    expect(asked).toEqual([1, 2]);
    expect(store.state.getState().lists[listKey(query)]).toMatchObject({ hasNext: false, total: 4 });
    expect(store.state.getState().lists[listKey(query)]!.ids).toHaveLength(4);
  });
});

describe('revalidation reconciles with the rows held', () => {
  it('a row the server no longer lists within the revalidated head leaves; rows after the head stay', async () => {
    let server = ['conv_9', 'conv_8', 'conv_7', 'conv_6', 'conv_5', 'conv_4'];
    const { store } = pagedAdapter((q) => {
      const page = q.page ?? 1;
      const slice = server.slice((page - 1) * 2, page * 2);
      return { conversations: rows(...slice), total: server.length, page, limit: 2, hasNext: page * 2 < server.length };
    });
    const query = { limit: 2 };
    await store.fetchList(query);
    await store.loadMore(query);
    await store.loadMore(query);
    // conv_8 left the list elsewhere; the head [9, 7] is reloaded alone (one page revalidated).
    server = ['conv_9', 'conv_7', 'conv_6', 'conv_5', 'conv_4'];
    await store.fetchList(query, { revalidate: true, background: true });
    expect(store.state.getState().lists[listKey(query)]!.ids).toEqual(['conv_9', 'conv_7', 'conv_6', 'conv_5', 'conv_4']);
  });
});
