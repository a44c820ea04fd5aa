import '@testing-library/jest-dom/vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { memo } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConversationList, ConversationView, Inbox, InboxError, InboxProvider, createInboxStore, createMemoryAdapter, createMemoryStorage, createMockHandler, createWaplyAdapter, useUnreadCount } from 'inboxkit';
import type { Conversation, ConversationsAdapter, DraftStorage, MemoryAdapter } from 'inboxkit';
import { conversation } from '../hooks/helpers';

afterEach(cleanup);

const ME = { id: 'user_me', name: 'Mina Agent' };

/** conv_1 … conv_n, newest first; unread counts as given. */
function people(unread: number[]): Conversation[] {
  return unread.map((count, i) =>
    conversation(`conv_${i + 1}`, `Person ${i + 1}`, {
      unreadCount: count,
      updatedAt: new Date(Date.UTC(2026, 4, 1, 12) - i * 60_000).toISOString(),
      lastMessage: { text: `Hello from Person ${i + 1}`, timestamp: new Date(Date.UTC(2026, 4, 1, 12) - i * 60_000).toISOString(), direction: 'inbound' },
    }),
  );
}

function renderInbox(adapter: ConversationsAdapter, storage: DraftStorage = createMemoryStorage()) {
  return render(
    <InboxProvider adapter={adapter} pollIntervalMs={0} storage={storage} currentUser={ME}>
      <Inbox />
    </InboxProvider>,
  );
}

const listbox = () => screen.getByRole('listbox', { name: 'Conversations' });
const row = (name: string) => {
  const found = within(listbox()).getAllByRole('option').find((o) => o.querySelector('.ik-row-name')?.textContent === name);
  if (!found) throw new Error(`No row for ${name}`);
  return found;
};
const firstRow = () => screen.findByText('Person 1', { selector: '.ik-row-name' });
const rowNames = () => within(listbox()).getAllByRole('option').map((o) => o.querySelector('.ik-row-name')?.textContent);
const badge = (name: string) => row(name).querySelector('[data-slot="unread-badge"]');

describe('unread that clears once the agent opens the conversation', () => {
  it('opening a row clears its badge and data-unread, also after a reload; new activity brings the count back', async () => {
    const user = userEvent.setup();
    const storage = createMemoryStorage();
    const backend = createMemoryAdapter({ conversations: people([3, 1]) });
    const first = renderInbox(backend, storage);
    await firstRow();
    expect(row('Person 1')).toHaveAttribute('data-unread');
    expect(badge('Person 1')).toHaveTextContent('3 unread messages');

    await user.click(row('Person 1'));
    expect(await screen.findByRole('heading', { level: 2, name: 'Person 1' })).toBeInTheDocument();
    expect(row('Person 1')).not.toHaveAttribute('data-unread');
    expect(badge('Person 1')).toBeNull();
    expect(row('Person 2')).toHaveAttribute('data-unread');
    first.unmount();

    // A reload: a new provider, store and list over the same storage.
    renderInbox(backend, storage);
    await firstRow();
    expect(row('Person 1')).not.toHaveAttribute('data-unread');
    expect(badge('Person 1')).toBeNull();
    expect(badge('Person 2')).toHaveTextContent('1 unread message');

    // A new message (pushed by the memory backend): the server's count is back.
    act(() => void backend.simulate.incomingMessage('conv_1', 'Hello again'));
    expect(row('Person 1')).toHaveAttribute('data-unread');
    expect(badge('Person 1')).toHaveTextContent('4 unread messages');
  });

  it('the Unread toggle shows only unread rows among those loaded, says so, keeps the open one, and j walks the unread', async () => {
    const user = userEvent.setup();
    renderInbox(createMemoryAdapter({ conversations: people([2, 0, 5, 0, 1]) }));
    await firstRow();
    const toggle = screen.getByRole('checkbox', { name: 'Unread' });
    expect(toggle).toHaveAccessibleDescription('among loaded conversations');
    expect(toggle).not.toBeChecked();
    expect(rowNames()).toHaveLength(5);

    await user.click(toggle);
    expect(rowNames()).toEqual(['Person 1', 'Person 3', 'Person 5']);
    expect(screen.getByText('Unread among the 5 loaded conversations')).toBeInTheDocument();

    // Opening clears it, but it stays while open: the row does not vanish from under the agent.
    await user.click(row('Person 1'));
    expect(await screen.findByRole('heading', { level: 2, name: 'Person 1' })).toBeInTheDocument();
    expect(rowNames()).toEqual(['Person 1', 'Person 3', 'Person 5']);
    screen.getByRole('log').focus();
    await user.keyboard('j');
    expect(await screen.findByRole('heading', { level: 2, name: 'Person 3' })).toBeInTheDocument();
    // Person 1 has been read: it leaves; the open one is Person 3.
    expect(rowNames()).toEqual(['Person 3', 'Person 5']);
    await user.keyboard('j');
    expect(await screen.findByRole('heading', { level: 2, name: 'Person 5' })).toBeInTheDocument();
    expect(rowNames()).toEqual(['Person 5']);

    await user.click(toggle);
    expect(rowNames()).toHaveLength(5);
    expect(screen.queryByText(/Unread among/)).toBeNull();
  });

  it('with nothing unread among the loaded rows, says exactly that', async () => {
    const user = userEvent.setup();
    renderInbox(createMemoryAdapter({ conversations: people([0, 0]) }));
    await firstRow();
    await user.click(screen.getByRole('checkbox', { name: 'Unread' }));
    expect(screen.getByText('No unread conversations among the loaded ones.')).toBeInTheDocument();
  });

  it('does not load page after page by itself while filtering; Load more asks for the next one', async () => {
    const user = userEvent.setup();
    const backend = createMemoryAdapter({ conversations: people(Array.from({ length: 45 }, (_, i) => (i === 44 ? 2 : 0))) });
    let lists = 0;
    const adapter: ConversationsAdapter = { ...backend, capabilities: backend.capabilities, listConversations: (q, o) => (lists++, backend.listConversations(q, o)) };
    renderInbox(adapter);
    await firstRow();
    await user.click(screen.getByRole('checkbox', { name: 'Unread' }));
    const before = lists;
    expect(screen.getByText(/No unread conversations among the loaded ones/)).toBeInTheDocument();
    const first = Number(/(\d+)/.exec(screen.getByText(/^Unread among the \d+ loaded conversations$/).textContent!)![1]);
    expect(first).toBeLessThan(45);
    await new Promise((r) => setTimeout(r, 100));
    expect(lists).toBe(before);
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await screen.findByText(`Unread among the ${Math.min(first + 20, 45)} loaded conversations`);
    expect(lists).toBe(before + 1);
  });

  it('offers no Unread toggle where the backend reports no unread counts (Waply)', async () => {
    const backend = createMemoryAdapter({ conversations: people([1, 0]), profile: 'waply' });
    const adapter = createWaplyAdapter({ apiKey: 'inboxkit-mock-token', baseUrl: 'https://waply.example/v1', fetch: createMockHandler({ flavour: 'waply', backend }), retry: false });
    renderInbox(adapter);
    await waitFor(() => expect(document.querySelectorAll('[data-slot="row"]')).toHaveLength(2));
    expect(screen.queryByRole('checkbox', { name: 'Unread' })).toBeNull();
  });
});

describe('unread marks cost what the rows they change cost', () => {
  const renders = new Map<string, number>();
  const Probe = memo(function Probe({ conversation }: { conversation: Conversation }) {
    renders.set(conversation.id, (renders.get(conversation.id) ?? 0) + 1);
    const unread = useUnreadCount(conversation);
    return <span data-testid={`unread-${conversation.id}`}>{unread}</span>;
  });

  it.each([false, true])('opening one conversation re-renders that row alone (Unread filter %s)', async (unreadOnly) => {
    const store = createInboxStore({ adapter: createMemoryAdapter({ conversations: people([2, 1, 3, 4, 5]) }), pollIntervalMs: 0, storage: createMemoryStorage() });
    await store.fetchList({});
    render(
      <InboxProvider store={store}>
        <ConversationList query={{}} value="conv_3" unreadOnly={unreadOnly} renderItem={(c) => <Probe conversation={c} />} />
      </InboxProvider>,
    );
    await screen.findByTestId('unread-conv_5');
    await act(async () => new Promise((r) => setTimeout(r, 20)));
    renders.clear();
    act(() => void store.observeConversation('conv_3'));
    expect(screen.getByTestId('unread-conv_3')).toHaveTextContent('0');
    expect(screen.getByTestId('unread-conv_1')).toHaveTextContent('2');
    expect([...renders]).toEqual([['conv_3', 1]]);
  });
});

describe('notes kept in this browser where the backend cannot list them (Waply)', () => {
  function waply(backend: MemoryAdapter, wrap: (a: ConversationsAdapter) => ConversationsAdapter = (a) => a) {
    return wrap(createWaplyAdapter({ apiKey: 'inboxkit-mock-token', baseUrl: 'https://waply.example/v1', fetch: createMockHandler({ flavour: 'waply', backend }), retry: false }));
  }
  function renderView(adapter: ConversationsAdapter, storage: DraftStorage) {
    return render(
      <InboxProvider adapter={adapter} pollIntervalMs={0} storage={storage} currentUser={ME}>
        <ConversationView conversationId="conv_1" />
      </InboxProvider>,
    );
  }
  const notes = () => screen.getByRole('log').querySelectorAll('[data-slot="note"]');

  it('a note added here shows after a reload, marked "Saved in this browser: Waply does not list notes"', async () => {
    const user = userEvent.setup();
    const storage = createMemoryStorage();
    const backend = createMemoryAdapter({ conversations: people([0]), profile: 'waply' });
    const first = renderView(waply(backend), storage);
    await user.type(await screen.findByRole('textbox', { name: /Internal note/ }), 'Customer asked for an invoice copy');
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    await screen.findByText('Saved in this browser: Waply does not list notes');
    first.unmount();

    renderView(waply(backend), storage);
    const note = await screen.findByText('Customer asked for an invoice copy');
    const item = note.closest('[data-slot="note"]')!;
    expect(item).toHaveAttribute('data-saved', 'browser');
    expect(within(item as HTMLElement).getByText('Saved in this browser: Waply does not list notes')).toBeInTheDocument();
    expect(within(item as HTMLElement).getByText('Mina Agent')).toBeInTheDocument();
    expect(notes()).toHaveLength(1);
  });

  it('a note the server refused is never shown as saved: it stays in the box, and a reload finds it there', async () => {
    const user = userEvent.setup();
    const storage = createMemoryStorage();
    const backend = createMemoryAdapter({ conversations: people([0]), profile: 'waply' });
    const refusing = (a: ConversationsAdapter): ConversationsAdapter => ({ ...a, capabilities: a.capabilities, addNote: () => Promise.reject(new InboxError('server', 'Notes are down.', { status: 500 })) });
    const first = renderView(waply(backend, refusing), storage);
    await user.type(await screen.findByRole('textbox', { name: /Internal note/ }), 'Do not lose me');
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Notes are down.');
    expect(screen.queryByText(/Saved in this browser/)).toBeNull();
    expect(notes()).toHaveLength(0);
    first.unmount();

    renderView(waply(backend), storage);
    expect(await screen.findByRole('textbox', { name: /Internal note/ })).toHaveValue('Do not lose me');
    expect(screen.queryByText(/Saved in this browser/)).toBeNull();
  });

  it('says plainly when this browser could not keep the note (storage full)', async () => {
    const user = userEvent.setup();
    const inner = createMemoryStorage();
    const full: DraftStorage = {
      getItem: (key) => inner.getItem(key),
      setItem: (key, value) => {
        if (key.includes(':notes:')) throw new DOMException('Full', 'QuotaExceededError');
        inner.setItem(key, value);
      },
      removeItem: (key) => inner.removeItem(key),
    };
    renderView(waply(createMemoryAdapter({ conversations: people([0]), profile: 'waply' })), full);
    await user.type(await screen.findByRole('textbox', { name: /Internal note/ }), 'Too big to keep');
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    const warning = await screen.findByText('Not saved in this browser: Waply does not list notes, so this one will not show after a reload');
    expect(warning.closest('[data-slot="note"]')).toHaveAttribute('data-saved', 'none');
  });

  it('names no backend it does not know: "this backend"', async () => {
    const user = userEvent.setup();
    const backend = createMemoryAdapter({ conversations: people([0]), profile: 'waply' });
    renderView(backend, createMemoryStorage());
    await user.type(await screen.findByRole('textbox', { name: /Internal note/ }), 'Anything');
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    expect(await screen.findByText('Saved in this browser: this backend does not list notes')).toBeInTheDocument();
  });
});
