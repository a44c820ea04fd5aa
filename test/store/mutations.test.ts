import { describe, expect, it } from 'vitest';
import { InboxError, createInboxStore, createMemoryAdapter, createMockHandler, createWaplyAdapter, createWhatsAppAdapter, listKey } from 'inboxkit';
import type { ConversationsAdapter, InboxEvent } from 'inboxkit';

const STRANGER = 'user_01STRANGERNOTINDIRECTORY0';

describe('optimistic success', () => {
  it('assign shows at once, marked pending, then merges the server answer', async () => {
    const memory = createMemoryAdapter({ seed: 4, size: 40 });
    const store = createInboxStore({ adapter: memory });
    await store.fetchList({ status: 'open' });
    const id = store.state.getState().lists[listKey({ status: 'open' })]!.ids[2]!;
    const before = store.state.getState().conversations[id]!;
    const users = (await memory.listAssignees()).filter((a) => a.type === 'user' && a.id !== before.assignee?.id);
    const target = users[0]!;

    const done = store.assign(id, { type: 'user', id: target.id });
    const optimistic = store.state.getState().conversations[id]!;
    expect(optimistic.assignee).toMatchObject({ type: 'user', id: target.id });
    expect(store.state.getState().mutations[id]?.assign?.pending).toBe(true);
    expect(store.state.getState().mutations[id]?.assign?.error).toBeNull();

    const answer = await done;
    expect(answer.assignee?.id).toBe(target.id);
    const truth = await memory.getConversation(id);
    const after = store.state.getState().conversations[id]!;
    expect(after.assignee).toEqual(truth.assignee);
    expect(after.updatedAt).toBe(truth.updatedAt);
    expect(after.status).toBe(truth.status);
    expect(store.state.getState().mutations[id]?.assign).toBeUndefined();
  });

  it('resolve shows at once and the row leaves an open list (total - 1)', async () => {
    const memory = createMemoryAdapter({ seed: 4, size: 40 });
    const store = createInboxStore({ adapter: memory, currentUser: { id: 'user_me' } });
    await store.fetchList({ status: 'open' });
    await store.fetchList({});
    const openKey = listKey({ status: 'open' });
    const open = store.state.getState().lists[openKey]!;
    const id = open.ids[0]!;
    const allIndex = store.state.getState().lists[listKey({})]!.ids.indexOf(id);

    const done = store.resolve(id);
    const state = store.state.getState();
    expect(state.conversations[id]).toMatchObject({ status: 'resolved', closedBy: 'user_me' });
    expect(state.mutations[id]?.resolve?.pending).toBe(true);
    expect(state.lists[openKey]!.ids).not.toContain(id);
    expect(state.lists[openKey]!.total).toBe(open.total - 1);
    // Still in the unfiltered list, in place.
    expect(state.lists[listKey({})]!.ids.indexOf(id)).toBe(allIndex);

    await done;
    const truth = await memory.getConversation(id);
    const after = store.state.getState();
    expect(after.conversations[id]).toMatchObject({ status: 'resolved', closedAt: truth.closedAt, updatedAt: truth.updatedAt });
    expect(after.mutations[id]?.resolve).toBeUndefined();
    expect(after.lists[openKey]!.ids).not.toContain(id);
    expect(after.lists[openKey]!.total).toBe(open.total - 1);
    const serverOpen = await memory.listConversations({ status: 'open' });
    expect(after.lists[openKey]!.total).toBe(serverOpen.total);
  });

  it('emits started and succeeded events', async () => {
    const memory = createMemoryAdapter({ seed: 4, size: 10 });
    const store = createInboxStore({ adapter: memory });
    await store.fetchList({});
    const id = store.state.getState().lists[listKey({})]!.ids[0]!;
    const events: InboxEvent[] = [];
    store.subscribe((e) => events.push(e));
    await store.resolve(id);
    const kinds = events.filter((e) => e.type.startsWith('mutation.')).map((e) => e.type);
    expect(kinds).toEqual(['mutation.started', 'mutation.succeeded']);
    expect(events.some((e) => e.type === 'conversation.updated' && e.source === 'optimistic')).toBe(true);
  });
});

describe('optimistic failure rolls back exactly', () => {
  it('WhatsApp 403 on assign: entity, rows, indexes and totals come back; the error is recorded and emitted', async () => {
    const backend = createMemoryAdapter({ seed: 9, size: 60, profile: 'whatsapp' });
    const adapter = createWhatsAppAdapter({
      baseUrl: 'http://mock.test',
      headers: { Authorization: 'Bearer inboxkit-mock-token' },
      fetch: createMockHandler({ flavour: 'whatsapp', backend }),
      retry: false,
    });
    const store = createInboxStore({ adapter });
    await store.fetchList({});
    await store.fetchList({ status: 'open' });
    const allIds = store.state.getState().lists[listKey({})]!.ids;
    // A conversation with an assignee, so the assignee's own list loses and regains it.
    const id = allIds.find((x) => store.state.getState().conversations[x]!.assignee?.type === 'user')!;
    expect(id).toBeDefined();
    const owner = store.state.getState().conversations[id]!.assignee!.id;
    await store.fetchList({ assigneeId: owner });
    await store.fetchList({ assigneeId: STRANGER });

    const snapshot = store.state.getState();
    const entity = structuredClone(snapshot.conversations[id]);
    const events: InboxEvent[] = [];
    store.subscribe((e) => events.push(e));

    const attempt = store.assign(id, { type: 'user', id: STRANGER });
    // Optimistic: it left the owner's list and joined the stranger's.
    const during = store.state.getState();
    expect(during.conversations[id]!.assignee?.id).toBe(STRANGER);
    expect(during.lists[listKey({ assigneeId: owner })]!.ids).not.toContain(id);
    expect(during.lists[listKey({ assigneeId: STRANGER })]!.ids).toEqual([id]);

    const error = await attempt.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InboxError);
    expect((error as InboxError).code).toBe('forbidden');

    const after = store.state.getState();
    expect(after.conversations[id]).toEqual(entity);
    for (const key of Object.keys(snapshot.lists)) {
      expect(after.lists[key]!.ids, key).toEqual(snapshot.lists[key]!.ids);
      expect(after.lists[key]!.total, key).toBe(snapshot.lists[key]!.total);
    }
    const recorded = after.mutations[id]?.assign;
    expect(recorded?.pending).toBe(false);
    expect(recorded?.error?.code).toBe('forbidden');
    expect(recorded?.error?.serverMessage).toBe('User is not a member of this organization');
    expect(recorded?.error?.message).toContain('User is not a member of this organization');
    const failed = events.filter((e) => e.type === 'mutation.failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ type: 'mutation.failed', mutation: 'assign', conversationId: id, error: { code: 'forbidden' } });

    store.clearMutationError(id, 'assign');
    expect(store.state.getState().mutations[id]?.assign).toBeUndefined();
  });

  it('a failed resolve puts the row back at the same index of the open list, with its total', async () => {
    const memory = createMemoryAdapter({ seed: 12, size: 60 });
    const adapter: ConversationsAdapter = {
      ...memory,
      resolveConversation: () => Promise.reject(new InboxError('server', 'The server failed.', { status: 500 })),
    };
    const store = createInboxStore({ adapter });
    await store.fetchList({ status: 'open' });
    await store.fetchList({ status: 'resolved' });
    await store.fetchList({});
    const openKey = listKey({ status: 'open' });
    const resolvedKey = listKey({ status: 'resolved' });
    const id = store.state.getState().lists[openKey]!.ids[3]!;
    await store.fetchConversation(id);

    const snapshot = store.state.getState();
    const entity = structuredClone(snapshot.conversations[id]);
    const events: InboxEvent[] = [];
    store.subscribe((e) => events.push(e));

    const attempt = store.resolve(id);
    const during = store.state.getState();
    expect(during.lists[openKey]!.ids).not.toContain(id);
    expect(during.lists[openKey]!.total).toBe(snapshot.lists[openKey]!.total - 1);
    expect(during.lists[resolvedKey]!.total).toBe(snapshot.lists[resolvedKey]!.total + 1);
    await expect(attempt).rejects.toMatchObject({ code: 'server' });

    const after = store.state.getState();
    expect(after.conversations[id]).toEqual(entity);
    expect(after.lists[openKey]!.ids.indexOf(id)).toBe(3);
    for (const key of Object.keys(snapshot.lists)) {
      expect(after.lists[key]!.ids, key).toEqual(snapshot.lists[key]!.ids);
      expect(after.lists[key]!.total, key).toBe(snapshot.lists[key]!.total);
    }
    expect(after.mutations[id]?.resolve).toMatchObject({ pending: false, error: { code: 'server' } });
    expect(events.filter((e) => e.type === 'mutation.failed')).toEqual([
      expect.objectContaining({ mutation: 'resolve', conversationId: id, error: expect.objectContaining({ code: 'server' }) }),
    ]);
    // The backend was not changed either.
    expect((await memory.getConversation(id)).status).toBe(entity!.status);
  });
});

describe('partial answers are merged, never replace the entity', () => {
  it('WhatsApp: fields only the full read carries survive a partial assign and close', async () => {
    const backend = createMemoryAdapter({ seed: 2, size: 30, profile: 'whatsapp' });
    const adapter = createWhatsAppAdapter({
      baseUrl: 'http://mock.test',
      headers: { Authorization: 'Bearer inboxkit-mock-token' },
      fetch: createMockHandler({ flavour: 'whatsapp', backend }),
      retry: false,
    });
    const store = createInboxStore({ adapter });
    await store.fetchList({ status: 'open' });
    const ids = store.state.getState().lists[listKey({ status: 'open' })]!.ids;
    // One whose full read carries more than its list row (metadata, contact labels).
    let id = '';
    for (const candidate of ids) {
      await store.fetchConversation(candidate);
      const c = store.state.getState().conversations[candidate]!;
      if (Object.keys(c.metadata).length > 0 && c.contact?.labels?.length) {
        id = candidate;
        break;
      }
    }
    expect(id).not.toBe('');
    const full = structuredClone(store.state.getState().conversations[id]!);
    const user = (await backend.listAssignees()).find((a) => a.type === 'user' && a.id !== full.assignee?.id)!;

    const assignAnswer = await store.assign(id, { type: 'user', id: user.id });
    // The answer really is partial.
    expect(assignAnswer.contact).toBeUndefined();
    expect(assignAnswer.metadata).toBeUndefined();
    const assigned = store.state.getState().conversations[id]!;
    expect(assigned.contact).toEqual(full.contact);
    expect(assigned.metadata).toEqual(full.metadata);
    expect(assigned.labels).toEqual(full.labels);
    expect(assigned.lastMessage).toEqual(full.lastMessage);
    expect(assigned.createdAt).toBe(full.createdAt);
    expect(assigned.assignee?.id).toBe(user.id);

    const closeAnswer = await store.resolve(id);
    expect(closeAnswer.contact).toBeUndefined();
    const closed = store.state.getState().conversations[id]!;
    expect(closed).toEqual({
      ...full,
      assignee: assigned.assignee,
      status: 'resolved',
      aiHandling: false,
      closedAt: closeAnswer.closedAt,
      closedBy: closeAnswer.closedBy,
      updatedAt: closed.updatedAt,
    });
    // A list refresh (thin rows) does not blank them either.
    await store.fetchList({}, { background: true });
    expect(store.state.getState().conversations[id]!.contact).toEqual(full.contact);
    expect(store.state.getState().conversations[id]!.metadata).toEqual(full.metadata);
  });

  it('Waply: a loaded history survives a list refresh and an assign', async () => {
    const backend = createMemoryAdapter({ seed: 2, size: 30, profile: 'waply' });
    const adapter = createWaplyAdapter({ apiKey: 'inboxkit-mock-token', fetch: createMockHandler({ flavour: 'waply', backend }), retry: false });
    const store = createInboxStore({ adapter });
    await store.fetchList({ status: 'open' });
    const id = store.state.getState().lists[listKey({ status: 'open' })]!.ids[0]!;
    expect(store.state.getState().conversations[id]!.messages ?? []).toEqual([]);
    await store.fetchConversation(id);
    const history = store.state.getState().conversations[id]!.messages;
    expect(history?.length).toBeGreaterThan(0);

    await store.fetchList({ status: 'open' });
    expect(store.state.getState().conversations[id]!.messages).toEqual(history);

    const user = (await backend.listAssignees()).find((a) => a.type === 'user')!;
    await store.assign(id, { type: 'user', id: user.id });
    const after = store.state.getState().conversations[id]!;
    expect(after.assignee?.id).toBe(user.id);
    expect(after.messages).toEqual(history);
  });
});

describe('capabilities', () => {
  it('refuses a team assign on WhatsApp with unsupported, sending nothing', async () => {
    const backend = createMemoryAdapter({ seed: 2, size: 10, profile: 'whatsapp' });
    const handler = createMockHandler({ flavour: 'whatsapp', backend });
    const sent: string[] = [];
    const adapter = createWhatsAppAdapter({
      baseUrl: 'http://mock.test',
      headers: { Authorization: 'Bearer inboxkit-mock-token' },
      fetch: (input, init) => {
        sent.push(`${init?.method ?? 'GET'} ${String(input instanceof Request ? input.url : input)}`);
        return handler(input, init);
      },
      retry: false,
    });
    const store = createInboxStore({ adapter });
    expect(store.capabilities).toBe(adapter.capabilities);
    expect(store.capabilities.teams).toBe(false);
    await store.fetchList({});
    const id = store.state.getState().lists[listKey({})]!.ids[0]!;
    const before = store.state.getState().conversations[id];
    sent.length = 0;

    await expect(store.assign(id, { type: 'team', id: 'team_01ANYTEAM' })).rejects.toMatchObject({ code: 'unsupported' });
    expect(sent).toEqual([]);
    expect(store.state.getState().conversations[id]).toBe(before);
    expect(store.state.getState().mutations[id]?.assign).toMatchObject({ pending: false, error: { code: 'unsupported' } });
  });

  it('exposes the adapter capabilities as they are', () => {
    const memory = createMemoryAdapter({ size: 1, profile: 'waply' });
    const store = createInboxStore({ adapter: memory });
    expect(store.capabilities).toEqual(memory.capabilities);
    expect(store.capabilities.notes).toBe(true);
    expect(store.capabilities.listNotes).toBe(false);
  });
});

describe('the unassigned list', () => {
  it('loses a conversation when it is assigned, and gets it back at its place when the server refuses', async () => {
    const adapter = createMemoryAdapter({ seed: 31, size: 60 });
    const store = createInboxStore({ adapter, pollIntervalMs: 0, storageKey: 'unassigned-test' });
    const query = { unassigned: true, limit: 100 } as const;
    await store.fetchList(query);
    const key = listKey(query);
    const before = store.state.getState().lists[key]!;
    expect(before.ids.length).toBeGreaterThan(1);
    for (const id of before.ids) expect(store.state.getState().conversations[id]!.assignee).toBeNull();

    const [, target] = before.ids;
    const user = (await adapter.listAssignees()).find((a) => a.type === 'user')!;
    await store.assign(target!, { type: 'user', id: user.id });
    expect(store.state.getState().lists[key]!.ids).not.toContain(target);
    expect(store.state.getState().lists[key]!.total).toBe(before.total - 1);

    const other = store.state.getState().lists[key]!.ids[1]!;
    const index = store.state.getState().lists[key]!.ids.indexOf(other);
    await store.assign(other, { type: 'user', id: 'user_STRANGER' }).catch(() => undefined);
    expect(store.state.getState().lists[key]!.ids.indexOf(other)).toBe(index);
    expect(store.state.getState().lists[key]!.total).toBe(before.total - 1);
  });
});
