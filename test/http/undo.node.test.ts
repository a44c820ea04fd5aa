import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_MOCK_TOKEN, createInboxStore, createMemoryAdapter, createMemoryStorage, createMockHandler, createWaplyAdapter, createWhatsAppAdapter, listKey } from 'inboxkit';
import type { ConversationsAdapter, InboxStore } from 'inboxkit';
import { startGatedServer } from '../support/gatedServer.js';
import type { GatedServer } from '../support/gatedServer.js';

// The undo window against the mock REST APIs over real HTTP, counting what reaches the server.

const servers: GatedServer[] = [];
const stores: InboxStore[] = [];
beforeEach(() => {
  // Only the store's timers are faked: sockets and the server run as they do.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(async () => {
  vi.useRealTimers();
  for (const store of stores.splice(0)) store.destroy();
  for (const server of servers.splice(0)) await server.close();
});

async function serve(flavour: 'whatsapp' | 'waply') {
  const backend = createMemoryAdapter({ seed: 13, size: 20, profile: flavour });
  const server = await startGatedServer(createMockHandler({ flavour, backend }), { gated: false });
  servers.push(server);
  const adapter: ConversationsAdapter =
    flavour === 'whatsapp'
      ? createWhatsAppAdapter({ baseUrl: server.url, headers: { Authorization: `Bearer ${DEFAULT_MOCK_TOKEN}` }, retry: false })
      : createWaplyAdapter({ apiKey: DEFAULT_MOCK_TOKEN, baseUrl: `${server.url}/v1`, retry: false });
  const store = createInboxStore({ adapter, pollIntervalMs: 0, undoMs: 5_000, storage: createMemoryStorage() });
  stores.push(store);
  await store.fetchList({ status: 'open' });
  const ids = store.state.getState().lists[listKey({ status: 'open' })]!.ids;
  const posts = () => server.seen.filter((r) => r.method === 'POST');
  return { server, store, backend, ids, posts };
}

/** Lets `ms` pass on the store's clock, then lets the sockets talk. */
async function pass(ms: number) {
  await vi.advanceTimersByTimeAsync(ms);
}

describe.each(['whatsapp', 'waply'] as const)('undo over real HTTP (%s mock)', (flavour) => {
  it('no request during the window, exactly one after it', async () => {
    const { store, ids, posts, backend } = await serve(flavour);
    const id = ids[0]!;
    const done = store.resolve(id);
    expect(store.state.getState().conversations[id]!.status).toBe('resolved');
    await pass(4_999);
    expect(posts()).toEqual([]);
    await pass(1);
    await done;
    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.url).toContain(encodeURIComponent(id));
    expect((await backend.getConversation(id)).status).toBe('resolved');
    await pass(10_000);
    expect(posts()).toHaveLength(1);
  });

  it('Undo in the window: nothing ever reaches the server, and the backend keeps it open', async () => {
    const { store, ids, posts, backend } = await serve(flavour);
    const id = ids[1]!;
    const done = store.resolve(id).catch(() => 'undone');
    await pass(2_000);
    expect(store.undo(id)).toBe(true);
    expect(await done).toBe('undone');
    await pass(10_000);
    store.destroy();
    expect(posts()).toEqual([]);
    expect((await backend.getConversation(id)).status).toBe('open');
  });

  it('unmounting sends at once, before the window ends', async () => {
    const { store, ids, posts } = await serve(flavour);
    const stop = store.mount();
    const done = store.resolve(ids[2]!);
    stop();
    await done;
    expect(posts()).toHaveLength(1);
  });
});

describe('a resolution over real HTTP (WhatsApp mock)', () => {
  it('is sent with the close once the window ends', async () => {
    const { store, ids, posts, backend } = await serve('whatsapp');
    const id = ids[0]!;
    const done = store.resolve(id, { resolution: 'Refund sent' });
    await pass(4_999);
    expect(posts()).toEqual([]);
    await pass(1);
    await done;
    expect(posts()).toHaveLength(1);
    expect(JSON.parse(posts()[0]!.body)).toEqual({ resolution: 'Refund sent' });
    expect((await backend.getConversation(id)).metadata.resolution).toBe('Refund sent');
  });
});
