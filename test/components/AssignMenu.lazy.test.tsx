import '@testing-library/jest-dom/vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AssignMenu, InboxProvider, createMemoryAdapter, createMemoryStorage, useConversation } from 'inboxkit';
import type { Assignee } from 'inboxkit';
import { conversation, deferred } from '../hooks/helpers';

// The menu's Radix part is its own module, fetched on idle or on first use.
// Here its arrival is held back by hand, to see what the user gets before it.
// One file of its own: the code is fetched once per page (once per test file).
const popup = vi.hoisted(() => ({ requests: 0, gate: null as Promise<void> | null }));
vi.mock('../../src/components/AssignMenu/AssignMenuPopup.js', async (importOriginal) => {
  popup.requests += 1;
  if (popup.gate) await popup.gate;
  return importOriginal();
});

afterEach(cleanup);

const people: Assignee[] = [
  { type: 'user', id: 'user_ana', name: 'Ana Agent' },
  { type: 'user', id: 'user_bo', name: 'Bo Berg' },
];

function Harness() {
  const { conversation: c } = useConversation('conv_1');
  return (
    <div>
      <p data-testid="loaded">{c ? 'loaded' : 'loading'}</p>
      <AssignMenu conversationId="conv_1" />
    </div>
  );
}

describe('AssignMenu before its menu code arrives', () => {
  it('shows the same button at once, fetches the menu on idle, and Enter before it arrives opens it when it does', async () => {
    const arrival = deferred();
    popup.gate = arrival.promise;
    const adapter = createMemoryAdapter({ conversations: [conversation('conv_1', 'Ada', { assignee: people[1]! })], assignees: people });
    const user = userEvent.setup();
    render(
      <InboxProvider adapter={adapter} pollIntervalMs={0} storage={createMemoryStorage()}>
        <Harness />
      </InboxProvider>,
    );
    expect(await screen.findByText('loaded')).toBeInTheDocument();

    // Nothing fetched during render; the idle prefetch asks for it (jsdom has no requestIdleCallback: the timer fallback).
    const button = screen.getByRole('button', { name: /^Assign:\s?Bo Berg$/ });
    expect(button).toHaveClass('ik-button', 'ik-assign-trigger');
    expect(button).toHaveAttribute('data-slot', 'assign-trigger');
    expect(button).toHaveAttribute('aria-haspopup', 'menu');
    expect(button).toHaveAttribute('aria-expanded', 'false');
    await waitFor(() => expect(popup.requests).toBe(1));

    // Keyboard first: focus the button and press Enter while the code is still on its way.
    button.focus();
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(screen.getByRole('button', { name: /^Assign:\s?Bo Berg$/ })).toHaveFocus();

    await act(async () => arrival.resolve());
    const menu = await screen.findByRole('menu');
    expect(within(menu).getAllByRole('menuitemradio').map((i) => i.textContent)).toEqual(['Ana Agent', 'Bo Berg']);
    // The very same button: Radix attached to it, so a reference held before the code arrived stays good.
    const trigger = screen.getByRole('button', { name: /^Assign:\s?Bo Berg$/ });
    expect(trigger).toBe(button);
    expect(trigger).toHaveAttribute('aria-expanded', 'true');
    expect(trigger).toHaveAttribute('aria-controls', menu.id);

    // Escape closes it and focus comes back to the button.
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    expect(trigger).toHaveFocus();
    // And Radix now drives it: a pointer press opens the menu.
    await user.click(trigger);
    expect(await screen.findByRole('menu')).toBeInTheDocument();
    expect(popup.requests).toBe(1);
  }, 20_000); // the first import of Radix is transformed on the spot: slow on a busy machine

  it('a menu mounted once the code is here renders the real trigger straight away, and a click opens it', async () => {
    const adapter = createMemoryAdapter({ conversations: [conversation('conv_1', 'Ada')], assignees: people });
    const user = userEvent.setup();
    render(
      <InboxProvider adapter={adapter} pollIntervalMs={0} storage={createMemoryStorage()}>
        <Harness />
      </InboxProvider>,
    );
    expect(await screen.findByText('loaded')).toBeInTheDocument();
    const button = screen.getByRole('button', { name: 'Assign' });
    // Radix's trigger id is on the button before any interaction (the popup attached before paint).
    expect(button).toHaveAttribute('id');
    await user.click(button);
    expect(await screen.findByRole('menu')).toBeInTheDocument();
  });
});
