import '@testing-library/jest-dom/vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ConversationList, createConversationSelection, createInboxStore, createMemoryAdapter, InboxProvider } from 'inboxkit';
import type { Conversation, InboxStore } from 'inboxkit';

afterEach(cleanup);

const QUERY = { limit: 100 } as const;

/** A store holding 1,000 loaded conversations (ten pages), as after scrolling. */
async function storeWith1000() {
  const adapter = createMemoryAdapter({ seed: 21, size: 1000, now: () => Date.parse('2026-11-20T12:00:00Z') });
  const store = createInboxStore({ adapter, pollIntervalMs: 0, storageKey: 'selection-perf-test' });
  await store.fetchList(QUERY);
  while (Object.values(store.state.getState().lists)[0]!.hasNext) await store.loadMore(QUERY);
  return store;
}

function renderList(store: InboxStore) {
  const selection = createConversationSelection();
  const rowRenders: string[] = [];
  const renderItem = (conversation: Conversation) => {
    rowRenders.push(conversation.id);
    return <span className="ik-row-name">{conversation.contact?.name ?? conversation.contactId}</span>;
  };
  render(
    <InboxProvider store={store} pollIntervalMs={0}>
      <ConversationList query={QUERY} renderItem={renderItem} selection={selection} />
    </InboxProvider>,
  );
  return { selection, rowRenders };
}

async function settle() {
  await act(async () => {
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
  });
}

describe('bulk selection render counts over 1,000 loaded conversations', () => {
  it('checking one row re-renders that row alone, by click and by x', async () => {
    const user = userEvent.setup();
    const store = await storeWith1000();
    const counts = renderList(store);
    await settle();
    const ids = store.state.getState().lists[Object.keys(store.state.getState().lists)[0]!]!.ids;
    counts.rowRenders.length = 0;

    const [first] = screen.getAllByRole('checkbox');
    await user.click(first!);
    expect(counts.selection.has(ids[0]!)).toBe(true);
    expect(counts.rowRenders).toEqual([ids[0]]);

    counts.rowRenders.length = 0;
    screen.getByRole('listbox').focus();
    await user.keyboard('{ArrowDown}');
    counts.rowRenders.length = 0;
    await user.keyboard('x');
    expect(counts.selection.has(ids[1]!)).toBe(true);
    expect(counts.rowRenders).toEqual([ids[1]]);
  });

  it('a change from outside (select all, clear) re-renders only the visible rows whose state changed', async () => {
    const store = await storeWith1000();
    const counts = renderList(store);
    await settle();
    const ids = store.state.getState().lists[Object.keys(store.state.getState().lists)[0]!]!.ids;
    const visible = screen.getAllByRole('option').length;
    counts.rowRenders.length = 0;
    // 900 rows selected, most of them not in the DOM: only the visible ones render.
    act(() => counts.selection.set(ids.slice(0, 900), true));
    expect(counts.rowRenders).toHaveLength(visible);
    counts.rowRenders.length = 0;
    act(() => counts.selection.set([ids[950]!], true));
    expect(counts.rowRenders).toEqual([]);
    act(() => counts.selection.clear());
    expect(counts.rowRenders).toHaveLength(visible);
  });

  it('a poll that changes nothing re-renders no row, with rows selected', async () => {
    const store = await storeWith1000();
    const counts = renderList(store);
    await settle();
    const ids = store.state.getState().lists[Object.keys(store.state.getState().lists)[0]!]!.ids;
    act(() => counts.selection.set(ids.slice(0, 500), true));
    counts.rowRenders.length = 0;
    await act(async () => {
      await store.refresh();
    });
    expect(counts.rowRenders).toEqual([]);
    expect(counts.selection.size).toBe(500);
  });
});
