import '@testing-library/jest-dom/vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Inbox, InboxProvider, createInboxStore, createMemoryAdapter, createMemoryStorage } from 'inboxkit';
import { conversation, deferred } from '../hooks/helpers';

// The bulk toolbar's body (toolbar, status line, confirmation) is its own module, fetched on idle or
// at the first selection. Here its arrival is held back by hand, to see what the agent gets before it.
// One file of its own: the code is fetched once per page (once per test file).
const panel = vi.hoisted(() => ({ requests: 0, gate: null as Promise<void> | null }));
vi.mock('../../src/components/Inbox/BulkToolbarPanel.js', async (importOriginal) => {
  panel.requests += 1;
  if (panel.gate) await panel.gate;
  return importOriginal();
});

afterEach(cleanup);

const toolbar = () => screen.queryByRole('toolbar', { name: 'Selected conversations' });

describe('BulkToolbar before its code arrives', () => {
  it('shows the filters alone, keeps a selection made meanwhile, and brings the toolbar in over the same filters when the code is here', async () => {
    const arrival = deferred();
    panel.gate = arrival.promise;
    const people = [conversation('conv_1', 'Ada'), conversation('conv_2', 'Bo')];
    const store = createInboxStore({ adapter: createMemoryAdapter({ conversations: people }), pollIntervalMs: 0, storage: createMemoryStorage(), undoMs: 0 });
    const user = userEvent.setup();
    render(
      <InboxProvider store={store}>
        <Inbox />
      </InboxProvider>,
    );
    const box = await screen.findByRole('checkbox', { name: 'Select Ada' });
    const filters = screen.getByRole('group', { name: 'Filters' });
    // The idle prefetch asks for it (jsdom: the timer fallback), once.
    await waitFor(() => expect(panel.requests).toBe(1));

    // Selected while the code is on its way: the row says so, the filters stay usable, no toolbar yet.
    await user.click(box);
    expect(box).toHaveAttribute('aria-checked', 'true');
    expect(toolbar()).toBeNull();
    expect(filters.closest('[aria-hidden="true"]')).toBeNull();

    await act(async () => arrival.resolve());
    await waitFor(() => expect(toolbar()).not.toBeNull());
    expect(within(toolbar()!).getByText('1 selected')).toBeInTheDocument();
    // The same filters element, hidden under the toolbar: nothing in them was remounted or lost.
    expect(screen.getByRole('group', { name: 'Filters', hidden: true })).toBe(filters);
    expect(filters.closest('[data-slot="bulk-area"]')).toHaveAttribute('data-state', 'selecting');
    expect(panel.requests).toBe(1);

    // The status line is in the page before any batch, so its summary will be announced.
    expect(screen.getAllByRole('status').some((el) => el.getAttribute('data-slot') === 'bulk-status')).toBe(true);
    await user.click(within(toolbar()!).getByRole('button', { name: 'Resolve' }));
    await waitFor(() => expect(screen.getAllByRole('status').find((el) => el.getAttribute('data-slot') === 'bulk-status')).toHaveTextContent('1 resolved'));
    store.destroy();
  });
});
