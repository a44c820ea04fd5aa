import '@testing-library/jest-dom/vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { memo } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  InboxProvider,
  createInboxStore,
  createMemoryAdapter,
  createMemoryStorage,
  listKey,
  useCachedConversation,
  useConversationIds,
  useConversations,
} from 'inboxkit';
import type { Conversation, ConversationQuery, ConversationsAdapter, InboxStore, MemoryAdapter } from 'inboxkit';
import { deferred } from './helpers';

// A change to one conversation must re-render that row, not the list of 1,000.
// Counted with plain counters in the render bodies (no StrictMode: one render each).

const QUERY: ConversationQuery = { limit: 100 };
let listRenders = 0;
let rowRenders = new Map<string, number>();

beforeEach(() => {
  listRenders = 0;
  rowRenders = new Map();
});
afterEach(cleanup);

const Row = memo(function Row({ id }: { id: string }) {
  rowRenders.set(id, (rowRenders.get(id) ?? 0) + 1);
  const c = useCachedConversation(id);
  return (
    <li data-status={c?.status}>
      {c?.contact?.name} · {c?.assignee?.id ?? 'unassigned'} · {c?.lastMessage?.text}
    </li>
  );
});

function BigList() {
  listRenders++;
  const { ids, total } = useConversationIds(QUERY);
  return (
    <div>
      <p>
        {ids.length} of {total}
      </p>
      <ul>
        {ids.map((id) => (
          <Row key={id} id={id} />
        ))}
      </ul>
    </div>
  );
}

const resetCounts = () => {
  listRenders = 0;
  rowRenders = new Map();
};
const totalRowRenders = () => [...rowRenders.values()].reduce((a, b) => a + b, 0);

/** A store holding all 1,000 conversations (ten pages of 100), loaded before anything renders. */
async function prefilledStore(adapter: ConversationsAdapter): Promise<InboxStore> {
  const store = createInboxStore({ adapter, pollIntervalMs: 0, storage: createMemoryStorage() });
  await store.fetchList(QUERY);
  for (let page = 2; page <= 10; page++) await store.loadMore(QUERY);
  expect(store.state.getState().lists[listKey(QUERY)]!.ids).toHaveLength(1000);
  return store;
}

async function renderBigList(store: InboxStore) {
  render(
    <InboxProvider store={store}>
      <BigList />
    </InboxProvider>,
  );
  expect(screen.getByText('1000 of 1000')).toBeInTheDocument();
  // Mounting revalidates the list (ten pages); let that finish before counting.
  await act(async () => {
    await store.fetchList(QUERY);
  });
  expect(store.state.getState().lists[listKey(QUERY)]!.isFetching).toBe(false);
  expect(rowRenders.size).toBe(1000);
  resetCounts();
}

const idAt = (store: InboxStore, index: number) => store.state.getState().lists[listKey(QUERY)]!.ids[index]!;

describe('render counts in a list of 1,000', () => {
  let backend: MemoryAdapter;
  beforeEach(() => {
    backend = createMemoryAdapter({ seed: 11, size: 1000 });
  });

  it('an optimistic assign re-renders exactly one row and not the list', async () => {
    const gate = deferred();
    const adapter: ConversationsAdapter = { ...backend, assignConversation: async (...args) => (await gate.promise, backend.assignConversation(...args)) };
    const store = await prefilledStore(adapter);
    await renderBigList(store);
    // The mount's revalidation waits a task: let it run first (a read from the top after the assign would rightly reorder).
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
      await store.fetchList(QUERY);
    });
    resetCounts();
    const target = idAt(store, 500);
    const [user] = (await backend.listAssignees()).filter((a) => a.type === 'user' && a.id !== store.state.getState().conversations[target]!.assignee?.id);

    let done: Promise<unknown> = Promise.resolve();
    act(() => {
      done = store.assign(target, { type: 'user', id: user!.id });
    });
    expect(rowRenders).toEqual(new Map([[target, 1]]));
    expect(listRenders).toBe(0);

    // The server's answer gives it the newest activity, but the agent's own action does not move
    // its row: nothing for the list to redraw.
    await act(async () => {
      gate.resolve();
      await done;
    });
    expect(idAt(store, 500)).toBe(target);
    expect([...rowRenders.keys()]).toEqual([target]);
    expect(listRenders).toBe(0);

    // The next read from the top puts it first: the list re-renders to reorder, memoized rows do not.
    resetCounts();
    await act(async () => {
      await store.fetchList(QUERY, { background: true, revalidate: true });
    });
    expect(idAt(store, 0)).toBe(target);
    expect(totalRowRenders()).toBe(0);
    expect(listRenders).toBe(1);
  });

  it('resolving a conversation in the `all` list re-renders exactly one row and not the list', async () => {
    const gate = deferred();
    const adapter: ConversationsAdapter = { ...backend, resolveConversation: async (...args) => (await gate.promise, backend.resolveConversation(...args)) };
    const store = await prefilledStore(adapter);
    await renderBigList(store);
    const ids = store.state.getState().lists[listKey(QUERY)]!.ids;
    const target = ids.find((id, i) => i > 100 && store.state.getState().conversations[id]!.status !== 'resolved')!;

    let done: Promise<unknown> = Promise.resolve();
    act(() => {
      done = store.resolve(target);
    });
    expect(rowRenders).toEqual(new Map([[target, 1]]));
    expect(listRenders).toBe(0);
    expect(store.state.getState().lists[listKey(QUERY)]!.ids).toBe(ids);
    await act(async () => {
      gate.resolve();
      await done;
    });
    expect([...rowRenders.keys()]).toEqual([target]);
  });

  it('a pushed message on the newest conversation re-renders that row only (its place does not change)', async () => {
    const store = await prefilledStore(backend);
    await renderBigList(store);
    const ids = store.state.getState().lists[listKey(QUERY)]!.ids;
    const top = ids[0]!;

    act(() => {
      backend.simulate.incomingMessage(top, 'Are you there?');
    });
    expect(screen.getAllByRole('listitem')[0]).toHaveTextContent('Are you there?');
    expect(store.state.getState().lists[listKey(QUERY)]!.ids).toEqual(ids); // same order: nothing for the list to redraw
    expect(rowRenders).toEqual(new Map([[top, 1]]));
    expect(listRenders).toBe(0);
  });

  it('a background refresh that returns unchanged data re-renders nothing', async () => {
    const store = await prefilledStore(backend);
    await renderBigList(store);
    const before = store.state.getState().lists[listKey(QUERY)];

    await act(async () => {
      await store.refresh();
    });
    expect(totalRowRenders()).toBe(0);
    expect(listRenders).toBe(0);
    expect(store.state.getState().lists[listKey(QUERY)]).toBe(before);
  });

  it('with useConversations and memoized rows, one change re-renders the list once and only that row', async () => {
    const store = await prefilledStore(backend);
    const RowFromProps = memo(function RowFromProps({ conversation }: { conversation: Conversation }) {
      rowRenders.set(conversation.id, (rowRenders.get(conversation.id) ?? 0) + 1);
      return <li>{conversation.contact?.name}</li>;
    });
    function FullList() {
      listRenders++;
      const { conversations } = useConversations(QUERY);
      return (
        <ul>
          {conversations.map((c) => (
            <RowFromProps key={c.id} conversation={c} />
          ))}
        </ul>
      );
    }
    render(
      <InboxProvider store={store}>
        <FullList />
      </InboxProvider>,
    );
    await act(async () => {
      await store.fetchList(QUERY);
    });
    resetCounts();
    const target = idAt(store, 300);
    const status = store.state.getState().conversations[target]!.status === 'escalated' ? 'open' : 'escalated';
    act(() => {
      backend.simulate.setStatus(target, status);
    });
    expect(rowRenders).toEqual(new Map([[target, 1]]));
    expect(listRenders).toBe(1);
  });
});
