import { describe, expect, it, vi } from 'vitest';
import { countKey, createInboxStore, createMemoryAdapter, createMemoryStorage, isUndone } from 'inboxkit';
import type { ConversationsAdapter } from 'inboxkit';
import { conversation } from '../hooks/helpers.js';

describe('counts after an undone resolve', () => {
  it('an undo settles like any mutation: the next assign still revalidates the shown counts, once', async () => {
    const memory = createMemoryAdapter({ conversations: [conversation('conv_1', 'Ada'), conversation('conv_2', 'Bo')], assignees: [{ type: 'user', id: 'user_me', name: 'Me' }] });
    let countRequests = 0;
    const adapter: ConversationsAdapter = {
      ...memory,
      flavour: memory.flavour,
      capabilities: memory.capabilities,
      listConversations(query, options) {
        if (query.limit === 1) countRequests++;
        return memory.listConversations(query, options);
      },
    };
    const store = createInboxStore({ adapter, pollIntervalMs: 0, undoMs: 5_000, storage: createMemoryStorage() });
    const mine = { assigneeId: 'user_me' };
    store.observeCount(mine);
    await vi.waitFor(() => expect(store.state.getState().counts[countKey(mine)]?.count).toBe(0));
    expect(countRequests).toBe(1);

    const resolving = store.resolve('conv_1');
    expect(store.undo('conv_1')).toBe(true);
    await expect(resolving).rejects.toSatisfy(isUndone);

    await store.assign('conv_2', { type: 'user', id: 'user_me' });
    await vi.waitFor(() => expect(store.state.getState().counts[countKey(mine)]?.count).toBe(1));
    expect(countRequests).toBe(2);
    store.destroy();
  });
});
