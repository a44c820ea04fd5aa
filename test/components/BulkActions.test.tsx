import '@testing-library/jest-dom/vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConversationList, Inbox, InboxError, InboxProvider, createConversationSelection, createInboxStore, createMemoryAdapter, createMemoryStorage } from 'inboxkit';
import type { Conversation, ConversationQuery, ConversationsAdapter, InboxProps, InboxStore } from 'inboxkit';
import { conversation, deferred } from '../hooks/helpers';
import { loadBulkToolbarPanel } from '../../src/components/Inbox/BulkToolbar.js';

// The toolbar's body is a chunk a page fetches on idle; here it is already in, as it is a moment after any page loads
// (test/components/BulkToolbar.lazy.test.tsx covers the moment before).
beforeAll(() => loadBulkToolbarPanel());

// Radix menus use layout and pointer APIs jsdom lacks; these stubs only keep them from throwing.
afterEach(cleanup);

/** conv_1 … conv_n, newest first, so conv_1 is the top row. */
function people(count: number, overrides: (i: number) => Partial<Conversation> = () => ({})): Conversation[] {
  return Array.from({ length: count }, (_, i) =>
    conversation(`conv_${i + 1}`, `Person ${i + 1}`, { updatedAt: new Date(Date.UTC(2026, 4, 1, 12) - i * 60_000).toISOString(), ...overrides(i) }),
  );
}

const stores: InboxStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.destroy();
});

function renderInbox(adapter: ConversationsAdapter, props: Partial<InboxProps> = {}, undoMs = 0) {
  const store = createInboxStore({ adapter, pollIntervalMs: 0, storage: createMemoryStorage(), undoMs });
  stores.push(store);
  render(
    <InboxProvider store={store} pollIntervalMs={0}>
      <Inbox {...props} />
    </InboxProvider>,
  );
  return store;
}

const listbox = () => screen.getByRole('listbox', { name: 'Conversations' });
const row = (name: string) => within(listbox()).getAllByRole('option').find((o) => o.querySelector('.ik-row-name')?.textContent === name)!;
const box = (name: string) => within(listbox()).getByRole('checkbox', { name: `Select ${name}` });
const checkedNames = () =>
  within(listbox())
    .getAllByRole('option')
    .filter((o) => o.getAttribute('aria-checked') === 'true')
    .map((o) => o.querySelector('.ik-row-name')?.textContent);
const toolbar = () => screen.queryByRole('toolbar', { name: 'Selected conversations' });
const status = () => screen.getAllByRole('status').find((el) => el.getAttribute('data-slot') === 'bulk-status')!;

/** A memory backend whose resolve (and assign) of `refused` is refused with a 403, as WhatsApp would. */
function refusing(backend: ConversationsAdapter, refused: string[]): ConversationsAdapter & { sent: string[] } {
  const sent: string[] = [];
  const no = () => new InboxError('forbidden', 'Forbidden', { status: 403 });
  return {
    ...backend,
    sent,
    resolveConversation: async (id, options) => {
      sent.push(id);
      if (refused.includes(id)) throw no();
      return backend.resolveConversation(id, options);
    },
    assignConversation: async (id, assignee, options) => {
      sent.push(id);
      if (refused.includes(id)) throw no();
      return backend.assignConversation(id, assignee, options);
    },
  };
}

describe('Bulk selection: checkboxes', () => {
  it('every row has a checkbox named for its contact; checking it opens nothing and brings the toolbar in place of the filters', async () => {
    const user = userEvent.setup();
    renderInbox(createMemoryAdapter({ conversations: people(3) }));
    await screen.findByRole('checkbox', { name: 'Select Person 1' });
    expect(within(listbox()).getAllByRole('checkbox').map((c) => c.getAttribute('aria-label'))).toEqual(['Select Person 1', 'Select Person 2', 'Select Person 3']);
    for (const option of within(listbox()).getAllByRole('option')) expect(option).toHaveAttribute('aria-checked', 'false');
    // The row's name starts with its content; its checkbox's label comes last.
    expect(row('Person 1')).toHaveAccessibleName(/^Person 1.*Select Person 1$/);
    expect(screen.getByRole('group', { name: 'Filters' })).toBeInTheDocument();
    expect(toolbar()).toBeNull();

    await user.click(box('Person 2'));
    expect(box('Person 2')).toHaveAttribute('aria-checked', 'true');
    expect(row('Person 2')).toHaveAttribute('aria-checked', 'true');
    expect(row('Person 2')).toHaveAttribute('data-checked');
    // Not opened: the open conversation is a different state (aria-selected), and nothing is open.
    expect(row('Person 2')).toHaveAttribute('aria-selected', 'false');
    expect(screen.queryByRole('heading', { level: 2 })).toBeNull();
    expect(within(toolbar()!).getByText('1 selected')).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Filters' })).toBeNull();
    expect(within(toolbar()!).getByRole('button', { name: 'Assign…' })).toHaveAttribute('aria-haspopup', 'menu');
    expect(within(toolbar()!).getByRole('button', { name: 'Resolve' })).toBeEnabled();

    await user.click(box('Person 3'));
    expect(within(toolbar()!).getByText('2 selected')).toBeInTheDocument();
    await user.click(box('Person 3'));
    expect(within(toolbar()!).getByText('1 selected')).toBeInTheDocument();

    await user.click(within(toolbar()!).getByRole('button', { name: 'Clear' }));
    expect(toolbar()).toBeNull();
    expect(checkedNames()).toEqual([]);
    expect(screen.getByRole('group', { name: 'Filters' })).toBeInTheDocument();
    // Focus does not fall out of the inbox with the toolbar: it goes back to the list.
    expect(listbox()).toHaveFocus();
  });

  it('opening a row (click) leaves the selection as it is, and the open row is marked apart from the checked ones', async () => {
    const user = userEvent.setup();
    renderInbox(createMemoryAdapter({ conversations: people(3) }));
    await user.click(await screen.findByRole('checkbox', { name: 'Select Person 1' }));
    await user.click(row('Person 3'));
    expect(await screen.findByRole('heading', { level: 2, name: 'Person 3' })).toBeInTheDocument();
    expect(row('Person 3')).toHaveAttribute('aria-selected', 'true');
    expect(row('Person 3')).toHaveAttribute('aria-checked', 'false');
    expect(checkedNames()).toEqual(['Person 1']);
  });

  it('a ConversationList without a selection has no checkboxes and no aria-checked', async () => {
    render(
      <InboxProvider adapter={createMemoryAdapter({ conversations: people(2) })} pollIntervalMs={0} storage={createMemoryStorage()}>
        <ConversationList />
      </InboxProvider>,
    );
    await screen.findAllByRole('option');
    expect(screen.queryAllByRole('checkbox')).toEqual([]);
    expect(screen.getAllByRole('option')[0]).not.toHaveAttribute('aria-checked');
  });

  it('works on host-managed rows too (ConversationList with conversations and a selection)', async () => {
    const user = userEvent.setup();
    const selection = createConversationSelection();
    render(
      <InboxProvider adapter={createMemoryAdapter({ conversations: [] })} pollIntervalMs={0} storage={createMemoryStorage()}>
        <ConversationList conversations={people(3)} selection={selection} />
      </InboxProvider>,
    );
    await user.click(screen.getByRole('checkbox', { name: 'Select Person 1' }));
    await user.keyboard('{Shift>}');
    await user.click(screen.getByRole('checkbox', { name: 'Select Person 3' }));
    await user.keyboard('{/Shift}');
    expect(selection.ids().sort()).toEqual(['conv_1', 'conv_2', 'conv_3']);
  });
});

describe('Bulk selection: keyboard and ranges', () => {
  it('x toggles the active row, Shift+↓/↑ extend and shrink a range, Ctrl+A selects all loaded rows, Escape clears', async () => {
    const user = userEvent.setup();
    renderInbox(createMemoryAdapter({ conversations: people(6) }));
    await screen.findByRole('checkbox', { name: 'Select Person 1' });
    listbox().focus();
    await user.keyboard('{ArrowDown}'); // active: Person 2
    await user.keyboard('x');
    expect(checkedNames()).toEqual(['Person 2']);
    expect(screen.queryByRole('heading', { level: 2 })).toBeNull();
    await user.keyboard('x');
    expect(checkedNames()).toEqual([]);
    await user.keyboard('x');

    await user.keyboard('{Shift>}{ArrowDown}{ArrowDown}{/Shift}');
    expect(checkedNames()).toEqual(['Person 2', 'Person 3', 'Person 4']);
    expect(row('Person 4')).toHaveAttribute('data-active');
    await user.keyboard('{Shift>}{ArrowUp}{/Shift}');
    expect(checkedNames()).toEqual(['Person 2', 'Person 3']);

    await user.keyboard('{Control>}a{/Control}');
    expect(checkedNames()).toHaveLength(6);
    expect(within(toolbar()!).getByText('6 selected')).toBeInTheDocument();

    await user.keyboard('{Escape}');
    expect(checkedNames()).toEqual([]);
    expect(toolbar()).toBeNull();
  });

  it('Cmd+A works as Ctrl+A; Shift+↓ with nothing checked starts at the active row', async () => {
    const user = userEvent.setup();
    renderInbox(createMemoryAdapter({ conversations: people(4) }));
    await screen.findByRole('checkbox', { name: 'Select Person 1' });
    listbox().focus();
    await user.keyboard('{Shift>}{ArrowDown}{/Shift}');
    expect(checkedNames()).toEqual(['Person 1', 'Person 2']);
    await user.keyboard('{Escape}{Meta>}a{/Meta}');
    expect(checkedNames()).toEqual(['Person 1', 'Person 2', 'Person 3', 'Person 4']);
  });

  it('Shift+click extends from the last checkbox, on a checkbox or on the row, without opening anything', async () => {
    const user = userEvent.setup();
    renderInbox(createMemoryAdapter({ conversations: people(6) }));
    await user.click(await screen.findByRole('checkbox', { name: 'Select Person 2' }));
    await user.keyboard('{Shift>}');
    await user.click(box('Person 5'));
    expect(checkedNames()).toEqual(['Person 2', 'Person 3', 'Person 4', 'Person 5']);
    // A second Shift+click moves the range's end: rows past it return as they were.
    await user.click(row('Person 3'));
    await user.keyboard('{/Shift}');
    expect(checkedNames()).toEqual(['Person 2', 'Person 3']);
    expect(screen.queryByRole('heading', { level: 2 })).toBeNull();

    // Unchecking by hand makes a range that unchecks.
    await user.keyboard('{Control>}a{/Control}');
    await user.click(box('Person 6'));
    await user.keyboard('{Shift>}');
    await user.click(box('Person 4'));
    await user.keyboard('{/Shift}');
    expect(checkedNames()).toEqual(['Person 1', 'Person 2', 'Person 3']);
  });

  it('Escape in the toolbar clears, and focus returns to the list', async () => {
    const user = userEvent.setup();
    renderInbox(createMemoryAdapter({ conversations: people(3) }));
    await user.click(await screen.findByRole('checkbox', { name: 'Select Person 1' }));
    within(toolbar()!).getByRole('button', { name: 'Resolve' }).focus();
    await user.keyboard('{ArrowLeft}');
    expect(within(toolbar()!).getByRole('button', { name: 'Assign…' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(toolbar()).toBeNull();
    expect(listbox()).toHaveFocus();
  });
});

describe('Bulk selection: the list changes under it', () => {
  it('survives a poll that reorders and a page loaded; rows that leave the list leave the selection', async () => {
    const user = userEvent.setup();
    const backend = createMemoryAdapter({ conversations: people(5) });
    const store = renderInbox(backend, { defaultQuery: { status: 'open' } });
    await user.click(await screen.findByRole('checkbox', { name: 'Select Person 2' }));
    await user.click(box('Person 4'));
    // The pointer leaves the list: under it, the list would hold its order still (behind "N new").
    await user.unhover(listbox());

    // New activity on Person 5 moves it to the top; the selection stays.
    await act(async () => {
      backend.simulate.incomingMessage('conv_5', 'Still there?');
      await store.refresh();
    });
    await waitFor(() => expect(within(listbox()).getAllByRole('option')[0]).toHaveAccessibleName(/Person 5/));
    expect(checkedNames()).toEqual(['Person 2', 'Person 4']);

    // Resolved elsewhere: it leaves the Open list, and the selection.
    await act(async () => {
      backend.simulate.setStatus('conv_4', 'resolved');
      await store.refresh();
    });
    await waitFor(() => expect(within(toolbar()!).getByText('1 selected')).toBeInTheDocument());
    expect(checkedNames()).toEqual(['Person 2']);
  });

  it('a list that is loading or failed keeps the selection (it has not said who left)', async () => {
    const user = userEvent.setup();
    const backend = createMemoryAdapter({ conversations: people(3) });
    const gate = deferred();
    let holding = false;
    const adapter: ConversationsAdapter = {
      ...backend,
      listConversations: async (query, options) => {
        if (holding) await gate.promise;
        return backend.listConversations(query, options);
      },
    };
    const selection = createConversationSelection();
    const { rerender } = render(
      <InboxProvider adapter={adapter} pollIntervalMs={0} storage={createMemoryStorage()}>
        <ConversationList selection={selection} query={{ status: 'open' }} />
      </InboxProvider>,
    );
    await user.click(await screen.findByRole('checkbox', { name: 'Select Person 1' }));
    holding = true;
    rerender(
      <InboxProvider adapter={adapter} pollIntervalMs={0} storage={createMemoryStorage()}>
        <ConversationList selection={selection} query={{ status: 'all' } satisfies ConversationQuery} />
      </InboxProvider>,
    );
    expect(selection.ids()).toEqual(['conv_1']);
    await act(async () => gate.resolve());
    await screen.findByRole('checkbox', { name: 'Select Person 1' });
    expect(selection.ids()).toEqual(['conv_1']);
  });
});

describe('Bulk actions', () => {
  it('resolves every selected conversation: "3 resolved"', async () => {
    const user = userEvent.setup();
    const adapter = refusing(createMemoryAdapter({ conversations: people(4) }), []);
    renderInbox(adapter);
    await user.click(await screen.findByRole('checkbox', { name: 'Select Person 1' }));
    await user.keyboard('{Shift>}');
    await user.click(box('Person 3'));
    await user.keyboard('{/Shift}');
    await user.click(within(toolbar()!).getByRole('button', { name: 'Resolve' }));
    await waitFor(() => expect(status()).toHaveTextContent('3 resolved'));
    expect(adapter.sent.sort()).toEqual(['conv_1', 'conv_2', 'conv_3']);
    expect(within(status()).queryByRole('button', { name: 'Retry failed' })).toBeNull();
    expect(toolbar()).toBeNull();
    expect(checkedNames()).toEqual([]);
    // Focus went to the summary's first control, not to the page.
    expect(within(status()).getByRole('button', { name: 'Dismiss' })).toHaveFocus();
    await user.click(within(status()).getByRole('button', { name: 'Dismiss' }));
    expect(status()).toBeEmptyDOMElement();
  });

  it('one refusal: "2 resolved, 1 failed: ‹reason›"; Retry failed selects it again, and a second run fixes it', async () => {
    const user = userEvent.setup();
    const refused = ['conv_2'];
    const adapter = refusing(createMemoryAdapter({ conversations: people(4) }), refused);
    const store = renderInbox(adapter);
    await screen.findByRole('checkbox', { name: 'Select Person 1' });
    listbox().focus();
    await user.keyboard('x{Shift>}{ArrowDown}{ArrowDown}{/Shift}');
    await user.click(within(toolbar()!).getByRole('button', { name: 'Resolve' }));
    await waitFor(() => expect(status()).toHaveTextContent('2 resolved, 1 failed: You are not allowed to do this.'));
    // Rolled back alone.
    expect(store.state.getState().conversations.conv_2!.status).toBe('open');
    expect(store.state.getState().conversations.conv_1!.status).toBe('resolved');

    await user.click(within(status()).getByRole('button', { name: 'Retry failed' }));
    expect(checkedNames()).toEqual(['Person 2']);
    expect(within(toolbar()!).getByText('1 selected')).toBeInTheDocument();
    expect(status()).toBeEmptyDOMElement();

    refused.length = 0;
    await user.click(within(toolbar()!).getByRole('button', { name: 'Resolve' }));
    await waitFor(() => expect(status()).toHaveTextContent(/^1 resolved/));
    expect(store.state.getState().conversations.conv_2!.status).toBe('resolved');
  });

  it('assigns every selected conversation from the Assign… menu (people and teams where the backend has teams)', async () => {
    const user = userEvent.setup();
    const backend = createMemoryAdapter({ conversations: people(3) });
    const store = renderInbox(backend);
    await user.click(await screen.findByRole('checkbox', { name: 'Select Person 1' }));
    await user.click(box('Person 3'));
    await user.click(within(toolbar()!).getByRole('button', { name: 'Assign…' }));
    expect(await screen.findByText('Teams')).toBeInTheDocument();
    const alice = (await backend.listAssignees!()).find((a) => a.name === 'Alice Support')!;
    await user.click(await screen.findByRole('menuitemradio', { name: 'Alice Support' }));
    await waitFor(() => expect(status()).toHaveTextContent('2 assigned'));
    const { conversations } = store.state.getState();
    expect([conversations.conv_1!.assignee?.id, conversations.conv_2!.assignee?.id, conversations.conv_3!.assignee?.id]).toEqual([alice.id, undefined, alice.id]);
  });

  it('offers no teams where the backend cannot assign to teams (WhatsApp profile)', async () => {
    const user = userEvent.setup();
    renderInbox(createMemoryAdapter({ conversations: people(2, () => ({ messages: null })), profile: 'whatsapp' }));
    await user.click(await screen.findByRole('checkbox', { name: 'Select Person 1' }));
    await user.click(within(toolbar()!).getByRole('button', { name: 'Assign…' }));
    await screen.findAllByRole('menuitemradio');
    expect(screen.queryByText('Teams')).toBeNull();
  });

  it('an undone resolve is not counted as resolved', async () => {
    const user = userEvent.setup();
    const adapter = refusing(createMemoryAdapter({ conversations: people(3) }), []);
    const store = renderInbox(adapter, {}, 300);
    await user.click(await screen.findByRole('checkbox', { name: 'Select Person 1' }));
    await user.click(box('Person 2'));
    await user.click(within(toolbar()!).getByRole('button', { name: 'Resolve' }));
    await waitFor(() => expect(store.state.getState().held.conv_2).toBeDefined());
    act(() => void store.undo('conv_2'));
    await waitFor(() => expect(status()).toHaveTextContent('1 resolved, 1 undone'), { timeout: 3000 });
    expect(adapter.sent).toEqual(['conv_1']);
  });
});

describe('Bulk actions over 100', () => {
  /** 150 conversations, all loaded (pages of 100), and all selected with Ctrl+A. */
  async function selectAll150(user: ReturnType<typeof userEvent.setup>) {
    const backend = createMemoryAdapter({ conversations: people(150) });
    const calls: string[] = [];
    const gate = deferred();
    const adapter: ConversationsAdapter = {
      ...backend,
      resolveConversation: async (id, options) => {
        calls.push(id);
        await gate.promise;
        return backend.resolveConversation(id, options);
      },
    };
    const store = renderInbox(adapter, { defaultQuery: { limit: 100 } });
    await screen.findByRole('checkbox', { name: 'Select Person 1' });
    await act(async () => {
      await store.loadMore({ limit: 100 });
    });
    listbox().focus();
    await user.keyboard('{Control>}a{/Control}');
    expect(within(toolbar()!).getByText('150 selected')).toBeInTheDocument();
    return { calls, gate };
  }

  it('asks first, saying how many requests; Cancel sends nothing and keeps the selection', async () => {
    const user = userEvent.setup();
    const { calls } = await selectAll150(user);
    await user.click(within(toolbar()!).getByRole('button', { name: 'Resolve' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Resolve 150 conversations?' });
    expect(dialog).toHaveAccessibleDescription('This sends 150 requests, 4 at a time. You can stop it while it runs; what was sent stays sent.');
    expect(within(dialog).getByRole('button', { name: 'Send 150 requests' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(calls).toEqual([]);
    expect(within(toolbar()!).getByText('150 selected')).toBeInTheDocument();
    expect(within(toolbar()!).getByRole('button', { name: 'Assign…' })).toHaveFocus();
  });

  it('a confirmed batch can be stopped: what was sent stays sent, the rest is not sent', async () => {
    const user = userEvent.setup();
    const { calls, gate } = await selectAll150(user);
    await user.click(within(toolbar()!).getByRole('button', { name: 'Resolve' }));
    await user.click(screen.getByRole('button', { name: 'Send 150 requests' }));
    expect(within(toolbar()!).getByText('Updating 150 conversations…')).toBeInTheDocument();
    const stop = within(toolbar()!).getByRole('button', { name: 'Stop' });
    expect(stop).toHaveFocus();
    await waitFor(() => expect(calls).toHaveLength(4));
    await user.click(stop);
    await act(async () => gate.resolve());
    await waitFor(() => expect(status()).toHaveTextContent('4 resolved, 146 not sent'));
    expect(calls).toHaveLength(4);
  });
});
