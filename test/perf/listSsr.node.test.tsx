import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ConversationList, createInboxStore, createMemoryAdapter, createMemoryStorage, InboxProvider } from 'inboxkit';

const QUERY = { limit: 50 } as const;

describe('ConversationList on the server', () => {
  // Importing the package cold takes seconds on a busy machine; nothing here is timed.
  it('renders the first screenful of rows from a store that already holds the list', { timeout: 60_000 }, async () => {
    const adapter = createMemoryAdapter({ seed: 5, size: 200, latencyMs: 0, now: () => Date.parse('2026-11-20T12:00:00Z') });
    const store = createInboxStore({ adapter, pollIntervalMs: 0, storage: createMemoryStorage() });
    await store.fetchList(QUERY);
    const ids = Object.values(store.state.getState().lists)[0]!.ids;
    expect(ids).toHaveLength(50);

    const html = renderToString(
      <InboxProvider store={store}>
        <ConversationList query={QUERY} />
      </InboxProvider>,
    );

    expect(html).not.toContain('data-slot="skeleton"');
    expect(html).toContain('role="listbox"');
    const options = html.match(/role="option"/g) ?? [];
    // A screenful (12 rows before anything is measured) and the overscan below it, not all 50.
    expect(options.length).toBeGreaterThanOrEqual(10);
    expect(options.length).toBeLessThanOrEqual(20);
    expect(html).toContain('aria-posinset="1"');
    expect(html).toContain('aria-setsize="200"');
    expect(html).toContain('data-active=""');
    // The first row is the store's first conversation, by name.
    const first = store.state.getState().conversations[ids[0]!]!;
    expect(html).toContain(first.contact!.name.replace(/&/g, '&amp;').replace(/'/g, '&#x27;'));
    store.destroy();
  });
});
