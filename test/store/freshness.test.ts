import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createInboxStore, createMemoryAdapter, listKey } from 'inboxkit';
import type { ConversationQuery, ConversationsAdapter, InboxEvent, RequestOptions } from 'inboxkit';

function setVisibility(value: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => value });
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
  // Drop the own property: jsdom's getter on the prototype answers again.
  delete (document as { visibilityState?: unknown }).visibilityState;
});

describe('polling', () => {
  it('refetches observed lists every pollIntervalMs while visible, not while hidden, and stops after unmount', async () => {
    const memory = createMemoryAdapter({ seed: 1, size: 30 });
    const calls: ConversationQuery[] = [];
    const adapter: ConversationsAdapter = {
      ...memory,
      listConversations(query: ConversationQuery, options?: RequestOptions) {
        calls.push(query);
        return memory.listConversations(query, options);
      },
    };
    const store = createInboxStore({ adapter, pollIntervalMs: 1000 });
    const unmount = store.mount();
    store.observeList({ status: 'open' });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toHaveLength(4);

    setVisibility('hidden');
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(4);

    setVisibility('visible');
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls.length).toBeGreaterThanOrEqual(5);

    unmount();
    const after = calls.length;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(after);
  });

  it('does not poll lists nobody observes any more', async () => {
    const memory = createMemoryAdapter({ seed: 1, size: 30 });
    let calls = 0;
    const adapter: ConversationsAdapter = {
      ...memory,
      listConversations(query, options) {
        calls++;
        return memory.listConversations(query, options);
      },
    };
    const store = createInboxStore({ adapter, pollIntervalMs: 1000 });
    const unmount = store.mount();
    const stop = store.observeList({});
    await vi.advanceTimersByTimeAsync(0);
    stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toBe(1);
    unmount();
  });

  it('picks up a server change on the next poll without a spinner', async () => {
    const memory = createMemoryAdapter({ seed: 1, size: 30 });
    // No subscribe: the store learns of changes only by polling.
    const { subscribe: _subscribe, ...adapter } = memory;
    const store = createInboxStore({ adapter, pollIntervalMs: 1000 });
    const unmount = store.mount();
    store.observeList({});
    await vi.advanceTimersByTimeAsync(0);
    const key = listKey({});
    const target = store.state.getState().lists[key]!.ids[4]!;

    const seen: Array<{ status: string; isFetching: boolean }> = [];
    const unsubscribe = store.state.subscribe((s) => {
      const list = s.lists[key]!;
      seen.push({ status: list.status, isFetching: list.isFetching });
    });
    const changed = memory.simulate.incomingMessage(target, 'Any news?');
    expect(store.state.getState().conversations[target]!.lastMessage?.text).not.toBe('Any news?');
    await vi.advanceTimersByTimeAsync(1000);
    const list = store.state.getState().lists[key]!;
    expect(list.ids[0]).toBe(target);
    expect(store.state.getState().conversations[target]!.lastMessage?.text).toBe(changed.lastMessage?.text);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((s) => s.status === 'success' && !s.isFetching)).toBe(true);
    unsubscribe();
    unmount();
  });
});

describe('focus and online', () => {
  it('refetches observed lists when the window regains focus or comes back online', async () => {
    const memory = createMemoryAdapter({ seed: 1, size: 30 });
    let calls = 0;
    const adapter: ConversationsAdapter = {
      ...memory,
      listConversations(query, options) {
        calls++;
        return memory.listConversations(query, options);
      },
    };
    const store = createInboxStore({ adapter, pollIntervalMs: 0 });
    const unmount = store.mount();
    store.observeList({});
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(1);

    window.dispatchEvent(new Event('focus'));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(2);

    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(3);

    // pollIntervalMs 0: no polling at all.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toBe(3);

    unmount();
    window.dispatchEvent(new Event('focus'));
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(3);
  });
});

describe('a poll that returns the same data', () => {
  it('keeps the list and every conversation identical and emits no change', async () => {
    const memory = createMemoryAdapter({ seed: 1, size: 50 });
    let calls = 0;
    const adapter: ConversationsAdapter = {
      ...memory,
      listConversations(query, options) {
        calls++;
        return memory.listConversations(query, options);
      },
    };
    const store = createInboxStore({ adapter, pollIntervalMs: 1000 });
    const unmount = store.mount();
    store.observeList({ limit: 10 });
    await vi.advanceTimersByTimeAsync(0);
    await store.loadMore({ limit: 10 });
    const key = listKey({ limit: 10 });
    const list = store.state.getState().lists[key]!;
    expect(list.ids).toHaveLength(20);
    const conversations = store.state.getState().conversations;
    const rows = list.ids.map((id) => conversations[id]!);

    const events: InboxEvent[] = [];
    store.subscribe((e) => events.push(e));
    // Recorded, not asserted, in the listener: a throw there would land inside the store.
    const changedInNotification: string[] = [];
    const unsubscribe = store.state.subscribe((s) => {
      if (s.lists[key] !== list) changedInNotification.push('list');
      list.ids.forEach((id, i) => {
        if (s.conversations[id] !== rows[i]) changedInNotification.push(id);
      });
    });

    await vi.advanceTimersByTimeAsync(1000);
    await vi.advanceTimersByTimeAsync(1000);
    window.dispatchEvent(new Event('focus'));
    await vi.advanceTimersByTimeAsync(0);

    expect(store.state.getState().lists[key]).toBe(list);
    list.ids.forEach((id, i) => expect(store.state.getState().conversations[id]).toBe(rows[i]));
    expect(events.filter((e) => e.type === 'conversation.updated')).toEqual([]);
    expect(changedInNotification).toEqual([]);
    // Two polls and a focus, each reloading both pages shown.
    expect(calls).toBe(2 + 3 * 2);
    unsubscribe();
    unmount();
  });
});

describe('pushed events', () => {
  it('an incoming message updates the entity and moves its row to the top', async () => {
    const memory = createMemoryAdapter({ seed: 6, size: 40 });
    const store = createInboxStore({ adapter: memory, pollIntervalMs: 0 });
    const unmount = store.mount();
    store.observeList({});
    store.observeList({ status: 'open' });
    await vi.advanceTimersByTimeAsync(0);
    const allKey = listKey({});
    const openKey = listKey({ status: 'open' });
    const before = store.state.getState();
    const target = before.lists[openKey]!.ids[6]!;
    const unread = before.conversations[target]!.unreadCount!;

    vi.advanceTimersByTime(1000); // a later timestamp than anything generated
    memory.simulate.incomingMessage(target, 'Hello again');
    const after = store.state.getState();
    expect(after.conversations[target]!.lastMessage).toMatchObject({ text: 'Hello again', direction: 'inbound' });
    expect(after.conversations[target]!.unreadCount).toBe(unread + 1);
    expect(after.lists[openKey]!.ids[0]).toBe(target);
    expect(after.lists[allKey]!.ids[0]).toBe(target);
    expect(after.lists[openKey]!.ids.filter((id) => id === target)).toHaveLength(1);
    expect(after.lists[openKey]!.total).toBe(before.lists[openKey]!.total);
    expect(after.lists[allKey]!.total).toBe(before.lists[allKey]!.total);
    unmount();
  });

  it('a new conversation joins the lists it matches with total + 1, and no others', async () => {
    const memory = createMemoryAdapter({ seed: 6, size: 40 });
    const store = createInboxStore({ adapter: memory, pollIntervalMs: 0 });
    const unmount = store.mount();
    store.observeList({});
    store.observeList({ status: 'open' });
    store.observeList({ status: 'resolved' });
    await vi.advanceTimersByTimeAsync(0);
    const before = store.state.getState();
    const events: InboxEvent[] = [];
    store.subscribe((e) => events.push(e));

    vi.advanceTimersByTime(1000);
    const created = memory.simulate.newConversation();
    const after = store.state.getState();
    expect(after.conversations[created.id]).toBeDefined();
    for (const query of [{}, { status: 'open' as const }, { status: 'resolved' as const }]) {
      const key = listKey(query);
      const matches = query.status === undefined || query.status === created.status;
      if (matches) {
        expect(after.lists[key]!.ids[0], key).toBe(created.id);
        expect(after.lists[key]!.total, key).toBe(before.lists[key]!.total + 1);
      } else {
        expect(after.lists[key]!.ids, key).toBe(before.lists[key]!.ids);
        expect(after.lists[key]!.total, key).toBe(before.lists[key]!.total);
      }
    }
    expect(events.some((e) => e.type === 'conversation.created' && e.conversation.id === created.id)).toBe(true);

    // After unmount the store hears nothing more.
    unmount();
    const later = memory.simulate.newConversation();
    expect(store.state.getState().conversations[later.id]).toBeUndefined();
  });
});
