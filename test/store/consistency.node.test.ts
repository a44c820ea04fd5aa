/**
 * The store over a real HTTP server that holds every answer and releases
 * them in the order a test chooses (test/support/gatedServer.ts), through the
 * real Waply and WhatsApp adapters. Each case is one of issue #9's: rows
 * lost, stale answers winning, answers about another conversation, and what
 * destroy() stops. Ordering is by counts of requests, never by timing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createInboxStore, createMemoryAdapter, createMemoryStorage, createMockHandler, createWaplyAdapter, createWhatsAppAdapter, DEFAULT_MOCK_TOKEN, listKey } from 'inboxkit';
import type { ConversationQuery, InboxEvent, InboxStore } from 'inboxkit';
import { json, startGatedServer, waplyConversation } from '../support/gatedServer.js';
import type { GatedServer, Held } from '../support/gatedServer.js';

const servers: GatedServer[] = [];
const stores: InboxStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) store.destroy();
  for (const server of servers.splice(0)) await server.close();
});

async function gate(handler: (request: Request) => Response | Promise<Response>, gated = false) {
  const server = await startGatedServer(handler, { gated });
  servers.push(server);
  return server;
}
function waplyStore(server: GatedServer, options: { storage?: ReturnType<typeof createMemoryStorage> } = {}) {
  const adapter = createWaplyAdapter({ apiKey: DEFAULT_MOCK_TOKEN, baseUrl: server.url, retry: false });
  const store = createInboxStore({ adapter, pollIntervalMs: 0, storage: options.storage ?? createMemoryStorage() });
  stores.push(store);
  return store;
}
function whatsAppStore(server: GatedServer) {
  const adapter = createWhatsAppAdapter({ baseUrl: server.url, headers: { Authorization: `Bearer ${DEFAULT_MOCK_TOKEN}` }, retry: false });
  const store = createInboxStore({ adapter, pollIntervalMs: 0, storage: createMemoryStorage() });
  stores.push(store);
  return store;
}
/** What a poll or a focus refetch does to one list. */
const poll = (store: InboxStore, query: ConversationQuery) => store.fetchList(query, { background: true, revalidate: true });
const pageOf = (held: Held) => Number(new URL(held.request.url, 'http://x').searchParams.get('page') ?? '1');
const ids = (store: InboxStore, query: ConversationQuery) => [...store.state.getState().lists[listKey(query)]!.ids];

/**
 * A scripted Waply list over `truth()`, newest first, with minute-spaced timestamps: conv_N at minute N,
 * unless `minutes()` names another (a row with new activity, one placed between two others).
 */
function scriptedList(truth: () => string[], extra: (request: Request, url: URL) => Response | undefined = () => undefined, minutes: () => Record<string, number> = () => ({})) {
  const at = (id: string) => new Date(Date.UTC(2026, 4, 1) + ((Object.hasOwn(minutes(), id) ? minutes()[id] : undefined) ?? Number(id.replace(/\D/g, '') || 0)) * 60_000).toISOString();
  return (request: Request) => {
    const url = new URL(request.url);
    const answered = extra(request, url);
    if (answered) return answered;
    if (url.pathname !== '/conversations') return json({ error: { message: 'Not found' } }, 404);
    const page = Number(url.searchParams.get('page') ?? 1);
    const limit = Number(url.searchParams.get('limit') ?? 20);
    const all = truth();
    const rows = all.slice((page - 1) * limit, page * limit);
    return json({ data: rows.map((id) => waplyConversation(id, { updatedAt: at(id) })), total: all.length, page });
  };
}

/** A Waply store over `handler`, its list of every status, `limit` rows a page, read to `pages` pages (a fetch, then loadMores). */
async function loadedStore(handler: (request: Request) => Response | Promise<Response>, limit: number, pages: number) {
  const server = await gate(handler);
  const store = waplyStore(server);
  const query: ConversationQuery = { status: 'all', limit };
  await store.fetchList(query);
  for (let page = 1; page < pages; page++) await store.loadMore(query);
  return { server, store, query };
}
/** `loadedStore` over `scriptedList(truth, …)`. */
const scriptedStore = (truth: () => string[], limit: number, pages: number, minutes?: () => Record<string, number>) => loadedStore(scriptedList(truth, undefined, minutes), limit, pages);

describe('rows are never lost', () => {
  it('revalidating the head of a 120-row list after 3 arrivals keeps all 123, in server order', async () => {
    const backend = createMemoryAdapter({ seed: 21, size: 200, profile: 'waply' });
    const { store, query } = await loadedStore(createMockHandler({ flavour: 'waply', backend }), 20, 6);
    expect(ids(store, query)).toHaveLength(120);

    for (let i = 0; i < 3; i++) backend.simulate.newConversation();
    await poll(store, query);
    await poll(store, query);

    const truth = [...(await backend.listConversations({ status: 'all', limit: 100 })).conversations, ...(await backend.listConversations({ status: 'all', limit: 100, page: 2 })).conversations];
    const shown = ids(store, query);
    expect(shown).toHaveLength(123);
    expect(shown).toEqual(truth.slice(0, 123).map((c) => c.id));
  });

  it('a loadMore answer computed before a poll is placed by identity: [8, 7] + poll [100, 8] + old page [6, 5]', async () => {
    let truth = ['conv_8', 'conv_7', 'conv_6', 'conv_5'];
    const server = await gate(scriptedList(() => truth));
    const store = waplyStore(server);
    const query: ConversationQuery = { status: 'all', limit: 2 };
    await store.fetchList(query);
    expect(ids(store, query)).toEqual(['conv_8', 'conv_7']);

    server.hold();
    const more = store.loadMore(query);
    await server.arrived(2); // page 2 is computed now: [6, 5]
    truth = ['conv_100', ...truth];
    const polled = poll(store, query);
    await server.arrived(3);
    await server.release((h) => pageOf(h) === 1);
    await polled;
    expect(ids(store, query)).toEqual(['conv_100', 'conv_8', 'conv_7']);
    await server.release((h) => pageOf(h) === 2);
    await more;
    expect(ids(store, query)).toEqual(['conv_100', 'conv_8', 'conv_7', 'conv_6', 'conv_5']);
  });

  it('a reload during which a row above leaves reads again from the top: the row that slid up a page is not dropped', async () => {
    let truth = ['conv_9', 'conv_8', 'conv_7', 'conv_6', 'conv_5', 'conv_4'];
    const { server, store, query } = await scriptedStore(() => truth, 2, 3);
    expect(ids(store, query)).toEqual(truth);
    const before = server.seen.length;

    server.hold();
    const reload = store.fetchList(query);
    await server.arrived(before + 1); // page 1 is computed now: [9, 8]
    truth = truth.filter((id) => id !== 'conv_8'); // conv_8 leaves: conv_7 slides onto page 1, after it was read
    await server.open();
    await reload;
    // Page 2 said 5 where page 1 said 6: the store read from the top again, instead of keeping [9, 8] + [6, 5] + [4].
    expect(ids(store, query)).toEqual(['conv_9', 'conv_7', 'conv_6', 'conv_5', 'conv_4']);
    expect(server.seen.slice(before).map((seen) => new URL(seen.url, 'http://x').searchParams.get('page'))).toEqual(['1', '2', '1', '2', '3']);
  });

  it('when rows keep leaving through every re-read, a reload drops no row held; the next quiet read settles the list', async () => {
    let truth = ['conv_9', 'conv_8', 'conv_7', 'conv_6', 'conv_5', 'conv_4'];
    let leaving = false;
    const list = scriptedList(() => truth);
    const server = await gate((request) => {
      // While `leaving`, the second row leaves just before each page 2 is computed.
      if (leaving && new URL(request.url).searchParams.get('page') === '2') truth = truth.filter((_, i) => i !== 1);
      return list(request);
    });
    const store = waplyStore(server);
    const query: ConversationQuery = { status: 'all', limit: 2 };
    await store.fetchList(query);
    await store.loadMore(query);
    await store.loadMore(query);
    const before = server.seen.length;
    leaving = true;
    await store.fetchList(query);
    // Three reads from the top, each seeing a row leave: conv_5 was in none of the last read's pages, and stays.
    expect(server.seen.length - before).toBe(6);
    expect(truth).toEqual(['conv_9', 'conv_5', 'conv_4']);
    // The rows held that the read lacks stay, each where it sorts among the rows read (not after them all).
    expect(ids(store, query)).toEqual(['conv_9', 'conv_8', 'conv_7', 'conv_6', 'conv_5', 'conv_4']);
    leaving = false;
    await store.fetchList(query);
    expect(ids(store, query)).toEqual(['conv_9', 'conv_5', 'conv_4']);
  });

  it('a poll that ends on rows newer than its last read reads on: a row that came and sank past the head is not skipped', async () => {
    const range = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => `conv_${from - i}`);
    let truth = range(20, 1);
    const { server, store, query } = await scriptedStore(() => truth, 2, 6);
    expect(ids(store, query)).toEqual(range(20, 9));

    // Eleven arrive between two polls: the five pages a poll reads hold ten, and conv_21 is the eleventh.
    truth = range(31, 1);
    let before = server.seen.length;
    await poll(store, query);
    // Page 5 ended on conv_22, newer than anything the last read saw: page 6 brought conv_21 (and conv_20, seen before).
    expect(server.seen.length - before).toBe(6);
    expect(ids(store, query)).toEqual(range(31, 9));

    // A quiet poll ends on rows it saw before: the five pages, no more.
    before = server.seen.length;
    await poll(store, query);
    expect(server.seen.length - before).toBe(5);
    expect(ids(store, query)).toEqual(range(31, 9));
  });

  it('a reload that ends on rows newer than its last read reads on too: a row that came and sank past the pages shown is not skipped', async () => {
    const minutes: Record<string, number> = {};
    let truth = ['conv_10', 'conv_9', 'conv_8', 'conv_7', 'conv_6', 'conv_5', 'conv_4', 'conv_3', 'conv_2', 'conv_1'];
    const { store, query } = await scriptedStore(() => truth, 2, 2, () => minutes);
    expect(ids(store, query)).toEqual(['conv_10', 'conv_9', 'conv_8', 'conv_7']);
    // conv_3, never loaded, gets a message (minute 11); four conversations start after it. It is fifth now,
    // past the two pages the list shows.
    minutes.conv_3 = 11;
    truth = ['conv_24', 'conv_23', 'conv_22', 'conv_21', 'conv_3', 'conv_10', 'conv_9', 'conv_8', 'conv_7', 'conv_6', 'conv_5', 'conv_4', 'conv_2', 'conv_1'];
    await store.fetchList(query); // a reload: every page shown, from the top
    expect(ids(store, query)).toEqual(truth.slice(0, 9));
  });

  it('a poll of a one-page list reads on past rows newer than its last read, so paging later skips none', async () => {
    let truth = ['conv_5', 'conv_4', 'conv_3', 'conv_2', 'conv_1'];
    const { server, store, query } = await scriptedStore(() => truth, 2, 1);
    expect(ids(store, query)).toEqual(['conv_5', 'conv_4']);

    // Three arrive: page 1 is all new. Had the poll stopped there, conv_6 would sit between it and the rows
    // held, and the next page by offset (rows 5 and 6) would pass it by.
    truth = ['conv_8', 'conv_7', 'conv_6', ...truth];
    const before = server.seen.length;
    await poll(store, query);
    expect(server.seen.length - before).toBe(2);
    expect(ids(store, query)).toEqual(['conv_8', 'conv_7', 'conv_6', 'conv_5', 'conv_4']);
    await store.loadMore(query);
    await store.loadMore(query);
    expect(ids(store, query)).toEqual(truth);
  });

  it("a poll whose head ends on the agent's own row, held in place, keeps the older rows it no longer reaches", async () => {
    const backend = createMemoryAdapter({ seed: 8, size: 30, profile: 'waply' });
    const { store, query } = await loadedStore(createMockHandler({ flavour: 'waply', backend }), 1, 8);
    const held = ids(store, query);
    expect(held).toHaveLength(8);

    // The agent assigns the seventh row: the server moves it to the top, the list keeps it where the agent
    // clicked it. Then four conversations start: the poll's five rows end on it, and the six rows held above
    // it are not in them. They did not leave: they are older than it.
    const mine = held[6]!;
    const user = (await backend.listAssignees()).find((a) => a.type === 'user' && a.id !== store.state.getState().conversations[mine]!.assignee?.id)!;
    await store.assign(mine, { type: 'user', id: user.id });
    expect(ids(store, query)).toEqual(held);
    for (let i = 0; i < 4; i++) backend.simulate.newConversation();
    await poll(store, query);
    const truth = (await backend.listConversations({ status: 'all', limit: 12 })).conversations.map((c) => c.id);
    expect(truth[4]).toBe(mine);
    expect(ids(store, query)).toEqual(truth);
  });

  it('a page that overlaps the rows held places its new rows where the server lists them, not after the last row', async () => {
    let truth = ['conv_8', 'conv_7', 'conv_6', 'conv_5', 'conv_4'];
    let minutes: Record<string, number> = {};
    const { store, query } = await scriptedStore(() => truth, 2, 2, () => minutes);
    expect(ids(store, query)).toEqual(['conv_8', 'conv_7', 'conv_6', 'conv_5']);

    // conv_x joins the list between conv_6 and conv_5 (assigned here, say), and conv_9 starts at the top:
    // page 3 is now [conv_x, conv_5], overlapping the rows held.
    minutes = { conv_x: 5.5 };
    truth = ['conv_9', 'conv_8', 'conv_7', 'conv_6', 'conv_x', 'conv_5', 'conv_4'];
    await store.loadMore(query);
    expect(ids(store, query)).toEqual(['conv_8', 'conv_7', 'conv_6', 'conv_x', 'conv_5']);
    await poll(store, query);
    expect(ids(store, query)).toEqual(['conv_9', 'conv_8', 'conv_7', 'conv_6', 'conv_x', 'conv_5']);
  });

  it('a page that brought nothing new is skipped only while the list has not shrunk, even when a poll lands before the next page', async () => {
    const rows = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => `conv_${from - i}`);
    let truth = rows(14, 1);
    // Six pages of two: [14 … 3], deeper than a poll reads (five pages).
    const { server, store, query } = await scriptedStore(() => truth, 2, 6);
    expect(ids(store, query)).toEqual(rows(14, 3));

    // Two arrive at the top: page 7 is now [4, 3], both held. It brings nothing, so the next loadMore asks for page 8.
    truth = ['conv_100', 'conv_99', ...truth];
    await store.loadMore(query);
    expect(ids(store, query)).toEqual(rows(14, 3));

    // conv_100 leaves: conv_2 slides up onto page 7, the page already read. Page 8 is now [1] alone.
    truth = truth.filter((id) => id !== 'conv_100');
    const before = server.seen.length;
    server.hold();
    const more = store.loadMore(query);
    await server.arrived(before + 1);
    expect(pageOf(server.held[0]!)).toBe(8);
    // A poll reads the first five pages and is answered first; it does not reach the rows at the end.
    const polled = poll(store, query);
    for (let page = 1; page <= 5; page++) {
      await server.arrived(before + 1 + page); // the poll asks for its pages one after another
      await server.release((h) => pageOf(h) === page);
    }
    await polled;
    expect(ids(store, query)).toEqual(['conv_99', ...rows(14, 3)]);
    // Page 8 counts one row fewer than page 7 did: appending it would skip conv_2, so it is dropped, and
    // the next loadMore reads again from the rows shown.
    await server.release();
    await more;
    expect(ids(store, query)).not.toContain('conv_1');
    await server.open();
    while (store.state.getState().lists[listKey(query)]!.hasNext) await store.loadMore(query);
    expect(ids(store, query)).toEqual(['conv_99', ...rows(14, 1)]);
  });

  it("a page's new rows sort in past the agent's own row, held in place, not below it: the list stays in the server's order", async () => {
    const rows = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => `conv_${from - i}`);
    const minutes: Record<string, number> = {};
    let truth = rows(30, 11);
    const handler = scriptedList(
      () => truth,
      (request, url) => {
        if (request.method !== 'POST' || url.pathname !== '/conversations/conv_19/assign') return undefined;
        // The agent's assign is activity: the server lists conv_19 first from now on.
        minutes.conv_19 = 50;
        truth = ['conv_19', ...truth.filter((id) => id !== 'conv_19')];
        return json(waplyConversation('conv_19', { updatedAt: new Date(Date.UTC(2026, 4, 1) + 50 * 60_000).toISOString(), assignee: { type: 'user', id: 'user_alice' } }));
      },
      () => minutes,
    );
    // Six pages of two, [30 … 19]: deeper than a poll reads (five pages).
    const { store, query } = await loadedStore(handler, 2, 6);
    await store.assign('conv_19', { type: 'user', id: 'user_alice' });
    expect(ids(store, query)).toEqual(rows(30, 19)); // held where the agent clicked it, last

    // conv_x joins the list where its activity places it, between conv_21 and conv_20 (reopened elsewhere,
    // say), and conv_100 starts at the top. The next page is [conv_x, conv_20]: conv_x sorts in among the
    // rows held from the end. conv_19, newer since the assign, is where the agent left it: conv_x passes it,
    // rather than stopping below it and under conv_20, which is older.
    minutes.conv_x = 20.5;
    truth = ['conv_100', 'conv_19', ...rows(30, 21), 'conv_x', 'conv_20', ...rows(18, 11)];
    await store.loadMore(query);
    expect(ids(store, query)).toEqual([...rows(30, 21), 'conv_x', 'conv_20', 'conv_19']);

    // The poll reads the first ten rows from the top, conv_19 takes its place there, and the rows past
    // them, which a poll keeps as they are, are already in the server's order.
    await poll(store, query);
    expect(ids(store, query)).toEqual(truth.slice(0, 14));
  });

  it("rows kept past a poll's head keep the server's order where the server does not list by activity", async () => {
    // A server that lists by when conversations were created: its rows' activity is in no order.
    const order = ['conv_5', 'conv_9', 'conv_2', 'conv_7', 'conv_1', 'conv_8', 'conv_3', 'conv_6', 'conv_4', 'conv_10', 'conv_11', 'conv_12'];
    let truth = order;
    const assigned = (request: Request, url: URL) =>
      request.method === 'POST' && url.pathname === '/conversations/conv_11/assign'
        ? json(waplyConversation('conv_11', { updatedAt: new Date(Date.UTC(2026, 4, 1) + 11 * 60_000).toISOString(), assignee: { type: 'user', id: 'user_alice' } }))
        : undefined;
    const { store, query } = await loadedStore(scriptedList(() => truth, assigned), 2, 6);
    expect(ids(store, query)).toEqual(order);
    // The agent's own row holds its place until the next read from the top, as anywhere.
    await store.assign('conv_11', { type: 'user', id: 'user_alice' });
    truth = ['conv_0', ...order];
    await poll(store, query);
    expect(ids(store, query)).toEqual(truth.slice(0, 13));
  });

  it('a page holding a row the agent is resolving ends paging by the pages the server has, not one early', async () => {
    // The open list, two a page. conv_3 is known (opened from a link, say) but not loaded in the list.
    let truth = ['conv_5', 'conv_4', 'conv_3', 'conv_2', 'conv_1'];
    const handler = scriptedList(
      () => truth,
      (request, url) => {
        if (request.method === 'GET' && url.pathname === '/conversations/conv_3') return json(waplyConversation('conv_3', { updatedAt: new Date(Date.UTC(2026, 4, 1) + 3 * 60_000).toISOString() }));
        if (request.method === 'POST' && url.pathname === '/conversations/conv_3/resolve') return json(waplyConversation('conv_3', { status: 'resolved', updatedAt: new Date(Date.UTC(2026, 4, 1) + 3 * 60_000).toISOString() }));
        return undefined;
      },
    );
    const server = await gate(handler);
    const store = waplyStore(server);
    const query: ConversationQuery = { status: 'open', limit: 2 };
    await store.fetchList(query);
    await store.fetchConversation('conv_3');
    expect(ids(store, query)).toEqual(['conv_5', 'conv_4']);

    server.hold();
    const before = server.seen.length;
    const more = store.loadMore(query);
    await server.arrived(before + 1); // page 2 is [3, 2] of 5: conv_1 is on page 3
    const resolving = store.resolve('conv_3'); // shown resolved at once: the list counts 4
    await server.arrived(before + 2);
    truth = ['conv_5', 'conv_4', 'conv_2', 'conv_1']; // the resolve lands: conv_1 slides onto page 2
    await server.release((h) => h.request.method === 'GET');
    await more;
    // The page brought conv_2; leaving conv_3 out, the list counts 4 rows, and 4 rows fill two pages.
    // But the server's page 2 was one of three: paging goes on, and the next page is read from the rows shown.
    expect(ids(store, query)).toEqual(['conv_5', 'conv_4', 'conv_2']);
    expect(store.state.getState().lists[listKey(query)]!.hasNext).toBe(true);
    await server.open();
    await resolving;
    while (store.state.getState().lists[listKey(query)]!.hasNext) await store.loadMore(query);
    expect(ids(store, query)).toEqual(truth);
  });

  it('a skipped page that rows slid onto since is read again, rather than paging ending before the last row', async () => {
    let truth = ['conv_7', 'conv_6', 'conv_5', 'conv_4', 'conv_3', 'conv_2', 'conv_1'];
    const handler = scriptedList(
      () => truth,
      (request, url) => {
        if (request.method !== 'POST' || url.pathname !== '/conversations/conv_7/resolve') return undefined;
        truth = truth.filter((id) => id !== 'conv_7');
        return json(waplyConversation('conv_7', { status: 'resolved', updatedAt: new Date(Date.UTC(2026, 4, 1) + 7 * 60_000).toISOString() }));
      },
    );
    const store = waplyStore(await gate(handler));
    const query: ConversationQuery = { status: 'open', limit: 2 };
    await store.fetchList(query);
    await store.loadMore(query);
    await store.loadMore(query);
    expect(ids(store, query)).toEqual(['conv_7', 'conv_6', 'conv_5', 'conv_4', 'conv_3', 'conv_2']);

    // Two arrive at the top, unseen: page 4 is [3, 2], both shown, so the next loadMore would ask for page 5.
    truth = ['conv_9', 'conv_8', ...truth];
    await store.loadMore(query);
    expect(ids(store, query)).toHaveLength(6);
    // The agent resolves conv_7: 8 rows on the server, four pages, and conv_1 slides onto page 4.
    await store.resolve('conv_7');
    expect(store.state.getState().lists[listKey(query)]).toMatchObject({ total: 8, hasNext: true });
    // Page 5 is past the last page now. The pages are read again from the rows shown instead: conv_1 is not skipped.
    while (store.state.getState().lists[listKey(query)]!.hasNext) await store.loadMore(query);
    expect(ids(store, query)).toEqual(['conv_6', 'conv_5', 'conv_4', 'conv_3', 'conv_2', 'conv_1']);
  });

  it('a page that counts fewer rows than the page before it reads that page again: a row that slid up is not skipped', async () => {
    let truth = ['conv_10', 'conv_9', 'conv_8', 'conv_7', 'conv_6', 'conv_5', 'conv_4', 'conv_3', 'conv_2', 'conv_1'];
    const { server, store, query } = await scriptedStore(() => truth, 2, 2);
    expect(ids(store, query)).toEqual(['conv_10', 'conv_9', 'conv_8', 'conv_7']);
    // conv_9 leaves the list on the server, unseen here (reopened elsewhere, out of a resolved list, say):
    // conv_6 slides up onto page 2, read before it came, and page 3 is now [5, 4].
    truth = truth.filter((id) => id !== 'conv_9');
    const before = server.seen.length;
    await store.loadMore(query);
    // Page 3 counts 9 rows where page 2 counted 10: page 2 is read again with it.
    expect(server.seen.slice(before).map((seen) => new URL(seen.url, 'http://x').searchParams.get('page'))).toEqual(['3', '2']);
    expect(ids(store, query)).toEqual(['conv_10', 'conv_9', 'conv_8', 'conv_7', 'conv_6', 'conv_5', 'conv_4']);
  });

  it('a poll that finds the server counting more rows than the list holds lets paging go on past its old end', async () => {
    let truth = ['conv_6', 'conv_5', 'conv_4', 'conv_3', 'conv_2', 'conv_1'];
    const { store, query } = await scriptedStore(() => truth, 2, 3);
    expect(store.state.getState().lists[listKey(query)]!.hasNext).toBe(false);

    // conv_7 starts at the top, and conv_0, older than every row held, joins the list at its end.
    truth = ['conv_7', ...truth, 'conv_0'];
    await poll(store, query);
    const list = store.state.getState().lists[listKey(query)]!;
    expect([list.ids.length, list.total, list.hasNext]).toEqual([7, 8, true]);
    await store.loadMore(query);
    expect(ids(store, query)).toEqual(truth);
    expect(store.state.getState().lists[listKey(query)]!.hasNext).toBe(false);
  });

  it('a server whose total always counts one row more ends paging once: polls do not start it again', async () => {
    const truth = ['conv_8', 'conv_7', 'conv_6', 'conv_5', 'conv_4', 'conv_3', 'conv_2', 'conv_1'];
    const list = scriptedList(() => truth);
    const { server, store, query } = await loadedStore(async (request) => {
      const answer = (await list(request)) as Response;
      const body = (await answer.json()) as { total: number };
      return json({ ...body, total: body.total + 1 });
    }, 1, 9);
    expect(store.state.getState().lists[listKey(query)]!.hasNext).toBe(false);
    for (let i = 0; i < 2; i++) {
      await poll(store, query);
      expect(store.state.getState().lists[listKey(query)]!.hasNext).toBe(false);
      await store.loadMore(query);
    }
    // Two polls of five pages, and the empty ninth page not asked for again.
    expect(server.seen.map((seen) => new URL(seen.url, 'http://x').searchParams.get('page')).slice(-10)).toEqual(['1', '2', '3', '4', '5', '1', '2', '3', '4', '5']);
    expect(ids(store, query)).toEqual(truth);
  });

  it('a row repeated within a page, or across pages, shows once', async () => {
    const pages: Record<number, string[]> = { 1: ['conv_9', 'conv_8', 'conv_8'], 2: ['conv_8', 'conv_4', 'conv_4'], 3: ['conv_3'] };
    const server = await gate((request) => {
      const url = new URL(request.url);
      const page = Number(url.searchParams.get('page') ?? 1);
      return json({ data: (pages[page] ?? []).map((id) => waplyConversation(id)), total: 7, page });
    });
    const store = waplyStore(server);
    const query: ConversationQuery = { status: 'all', limit: 3 };
    await store.fetchList(query);
    for (let guard = 0; guard < 6 && store.state.getState().lists[listKey(query)]!.hasNext; guard++) await store.loadMore(query);
    expect(ids(store, query)).toEqual(['conv_9', 'conv_8', 'conv_4', 'conv_3']);
    expect(store.state.getState().lists[listKey(query)]!.hasNext).toBe(false);
  });
});

describe('a stale answer never wins', () => {
  it('assign A then B, B answered first: B stands, and pending holds until A settles too', async () => {
    const backend = createMemoryAdapter({ seed: 5, size: 30, profile: 'whatsapp' });
    const server = await gate(createMockHandler({ flavour: 'whatsapp', backend }));
    const store = whatsAppStore(server);
    await store.fetchList({});
    const id = ids(store, {})[0]!;
    const [a, b] = (await backend.listAssignees()).filter((x) => x.type === 'user' && x.id !== store.state.getState().conversations[id]!.assignee?.id);

    server.hold();
    const sent = server.seen.length;
    const first = store.assign(id, { type: 'user', id: a!.id });
    await server.arrived(sent + 1);
    const second = store.assign(id, { type: 'user', id: b!.id });
    await server.arrived(sent + 2);

    await server.release((h) => h.index === sent + 1);
    await second;
    expect(store.state.getState().conversations[id]!.assignee?.id).toBe(b!.id);
    expect(store.state.getState().mutations[id]?.assign?.pending).toBe(true);

    await server.release((h) => h.index === sent);
    await first;
    expect(store.state.getState().conversations[id]!.assignee?.id).toBe(b!.id);
    expect(store.state.getState().mutations[id]?.assign).toBeUndefined();
    expect((await backend.getConversation(id)).assignee?.id).toBe(b!.id);
  });

  it('a poll sent before a resolve and answered after it does not reopen the conversation', async () => {
    const backend = createMemoryAdapter({ seed: 8, size: 30, profile: 'waply' });
    const server = await gate(createMockHandler({ flavour: 'waply', backend }));
    const store = waplyStore(server);
    const open: ConversationQuery = { status: 'open' };
    await store.fetchList(open);
    const id = ids(store, open)[0]!;

    server.hold();
    const sent = server.seen.length;
    const polled = poll(store, open);
    await server.arrived(sent + 1); // computed while the conversation is still open
    const resolving = store.resolve(id);
    await server.arrived(sent + 2);
    await server.release('POST');
    await resolving;
    await server.release();
    await polled;

    expect(store.state.getState().conversations[id]!.status).toBe('resolved');
    expect(ids(store, open)).not.toContain(id);
  });

  it('a failed resolve keeps the newer truth a poll brought meanwhile', async () => {
    const backend = createMemoryAdapter({ seed: 8, size: 30, profile: 'waply' });
    const mock = createMockHandler({ flavour: 'waply', backend });
    // The server applies the resolve, then its answer is lost.
    const server = await gate(async (request) => {
      const response = await mock(request);
      return request.url.endsWith('/resolve') ? json({ error: { message: 'Bad gateway' } }, 502) : response;
    });
    const store = waplyStore(server);
    const all: ConversationQuery = { status: 'all' };
    const open: ConversationQuery = { status: 'open' };
    await store.fetchList(all);
    await store.fetchList(open);
    const id = ids(store, open)[0]!;

    server.hold();
    const sent = server.seen.length;
    const resolving = store.resolve(id).catch((e: unknown) => e);
    await server.arrived(sent + 1);
    const polled = poll(store, all);
    await server.arrived(sent + 2);
    await server.release('GET');
    await polled;
    await server.release('POST');
    expect(await resolving).toMatchObject({ code: 'server' });

    expect(store.state.getState().conversations[id]!.status).toBe('resolved');
    expect(ids(store, open)).not.toContain(id);
    expect(store.state.getState().mutations[id]?.resolve).toMatchObject({ pending: false, error: { code: 'server' } });
  });

  it('a failed assign keeps the assignee a poll showed meanwhile (WhatsApp)', async () => {
    const backend = createMemoryAdapter({ seed: 5, size: 30, profile: 'whatsapp' });
    const mock = createMockHandler({ flavour: 'whatsapp', backend });
    const server = await gate(async (request) => {
      const response = await mock(request);
      return request.url.endsWith('/assign') ? json({ success: false, error: 'Bad gateway' }, 502) : response;
    });
    const store = whatsAppStore(server);
    await store.fetchList({});
    const id = ids(store, {})[0]!;
    const before = store.state.getState().conversations[id]!.assignee?.id;
    const target = (await backend.listAssignees()).find((x) => x.type === 'user' && x.id !== before)!;

    server.hold();
    const sent = server.seen.length;
    const assigning = store.assign(id, { type: 'user', id: target.id }).catch((e: unknown) => e);
    await server.arrived(sent + 1);
    const polled = poll(store, {});
    await server.arrived(sent + 2);
    await server.release('GET');
    await polled;
    await server.release('POST');
    expect(await assigning).toMatchObject({ code: 'server' });
    expect(store.state.getState().conversations[id]!.assignee?.id).toBe(target.id);
  });
});

describe('an answer about another conversation', () => {
  function scripted() {
    return scriptedList(
      () => ['conv_2', 'conv_1'],
      (request, url) => {
        if (request.method === 'POST' && url.pathname === '/conversations/conv_1/assign') return json(waplyConversation('conv_2', { assignee: { type: 'user', id: 'user_alice' } }));
        if (request.method === 'GET' && url.pathname === '/conversations/conv_1') return json(waplyConversation('conv_2', { status: 'resolved' }));
        return undefined;
      },
    );
  }

  it('an assign answered about conv_2 is invalid_response, writes nothing and rolls back', async () => {
    const server = await gate(scripted());
    const store = waplyStore(server);
    await store.fetchList({ status: 'all' });
    const before = store.state.getState().conversations;
    const one = before['conv_1'];
    const two = before['conv_2'];
    const events: InboxEvent[] = [];
    store.subscribe((e) => events.push(e));

    await expect(store.assign('conv_1', { type: 'user', id: 'user_bob' })).rejects.toMatchObject({ code: 'invalid_response' });
    const after = store.state.getState();
    expect(after.conversations['conv_1']).toEqual(one);
    expect(after.conversations['conv_2']).toBe(two);
    expect(after.mutations['conv_1']?.assign).toMatchObject({ pending: false, error: { code: 'invalid_response' } });
    expect(events.filter((e) => e.type === 'mutation.succeeded')).toEqual([]);
  });

  it('a read answered about conv_2 is invalid_response and writes nothing', async () => {
    const server = await gate(scripted());
    const store = waplyStore(server);
    await store.fetchList({ status: 'all' });
    const two = store.state.getState().conversations['conv_2'];
    await store.fetchConversation('conv_1');
    const after = store.state.getState();
    expect(after.details['conv_1']).toMatchObject({ status: 'error', error: { code: 'invalid_response' } });
    expect(after.conversations['conv_2']).toBe(two);
    expect(after.conversations['conv_1']!.id).toBe('conv_1');
  });
});

describe('destroy()', () => {
  it('aborts reads and mutations in flight; their answers change nothing and emit nothing', async () => {
    const backend = createMemoryAdapter({ seed: 3, size: 20, profile: 'waply' });
    const server = await gate(createMockHandler({ flavour: 'waply', backend }));
    const store = waplyStore(server);
    const query: ConversationQuery = { status: 'all', limit: 5 };
    await store.fetchList(query);
    const [first, second] = ids(store, query);
    const user = (await backend.listAssignees()).find((x) => x.type === 'user')!;

    server.hold();
    const sent = server.seen.length;
    const settled = Promise.allSettled([
      store.assign(first!, { type: 'user', id: user.id }),
      store.resolve(second!),
      store.addNote(first!, 'written before the tab closed'),
      store.loadMore(query),
      store.fetchConversation(second!),
    ]);
    await server.arrived(sent + 5);
    const events: InboxEvent[] = [];
    store.subscribe((e) => events.push(e));
    const frozen = store.state.getState();
    const shown = { ...frozen.conversations };

    store.destroy();
    await server.open(); // the server answers anyway
    const results = await settled;

    expect(results.slice(0, 3).map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const r of results.slice(0, 3)) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'aborted' });
    expect(events).toEqual([]);
    const after = store.state.getState();
    expect(after).toBe(frozen);
    for (const id of Object.keys(shown)) expect(after.conversations[id]).toBe(shown[id]);
    // Nothing after destroy starts a request either.
    const count = server.seen.length;
    await store.fetchList(query);
    expect(server.seen.length).toBe(count);
  });
});

describe('any string is a safe id', () => {
  const PROTO_IDS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];

  it('conversations, notes, drafts, details and mutations keyed by Object.prototype names', async () => {
    const server = await gate(
      scriptedList(
        () => PROTO_IDS,
        (request, url) => {
          const [, , raw, action] = url.pathname.split('/');
          const id = decodeURIComponent(raw ?? '');
          if (!PROTO_IDS.includes(id)) return undefined;
          if (action === 'notes') return json({ id: `note_${id}`, conversation_id: id, content: 'hello', created_at: '2026-05-01T11:00:00.000Z' });
          if (action === 'assign') return json(waplyConversation(id, { assignee: { type: 'user', id: 'user_bob' }, updatedAt: '2026-05-02T00:00:00.000Z' }));
          if (request.method === 'GET' && !action) return json(waplyConversation(id, { updatedAt: '2026-05-01T10:00:00.000Z' }));
          return undefined;
        },
      ),
    );
    const storage = createMemoryStorage();
    const store = waplyStore(server, { storage });
    const stop = store.mount();
    await store.fetchList({ status: 'all' });
    const state = store.state.getState();
    expect(ids(store, { status: 'all' }).sort()).toEqual([...PROTO_IDS].sort());
    for (const id of PROTO_IDS) {
      expect(Object.prototype.hasOwnProperty.call(state.conversations, id), id).toBe(true);
      expect(state.conversations[id], id).toMatchObject({ id, status: 'open', contactId: `contact_${id}` });
    }

    const note = await store.addNote('__proto__', 'hello');
    expect(note.conversationId).toBe('__proto__');
    expect(store.state.getState().notes['__proto__']!.items.map((n) => n.id)).toEqual(['note___proto__']);

    await store.assign('toString', { type: 'user', id: 'user_bob' });
    expect(store.state.getState().conversations['toString']!.assignee?.id).toBe('user_bob');
    expect(store.state.getState().mutations['toString']?.assign).toBeUndefined();

    await store.fetchConversation('constructor');
    expect(store.state.getState().details['constructor']).toMatchObject({ status: 'success' });

    store.setDraft('__proto__', 'draft for proto');
    store.setDraft('valueOf', 'draft for valueOf');
    expect(store.state.getState().drafts['__proto__']).toBe('draft for proto');
    expect(store.state.getState().drafts['hasOwnProperty']).toBeUndefined();
    stop();

    // A reload: the drafts come back from storage.
    const reloaded = waplyStore(server, { storage });
    reloaded.mount();
    expect(reloaded.state.getState().drafts['__proto__']).toBe('draft for proto');
    expect(reloaded.state.getState().drafts['valueOf']).toBe('draft for valueOf');
    expect(reloaded.state.getState().drafts['constructor']).toBeUndefined();
  });
});
