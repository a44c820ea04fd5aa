import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MOCK_TOKEN, Inbox, InboxProvider, createInboxStore, createMemoryAdapter, createMemoryStorage, createMockHandler, createWhatsAppAdapter, listKey } from 'inboxkit';
import type { InboxStore } from 'inboxkit';
import { startGatedServer } from '../support/gatedServer.js';
import type { GatedServer } from '../support/gatedServer.js';
import { loadBulkToolbarPanel } from '../../src/components/Inbox/BulkToolbar.js';

// The toolbar's body is a chunk a page fetches on idle; here it is already in, as it is a moment after any page loads
// (test/components/BulkToolbar.lazy.test.tsx covers the moment before).
beforeAll(() => loadBulkToolbarPanel());

// The bulk toolbar against the WhatsApp mock over real HTTP on 127.0.0.1: one request per
// conversation, and the API's own 403 for one of them.

const servers: GatedServer[] = [];
const stores: InboxStore[] = [];
afterEach(async () => {
  cleanup();
  for (const store of stores.splice(0)) store.destroy();
  for (const server of servers.splice(0)) await server.close();
});

const directories = new Map<string, { users: Array<{ id: string; name: string }> }>();
/** The host's directory (the HTTP APIs list nobody), one stable object per id. */
const DIRECTORY = (id: string) => directories.get(id) ?? directories.set(id, { users: [{ id, name: 'Sam Member' }] }).get(id)!;

/** The WhatsApp mock behind a real server; a POST about `refused.id` answers the API's 403. */
async function whatsAppInbox() {
  const refused: { id?: string | undefined } = {};
  const backend = createMemoryAdapter({ seed: 21, size: 40, profile: 'whatsapp' });
  const mock = createMockHandler({ flavour: 'whatsapp', backend });
  const server = await startGatedServer(
    async (request) => {
      if (refused.id && request.method === 'POST' && new URL(request.url).pathname.includes(`/${refused.id}/`)) {
        return new Response(JSON.stringify({ success: false, error: 'User is not a member of this organization' }), { status: 403, headers: { 'content-type': 'application/json' } });
      }
      return mock(request);
    },
    { gated: false },
  );
  servers.push(server);
  const adapter = createWhatsAppAdapter({ baseUrl: server.url, headers: { Authorization: `Bearer ${DEFAULT_MOCK_TOKEN}` }, retry: false });
  const { conversations } = await adapter.listConversations({ status: 'all', limit: 100 });
  const someone = conversations.find((c) => c.assignee)!.assignee!;
  const store = createInboxStore({ adapter, pollIntervalMs: 0, storage: createMemoryStorage() });
  stores.push(store);
  // The provider sets these on the store it is given (an omitted one too).
  render(
    <InboxProvider store={store} pollIntervalMs={0} directory={DIRECTORY(someone.id)}>
      <Inbox defaultQuery={{ status: 'open' }} />
    </InboxProvider>,
  );
  // The rows' checkboxes (the filters have one too: Unread).
  await screen.findAllByRole('checkbox', { name: /^Select / }, { timeout: 5000 });
  const ids = () => store.state.getState().lists[listKey({ status: 'open' })]!.ids;
  return { server, store, backend, refused, ids, someone };
}

const listbox = () => screen.getByRole('listbox', { name: 'Conversations' });
const toolbar = () => screen.getByRole('toolbar', { name: 'Selected conversations' });
const status = () => screen.getAllByRole('status').find((el) => el.getAttribute('data-slot') === 'bulk-status')!;
const posts = (server: GatedServer) => server.seen.filter((r) => r.method === 'POST');

/** Checks the first `n` rows with x and Shift+↓. */
async function selectFirst(user: ReturnType<typeof userEvent.setup>, n: number) {
  listbox().focus();
  await user.keyboard('{Home}x');
  for (let i = 1; i < n; i++) await user.keyboard('{Shift>}{ArrowDown}{/Shift}');
  expect(within(toolbar()).getByText(`${n} selected`)).toBeInTheDocument();
}

describe('bulk actions over real HTTP (WhatsApp mock)', () => {
  it('resolve: one 403 fails alone, named in the summary; Retry failed selects it, and resolving it again works', async () => {
    const user = userEvent.setup();
    const { server, backend, refused, ids } = await whatsAppInbox();
    const chosen = ids().slice(0, 5);
    refused.id = chosen[2];
    const before = posts(server).length;
    await selectFirst(user, 5);
    await user.click(within(toolbar()).getByRole('button', { name: 'Resolve' }));
    await waitFor(() => expect(status()).toHaveTextContent('4 resolved, 1 failed: This person is not a member of this organization.'));
    expect(status().querySelector('.ik-bulk-summary')).toHaveAttribute('title', 'HTTP 403: User is not a member of this organization');
    // One request per conversation, and the server holds what the summary says.
    expect(posts(server).length - before).toBe(5);
    for (const id of chosen) expect((await backend.getConversation(id)).status).toBe(id === refused.id ? 'open' : 'resolved');
    // The four left the Open list; the refused one is back in it.
    await waitFor(() => expect(ids()).not.toContain(chosen[0]));
    expect(ids()).toContain(refused.id);

    await user.click(within(status()).getByRole('button', { name: 'Retry failed' }));
    expect(within(toolbar()).getByText('1 selected')).toBeInTheDocument();
    const checked = within(listbox()).getAllByRole('option').filter((o) => o.getAttribute('aria-checked') === 'true');
    expect(checked).toHaveLength(1);

    refused.id = undefined;
    await user.click(within(toolbar()).getByRole('button', { name: 'Resolve' }));
    await waitFor(() => expect(status()).toHaveTextContent(/^1 resolved/));
    expect((await backend.getConversation(chosen[2]!)).status).toBe('resolved');
    expect(posts(server).length - before).toBe(6);
  });

  it('assign: one 403 fails alone and rolls back; the others are assigned on the server', async () => {
    const user = userEvent.setup();
    const { server, store, backend, refused, ids, someone } = await whatsAppInbox();
    const chosen = ids().slice(0, 3);
    refused.id = chosen[1];
    const previous = store.state.getState().conversations[chosen[1]!]!.assignee;
    const before = posts(server).length;
    await selectFirst(user, 3);
    await user.click(within(toolbar()).getByRole('button', { name: 'Assign…' }));
    // WhatsApp has no teams: the menu offers people only.
    // The menu's code arrives on first use (the first time in this file, it is imported now).
    await user.click(await screen.findByRole('menuitemradio', { name: 'Sam Member' }, { timeout: 5000 }));
    await waitFor(() => expect(status()).toHaveTextContent('2 assigned, 1 failed: This person is not a member of this organization.'));
    expect(screen.queryByText('Teams')).toBeNull();
    expect(posts(server).length - before).toBe(3);
    expect(store.state.getState().conversations[chosen[1]!]!.assignee).toEqual(previous);
    for (const id of [chosen[0]!, chosen[2]!]) expect((await backend.getConversation(id)).assignee?.id).toBe(someone.id);
  });
});
