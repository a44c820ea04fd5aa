import '@testing-library/jest-dom/vitest';
import { Profiler } from 'react';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConversationList, createInboxStore, createMemoryAdapter, InboxProvider } from 'inboxkit';
import type { Conversation, InboxStore } from 'inboxkit';

afterEach(cleanup);

const QUERY = { limit: 100 } as const;

/** A store holding 1,000 loaded conversations (ten pages), as after scrolling. */
async function storeWith1000() {
  const adapter = createMemoryAdapter({ seed: 21, size: 1000, now: () => Date.parse('2026-11-20T12:00:00Z') });
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
