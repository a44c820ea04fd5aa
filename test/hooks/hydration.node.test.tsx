import { describe, expect, it } from 'vitest';
import { renderToString } from 'react-dom/server';
import { ConversationView, InboxProvider, createInboxStore, createMemoryAdapter, createMemoryStorage, useConversation, useConversations } from 'inboxkit';
import type { ConversationsAdapter } from 'inboxkit';

// Server rendering with data: the hooks give the hydrated rows during renderToString.

describe('server rendering with initialState', () => {
  it('useConversations returns the hydrated rows with status success during renderToString, with no request', { timeout: 60_000 }, async () => {
    const backend = createMemoryAdapter({ seed: 3, size: 30 });
    const server = createInboxStore({ adapter: backend, pollIntervalMs: 0, storage: createMemoryStorage() });
    await server.fetchList({ status: 'open' });
    const snapshot = JSON.parse(JSON.stringify(server.dehydrate()));
    server.destroy();

    let requests = 0;
    const adapter: ConversationsAdapter = {
      ...backend,
      listConversations: (query, options) => {
        requests++;
        return backend.listConversations(query, options);
      },
    };
    const expected = snapshot.lists[0].ids as string[];
    function Rows() {
      const { conversations, status } = useConversations({ status: 'open' });
      const first = useConversation(expected[0]);
      return (
        <ol data-status={status}>
          <li>first {first.conversation?.id}</li>
          {conversations.map((c) => (
            <li key={c.id}>{c.id}</li>
          ))}
        </ol>
      );
    }
    const html = renderToString(
      <InboxProvider adapter={adapter} initialState={snapshot} storage={createMemoryStorage()}>
        <Rows />
      </InboxProvider>,
    );
    expect(html).toContain('data-status="success"');
    for (const id of expected) expect(html).toContain(`<li>${id}</li>`);
    expect(html).toContain(`first <!-- -->${expected[0]}`);
    expect(requests).toBe(0);
  });

  it('renders a ConversationView for ids named like Object.prototype members without throwing', { timeout: 60_000 }, () => {
    for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      const html = renderToString(
        <InboxProvider adapter={createMemoryAdapter({ size: 3 })} storage={createMemoryStorage()}>
          <ConversationView conversationId={id} />
        </InboxProvider>,
      );
      expect(html, id).toContain('ik-');
    }
  });
});
