import '@testing-library/jest-dom/vitest';
import { Profiler } from 'react';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConversationList, Inbox, InboxProvider, createInboxStore, createMemoryAdapter, createMemoryStorage, listKey } from 'inboxkit';
import type { Conversation, ConversationListProps, ConversationQuery, InboxStore, MemoryAdapter } from 'inboxkit';
import { conversation } from '../hooks/helpers';

// The list holds still under the agent: their own assign or resolve does not move a row (the store
// keeps it in place), and while they are on the list (pointer over it, keyboard in it, scrolled
// away from the top) new and reordered rows wait behind an "N new" button.

afterEach(cleanup);

const ROW = 76;

/** conv_1 … conv_n, newest first (conv_1 is the top row), all older than anything the backend does now. */
function people(count: number): Conversation[] {
  return Array.from({ length: count }, (_, i) =>
    conversation(`conv_${i + 1}`, `Person ${i + 1}`, { updatedAt: new Date(Date.UTC(2026, 4, 1, 12) - i * 60_000).toISOString() }),
  );
}

/**
 * A memory backend over `rows` whose clock moves a second per reading: arrivals in one test never share an
 * instant (within one millisecond they did, and same-instant rows list in id order, not arrival order).
 */
function backendOf(rows: Conversation[]): MemoryAdapter {
  let clock = Date.now();
  return createMemoryAdapter({ conversations: rows, now: () => (clock += 1000) });
}

async function storeOf(backend: MemoryAdapter, query: ConversationQuery, pages = 1): Promise<InboxStore> {
  const store = createInboxStore({ adapter: backend, pollIntervalMs: 0, storage: createMemoryStorage() });
  await store.fetchList(query);
  for (let page = 2; page <= pages; page++) await store.loadMore(query);
  return store;
}

async function renderList(store: InboxStore, props: Partial<ConversationListProps> = {}) {
  const view = render(
    <InboxProvider store={store}>
      <ConversationList {...props} />
    </InboxProvider>,
  );
  await screen.findAllByRole('option');
  // Let the mount's revalidation settle.
  await act(async () => {
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  });
  return view;
}

async function settled() {
  await screen.findAllByRole('option');
  await act(async () => {
    for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
  });
}

const listbox = () => screen.getByRole('listbox', { name: 'Conversations' });
const listRoot = () => listbox().closest<HTMLElement>('[data-slot="list"]')!;
const names = () => within(listbox()).getAllByRole('option').map((o) => o.querySelector('.ik-row-name')?.textContent ?? o.textContent);

/**
 * jsdom lays nothing out and does not scroll: give the scroller a browser's sizes and a scrollTop
 * that moves and fires "scroll" as a browser's does.
 */
function scrollable(element: HTMLElement) {
  let top = 0;
  Object.defineProperty(element, 'clientHeight', { configurable: true, value: 12 * ROW });
  Object.defineProperty(element, 'scrollTop', {
    configurable: true,
    get: () => top,
    set: (value: number) => {
      top = Math.max(0, value);
      element.dispatchEvent(new Event('scroll'));
    },
  });
  return { scrollTo: (px: number) => act(() => void (element.scrollTop = px)) };
}

/** Each visible row as the agent sees it: its text and where it stands on screen. */
const onScreen = () =>
  within(listbox())
    .getAllByRole('option')
    .map((o) => `${o.textContent} @${Number(/translateY\((-?\d+)px\)/.exec(o.style.transform)![1]) - listbox().scrollTop}`);

/** The row showing this contact name (names run into the time in the text, so not by regex). */
const rowNamed = (name: string) => within(listbox()).getAllByRole('option').find((o) => o.querySelector('.ik-row-name')?.textContent === name)!;

const newButton = () => within(listRoot()).queryByRole('button', { name: /new$/ });

describe('own actions: the row stays where it stood', () => {
  it('assigning the open row 141 keeps it at row 141, and j opens row 142', async () => {
    const backend = backendOf(people(200));
    const store = await storeOf(backend, {}, 8);
    const ids = () => store.state.getState().lists[listKey({})]!.ids;
    const target = ids()[140]!;
    const onValueChange = vi.fn();
    render(
      <InboxProvider store={store}>
        <Inbox defaultValue={target} onValueChange={onValueChange} />
      </InboxProvider>,
    );
    await settled();
    const other = (await backend.listAssignees()).find((a) => a.type === 'user')!;

    await act(async () => {
      await store.assign(target, { type: 'user', id: other.id });
    });
    expect(store.state.getState().conversations[target]!.assignee?.id).toBe(other.id);
    expect(ids().indexOf(target)).toBe(140);

    fireEvent.keyDown(document.querySelector('[data-slot="inbox"]')!, { key: 'j' });
    expect(onValueChange).toHaveBeenLastCalledWith(ids()[141]);
    expect(ids()[141]).toBe('conv_142');
  });

  it('after a poll puts it on top, the list scrolled to it still shows it there, and j still opens row 142', async () => {
    const backend = backendOf(people(200));
    const store = await storeOf(backend, {}, 8);
    const ids = () => store.state.getState().lists[listKey({})]!.ids;
    const target = ids()[140]!;
    const onValueChange = vi.fn();
    render(
      <InboxProvider store={store}>
        <Inbox defaultValue={target} onValueChange={onValueChange} />
      </InboxProvider>,
    );
    await settled();
    scrollable(listbox()).scrollTo(135 * ROW);
    const before = onScreen();
    const other = (await backend.listAssignees()).find((a) => a.type === 'user')!;
    await act(async () => {
      await store.assign(target, { type: 'user', id: other.id });
    });
    await act(async () => {
      await store.fetchList({}, { background: true, revalidate: true });
    });
    expect(ids()[0]).toBe(target);
    const others = (rows: string[]) => rows.filter((row) => !row.includes('Person 141'));
    expect(others(onScreen())).toEqual(others(before));
    expect(within(listbox()).getByRole('option', { selected: true })).toHaveAttribute('aria-posinset', '141');
    expect(newButton()).toHaveAccessibleName('1 new');

    fireEvent.keyDown(document.querySelector('[data-slot="inbox"]')!, { key: 'j' });
    expect(onValueChange).toHaveBeenLastCalledWith('conv_142');
  });
});

describe('held while the agent is on the list', () => {
  it('scrolled away from the top: live arrivals do not move the visible rows; "3 new" brings them in and scrolls to the top', async () => {
    const backend = backendOf(people(60));
    const store = await storeOf(backend, { limit: 60 });
    await renderList(store, { query: { limit: 60 } });
    const scroller = scrollable(listbox());
    scroller.scrollTo(20 * ROW);
    const before = onScreen();
    expect(before.length).toBeGreaterThan(5);

    const arrived: Conversation[] = [];
    act(() => {
      for (let i = 0; i < 3; i++) arrived.push(backend.simulate.newConversation());
    });
    expect(store.state.getState().lists[listKey({ limit: 60 })]!.ids.slice(0, 3)).toEqual(arrived.map((c) => c.id).reverse());
    expect(onScreen()).toEqual(before);
    const button = newButton()!;
    expect(button).toHaveAccessibleName('3 new');
    expect(button.closest('[role="status"]')).not.toBeNull();

    await userEvent.setup().click(button);
    expect(listbox().scrollTop).toBe(0);
    expect(within(listbox()).getAllByRole('option')[0]).toHaveAttribute('aria-posinset', '1');
    expect(names().slice(0, 4)).toEqual([...arrived.map((c) => c.contact?.name ?? '').reverse(), 'Person 1']);
    expect(newButton()).toBeNull();
    // The button went; focus did not fall out of the list.
    expect(listbox()).toHaveFocus();
  });

  it('a row that moves up (new activity) stays where it stood while held, and counts as new', async () => {
    const backend = backendOf(people(60));
    const store = await storeOf(backend, { limit: 60 });
    await renderList(store, { query: { limit: 60 } });
    const scroller = scrollable(listbox());
    scroller.scrollTo(10 * ROW);
    const before = onScreen();

    act(() => void backend.simulate.incomingMessage('conv_15', 'Still there?'));
    expect(store.state.getState().lists[listKey({ limit: 60 })]!.ids[0]).toBe('conv_15');
    const moved = rowNamed('Person 15');
    expect(moved).toHaveTextContent('Still there?');
    expect(moved).toHaveAttribute('aria-posinset', '15');
    expect(onScreen().filter((row) => !row.includes('Person 15'))).toEqual(before.filter((row) => !row.includes('Person 15')));
    expect(newButton()).toHaveAccessibleName('1 new');
  });

  it('at the top with the pointer over it: held; the pointer leaving lets them in, as when idle', async () => {
    const backend = backendOf(people(30));
    const store = await storeOf(backend, {});
    await renderList(store);

    expect(listRoot()).not.toHaveAttribute('data-held');
    fireEvent.pointerEnter(listRoot());
    expect(listRoot()).toHaveAttribute('data-held', '');
    let arrived!: Conversation;
    act(() => void (arrived = backend.simulate.newConversation()));
    expect(names()[0]).toBe('Person 1');
    expect(newButton()).toHaveAccessibleName('1 new');

    fireEvent.pointerLeave(listRoot());
    expect(listRoot()).not.toHaveAttribute('data-held');
    expect(names()[0]).toBe(arrived.contact?.name);
    expect(newButton()).toBeNull();

    // Idle at the top: they come in at once, as ever.
    let next!: Conversation;
    act(() => void (next = backend.simulate.newConversation()));
    expect(names()[0]).toBe(next.contact?.name);
    expect(newButton()).toBeNull();
  });

  it('keyboard focus in the list holds it; focus from a click does not, once the pointer has left', async () => {
    const backend = backendOf(people(30));
    const store = await storeOf(backend, {});
    render(
      <InboxProvider store={store}>
        <button type="button">Elsewhere</button>
        <ConversationList />
      </InboxProvider>,
    );
    await screen.findAllByRole('option');
    const user = userEvent.setup();

    await user.tab();
    await user.tab();
    expect(listbox()).toHaveFocus();
    act(() => void backend.simulate.newConversation());
    expect(names()[0]).toBe('Person 1');
    expect(newButton()).toHaveAccessibleName('1 new');
    await user.tab({ shift: true }); // back to the "1 new" button: reachable before the rows
    expect(newButton()).toHaveFocus();
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Elsewhere' })).toHaveFocus();
    expect(newButton()).toBeNull(); // idle at the top again: they came in

    await user.click(rowNamed('Person 3'));
    fireEvent.pointerLeave(listRoot());
    let arrived!: Conversation;
    act(() => void (arrived = backend.simulate.newConversation()));
    expect(names()[0]).toBe(arrived.contact?.name);
  });

  it('a row resolved elsewhere above the viewport leaves, and the rows in view stay put', async () => {
    const backend = backendOf(people(60));
    const open: ConversationQuery = { status: 'open', limit: 60 };
    const store = await storeOf(backend, open);
    await renderList(store, { query: open });
    const scroller = scrollable(listbox());
    scroller.scrollTo(20 * ROW);
    const before = onScreen();

    act(() => void backend.simulate.setStatus('conv_3', 'resolved'));
    expect(store.state.getState().lists[listKey(open)]!.ids).not.toContain('conv_3');
    expect(listbox().scrollTop).toBe(19 * ROW);
    // The same rows at the same place on screen (each one's position number is one less).
    expect(onScreen().map((row) => row.replace(/Person \d+/, ''))).toEqual(before.map((row) => row.replace(/Person \d+/, '')));
    expect(names()).toContain('Person 25');
    expect(names()).not.toContain('Person 3');
    expect(newButton()).toBeNull();
  });

  it('pages loaded while held join at the end; the open row, once among those waiting, lets the list go', async () => {
    const backend = backendOf(people(80));
    const query: ConversationQuery = { limit: 40 };
    const store = await storeOf(backend, query);
    const { rerender } = await renderList(store, { query, value: 'conv_2' });
    fireEvent.pointerEnter(listRoot());
    let arrived!: Conversation;
    act(() => void (arrived = backend.simulate.newConversation()));
    await act(async () => {
      await store.loadMore(query);
    });
    const options = within(listbox()).getAllByRole('option');
    expect(options[0]).toHaveTextContent('Person 1');
    expect(options[0]).toHaveAttribute('aria-setsize', '81');
    expect(newButton()).toHaveAccessibleName('1 new');
    const stored = store.state.getState().lists[listKey(query)]!.ids;
    expect(stored.length).toBeGreaterThan(41);
    // End goes to the last row shown: the last one the page brought, after the 40 held.
    scrollable(listbox());
    listbox().focus();
    fireEvent.keyDown(listbox(), { key: 'End' });
    const last = document.getElementById(listbox().getAttribute('aria-activedescendant')!)!;
    expect(last).toHaveAttribute('aria-posinset', String(stored.length - 1));
    expect(last.querySelector('.ik-row-name')).toHaveTextContent(store.state.getState().conversations[stored[stored.length - 1]!]!.contact!.name!);

    // The host opens the new conversation (the inbox's k from the top row): it is shown, in the list's own order.
    rerender(
      <InboxProvider store={store}>
        <ConversationList query={query} value={arrived.id} />
      </InboxProvider>,
    );
    expect(names()[0]).toBe(arrived.contact?.name);
    expect(within(listbox()).getAllByRole('option')[0]).toHaveAttribute('aria-selected', 'true');
    expect(newButton()).toBeNull();
  });

  it('host-managed lists are never held: the host owns their order', async () => {
    const list = people(10);
    const idle = createMemoryAdapter({ conversations: [] });
    const { rerender } = render(
      <InboxProvider adapter={idle} pollIntervalMs={0} storage={createMemoryStorage()}>
        <ConversationList conversations={list} />
      </InboxProvider>,
    );
    fireEvent.pointerEnter(listRoot());
    const arrived = conversation('conv_new', 'Newcomer');
    rerender(
      <InboxProvider adapter={idle} pollIntervalMs={0} storage={createMemoryStorage()}>
        <ConversationList conversations={[arrived, ...list]} />
      </InboxProvider>,
    );
    expect(names()[0]).toBe('Newcomer');
    expect(newButton()).toBeNull();
  });
});

describe('render counts while held', () => {
  it('a message on a visible row re-renders that row once, where it stands; one far down renders no row', async () => {
    const clock = { now: Date.parse('2026-11-20T12:00:00Z') };
    const backend = createMemoryAdapter({ seed: 21, size: 1000, now: () => clock.now });
    const store = await storeOf(backend, { limit: 100 }, 10);
    const rendered: string[] = [];
    let commits = 0;
    render(
      <InboxProvider store={store}>
        <Profiler id="list" onRender={() => commits++}>
          <ConversationList
            query={{ limit: 100 }}
            renderItem={(c) => {
              rendered.push(c.id);
              return <span>{c.lastMessage?.text}</span>;
            }}
          />
        </Profiler>
      </InboxProvider>,
    );
    await screen.findAllByRole('option');
    await act(async () => {
      for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
    });
    const key = listKey({ limit: 100 });
    const ids = store.state.getState().lists[key]!.ids;
    fireEvent.pointerEnter(listRoot());
    rendered.length = 0;
    const commitsBefore = commits;

    clock.now += 1000;
    act(() => void backend.simulate.incomingMessage(ids[3]!, 'On a visible row'));
    expect(store.state.getState().lists[key]!.ids[0]).toBe(ids[3]);
    expect(rendered).toEqual([ids[3]]);
    expect(commits - commitsBefore).toBe(1);
    expect(within(listbox()).getAllByRole('option')[3]).toHaveTextContent('On a visible row');

    rendered.length = 0;
    clock.now += 1000;
    act(() => void backend.simulate.incomingMessage(ids[500]!, 'Far down'));
    expect(rendered).toEqual([]);
    expect(commits - commitsBefore).toBe(2);
    expect(newButton()).toHaveAccessibleName('2 new');
  });
});
