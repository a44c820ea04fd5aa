import '@testing-library/jest-dom/vitest';
import { createRef, useEffect } from 'react';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { ConversationList, InboxError, InboxProvider, createMemoryAdapter, createMemoryStorage } from 'inboxkit';
import type { Conversation, ConversationListProps, ConversationQuery, ConversationsAdapter } from 'inboxkit';
import { conversation } from '../hooks/helpers';

afterEach(cleanup);

/** `count` conversations, newest first in the order given (conv_1 is the top row). */
function people(count: number, overrides: (i: number) => Partial<Conversation> = () => ({})): Conversation[] {
  return Array.from({ length: count }, (_, i) =>
    conversation(`conv_${i + 1}`, `Person ${i + 1}`, { updatedAt: new Date(Date.UTC(2026, 4, 1, 12) - i * 60_000).toISOString(), ...overrides(i) }),
  );
}

function renderList(adapter: ConversationsAdapter, props: Partial<ConversationListProps> = {}) {
  return render(
    <InboxProvider adapter={adapter} pollIntervalMs={0} storage={createMemoryStorage()}>
      <ConversationList {...props} />
    </InboxProvider>,
  );
}

/** A memory backend whose list calls are recorded. */
function countingAdapter(backend: ConversationsAdapter) {
  const calls: ConversationQuery[] = [];
  const adapter: ConversationsAdapter = {
    ...backend,
    listConversations: (query, options) => {
      calls.push(query);
      return backend.listConversations(query, options);
    },
  };
  return { adapter, calls };
}

const listbox = () => screen.getByRole('listbox', { name: 'Conversations' });
const option = (name: string | RegExp) => screen.getByRole('option', { name });
const activeOption = () => {
  const id = listbox().getAttribute('aria-activedescendant');
  return id ? document.getElementById(id) : null;
};

describe('ConversationList: roles and keyboard', () => {
  it('gives each option an id without whitespace, distinct even for ids that escape alike, and follows the active one', async () => {
    const rows = [conversation('a b', 'Ann'), conversation('a%20b', 'Bob'), conversation('a\tb', 'Cid')];
    render(
      <InboxProvider adapter={createMemoryAdapter({ conversations: [] })} pollIntervalMs={0} storage={createMemoryStorage()}>
        <ConversationList conversations={rows} />
      </InboxProvider>,
    );
    const ids = screen.getAllByRole('option').map((o) => o.id);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).not.toMatch(/\s/);
    listbox().focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(activeOption()).toHaveTextContent('Cid');
  });

  it('is a listbox named "Conversations" whose rows are options, none selected at first', async () => {
    renderList(createMemoryAdapter({ conversations: people(3) }));
    expect(await screen.findByRole('listbox', { name: 'Conversations' })).toHaveAttribute('tabindex', '0');
    const options = within(listbox()).getAllByRole('option');
    expect(options).toHaveLength(3);
    for (const o of options) expect(o).toHaveAttribute('aria-selected', 'false');
    expect(options[0]).toHaveTextContent('Person 1');
    expect(options[0]).toHaveClass('ik-row');
    expect(options[0]).toHaveAttribute('data-slot', 'row');
  });

  it('moves the active option with ArrowDown/ArrowUp, j/k and Home/End, and opens it with Enter', async () => {
    const onValueChange = vi.fn();
    const user = userEvent.setup();
    renderList(createMemoryAdapter({ conversations: people(5) }), { onValueChange });
    await screen.findByRole('listbox');
    listbox().focus();

    expect(activeOption()).toHaveTextContent('Person 1');
    await user.keyboard('{ArrowDown}');
    expect(activeOption()).toHaveTextContent('Person 2');
    expect(activeOption()).toHaveAttribute('data-active');
    await user.keyboard('j');
    expect(activeOption()).toHaveTextContent('Person 3');
    await user.keyboard('{ArrowUp}');
    expect(activeOption()).toHaveTextContent('Person 2');
    await user.keyboard('k');
    expect(activeOption()).toHaveTextContent('Person 1');
    await user.keyboard('k');
    expect(activeOption()).toHaveTextContent('Person 1');
    await user.keyboard('{End}');
    expect(activeOption()).toHaveTextContent('Person 5');
    await user.keyboard('{Home}');
    expect(activeOption()).toHaveTextContent('Person 1');

    // Moving does not open anything.
    expect(onValueChange).not.toHaveBeenCalled();
    expect(within(listbox()).queryAllByRole('option', { selected: true })).toHaveLength(0);

    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(onValueChange).toHaveBeenCalledTimes(1);
    expect(onValueChange).toHaveBeenCalledWith('conv_3');
    const opened = option(/Person 3/);
    expect(opened).toHaveAttribute('aria-selected', 'true');
    expect(opened).toHaveAttribute('data-selected');
    expect(option(/Person 1/)).not.toHaveAttribute('data-selected');
  });

  it('lets the host handle a key first (its preventDefault wins)', async () => {
    const user = userEvent.setup();
    renderList(createMemoryAdapter({ conversations: people(3) }), { onKeyDown: (e) => e.key === 'ArrowDown' && e.preventDefault() });
    await screen.findByRole('listbox');
    listbox().focus();
    await user.keyboard('{ArrowDown}');
    expect(activeOption()).toHaveTextContent('Person 1');
    await user.keyboard('j');
    expect(activeOption()).toHaveTextContent('Person 2');
  });

  it('opens a row on click', async () => {
    const onValueChange = vi.fn();
    const user = userEvent.setup();
    renderList(createMemoryAdapter({ conversations: people(3) }), { onValueChange });
    await user.click(await screen.findByRole('option', { name: /Person 2/ }));
    expect(onValueChange).toHaveBeenCalledWith('conv_2');
    expect(option(/Person 2/)).toHaveAttribute('aria-selected', 'true');
    expect(option(/Person 2/)).toHaveAttribute('data-selected');
    expect(activeOption()).toHaveTextContent('Person 2');
  });

  it('follows a controlled value and does not select by itself', async () => {
    const onValueChange = vi.fn();
    const adapter = createMemoryAdapter({ conversations: people(3) });
    const storage = createMemoryStorage();
    const { rerender } = render(
      <InboxProvider adapter={adapter} pollIntervalMs={0} storage={storage}>
        <ConversationList value="conv_2" onValueChange={onValueChange} />
      </InboxProvider>,
    );
    expect(await screen.findByRole('option', { name: /Person 2/ })).toHaveAttribute('aria-selected', 'true');

    fireEvent.click(option(/Person 3/));
    expect(onValueChange).toHaveBeenCalledWith('conv_3');
    // The host has not changed `value`, so the selection stays.
    expect(option(/Person 2/)).toHaveAttribute('aria-selected', 'true');
    expect(option(/Person 3/)).toHaveAttribute('aria-selected', 'false');

    rerender(
      <InboxProvider adapter={adapter} pollIntervalMs={0} storage={storage}>
        <ConversationList value="conv_3" onValueChange={onValueChange} />
      </InboxProvider>,
    );
    expect(option(/Person 3/)).toHaveAttribute('aria-selected', 'true');
    expect(option(/Person 2/)).toHaveAttribute('aria-selected', 'false');
  });

  it('starts from defaultValue when uncontrolled', async () => {
    renderList(createMemoryAdapter({ conversations: people(3) }), { defaultValue: 'conv_3' });
    expect(await screen.findByRole('option', { name: /Person 3/ })).toHaveAttribute('aria-selected', 'true');
    expect(activeOption()).toHaveTextContent('Person 3');
  });
});

describe('ConversationList: the meta line', () => {
  it("names each row's channel where the backend has several, and none where it has one (every row would say WhatsApp)", async () => {
    const rows = [conversation('conv_1', 'Ada', { channel: 'whatsapp' }), conversation('conv_2', 'Bo', { channel: 'instagram' })];
    const { container, unmount } = renderList(createMemoryAdapter({ conversations: rows }));
    await screen.findByRole('option', { name: /^Ada/ });
    expect([...container.querySelectorAll('.ik-row-channel')].map((el) => el.textContent)).toEqual(['WhatsApp', 'Instagram']);
    unmount();
    const whatsapp = renderList(createMemoryAdapter({ conversations: rows.slice(0, 1), profile: 'whatsapp' }));
    await screen.findByRole('option', { name: /^Ada/ });
    expect(whatsapp.container.querySelector('.ik-row-channel')).toBeNull();
  });
});

describe('ConversationList: data modes and size', () => {
  it('shows host-managed conversations without asking the adapter for a list', async () => {
    const { adapter, calls } = countingAdapter(createMemoryAdapter({ conversations: people(2) }));
    const hosted = [conversation('conv_h1', 'Hosted One'), conversation('conv_h2', 'Hosted Two')];
    renderList(adapter, { conversations: hosted });
    const options = within(await screen.findByRole('listbox')).getAllByRole('option');
    expect(options.map((o) => o.querySelector('.ik-row-name')?.textContent)).toEqual(['Hosted One', 'Hosted Two']);
    // Give any stray effect a chance to fetch.
    await act(async () => new Promise((r) => setTimeout(r, 20)));
    expect(calls).toHaveLength(0);
    expect(screen.queryByText('Person 1')).toBeNull();
  });

  it('loads its rows through the adapter in hook mode (the counter can count)', async () => {
    const { adapter, calls } = countingAdapter(createMemoryAdapter({ conversations: people(2) }));
    renderList(adapter);
    expect(await screen.findByRole('option', { name: /Person 1/ })).toBeInTheDocument();
    expect(calls.length).toBeGreaterThan(0);
  });

  it('renders only about a screenful of options for 10,000 host-managed conversations', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => conversation(`conv_${i}`, `Row ${i}`));
    renderList(createMemoryAdapter({ conversations: [] }), { conversations: many });
    const options = within(await screen.findByRole('listbox')).getAllByRole('option');
    expect(options.length).toBeGreaterThan(5);
    expect(options.length).toBeLessThan(60);
    // The set size still tells assistive tech how long the list is.
    expect(options[0]).toHaveAttribute('aria-setsize', '10000');
    expect(options[0]).toHaveAttribute('aria-posinset', '1');
  });

  it('keeps the active option in the DOM when End jumps to the last of 10,000 rows', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => conversation(`conv_${i}`, `Row ${i}`));
    const user = userEvent.setup();
    // jsdom has no scrolling: this does what a browser's scrollTo does (move, then fire "scroll"). Removed below.
    const scrollTo = vi.fn(function (this: HTMLElement, options?: ScrollToOptions) {
      Object.defineProperty(this, 'scrollTop', { configurable: true, value: options?.top ?? 0 });
      this.dispatchEvent(new Event('scroll'));
    });
    Object.defineProperty(HTMLElement.prototype, 'scrollTo', { configurable: true, writable: true, value: scrollTo });
    onTestFinished(() => void delete (HTMLElement.prototype as { scrollTo?: unknown }).scrollTo);
    renderList(createMemoryAdapter({ conversations: [] }), { conversations: many });
    await screen.findByRole('listbox');
    // Nor layout: give the scroller the sizes a browser would (76 px rows, a 720 px viewport).
    Object.defineProperty(listbox(), 'scrollHeight', { configurable: true, value: 10_000 * 76 });
    Object.defineProperty(listbox(), 'clientHeight', { configurable: true, value: 720 });
    listbox().focus();
    await user.keyboard('{End}');
    expect(scrollTo).toHaveBeenCalled();
    await waitFor(() => expect(activeOption()).toHaveTextContent('Row 9999'));
    expect(activeOption()).toHaveAttribute('aria-posinset', '10000');
    expect(within(listbox()).getAllByRole('option').length).toBeLessThan(60);
  });

  // BUG (reported): HostList makes its Row component inside useMemo([byId]), so every new `conversations` array
  // (one row edited, a page appended) is a new component type and React remounts every visible row.
  it('does not remount the other rows when the host changes one conversation', async () => {
    const mounts = new Map<string, number>();
    function RowProbe({ c }: { c: Conversation }) {
      useEffect(() => {
        mounts.set(c.id, (mounts.get(c.id) ?? 0) + 1);
      }, [c.id]);
      return <span>{c.contact?.name}</span>;
    }
    const renderItem = (c: Conversation) => <RowProbe c={c} />;
    const adapter = createMemoryAdapter({ conversations: [] });
    const storage = createMemoryStorage();
    const list = people(5);
    const { rerender } = render(
      <InboxProvider adapter={adapter} pollIntervalMs={0} storage={storage}>
        <ConversationList conversations={list} renderItem={renderItem} />
      </InboxProvider>,
    );
    await screen.findByRole('listbox');
    expect(mounts.get('conv_2')).toBe(1);
    const changed = list.map((c) => (c.id === 'conv_1' ? { ...c, contact: { ...c.contact!, name: 'Renamed' } } : c));
    rerender(
      <InboxProvider adapter={adapter} pollIntervalMs={0} storage={storage}>
        <ConversationList conversations={changed} renderItem={renderItem} />
      </InboxProvider>,
    );
    expect(screen.getByRole('option', { name: 'Renamed' })).toBeInTheDocument();
    // Same conversation objects: their rows stay mounted.
    expect(mounts.get('conv_2')).toBe(1);
    expect(mounts.get('conv_5')).toBe(1);
  });

  it('asks the host for more (onLoadMore) near the end when hasNext', async () => {
    const onLoadMore = vi.fn();
    renderList(createMemoryAdapter({ conversations: [] }), { conversations: people(10), hasNext: true, onLoadMore });
    await screen.findByRole('listbox');
    await waitFor(() => expect(onLoadMore).toHaveBeenCalled());
  });

  it('does not ask the host for more without hasNext', async () => {
    const onLoadMore = vi.fn();
    renderList(createMemoryAdapter({ conversations: [] }), { conversations: people(10), hasNext: false, onLoadMore });
    await screen.findByRole('listbox');
    await act(async () => new Promise((r) => setTimeout(r, 20)));
    expect(onLoadMore).not.toHaveBeenCalled();
  });

  it('loads the next page from the adapter when the end of the loaded rows comes into view', async () => {
    const { adapter, calls } = countingAdapter(createMemoryAdapter({ conversations: people(30) }));
    renderList(adapter, { query: { limit: 10 } });
    await screen.findByRole('listbox');
    await waitFor(() => expect(calls.some((q) => q.page === 2)).toBe(true));
    expect(await screen.findByRole('option', { name: /Person 11\b/ })).toBeInTheDocument();
  });
});

describe('ConversationList: rendering cost', () => {
  it('re-renders only the changed row when the backend changes one conversation', async () => {
    const backend = createMemoryAdapter({ conversations: people(5) });
    const renders = new Map<string, number>();
    const renderItem = (c: Conversation) => {
      renders.set(c.id, (renders.get(c.id) ?? 0) + 1);
      return (
        <span>
          {c.contact?.name} {c.status}
        </span>
      );
    };
    renderList(backend, { renderItem });
    await screen.findByRole('option', { name: 'Person 1 open' });
    const before = new Map(renders);
    // The memory backend pushes the change to the store, as a live backend would. The top row changes, so the order stays.
    act(() => void backend.simulate.setStatus('conv_1', 'escalated'));
    expect(await screen.findByRole('option', { name: 'Person 1 escalated' })).toHaveAttribute('data-status', 'escalated');
    expect(within(listbox()).getAllByRole('option').map((o) => o.textContent)).toEqual(['Person 1 escalated', 'Person 2 open', 'Person 3 open', 'Person 4 open', 'Person 5 open']);
    expect(renders.get('conv_1')).toBeGreaterThan(before.get('conv_1')!);
    for (const id of ['conv_2', 'conv_3', 'conv_4', 'conv_5']) expect(renders.get(id)).toBe(before.get(id));
  });
});

describe('ConversationList: loading, empty and error states', () => {
  it('shows a loading skeleton as a status while the first page loads', async () => {
    renderList(createMemoryAdapter({ conversations: people(2), latencyMs: 50 }));
    const skeleton = screen.getByRole('status', { name: 'Loading…' });
    expect(skeleton).toHaveAttribute('data-slot', 'skeleton');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(await screen.findByRole('listbox')).toBeInTheDocument();
    expect(screen.queryByRole('status', { name: 'Loading…' })).toBeNull();
  });

  it('shows an empty state, worded for filters when the query narrows the list', async () => {
    renderList(createMemoryAdapter({ conversations: [] }));
    expect(await screen.findByText('No conversations yet.')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveAttribute('data-slot', 'empty');
    cleanup();
    renderList(createMemoryAdapter({ conversations: people(2) }), { query: { status: 'escalated' } });
    expect(await screen.findByText('No conversations match these filters.')).toBeInTheDocument();
  });

  it('shows a host-provided emptyState instead of the default', async () => {
    renderList(createMemoryAdapter({ conversations: [] }), { emptyState: <p>Inbox zero!</p> });
    expect(await screen.findByText('Inbox zero!')).toBeInTheDocument();
    expect(screen.queryByText('No conversations yet.')).toBeNull();
  });

  it('shows a failed next page at the end of the list with a Retry that loads it', async () => {
    const backend = createMemoryAdapter({ conversations: people(30) });
    let failing = true;
    const adapter: ConversationsAdapter = {
      ...backend,
      listConversations: (query, options) =>
        failing && query.page === 2 ? Promise.reject(new InboxError('server', 'Page two is on fire', { status: 500 })) : backend.listConversations(query, options),
    };
    const user = userEvent.setup();
    renderList(adapter, { query: { limit: 10 } });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('More conversations could not be loaded. Page two is on fire');
    // The rows already loaded stay.
    expect(within(listbox()).getAllByRole('option')).toHaveLength(10);
    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('option', { name: /Person 11\b/ })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows an error with a Retry button that recovers', async () => {
    const backend = createMemoryAdapter({ conversations: people(2) });
    let failing = true;
    const adapter: ConversationsAdapter = {
      ...backend,
      listConversations: (query, options) =>
        failing ? Promise.reject(new InboxError('server', 'The server is having a bad day.', { status: 500 })) : backend.listConversations(query, options),
    };
    const user = userEvent.setup();
    renderList(adapter);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Conversations could not be loaded.');
    expect(alert).toHaveTextContent('The server is having a bad day.');
    expect(screen.queryByRole('listbox')).toBeNull();

    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('option', { name: /Person 1/ })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('ConversationList: row content', () => {
  it('caps the unread badge at 99+ but names the exact count', async () => {
    const { container } = renderList(
      createMemoryAdapter({
        conversations: people(3, (i) => ({ unreadCount: [250, 7, 0][i]! })),
      }),
    );
    const busy = await screen.findByRole('option', { name: /Person 1/ });
    const badge = busy.querySelector('.ik-unread-badge');
    expect(badge).not.toBeNull();
    expect(badge!.querySelector('[aria-hidden="true"]')).toHaveTextContent(/^99\+$/);
    expect(busy).toHaveAccessibleName(expect.stringContaining('250 unread'));
    expect(within(busy).getByText('250 unread messages')).toBeInTheDocument();
    expect(busy).toHaveAttribute('data-unread');

    const few = option(/Person 2/);
    expect(few.querySelector('.ik-unread-badge [aria-hidden="true"]')).toHaveTextContent(/^7$/);
    expect(few).toHaveAccessibleName(expect.stringContaining('7 unread'));

    const none = option(/Person 3/);
    expect(none).not.toHaveAttribute('data-unread');
    expect(none.querySelector('.ik-unread-badge')).toBeNull();
    expect(container.querySelectorAll('[data-unread]')).toHaveLength(2);
  });

  it('shows status badges for ai_handling, escalated and resolved (none for open), with data-status on rows', async () => {
    const statuses = ['open', 'ai_handling', 'escalated', 'resolved'] as const;
    renderList(createMemoryAdapter({ conversations: people(4, (i) => ({ status: statuses[i]! })) }));
    await screen.findByRole('listbox');
    const rows = within(listbox()).getAllByRole('option');
    expect(rows.map((r) => r.getAttribute('data-status'))).toEqual([...statuses]);
    expect(rows[0]!.querySelector('.ik-status-badge')).toBeNull();
    expect(within(rows[1]!).getByText('AI handling')).toHaveAttribute('data-status', 'ai_handling');
    expect(within(rows[2]!).getByText('Escalated')).toHaveAttribute('data-status', 'escalated');
    expect(within(rows[3]!).getByText('Resolved')).toHaveAttribute('data-status', 'resolved');
  });

  it('shows the channel, the last message and the assignee', async () => {
    renderList(
      createMemoryAdapter({
        conversations: [
          conversation('conv_1', 'Ada', {
            channel: 'instagram',
            assignee: { type: 'user', id: 'user_bo', name: 'Bo Agent' },
            lastMessage: { text: 'Where is my parcel?', timestamp: '2026-05-01T10:00:00.000Z', direction: 'inbound' },
          }),
        ],
      }),
    );
    const row = await screen.findByRole('option', { name: /Ada/ });
    expect(row).toHaveAttribute('data-channel', 'instagram');
    expect(within(row).getByText('Instagram')).toBeInTheDocument();
    expect(within(row).getByText('Where is my parcel?')).toBeInTheDocument();
    expect(within(row).getByText('Assigned to Bo Agent')).toBeInTheDocument();
  });

  it('lets renderItem replace the row content while the row keeps its role and state', async () => {
    const renderItem = vi.fn((c: Conversation, state: { selected: boolean }) => (
      <span data-testid="custom">
        Custom {c.contact?.name} {state.selected ? '(open)' : ''}
      </span>
    ));
    renderList(createMemoryAdapter({ conversations: people(2, (i) => ({ status: i === 0 ? 'escalated' : 'open' })) }), { renderItem, defaultValue: 'conv_1' });
    const row = await screen.findByRole('option', { name: 'Custom Person 1 (open)' });
    expect(row).toHaveAttribute('aria-selected', 'true');
    expect(row).toHaveAttribute('data-status', 'escalated');
    expect(row.querySelector('.ik-row-name')).toBeNull();
    expect(row.querySelector('.ik-avatar')).toBeNull();
    expect(screen.getAllByTestId('custom')).toHaveLength(2);
  });

  it('forwards className and ref to the root, which carries ik-list and data-state', async () => {
    const ref = createRef<HTMLDivElement>();
    renderList(createMemoryAdapter({ conversations: people(1) }), { className: 'host-list', ref, 'aria-describedby': 'x' } as Partial<ConversationListProps>);
    await screen.findByRole('listbox');
    expect(ref.current).toBeInstanceOf(HTMLDivElement);
    expect(ref.current).toHaveClass('host-list', 'ik-list', 'ik-theme');
    expect(ref.current).toHaveAttribute('data-state', 'success');
    expect(ref.current).toHaveAttribute('aria-describedby', 'x');
    expect(ref.current).toContainElement(listbox());
  });
});

describe('ConversationList: untrusted data', () => {
  it('renders HTML and script in names and messages as text', async () => {
    const name = '<img src=x onerror=alert(1)>';
    const message = '<script>alert("pwned")</script><img src=x onerror=alert(2)>';
    const { container } = renderList(
      createMemoryAdapter({
        conversations: [conversation('conv_1', name, { lastMessage: { text: message, timestamp: '2026-05-01T10:00:00.000Z', direction: 'inbound' } })],
      }),
    );
    expect(await screen.findByText(name)).toBeInTheDocument();
    expect(screen.getByText(message)).toBeInTheDocument();
    expect(container.querySelector('img[src="x"]')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
  });

  it('never uses a javascript: avatar URL (initials instead), but uses an https one', async () => {
    const { container } = renderList(
      createMemoryAdapter({
        conversations: [
          conversation('conv_1', 'Eve Evil', {
            updatedAt: '2026-05-02T10:00:00.000Z',
            contact: { id: 'contact_1', name: 'Eve Evil', avatarUrl: 'javascript:alert(1)' },
          }),
          conversation('conv_2', 'Ann Good', {
            updatedAt: '2026-05-01T10:00:00.000Z',
            contact: { id: 'contact_2', name: 'Ann Good', avatarUrl: 'https://cdn.example.com/ann.png' },
          }),
        ],
      }),
    );
    const evil = await screen.findByRole('option', { name: /Eve Evil/ });
    expect(evil.querySelector('img')).toBeNull();
    expect(evil.querySelector('.ik-avatar-initials')).toHaveTextContent('EE');
    expect(container.querySelector('img[src^="javascript"]')).toBeNull();

    const good = option(/Ann Good/);
    expect(good.querySelector('img')).toHaveAttribute('src', 'https://cdn.example.com/ann.png');
    expect(good.querySelector('.ik-avatar-initials')).toBeNull();
  });
});
