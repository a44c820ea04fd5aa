import '@testing-library/jest-dom/vitest';
import { createRef } from 'react';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AssignMenu,
  InboxProvider,
  createMemoryAdapter,
  createMemoryStorage,
  createMockHandler,
  createWhatsAppAdapter,
  useConversation,
} from 'inboxkit';
import type { Assignee, AssigneeDirectory, AssignMenuProps, Conversation, ConversationsAdapter, CurrentUser } from 'inboxkit';
import { conversation, deferred } from '../hooks/helpers';

// Radix menus use layout and pointer APIs that jsdom lacks; these stubs only keep Radix from throwing.
afterEach(cleanup);

const people: Assignee[] = [
  { type: 'user', id: 'user_ana', name: 'Ana Agent' },
  { type: 'user', id: 'user_bo', name: 'Bo Berg' },
  { type: 'user', id: 'user_me', name: 'Me Myself' },
  { type: 'team', id: 'team_billing', name: 'Billing' },
];
const me: CurrentUser = { id: 'user_me', name: 'Me Myself' };

/** AssignMenu needs its conversation in the store; this loads it, as a view would. */
function Harness({ id, ...props }: { id: string } & Partial<AssignMenuProps>) {
  const { conversation: c } = useConversation(id);
  return (
    <div>
      <p data-testid="loaded">{c ? 'loaded' : 'loading'}</p>
      <AssignMenu conversationId={id} {...props} />
    </div>
  );
}

async function renderMenu(adapter: ConversationsAdapter, options: { currentUser?: CurrentUser; directory?: AssigneeDirectory; id?: string; props?: Partial<AssignMenuProps> } = {}) {
  const result = render(
    <InboxProvider adapter={adapter} pollIntervalMs={0} storage={createMemoryStorage()} currentUser={options.currentUser} directory={options.directory}>
      <Harness id={options.id ?? 'conv_1'} {...options.props} />
    </InboxProvider>,
  );
  expect(await screen.findByText('loaded')).toBeInTheDocument();
  return result;
}

const trigger = () => screen.getByRole('button', { name: /^Assign/ });
// jsdom's name computation drops the space of the visually hidden ": " (browsers keep it), so allow either.
const assignedTo = (name: string) => new RegExp(`^Assign:\\s?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

function memory(overrides: Partial<Conversation> = {}, assignees: Assignee[] = people) {
  return createMemoryAdapter({ conversations: [conversation('conv_1', 'Ada', overrides)], assignees });
}

describe('AssignMenu', () => {
  it('names the trigger "Assign" plus the current assignee, with the ik classes', async () => {
    await renderMenu(memory({ assignee: { type: 'user', id: 'user_bo', name: 'Bo Berg' } }));
    expect(trigger()).toHaveAccessibleName(assignedTo('Bo Berg'));
    expect(trigger()).toHaveClass('ik-assign-trigger');
    expect(trigger()).toHaveAttribute('data-slot', 'assign-trigger');
    expect(trigger()).toBeEnabled();
  });

  it('names an unassigned trigger just "Assign"', async () => {
    await renderMenu(memory());
    expect(trigger()).toHaveAccessibleName('Assign');
  });

  it('lists "Assign to me" first, then people and teams as radio items with the current one checked', async () => {
    const user = userEvent.setup();
    await renderMenu(memory({ assignee: { type: 'user', id: 'user_bo', name: 'Bo Berg' } }), { currentUser: me });
    await user.click(trigger());
    const menu = await screen.findByRole('menu');
    const items = within(menu).getAllByRole('menuitemradio');
    expect(items.map((i) => i.textContent)).toEqual(['Assign to me', 'Ana Agent', 'Bo Berg', 'Billing']);
    expect(within(menu).getByRole('menuitemradio', { name: 'Bo Berg' })).toHaveAttribute('aria-checked', 'true');
    for (const name of ['Assign to me', 'Ana Agent', 'Billing']) expect(within(menu).getByRole('menuitemradio', { name })).toHaveAttribute('aria-checked', 'false');
    expect(within(menu).getByText('Teams')).toBeInTheDocument();
    // Few people: no filter box.
    expect(screen.queryByRole('searchbox')).toBeNull();
  });

  it('has no "Assign to me" without a current user', async () => {
    const user = userEvent.setup();
    await renderMenu(memory());
    await user.click(trigger());
    const menu = await screen.findByRole('menu');
    expect(within(menu).queryByRole('menuitemradio', { name: 'Assign to me' })).toBeNull();
    expect(within(menu).getByRole('menuitemradio', { name: 'Me Myself' })).toBeInTheDocument();
  });

  it('says there is nobody to assign to, not that nobody matches, when it has no people at all', async () => {
    const user = userEvent.setup();
    // Neither HTTP API lists agents: without a directory from the host, the menu has nobody to offer.
    const backend = createMemoryAdapter({ conversations: [conversation('conv_1', 'Ada', { messages: null })], profile: 'whatsapp' });
    const adapter = createWhatsAppAdapter({
      baseUrl: 'http://mock.test',
      headers: { Authorization: 'Bearer inboxkit-mock-token' },
      fetch: createMockHandler({ flavour: 'whatsapp', backend }),
      retry: false,
    });
    await renderMenu(adapter);
    await user.click(trigger());
    const menu = await screen.findByRole('menu');
    expect(within(menu).queryAllByRole('menuitemradio')).toEqual([]);
    expect(within(menu).getByText('No people to assign to.')).toBeInTheDocument();
    expect(within(menu).queryByText('Nobody matches.')).toBeNull();
  });

  it('assigns optimistically: the trigger changes at once, then the server confirms', async () => {
    const backend = memory();
    const gate = deferred();
    const adapter: ConversationsAdapter = { ...backend, assignConversation: async (...args) => (await gate.promise, backend.assignConversation(...args)) };
    const user = userEvent.setup();
    const { container } = await renderMenu(adapter, { currentUser: me });
    await user.click(trigger());
    await user.click(await screen.findByRole('menuitemradio', { name: 'Ana Agent' }));

    expect(trigger()).toHaveAccessibleName(/Ana Agent/);
    expect(trigger()).toHaveAttribute('aria-busy', 'true');
    expect(container.querySelector('.ik-assign')).toHaveAttribute('data-pending');
    expect(screen.queryByRole('menu')).toBeNull();

    await act(async () => gate.resolve());
    expect(trigger()).toHaveAccessibleName(assignedTo('Ana Agent'));
    expect(trigger()).not.toHaveAttribute('aria-busy');
    expect(container.querySelector('.ik-assign')).not.toHaveAttribute('data-pending');
    expect((await backend.getConversation('conv_1')).assignee?.id).toBe('user_ana');
  });

  it('assigns to a team, and "Assign to me" assigns the current user', async () => {
    const backend = memory();
    const user = userEvent.setup();
    await renderMenu(backend, { currentUser: me });
    await user.click(trigger());
    await user.click(await screen.findByRole('menuitemradio', { name: 'Billing' }));
    expect(trigger()).toHaveAccessibleName(assignedTo('Billing'));
    await expect.poll(async () => (await backend.getConversation('conv_1')).assignee).toMatchObject({ type: 'team', id: 'team_billing' });

    await user.click(trigger());
    await user.click(await screen.findByRole('menuitemradio', { name: 'Assign to me' }));
    expect(trigger()).toHaveAccessibleName(assignedTo('Me Myself'));
    await expect.poll(async () => (await backend.getConversation('conv_1')).assignee?.id).toBe('user_me');
  });

  it('shows a filter box when there are more than eight people, and it filters the items', async () => {
    const many: Assignee[] = Array.from({ length: 10 }, (_, i) => ({ type: 'user' as const, id: `user_${i}`, name: `Agent ${String.fromCharCode(65 + i)}` }));
    many.push({ type: 'user', id: 'user_zed', name: 'Zed Zimmer' });
    const user = userEvent.setup();
    await renderMenu(memory({}, many));
    await user.click(trigger());
    // The popup is in a portal on document.body; with a filter box it may wrap the menu, so query the page.
    expect(await screen.findAllByRole('menuitemradio')).toHaveLength(11);
    const box = screen.getByRole('searchbox', { name: 'Find a person or team' });
    await user.type(box, 'zim');
    expect(screen.getAllByRole('menuitemradio').map((i) => i.textContent)).toEqual(['Zed Zimmer']);
    await user.clear(box);
    await user.type(box, 'nobody-like-this');
    expect(screen.queryAllByRole('menuitemradio')).toHaveLength(0);
    expect(screen.getByText('Nobody matches.')).toBeInTheDocument();
    // Clearing the box brings everyone back.
    await user.clear(box);
    expect(screen.getAllByRole('menuitemradio')).toHaveLength(11);
  });

  it('offers no teams for WhatsApp, and rolls back a refused assignment showing the server’s reason', async () => {
    const backend = createMemoryAdapter({ conversations: [conversation('conv_1', 'Ada', { messages: null })], profile: 'whatsapp' });
    const known = (await backend.listAssignees()).find((a) => a.type === 'user')!;
    const adapter = createWhatsAppAdapter({
      baseUrl: 'http://mock.test',
      headers: { Authorization: 'Bearer inboxkit-mock-token' },
      fetch: createMockHandler({ flavour: 'whatsapp', backend }),
      retry: false,
    });
    const directory: AssigneeDirectory = {
      users: [
        { id: known.id, name: known.name! },
        { id: 'user_stranger', name: 'Stranger Danger' },
      ],
      teams: [{ id: 'team_billing', name: 'Billing' }],
    };
    const user = userEvent.setup();
    await renderMenu(adapter, { directory });
    expect(trigger()).toHaveAccessibleName('Assign');

    await user.click(trigger());
    const menu = await screen.findByRole('menu');
    expect(within(menu).getAllByRole('menuitemradio').map((i) => i.textContent)).toEqual([known.name, 'Stranger Danger']);
    expect(within(menu).queryByText('Billing')).toBeNull();
    expect(within(menu).queryByText('Teams')).toBeNull();

    await user.click(within(menu).getByRole('menuitemradio', { name: 'Stranger Danger' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('User is not a member of this organization');
    expect(alert).toHaveAttribute('data-slot', 'assign-error');
    // Rolled back, and the reason describes the trigger.
    expect(trigger()).toHaveAccessibleName('Assign');
    expect(trigger()).toHaveAccessibleDescription(/User is not a member of this organization/);

    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();

    // A known agent is accepted.
    await user.click(trigger());
    await user.click(await screen.findByRole('menuitemradio', { name: known.name }));
    await expect.poll(async () => (await backend.getConversation('conv_1')).assignee?.id).toBe(known.id);
    expect(trigger()).toHaveAccessibleName(assignedTo(known.name!));
  });

  it('renders assignee names as text', async () => {
    const evil: Assignee[] = [{ type: 'user', id: 'user_evil', name: '<img src=x onerror=alert(1)>' }];
    const user = userEvent.setup();
    await renderMenu(memory({ assignee: { type: 'user', id: 'user_evil', name: '<img src=x onerror=alert(1)>' } }, evil));
    expect(trigger()).toHaveAccessibleName(assignedTo('<img src=x onerror=alert(1)>'));
    await user.click(trigger());
    await screen.findByRole('menu');
    expect(document.body.querySelector('img[src="x"]')).toBeNull();
  });

  it('forwards its ref and className, and can be opened by the host (controlled open)', async () => {
    const ref = createRef<HTMLButtonElement>();
    const { container } = await renderMenu(memory(), { props: { ref, className: 'host-assign', open: true } });
    expect(ref.current).toBe(trigger());
    expect(container.querySelector('.ik-assign')).toHaveClass('host-assign');
    expect(await screen.findByRole('menu')).toBeInTheDocument();
  });
});
