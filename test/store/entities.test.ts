import { describe, expect, it } from 'vitest';
import { createInboxStore, createMemoryAdapter, createMemoryStorage, listKey } from 'inboxkit';
import type { Conversation, ConversationsAdapter, InboxEvent } from 'inboxkit';
import { conversation, deferred } from '../hooks/helpers';

// The entities' write path, through the public store: what is newer, what may only fill in.

function scripted(answers: Array<() => Promise<Conversation>>, listed: Conversation[] = []) {
  const memory = createMemoryAdapter({ size: 1 });
  let call = 0;
  const adapter: ConversationsAdapter = {
    ...memory,
    capabilities: { ...memory.capabilities, listNotes: false },
    getConversation: () => answers[call++]!(),
    listConversations: async () => ({ conversations: listed, total: listed.length, page: 1, limit: 20, hasNext: false }),
  };
  return createInboxStore({ adapter, pollIntervalMs: 0, storage: createMemoryStorage() });
}

describe('what is newer', () => {
  it('compares updatedAt as instants: 16:00+02:00 is older than 14:15Z, so it does not overwrite', async () => {
    const store = scripted([
      async () => conversation('conv_1', 'Ada', { updatedAt: '2026-05-01T14:15:00Z', status: 'resolved' }),
      async () => conversation('conv_1', 'Ada', { updatedAt: '2026-05-01T16:00:00+02:00', status: 'open' }),
    ]);
    await store.fetchConversation('conv_1');
    await store.fetchConversation('conv_1');
    expect(store.state.getState().conversations['conv_1']).toMatchObject({ status: 'resolved', updatedAt: '2026-05-01T14:15:00Z' });
  });

  it('at the same instant, an answer to an older request only fills in what is missing', async () => {
    const slow = deferred<Conversation>();
    const history = [{ id: 'm1', conversationId: 'conv_1', direction: 'inbound' as const, type: 'text', text: 'Hi', createdAt: '2026-05-01T09:30:00.000Z' }];
    const store = scripted([() => slow.promise], [conversation('conv_1', 'Ada', { status: 'resolved', messages: [] })]);
    const first = store.fetchConversation('conv_1');
    // A list read, sent later at the same updatedAt, lands first.
    await store.fetchList({});
    slow.resolve(conversation('conv_1', 'Ada (old name)', { status: 'open', messages: history }));
    await first;
    const shown = store.state.getState().conversations['conv_1']!;
    expect(shown.status).toBe('resolved');
    expect(shown.contact?.name).toBe('Ada');
    expect(shown.messages).toEqual(history);
  });

  it('a __proto__ key in metadata stays data after a merge and a refetch', async () => {
    const polluted = (plan: string) => JSON.parse(`{"__proto__": {"polluted": true}, "plan": "${plan}"}`) as Record<string, unknown>;
    const store = scripted([
      async () => conversation('conv_1', 'Ada', { metadata: polluted('pro') }),
      async () => conversation('conv_1', 'Ada', { metadata: polluted('enterprise'), updatedAt: '2026-05-01T11:00:00.000Z' }),
    ]);
    await store.fetchConversation('conv_1');
    await store.fetchConversation('conv_1');
    const metadata = store.state.getState().conversations['conv_1']!.metadata;
    expect(Object.getPrototypeOf(metadata)).toBe(Object.prototype);
    expect((metadata as { polluted?: unknown }).polluted).toBeUndefined();
    expect(metadata['plan']).toBe('enterprise');
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('mutations through the write path', () => {
  it('a poll during a pending resolve does not flicker it open, and the rollback shows what the poll said', async () => {
    const memory = createMemoryAdapter({ seed: 2, size: 20 });
    const gate = deferred<never>();
    const adapter: ConversationsAdapter = { ...memory, resolveConversation: () => gate.promise };
    const store = createInboxStore({ adapter, pollIntervalMs: 0, storage: createMemoryStorage() });
    await store.fetchList({ status: 'open' });
    const id = store.state.getState().lists[listKey({ status: 'open' })]!.ids[0]!;
    const seen: string[] = [];
    store.subscribe((e: InboxEvent) => {
      if (e.type === 'conversation.updated' && e.conversation.id === id) seen.push(e.conversation.status);
    });
    const attempt = store.resolve(id).catch((e: unknown) => e);
    // The server has not seen the resolve: a read sent now still says open.
    await store.fetchConversation(id);
    expect(store.state.getState().conversations[id]!.status).toBe('resolved');
    gate.reject(Object.assign(new Error('down'), { name: 'InboxError', code: 'server' }));
    await attempt;
    expect(store.state.getState().conversations[id]!.status).toBe('open');
    expect(seen.at(-1)).toBe('open');
    expect(seen.slice(0, -1).every((status) => status === 'resolved')).toBe(true);
  });
});
