import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { InboxProvider, createInboxStore, createMemoryAdapter, createMemoryStorage, listKey, useConversation } from 'inboxkit';
import type { InboxStore } from 'inboxkit';

afterEach(cleanup);

function ConversationPanel({ id }: { id: string }) {
  const { conversation, status, error } = useConversation(id);
  return (
    <section>
      <p data-testid="status">{status}</p>
      {error && <p role="alert">{error.code}: {error.message}</p>}
      {conversation && <h2>{conversation.contact?.name}</h2>}
      {conversation?.messages ? (
        <ol aria-label="History">
          {conversation.messages.map((m) => (
            <li key={m.id}>{m.text}</li>
          ))}
        </ol>
      ) : (
        <p>No history yet</p>
      )}
    </section>
  );
}

function renderPanel(store: InboxStore, id: string) {
  return render(
    <InboxProvider store={store}>
      <ConversationPanel id={id} />
    </InboxProvider>,
  );
}

describe('useConversation', () => {
  it('shows the cached list row at once, then the full conversation with its history', async () => {
    const adapter = createMemoryAdapter({ size: 10 });
    const store = createInboxStore({ adapter, pollIntervalMs: 0, storage: createMemoryStorage() });
    await store.fetchList({});
    const { conversations, lists } = store.state.getState();
    const row = conversations[lists[listKey({})]!.ids[3]!]!;
    expect(row.messages).toBeNull(); // list rows carry no history
    const full = await adapter.getConversation(row.id);
    expect(full.messages?.length).toBeGreaterThan(0);

    renderPanel(store, row.id);
    // First paint: the row's data, while the full conversation loads.
    expect(screen.getByRole('heading')).toHaveTextContent(row.contact!.name);
    expect(screen.getByTestId('status')).toHaveTextContent('loading');
    expect(screen.getByText('No history yet')).toBeInTheDocument();

    expect(await screen.findByRole('list', { name: 'History' })).toBeInTheDocument();
    expect(screen.getByTestId('status')).toHaveTextContent('success');
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(full.messages!.map((m) => m.text));
    expect(screen.getByRole('heading')).toHaveTextContent(row.contact!.name);
  });

  it('loads a conversation that no list holds', async () => {
    const adapter = createMemoryAdapter({ size: 5 });
    const [first] = (await adapter.listConversations({})).conversations;
    const store = createInboxStore({ adapter, pollIntervalMs: 0, storage: createMemoryStorage() });
    renderPanel(store, first!.id);
    expect(screen.getByTestId('status')).toHaveTextContent('loading');
    expect(screen.queryByRole('heading')).toBeNull();
    expect(await screen.findByRole('heading')).toHaveTextContent(first!.contact!.name);
    expect(screen.getByTestId('status')).toHaveTextContent('success');
  });

  it('ends in status error for a conversation the backend does not have', async () => {
    const store = createInboxStore({ adapter: createMemoryAdapter({ size: 5 }), pollIntervalMs: 0, storage: createMemoryStorage() });
    renderPanel(store, 'conv_missing');
    expect(screen.getByTestId('status')).toHaveTextContent('loading');
    expect(await screen.findByRole('alert')).toHaveTextContent('not_found: Conversation not found');
    expect(screen.getByTestId('status')).toHaveTextContent('error');
    expect(screen.queryByRole('heading')).toBeNull();
  });
});
