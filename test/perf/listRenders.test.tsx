import '@testing-library/jest-dom/vitest';
import { Profiler } from 'react';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConversationList, createInboxStore, createMemoryAdapter, InboxProvider } from 'inboxkit';
import type { Conversation, InboxStore } from 'inboxkit';
import { conversation } from '../hooks/helpers';

afterEach(cleanup);

const QUERY = { limit: 100 } as const;
// Store subscriptions a default row makes: one for all its state (its conversation in hook mode, pending, unread,
// assignee name, read in full), where it made five in hook mode and four with host-managed rows.
const PER_ROW_HOOK = 1;
const PER_ROW_HOST = 1;

/** A store holding 1,000 loaded conversations (ten pages), as after scrolling. */
async function storeWith1000(clock = { now: Date.parse('2026-11-20T12:00:00Z') }) {
  const adapter = createMemoryAdapter({ seed: 21, size: 1000, now: () => clock.now });
  const store = createInboxStore({ adapter, pollIntervalMs: 0, storageKey: 'perf-test' });
  await store.fetchList(QUERY);
  while (Object.values(store.state.getState().lists)[0]!.hasNext) await store.loadMore(QUERY);
  expect(Object.values(store.state.getState().lists)[0]!.ids).toHaveLength(1000);
  return { adapter, store };
}

function renderList(store: InboxStore) {
  const rowRenders: string[] = [];
  let commits = 0;
  const renderItem = (conversation: Conversation) => {
    rowRenders.push(conversation.id);
    return <span>{conversation.contact?.name ?? conversation.contactId}</span>;
  };
  render(
    <InboxProvider store={store}>
      <Profiler id="list" onRender={() => commits++}>
        <ConversationList query={QUERY} renderItem={renderItem} />
      </Profiler>
    </InboxProvider>,
  );
  return {
    rowRenders,
    get commits() {
      return commits;
    },
  };
}

async function settle() {
  // Let observeList's background revalidation (ten pages) and any effects finish.
  await act(async () => {
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
  });
}

describe('ConversationList render counts over 1,000 loaded conversations', () => {
  it('renders only about a screenful of rows', async () => {
    const { store } = await storeWith1000();
    const counts = renderList(store);
    await settle();
    const options = screen.getAllByRole('option');
    expect(options.length).toBeGreaterThan(5);
    expect(options.length).toBeLessThan(30);
    expect(new Set(counts.rowRenders).size).toBe(options.length);
  });

  it('re-renders exactly one row when one visible conversation changes', async () => {
    const { store } = await storeWith1000();
    const counts = renderList(store);
    await settle();
    const [first, second] = screen.getAllByRole('option');
    const target = store.state.getState().lists[Object.keys(store.state.getState().lists)[0]!]!.ids[1]!;
    expect(second).toHaveAttribute('aria-posinset', '2');
    counts.rowRenders.length = 0;

    // An assignment does not move the row (its activity time is unchanged).
    await act(async () => {
      await store.assign(target, { type: 'team', id: (await store.adapter.listAssignees!()).find((a) => a.type === 'team')!.id });
    });
    await settle();
    // Twice for that row (optimistic, then the server's answer), and no other row at all.
    expect(new Set(counts.rowRenders)).toEqual(new Set([target]));
    expect(first).toBeInTheDocument();
  });

  it('re-renders nothing when a refresh returns the same data', async () => {
    const { store } = await storeWith1000();
    const counts = renderList(store);
    await settle();
    counts.rowRenders.length = 0;
    const commitsBefore = counts.commits;

    await act(async () => {
      await store.refresh();
    });
    await settle();
    expect(counts.rowRenders).toEqual([]);
    expect(counts.commits).toBe(commitsBefore);
  });
});

describe('mounting a list', () => {
  it('over a cached store list commits once and renders each row once, the background revalidation included', async () => {
    const { adapter, store } = await storeWith1000();
    const listed = vi.spyOn(adapter, 'listConversations');
    // Before: the list's root element in state (a second render of the list from its ref) and the list
    // re-rendering when the mount's revalidation toggled `isFetching`, which it does not show.
    const counts = renderList(store);
    await settle();
    expect(listed).toHaveBeenCalled(); // the revalidation ran (five pages)
    const options = screen.getAllByRole('option');
    expect(counts.commits).toBe(1);
    expect(counts.rowRenders).toHaveLength(options.length);
    expect(new Set(counts.rowRenders).size).toBe(options.length);
  });

  it('of host-managed conversations commits once and renders each row once', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => conversation(`conv_${i}`, `Person ${i}`));
    const rendered: string[] = [];
    let commits = 0;
    render(
      <InboxProvider adapter={createMemoryAdapter({ conversations: [] })}>
        <Profiler id="list" onRender={() => commits++}>
          <ConversationList
            conversations={rows}
            renderItem={(c) => {
              rendered.push(c.id);
              return <span>{c.contact?.name}</span>;
            }}
          />
        </Profiler>
      </InboxProvider>,
    );
    await settle();
    expect(commits).toBe(1);
    expect(rendered).toHaveLength(screen.getAllByRole('option').length);
  });
});

describe('host-managed ConversationList render counts', () => {
  it('re-renders exactly one row when the host replaces one conversation of 1,000', async () => {
    const adapter = createMemoryAdapter({ seed: 22, size: 1000, now: () => Date.parse('2026-11-20T12:00:00Z') });
    const rows: Conversation[] = [];
    for (let page = 1; ; page++) {
      const result = await adapter.listConversations({ limit: 100, page });
      rows.push(...result.conversations);
      if (!result.hasNext) break;
    }
    const rendered: string[] = [];
    const renderItem = (conversation: Conversation) => {
      rendered.push(conversation.id);
      return <span>{conversation.lastMessage?.text}</span>;
    };
    const idle = createMemoryAdapter({ conversations: [] });
    const { rerender } = render(
      <InboxProvider adapter={idle}>
        <ConversationList conversations={rows} renderItem={renderItem} />
      </InboxProvider>,
    );
    await settle();
    rendered.length = 0;

    const changed = rows.slice();
    changed[2] = { ...rows[2]!, lastMessage: { ...rows[2]!.lastMessage!, text: 'Edited by the host' } };
    rerender(
      <InboxProvider adapter={idle}>
        <ConversationList conversations={changed} renderItem={renderItem} />
      </InboxProvider>,
    );
    await settle();
    expect(rendered).toEqual([rows[2]!.id]);
    expect(screen.getByText('Edited by the host')).toBeInTheDocument();
  });
});

describe('an update that moves a conversation to the top', () => {
  it('re-renders one row in hook mode when a message arrives for a conversation far down the list', async () => {
    const clock = { now: Date.parse('2026-11-20T12:00:00Z') };
    const { adapter, store } = await storeWith1000(clock);
    const counts = renderList(store);
    await settle();
    const key = Object.keys(store.state.getState().lists)[0]!;
    const target = store.state.getState().lists[key]!.ids[500]!;
    // An open conversation: the active row is that one, not "the first row", so a new first row does not move it.
    act(() => void screen.getAllByRole('option')[2]!.click());
    const optionsBefore = screen.getAllByRole('option').length;
    counts.rowRenders.length = 0;
    const commitsBefore = counts.commits;

    clock.now += 1000; // the newest activity of all
    act(() => void adapter.simulate.incomingMessage(target, 'Moved to the top'));
    await settle();
    expect(store.state.getState().lists[key]!.ids[0]).toBe(target);
    // Only the moved row renders its content; the rows it pushed down only change position.
    expect(counts.rowRenders).toEqual([target]);
    expect(counts.commits - commitsBefore).toBe(1);
    const options = screen.getAllByRole('option');
    expect(options).toHaveLength(optionsBefore);
    expect(options[0]).toHaveAttribute('aria-posinset', '1');
    expect(options[1]).toHaveAttribute('aria-posinset', '2');
  });

  it('writes only the rows\' positions when a conversation arrives above them: no row changes its id', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => conversation(`conv_${i}`, `Person ${i}`));
    const idle = createMemoryAdapter({ conversations: [] });
    // An open conversation, so the active row stays on it (see above) rather than on the new first row.
    const ui = (list: Conversation[]) => (
      <InboxProvider adapter={idle}>
        <ConversationList conversations={list} defaultValue="conv_2" />
      </InboxProvider>
    );
    const { rerender, container } = render(ui(rows));
    await settle();
    const before = new Map(screen.getAllByRole('option').map((o) => [o, o.id]));
    const written: string[] = [];
    const observer = new MutationObserver((records) => {
      for (const r of records) if (r.type === 'attributes') written.push(r.attributeName!);
    });
    observer.observe(container, { subtree: true, attributes: true });

    rerender(ui([rows[500]!, ...rows.slice(0, 500), ...rows.slice(501)]));
    const records = observer.takeRecords();
    observer.disconnect();
    for (const r of records) if (r.type === 'attributes') written.push(r.attributeName!);

    const options = screen.getAllByRole('option');
    // Every row that stayed is the same element with the same id; it only moved (its place and position),
    // and the listbox's active descendant, the same row, keeps its reference.
    for (const o of options.slice(1)) expect(o.id).toBe(before.get(o));
    expect(new Set(written)).toEqual(new Set(['aria-posinset', 'style']));
    // Before: each moved row's id was its position, so a move rewrote every visible row's id too.
    expect(written.filter((name) => name === 'id')).toHaveLength(0);
  });

  it('at 100,000 host-managed rows re-renders one row, reads only the visible rows and measures nothing', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => conversation(`conv_${i}`, `Person ${i}`));
    // Counts every position the list reads from the array it is given.
    const reads = { count: 0 };
    const counted = (list: Conversation[]) =>
      new Proxy(list, {
        get(target, prop, receiver) {
          if (typeof prop === 'string' && /^\d+$/.test(prop)) reads.count++;
          return Reflect.get(target, prop, receiver);
        },
      });
    const rendered: string[] = [];
    const renderItem = (c: Conversation) => {
      rendered.push(c.id);
      return <span>{c.lastMessage?.text}</span>;
    };
    const idle = createMemoryAdapter({ conversations: [] });
    let commits = 0;
    // An open conversation (see above): the active row stays on it when rows arrive above.
    const ui = (list: Conversation[]) => (
      <InboxProvider adapter={idle}>
        <Profiler id="list" onRender={() => commits++}>
          <ConversationList conversations={counted(list)} renderItem={renderItem} defaultValue="conv_2" />
        </Profiler>
      </InboxProvider>
    );
    const { rerender } = render(ui(rows));
    await settle();
    const optionsBefore = screen.getAllByRole('option').length;

    const moved = { ...rows[50_000]!, lastMessage: { ...rows[50_000]!.lastMessage!, text: 'Moved to the top' } };
    const next = [moved, ...rows.slice(0, 50_000), ...rows.slice(50_001)];
    // Layout reads: a list that measured its rows (or itself) on an update would call these.
    const layout = [
      vi.spyOn(Element.prototype, 'getBoundingClientRect'),
      vi.spyOn(Element.prototype, 'scrollTop', 'get'),
      vi.spyOn(Element.prototype, 'clientHeight', 'get'),
      vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get'),
    ];
    rendered.length = 0;
    reads.count = 0;
    const commitsBefore = commits;

    rerender(ui(next));

    expect(rendered).toEqual([moved.id]);
    expect(commits - commitsBefore).toBe(1);
    // O(visible rows): the rows in the DOM (and a few lookups each), never the 100,000.
    expect(reads.count).toBeLessThan(optionsBefore * 4);
    for (const spy of layout) expect(spy).not.toHaveBeenCalled();
    for (const spy of layout) spy.mockRestore();
    const options = screen.getAllByRole('option');
    expect(options).toHaveLength(optionsBefore);
    expect(options[0]).toHaveTextContent('Moved to the top');
    expect(options[0]).toHaveAttribute('aria-setsize', '100000');
  });
});

/** Counts the store's listeners (subscribed and not yet unsubscribed) from now on. */
function countListeners(store: InboxStore) {
  const subscribe = store.state.subscribe;
  const counts = { active: 0 };
  store.state.subscribe = (listener) => {
    counts.active++;
    const unsubscribe = subscribe(listener);
    return () => {
      counts.active--;
      unsubscribe();
    };
  };
  return counts;
}

/** `perRow` for each row shown, and the list's own (its rows, its controls, the held order's) under ten. */
function expectPerRow(listeners: { active: number }, rows: number, perRow: number) {
  expect(listeners.active - rows * perRow).toBeGreaterThanOrEqual(0);
  expect(listeners.active - rows * perRow).toBeLessThan(10);
}

describe('store subscriptions of the default rows', () => {
  // Every subscription is a hook in each row's mount and a selector run on every store change.
  it('in hook mode: a fixed number per row over 1,000 cached conversations', async () => {
    const { store } = await storeWith1000();
    const listeners = countListeners(store);
    render(
      <InboxProvider store={store}>
        <ConversationList query={QUERY} />
      </InboxProvider>,
    );
    await settle();
    expectPerRow(listeners, screen.getAllByRole('option').length, PER_ROW_HOOK);
  });

  it('with host-managed conversations: a fixed number per row', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => conversation(`conv_${i}`, `Person ${i}`));
    const store = createInboxStore({ adapter: createMemoryAdapter({ conversations: [] }), pollIntervalMs: 0, storageKey: 'perf-test' });
    const listeners = countListeners(store);
    render(
      <InboxProvider store={store}>
        <ConversationList conversations={rows} />
      </InboxProvider>,
    );
    await settle();
    expectPerRow(listeners, screen.getAllByRole('option').length, PER_ROW_HOST);
  });
});
