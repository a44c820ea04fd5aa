import '@testing-library/jest-dom/vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { InboxError, InboxProvider, createMemoryAdapter, createMemoryStorage, useConversations } from 'inboxkit';
import type { ConversationQuery, ConversationsAdapter } from 'inboxkit';
import { conversation } from './helpers';

afterEach(cleanup);

function ConversationList({ query }: { query?: ConversationQuery }) {
  const { conversations, status, error, total, hasNext, loadMore, refetch } = useConversations(query);
  if (status === 'loading') return <p>Loading…</p>;
  if (status === 'error') {
    return (
      <div>
        <p role="alert">{error?.message}</p>
        <button onClick={() => void refetch()}>Retry</button>
      </div>
    );
  }
  if (conversations.length === 0) return <p>No conversations</p>;
  return (
    <div>
      <p>
        {conversations.length} of {total}
      </p>
      <ul aria-label="Conversations">
        {conversations.map((c) => (
          <li key={c.id} data-status={c.status}>
            {c.contact?.name}
          </li>
        ))}
      </ul>
      {hasNext && <button onClick={() => void loadMore()}>Load more</button>}
    </div>
  );
}

function renderList(adapter: ConversationsAdapter, query?: ConversationQuery) {
  return render(
    <InboxProvider adapter={adapter} pollIntervalMs={0} storage={createMemoryStorage()}>
      <ConversationList query={query} />
    </InboxProvider>,
  );
}

const rowNames = () => within(screen.getByRole('list', { name: 'Conversations' })).getAllByRole('listitem').map((li) => li.textContent);

describe('useConversations', () => {
  it('shows loading, then the rows, rendering backend strings as text', async () => {
    const adapter = createMemoryAdapter({
      conversations: [
        conversation('conv_1', '<img src=x onerror=alert(1)>', { updatedAt: '2026-05-02T00:00:00.000Z' }),
        conversation('conv_2', 'Ada Lovelace', { updatedAt: '2026-05-01T00:00:00.000Z' }),
      ],
    });
    const { container } = renderList(adapter);
    expect(screen.getByText('Loading…')).toBeInTheDocument();

    expect(await screen.findByText('2 of 2')).toBeInTheDocument();
    expect(rowNames()).toEqual(['<img src=x onerror=alert(1)>', 'Ada Lovelace']);
    expect(container.querySelector('img')).toBeNull();
  });

  it('shows an empty list as empty, not as loading or an error', async () => {
    renderList(createMemoryAdapter({ conversations: [] }));
    expect(await screen.findByText('No conversations')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the error of a failing backend', async () => {
    renderList(createMemoryAdapter({ size: 5, failureRate: 1 }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/simulated/);
    expect(screen.queryByText('Loading…')).toBeNull();
  });

  it('retries with refetch after an error and then shows the rows', async () => {
    const backend = createMemoryAdapter({ size: 3 });
    let failing = true;
    const adapter: ConversationsAdapter = {
      ...backend,
      listConversations: (query, options) =>
        failing ? Promise.reject(new InboxError('server', 'The server is down.', { status: 503 })) : backend.listConversations(query, options),
    };
    renderList(adapter);
    expect(await screen.findByRole('alert')).toHaveTextContent('The server is down.');

    failing = false;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    expect(await screen.findByText('3 of 3')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('appends the next page with loadMore, in the backend order and without duplicates', async () => {
    const backend = createMemoryAdapter({ size: 25 });
    const truth = (await backend.listConversations({ limit: 25 })).conversations.map((c) => c.contact?.name ?? '');
    renderList(backend, { limit: 10 });
    expect(await screen.findByText('10 of 25')).toBeInTheDocument();
    expect(rowNames()).toEqual(truth.slice(0, 10));

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('20 of 25')).toBeInTheDocument();
    expect(rowNames()).toEqual(truth.slice(0, 20));

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('25 of 25')).toBeInTheDocument();
    expect(rowNames()).toEqual(truth);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('switches lists when the query changes, and shows a list seen before from cache at once', async () => {
    const adapter = createMemoryAdapter({
      conversations: [
        conversation('conv_open', 'Open Olga', { status: 'open', updatedAt: '2026-05-03T00:00:00.000Z' }),
        conversation('conv_done', 'Resolved Rui', { status: 'resolved', updatedAt: '2026-05-02T00:00:00.000Z', closedAt: '2026-05-02T00:00:00.000Z' }),
        conversation('conv_open2', 'Open Otto', { status: 'open', updatedAt: '2026-05-01T00:00:00.000Z' }),
      ],
    });
    const { rerender } = renderList(adapter, { status: 'open' });
    expect(await screen.findByText('2 of 2')).toBeInTheDocument();
    expect(rowNames()).toEqual(['Open Olga', 'Open Otto']);

    const show = (query: ConversationQuery) =>
      rerender(
        <InboxProvider adapter={adapter} pollIntervalMs={0}>
          <ConversationList query={query} />
        </InboxProvider>,
      );
    show({ status: 'resolved' });
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    expect(await screen.findByText('1 of 1')).toBeInTheDocument();
    expect(rowNames()).toEqual(['Resolved Rui']);

    show({ status: 'open' });
    // Cached: no spinner while it revalidates.
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(rowNames()).toEqual(['Open Olga', 'Open Otto']);
    await act(async () => {});
    expect(rowNames()).toEqual(['Open Olga', 'Open Otto']);
  });
});
