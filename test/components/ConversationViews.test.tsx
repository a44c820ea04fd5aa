import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConversationViews, Inbox, InboxError, InboxProvider, createMemoryAdapter, createMemoryStorage } from 'inboxkit';
import type { Conversation, ConversationsAdapter, ConversationViewsProps, CurrentUser, MemoryProfile } from 'inboxkit';
import { conversation } from '../hooks/helpers';

afterEach(cleanup);
// Two cores shared by many: rendering a whole inbox can take seconds here, not a sign of a bug.
vi.setConfig({ testTimeout: 30_000 });

const ME = { type: 'user' as const, id: 'user_me', name: 'Mia Agent' };
const OTHER = { type: 'user' as const, id: 'user_other', name: 'Omar Other' };

/** 6 conversations: Person 1–2 mine, Person 3 Omar's, Person 4–6 nobody's; Person 5–6 resolved. */
function people(): Conversation[] {
  return Array.from({ length: 6 }, (_, i) =>
    conversation(`conv_${i + 1}`, `Person ${i + 1}`, {
      assignee: i < 2 ? ME : i === 2 ? OTHER : null,
      status: i >= 4 ? 'resolved' : 'open',
      updatedAt: new Date(Date.UTC(2026, 4, 1, 12) - i * 60_000).toISOString(),
    }),
  );
}

function backend(profile: MemoryProfile = 'full') {
  return createMemoryAdapter({ conversations: people(), assignees: [ME, OTHER], profile });
}

function renderViews(adapter: ConversationsAdapter, props: ConversationViewsProps = {}, currentUser: CurrentUser | null = { id: ME.id, name: ME.name }) {
  return render(
    <InboxProvider adapter={adapter} pollIntervalMs={0} storage={createMemoryStorage()} currentUser={currentUser}>
      <ConversationViews {...props} />
    </InboxProvider>,
  );
}

const tabs = () => within(screen.getByRole('tablist', { name: 'Views' })).getAllByRole('tab');
const tabLabels = () => tabs().map((tab) => tab.textContent);
const selectedTab = () => tabs().find((tab) => tab.getAttribute('aria-selected') === 'true')?.textContent ?? null;

describe('ConversationViews', () => {
  it('is a tablist named Views whose tabs say their counts, in words for screen readers', async () => {
    renderViews(backend());
    expect(tabLabels()).toEqual(['Mine', 'Unassigned', 'All']);
    expect(await screen.findByRole('tab', { name: 'Mine, 2 conversations' })).toHaveTextContent('Mine 2');
    expect(await screen.findByRole('tab', { name: 'Unassigned, 3 conversations' })).toBeInTheDocument();
    expect(await screen.findByRole('tab', { name: 'All, 6 conversations' })).toHaveAttribute('aria-selected', 'true');
  });

  it('counts for the status and channel it is given, whatever assignee filter the query has', async () => {
    renderViews(backend(), { query: { status: 'open', assigneeId: OTHER.id } });
    expect(await screen.findByRole('tab', { name: 'Mine, 2 conversations' })).toBeInTheDocument();
    expect(await screen.findByRole('tab', { name: 'Unassigned, 1 conversation' })).toBeInTheDocument();
    expect(await screen.findByRole('tab', { name: 'All, 4 conversations' })).toBeInTheDocument();
  });

  it('offers Mine only with a current user, and Unassigned only where the backend filters so', async () => {
    renderViews(backend(), {}, null);
    expect(tabLabels()).toEqual(['Unassigned', 'All']);
    cleanup();
    renderViews(backend('whatsapp'));
    expect(tabLabels()).toEqual(['Mine', 'All']);
    cleanup();
    renderViews(backend('waply'));
    expect(tabLabels()).toEqual(['Mine', 'All']);
  });

  it('a count that failed shows nothing, never 0', async () => {
    const real = backend();
    const adapter: ConversationsAdapter = {
      ...real,
      flavour: real.flavour,
      capabilities: real.capabilities,
      listConversations: (query, options) =>
        query.assigneeId ? Promise.reject(new InboxError('server', 'Boom', { status: 500 })) : real.listConversations(query, options),
    };
    renderViews(adapter);
    expect(await screen.findByRole('tab', { name: 'All, 6 conversations' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('tab', { name: 'Unassigned, 3 conversations' })).toBeInTheDocument());
    const mine = screen.getByRole('tab', { name: 'Mine' });
    expect(mine).toHaveTextContent(/^Mine$/);
    expect(mine.querySelector('[data-slot="view-count"]')).toBeNull();
  });

  it('moves with the arrow keys (wrapping), Home and End, one tab in the Tab order', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    renderViews(backend(), { onValueChange });
    expect(tabs().map((tab) => tab.tabIndex)).toEqual([-1, -1, 0]);
    await user.tab();
    expect(screen.getByRole('tab', { name: /^All/ })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: /^Mine/ })).toHaveFocus();
    expect(selectedTab()).toMatch(/^Mine/);
    expect(onValueChange).toHaveBeenLastCalledWith('mine');
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: /^Unassigned/ })).toHaveFocus();
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getByRole('tab', { name: /^All/ })).toHaveFocus();
    await user.keyboard('{Home}');
    expect(screen.getByRole('tab', { name: /^Mine/ })).toHaveFocus();
    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: /^All/ })).toHaveFocus();
    expect(onValueChange.mock.calls.map(([view]) => view)).toEqual(['mine', 'unassigned', 'mine', 'all', 'mine', 'all']);
    expect(tabs().map((tab) => tab.tabIndex)).toEqual([-1, -1, 0]);
  });

  it('follows the reading direction: in RTL, ArrowLeft goes forward', async () => {
    const user = userEvent.setup();
    render(
      <div dir="rtl">
        <InboxProvider adapter={backend()} pollIntervalMs={0} storage={createMemoryStorage()} currentUser={{ id: ME.id }}>
          <ConversationViews defaultValue="mine" />
        </InboxProvider>
      </div>,
    );
    screen.getByRole('tab', { name: /^Mine/ }).focus();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: /^Unassigned/ })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: /^Mine/ })).toHaveFocus();
  });

  it('is controlled with value and onValueChange, uncontrolled from defaultValue', async () => {
    const user = userEvent.setup();
    const onValueChange = vi.fn();
    const adapter = backend();
    const storage = createMemoryStorage();
    const { rerender } = render(
      <InboxProvider adapter={adapter} pollIntervalMs={0} storage={storage} currentUser={{ id: ME.id }}>
        <ConversationViews value="unassigned" onValueChange={onValueChange} />
      </InboxProvider>,
    );
    expect(selectedTab()).toMatch(/^Unassigned/);
    await user.click(screen.getByRole('tab', { name: /^Mine/ }));
    expect(onValueChange).toHaveBeenCalledWith('mine');
    expect(selectedTab()).toMatch(/^Unassigned/);
    rerender(
      <InboxProvider adapter={adapter} pollIntervalMs={0} storage={storage} currentUser={{ id: ME.id }}>
        <ConversationViews value={null} onValueChange={onValueChange} />
      </InboxProvider>,
    );
    expect(selectedTab()).toBeNull();
    // With none selected, the first tab is the one in the Tab order.
    expect(tabs().map((tab) => tab.tabIndex)).toEqual([0, -1, -1]);
    cleanup();
    renderViews(backend(), { defaultValue: 'mine' });
    expect(selectedTab()).toMatch(/^Mine/);
    await user.click(screen.getByRole('tab', { name: /^All/ }));
    expect(selectedTab()).toMatch(/^All/);
  });
});

describe('Inbox with views', () => {
  const rowNames = () => {
    const list = screen.queryByRole('listbox', { name: 'Conversations' });
    return list ? within(list).queryAllByRole('option').map((o) => o.querySelector('.ik-row-name')?.textContent) : [];
  };

  function renderInbox(onQueryChange = vi.fn()) {
    render(
      <InboxProvider adapter={backend()} pollIntervalMs={0} storage={createMemoryStorage()} currentUser={{ id: ME.id, name: ME.name }} directory={{ users: [ME, OTHER] }}>
        <Inbox onQueryChange={onQueryChange} />
      </InboxProvider>,
    );
    return onQueryChange;
  }

  it('switches the list, and keeps the tabs and the assignee select as one filter', async () => {
    const user = userEvent.setup();
    const onQueryChange = renderInbox();
    await expect.poll(rowNames).toEqual(['Person 1', 'Person 2', 'Person 3', 'Person 4', 'Person 5', 'Person 6']);
    const assignee = screen.getByRole('combobox', { name: 'Assignee' });

    await user.click(await screen.findByRole('tab', { name: 'Mine, 2 conversations' }));
    expect(onQueryChange).toHaveBeenLastCalledWith({ assigneeId: ME.id });
    await expect.poll(rowNames).toEqual(['Person 1', 'Person 2']);
    expect(assignee).toHaveValue(ME.id);

    await user.click(screen.getByRole('tab', { name: /^Unassigned/ }));
    expect(onQueryChange).toHaveBeenLastCalledWith({ unassigned: true });
    await expect.poll(rowNames).toEqual(['Person 4', 'Person 5', 'Person 6']);

    // The select drives the tabs too: another agent is no view at all.
    await user.selectOptions(assignee, OTHER.id);
    await expect.poll(rowNames).toEqual(['Person 3']);
    expect(selectedTab()).toBeNull();
    await user.selectOptions(assignee, '');
    expect(selectedTab()).toMatch(/^All/);

    // The counts follow the status filter; the view is kept.
    await user.click(screen.getByRole('tab', { name: /^Mine/ }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'resolved');
    expect(onQueryChange).toHaveBeenLastCalledWith({ assigneeId: ME.id, status: 'resolved' });
    expect(await screen.findByRole('tab', { name: 'Unassigned, 2 conversations' })).toBeInTheDocument();
    expect(await screen.findByRole('tab', { name: 'All, 2 conversations' })).toBeInTheDocument();
    expect(await screen.findByText('No conversations match these filters.')).toBeInTheDocument();
    expect(selectedTab()).toMatch(/^Mine/);
  }, 30_000);

  it('shows each status option with its count for the other filters', async () => {
    const user = userEvent.setup();
    renderInbox();
    const status = screen.getByRole('combobox', { name: 'Status' });
    const texts = () => within(status).getAllByRole('option').map((o) => o.textContent);
    await expect.poll(texts).toEqual(['All (6)', 'Open (4)', 'AI handling (0)', 'Escalated (0)', 'Resolved (2)']);
    await user.click(await screen.findByRole('tab', { name: /^Mine/ }));
    await expect.poll(texts).toEqual(['All (2)', 'Open (2)', 'AI handling (0)', 'Escalated (0)', 'Resolved (0)']);
  });
});
