import { StrictMode } from 'react';
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InboxProvider, createInboxStore, createMemoryAdapter, createMemoryStorage, useConversations } from 'inboxkit';
import type { ConversationQuery, ConversationsAdapter, RequestOptions } from 'inboxkit';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function counted() {
  const memory = createMemoryAdapter({ seed: 3, size: 10 });
  const calls: ConversationQuery[] = [];
  const adapter: ConversationsAdapter = {
    ...memory,
    listConversations(query: ConversationQuery, options?: RequestOptions) {
      calls.push(query);
      return memory.listConversations(query, options);
    },
  };
  return { adapter, calls };
}

function List() {
  useConversations({ status: 'open' });
  return null;
}

describe('the default poll interval', () => {
  it('a provider without pollIntervalMs polls every 15 s, under StrictMode too (mounted, unmounted, mounted)', async () => {
    const { adapter, calls } = counted();
    render(
      <StrictMode>
        <InboxProvider adapter={adapter} storage={createMemoryStorage()}>
          <List />
        </InboxProvider>
      </StrictMode>,
    );
    await act(() => vi.advanceTimersByTimeAsync(0));
    const first = calls.length;
    expect(first).toBeGreaterThan(0);
    await act(() => vi.advanceTimersByTimeAsync(15_000));
    expect(calls.length).toBe(first + 1);
    await act(() => vi.advanceTimersByTimeAsync(15_000));
    expect(calls.length).toBe(first + 2);
  });

  it('setOptions with pollIntervalMs undefined is the default again, and a later mount polls at it', async () => {
    const { adapter, calls } = counted();
    const store = createInboxStore({ adapter, pollIntervalMs: 1_000, storage: createMemoryStorage() });
    store.observeList({ status: 'open' });
    let unmount = store.mount();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toHaveLength(2);
    store.setOptions({ pollIntervalMs: undefined });
    unmount();
    unmount = store.mount();
    await vi.advanceTimersByTimeAsync(14_999);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(3);
    unmount();
    store.destroy();
  });
});
