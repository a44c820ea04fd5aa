import { afterEach, describe, expect, it } from 'vitest';
import { BULK_CONCURRENCY, DEFAULT_MOCK_TOKEN, createInboxStore, createMemoryAdapter, createMemoryStorage, createMockHandler, createWhatsAppAdapter, listKey } from 'inboxkit';
import type { InboxStore } from 'inboxkit';
import { startGatedServer } from '../support/gatedServer.js';
import type { GatedServer } from '../support/gatedServer.js';

const servers: GatedServer[] = [];
const stores: InboxStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) store.destroy();
  for (const server of servers.splice(0)) await server.close();
});

/** The WhatsApp mock behind a gated server; requests about `refused` answer the API's own 403. */
async function whatsApp(refused?: () => string | undefined) {
  const backend = createMemoryAdapter({ seed: 21, size: 40, profile: 'whatsapp' });
  const mock = createMockHandler({ flavour: 'whatsapp', backend });
  const server = await startGatedServer(async (request) => {
    const id = refused?.();
    if (id && request.method === 'POST' && new URL(request.url).pathname.includes(`/${id}/`)) {
      return new Response(JSON.stringify({ success: false, error: 'User is not a member of this organization' }), {
        status: 403,
        headers: { 'content-type': 'application/json' },
      });
    }
    return mock(request);
  }, { gated: false });
  servers.push(server);
  const adapter = createWhatsAppAdapter({ baseUrl: server.url, headers: { Authorization: `Bearer ${DEFAULT_MOCK_TOKEN}` }, retry: false });
  const store = createInboxStore({ adapter, pollIntervalMs: 0, storage: createMemoryStorage() });
  stores.push(store);
  await store.fetchList({ status: 'open' });
  return { server, store, backend, ids: store.state.getState().lists[listKey({ status: 'open' })]!.ids.slice(0, 10) };
}

const posts = (server: GatedServer) => server.seen.filter((r) => r.method === 'POST');

describe('store.bulk over real HTTP', () => {
  it('sends at most four requests at once, one per conversation, and reports each', async () => {
    const { server, store, ids, backend } = await whatsApp();
    const start = server.seen.length;
    server.hold();
    const done = store.bulk(ids, { type: 'resolve' });
    // Every one shows resolved at once, though only four requests are out.
    for (const id of ids) expect(store.state.getState().conversations[id]!.status).toBe('resolved');
    await server.arrived(start + BULK_CONCURRENCY);
    await new Promise((r) => setTimeout(r, 50));
    expect(server.seen.length - start).toBe(BULK_CONCURRENCY); // no fifth until one answers
    await server.next();
    await server.arrived(start + BULK_CONCURRENCY + 1);
    expect(server.held).toHaveLength(BULK_CONCURRENCY);
    await server.open();
    const results = await done;
    expect(results.map((r) => r.id)).toEqual(ids);
    expect(results.every((r) => r.outcome === 'succeeded')).toBe(true);
    expect(posts(server)).toHaveLength(ids.length);
    for (const id of ids) expect((await backend.getConversation(id)).status).toBe('resolved');
  });

  it('one 403 fails alone: it rolls back, the others stand, and the result names the reason', async () => {
    const target: { id?: string } = {};
    const { store, ids } = await whatsApp(() => target.id);
    target.id = ids[3];
    const results = await store.bulk(ids.slice(0, 6), { type: 'resolve' });
    const failed = results.filter((r) => r.outcome === 'failed');
    expect(failed.map((r) => r.id)).toEqual([ids[3]]);
    expect(failed[0]!.error).toMatchObject({ code: 'forbidden', status: 403 });
    expect(failed[0]!.error!.message).toMatch(/not a member/i);
    const state = store.state.getState();
    expect(state.conversations[ids[3]!]!.status).toBe('open');
    expect(state.lists[listKey({ status: 'open' })]!.ids).toContain(ids[3]);
    for (const id of [0, 1, 2, 4, 5].map((i) => ids[i]!)) expect(state.conversations[id]!.status).toBe('resolved');
    expect(state.mutations[ids[3]!]?.resolve?.error?.code).toBe('forbidden');
  });

  it('stopping a running batch: what was sent stays sent, the rest is left untouched and unsent', async () => {
    const { server, store, ids, backend } = await whatsApp();
    const before = posts(server).length;
    const start = server.seen.length;
    server.hold();
    const stop = new AbortController();
    const done = store.bulk(ids, { type: 'resolve' }, { signal: stop.signal });
    await server.arrived(start + BULK_CONCURRENCY);
    stop.abort();
    await server.open();
    const results = await done;
    const sent = results.filter((r) => r.outcome === 'succeeded').map((r) => r.id);
    const skipped = results.filter((r) => r.outcome === 'skipped').map((r) => r.id);
    expect(sent).toEqual(ids.slice(0, BULK_CONCURRENCY));
    expect(skipped).toEqual(ids.slice(BULK_CONCURRENCY));
    expect(posts(server).length - before).toBe(BULK_CONCURRENCY);
    for (const id of skipped) {
      expect(store.state.getState().conversations[id]!.status).toBe('open');
      expect((await backend.getConversation(id)).status).toBe('open');
    }
  });

  it('destroy() mid-batch: nothing waiting for its turn is sent afterwards, and the batch settles', async () => {
    const { server, store, ids } = await whatsApp();
    const before = posts(server).length;
    const start = server.seen.length;
    server.hold();
    const done = store.bulk(ids, { type: 'resolve' });
    await server.arrived(start + BULK_CONCURRENCY);
    store.destroy();
    await server.open();
    const results = await done;
    expect(posts(server).length - before).toBe(BULK_CONCURRENCY);
    expect(results.filter((r) => r.outcome === 'skipped').map((r) => r.id)).toEqual(ids.slice(BULK_CONCURRENCY));
  });

  it('assigns many at once, de-duplicating ids', async () => {
    const { server, store, ids } = await whatsApp();
    const user = (await store.adapter.listConversations({ status: 'all', limit: 100 })).conversations.find((c) => c.assignee)?.assignee;
    expect(user).toBeTruthy();
    const before = posts(server).length;
    const results = await store.bulk([ids[0]!, ids[1]!, ids[0]!], { type: 'assign', assignee: { type: 'user', id: user!.id } });
    expect(results.map((r) => [r.id, r.outcome])).toEqual([
      [ids[0], 'succeeded'],
      [ids[1], 'succeeded'],
    ]);
    expect(posts(server).length - before).toBe(2);
    expect(store.state.getState().conversations[ids[1]!]!.assignee?.id).toBe(user!.id);
  });

  it('a batch of 40 waits with one abort listener, not one per conversation (Node warns past ten)', async () => {
    const { store } = await whatsApp();
    await store.fetchList({ status: 'all', limit: 100 });
    const all = store.state.getState().lists[listKey({ status: 'all', limit: 100 })]!.ids;
    expect(all).toHaveLength(40);
    const user = (await store.adapter.listConversations({ status: 'all', limit: 100 })).conversations.find((c) => c.assignee)!.assignee!;
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const controller = new AbortController();
      const results = await store.bulk(all, { type: 'assign', assignee: { type: 'user', id: user.id } }, { signal: controller.signal });
      expect(results.every((r) => r.outcome === 'succeeded')).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 10)); // warnings are emitted on a later tick
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.map((w) => w.name)).not.toContain('MaxListenersExceededWarning');
  });
});
