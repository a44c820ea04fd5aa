import '@testing-library/jest-dom/vitest';
import { StrictMode } from 'react';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Inbox, InboxProvider, createMemoryAdapter, createMemoryStorage } from 'inboxkit';
import { conversation } from '../hooks/helpers';

// The view holds a Radix menu, which uses layout and pointer APIs jsdom lacks; these stubs only keep it from throwing.
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('Inbox under StrictMode', () => {
  it('renders and opens a conversation without a React warning', async () => {
    const start = Date.UTC(2026, 4, 1, 12);
    const error = vi.spyOn(console, 'error');
    const user = userEvent.setup();
    const adapter = createMemoryAdapter({
      conversations: [
        conversation('conv_1', 'Ada Lovelace', { updatedAt: new Date(start - 5 * 60_000).toISOString() }),
        conversation('conv_2', 'Grace Hopper', { updatedAt: new Date(start - 3 * 3_600_000).toISOString() }),
      ],
    });

    // Until the rows show, a clock that moves on every read, as a busy page's does between two
    // getSnapshot calls: a snapshot computed from Date.now() at read time then differs, and React warns.
    let reads = 0;
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => start + reads++);
    render(
      <StrictMode>
        <InboxProvider adapter={adapter} pollIntervalMs={0} storage={createMemoryStorage()}>
          <Inbox />
        </InboxProvider>
      </StrictMode>,
    );
    const row = await screen.findByRole('option', { name: /Ada Lovelace/ });
    clock.mockRestore();
    expect(reads).toBeGreaterThan(0); // the rows did read the clock
    await user.click(row);
    expect(await screen.findByRole('heading', { level: 2, name: 'Ada Lovelace' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: /Grace Hopper/ })).toBeInTheDocument();

    expect(error).not.toHaveBeenCalled();
  }, 20_000);
});
