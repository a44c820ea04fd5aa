/**
 * Counts (views, status options) over the mock backend behind a real HTTP
 * server on 127.0.0.1, through the real Waply and WhatsApp adapters, and over
 * the memory adapter itself. Everything is asserted by requests counted and
 * state read, never by how long something took.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { countKey, createInboxStore, createMemoryAdapter, createMemoryStorage, createMockHandler, createWaplyAdapter, createWhatsAppAdapter, DEFAULT_MOCK_TOKEN } from 'inboxkit';
import type { Conversation, ConversationQuery, ConversationsAdapter, InboxStore, MemoryAdapter } from 'inboxkit';
import { conversation } from '../hooks/helpers.js';
import { json, startGatedServer } from '../support/gatedServer.js';
import type { GatedServer } from '../support/gatedServer.js';

const ME = { type: 'user' as const, id: 'user_me', name: 'Me' };
const OTHER = { type: 'user' as const, id: 'user_other', name: 'Other' };

const servers: GatedServer[] = [];
const stores: InboxStore[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const store of stores.splice(0)) store.destroy();
  for (const server of servers.splice(0)) await server.close();
});

/** 10 conversations: 6 open (2 mine, 1 other's), 4 resolved (1 mine). */
function seed(): Conversation[] {
  return Array.from({ length: 10 }, (_, i) =>
    conversation(`conv_${i + 1}`, `Person ${i + 1}`, {
      status: i < 6 ? 'open' : 'resolved',
      assignee: i === 0 || i === 1 || i === 6 ? ME : i === 2 ? OTHER : null,
      updatedAt: new Date(Date.UTC(2026, 4, 1, 12) - i * 60_000).toISOString(),
    }),
  );
}

type Flavour = 'waply' | 'whatsapp' | 'memory';

interface Setup {
  store: InboxStore;
  backend: MemoryAdapter;
  /** How many count requests (limit=1) reached the backend. */
  countRequests(): number;
  server: GatedServer | null;
}

async function setup(flavour: Flavour, options: { gated?: boolean; respond?: (request: Request) => Response | undefined; pollIntervalMs?: number } = {}): Promise<Setup> {
  const backend = createMemoryAdapter({ conversations: seed(), assignees: [ME, OTHER], profile: flavour === 'memory' ? 'full' : flavour });
  let adapter: ConversationsAdapter;
  let server: GatedServer | null = null;
  let memoryCounts = 0;
  if (flavour === 'memory') {
    adapter = {
      ...backend,
      flavour: backend.flavour,
      capabilities: backend.capabilities,
      listConversations(query, requestOptions) {
        if (query.limit === 1) memoryCounts++;
        return backend.listConversations(query, requestOptions);
      },
    };
  } else {
    const handler = createMockHandler({ flavour, backend });
    server = await startGatedServer((request) => options.respond?.(request) ?? handler(request), { gated: options.gated ?? false });
    servers.push(server);
    adapter =
      flavour === 'waply'
        ? createWaplyAdapter({ apiKey: DEFAULT_MOCK_TOKEN, baseUrl: server.url, retry: false })
        : createWhatsAppAdapter({ baseUrl: server.url, headers: { Authorization: `Bearer ${DEFAULT_MOCK_TOKEN}` }, retry: false });
  }
  const store = createInboxStore({ adapter, pollIntervalMs: options.pollIntervalMs ?? 0, storage: createMemoryStorage(), currentUser: { id: ME.id, name: ME.name } });
  stores.push(store);
  const gatedServer = server;
  return {
    store,
    backend,
    server,
    countRequests: () => (gatedServer ? gatedServer.seen.filter((r) => new URL(r.url, 'http://x').searchParams.get('limit') === '1').length : memoryCounts),
  };
}

const countOf = (store: InboxStore, query: ConversationQuery) => store.state.getState().counts[countKey(query)];

describe.each<Flavour>(['waply', 'whatsapp', 'memory'])('counts over %s', (flavour) => {
  it('reads the total of a one-row page, per filter, and leaves lists and conversations alone', async () => {
    const { store, server } = await setup(flavour);
    const queries: ConversationQuery[] = [{ status: 'open' }, { status: 'resolved' }, { status: 'all', assigneeId: ME.id }, { status: 'open', assigneeId: ME.id }, {}];
    const stops = queries.map((query) => store.observeCount(query));
    await vi.waitFor(() => expect(queries.every((query) => countOf(store, query)?.status === 'success')).toBe(true));
    expect(queries.map((query) => countOf(store, query)?.count)).toEqual([6, 4, 3, 2, 10]);
    if (server) {
      for (const request of server.seen) {
        const params = new URL(request.url, 'http://x').searchParams;
        expect(params.get('limit')).toBe('1');
        expect(params.get('page')).toBe('1');
      }
      expect(server.seen).toHaveLength(queries.length);
    }
    // Counts are not lists: nothing was listed, no conversation was written.
    expect(Object.keys(store.state.getState().lists)).toEqual([]);
    expect(Object.keys(store.state.getState().conversations)).toEqual([]);
    for (const stop of stops) stop();
  });

  it('revalidates each shown count once after a burst of mutations settles', async () => {
    const { store, countRequests } = await setup(flavour);
    const open: ConversationQuery = { status: 'open' };
    const mine: ConversationQuery = { assigneeId: ME.id };
    store.observeCount(open);
    store.observeCount(mine);
    await vi.waitFor(() => expect(countOf(store, open)?.count).toBe(6));
    await vi.waitFor(() => expect(countOf(store, mine)?.count).toBe(3));
    const before = countRequests();
    expect(before).toBe(2);

    await Promise.all([store.resolve('conv_1'), store.resolve('conv_4'), store.assign('conv_5', ME)]);
    await vi.waitFor(() => expect(countOf(store, open)?.count).toBe(4));
    await vi.waitFor(() => expect(countOf(store, mine)?.count).toBe(4));
    // Past the settle window nothing more was asked: two counts shown, two requests.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(countRequests()).toBe(before + 2);
  });
});

describe('counts share requests', () => {
  it('identical concurrent counts are one request (waply, answers held)', async () => {
    const { store, server } = await setup('waply', { gated: true });
    const query: ConversationQuery = { status: 'open', assigneeId: ME.id };
    const stopA = store.observeCount(query);
    const stopB = store.observeCount({ assigneeId: ME.id, status: 'open', limit: 50, page: 3 });
    const fetched = store.fetchCount(query);
    await server!.arrived(1);
    expect(server!.seen).toHaveLength(1);
    await server!.release();
    await fetched;
    expect(countOf(store, query)).toEqual({ count: 2, status: 'success', error: null });
    expect(server!.seen).toHaveLength(1);
    stopA();
    stopB();
  });

  it('a second observer of a shown count asks nothing (whatsapp)', async () => {
    const { store, server } = await setup('whatsapp');
    store.observeCount({ status: 'escalated' });
    await vi.waitFor(() => expect(countOf(store, { status: 'escalated' })?.status).toBe('success'));
    store.observeCount({ status: 'escalated' });
    expect(countOf(store, { status: 'escalated' })?.count).toBe(0);
    expect(server!.seen).toHaveLength(1);
  });
});

describe('a count that cannot be known shows nothing', () => {
  it('a 500 is null, never 0, and a later success shows the number', async () => {
    let failing = true;
    const { store } = await setup('waply', { respond: () => (failing ? json({ error: { message: 'Boom' } }, 500) : undefined) });
    store.observeCount({ status: 'open' });
    await vi.waitFor(() => expect(countOf(store, { status: 'open' })?.status).toBe('error'));
    expect(countOf(store, { status: 'open' })?.count).toBeNull();
    expect(countOf(store, { status: 'open' })?.error?.code).toBe('server');
    failing = false;
    await store.fetchCount({ status: 'open' });
    expect(countOf(store, { status: 'open' })).toEqual({ count: 6, status: 'success', error: null });
    // And a failure after a success forgets the old number rather than claim it.
    failing = true;
    await store.fetchCount({ status: 'open' });
    expect(countOf(store, { status: 'open' })?.count).toBeNull();
  });

  it.each([-1, 2.5, '7', null])('a total of %j is invalid_response with count null (whatsapp)', async (total) => {
    const { store } = await setup('whatsapp', {
      respond: (request) => (new URL(request.url).searchParams.get('limit') === '1' ? json({ data: [], total, page: 1, limit: 1, hasNext: false }) : undefined),
    });
    await store.fetchCount({ status: 'open' });
    expect(countOf(store, { status: 'open' })).toMatchObject({ count: null, status: 'error', error: { code: 'invalid_response' } });
  });

  it('a filter the backend lacks is unsupported before any request', async () => {
    const { store, server } = await setup('whatsapp');
    await store.fetchCount({ unassigned: true });
    expect(countOf(store, { unassigned: true })).toMatchObject({ count: null, status: 'error', error: { code: 'unsupported' } });
    expect(server!.seen).toHaveLength(0);
  });
});

describe('counts stay fresh and stop', () => {
  it('polling asks every shown count again (waply)', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { store, server, backend } = await setup('waply', { pollIntervalMs: 5000 });
    const stop = store.mount();
    store.observeCount({ status: 'open' });
    await vi.waitFor(() => expect(countOf(store, { status: 'open' })?.count).toBe(6));
    backend.simulate.incomingMessage('conv_8');
    expect(server!.seen).toHaveLength(1);
    vi.advanceTimersByTime(5000);
    await vi.waitFor(() => expect(countOf(store, { status: 'open' })?.count).toBe(7));
    expect(server!.seen).toHaveLength(2);
    stop();
  });

  it('destroy aborts a count in flight and nothing changes after (waply)', async () => {
    const { store, server } = await setup('waply', { gated: true });
    store.observeCount({ status: 'open' });
    await server!.arrived(1);
    store.destroy();
    await server!.open();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(countOf(store, { status: 'open' })?.count ?? null).toBeNull();
    expect(countOf(store, { status: 'open' })?.status).not.toBe('success');
  });

  it('unobserving aborts the request and drops the unknown entry (whatsapp)', async () => {
    const { store, server } = await setup('whatsapp', { gated: true });
    const stop = store.observeCount({ status: 'open' });
    await server!.arrived(1);
    stop();
    expect(countOf(store, { status: 'open' })).toBeUndefined();
    await server!.open();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(countOf(store, { status: 'open' })).toBeUndefined();
  });

  it('any string is a safe assignee id in a count key (memory)', async () => {
    const { store } = await setup('memory');
    await store.fetchCount({ assigneeId: '__proto__' });
    await store.fetchCount({ assigneeId: 'constructor' });
    expect(countOf(store, { assigneeId: '__proto__' })?.count).toBe(0);
    expect(countOf(store, { assigneeId: 'constructor' })?.count).toBe(0);
    expect(Object.getPrototypeOf(store.state.getState().counts)).toBeNull();
  });
});
