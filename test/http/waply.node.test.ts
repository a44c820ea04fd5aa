import { afterEach, describe, expect, it } from 'vitest';
import { createWaplyAdapter } from 'inboxkit';
import type { Contact, WaplyAdapterOptions } from 'inboxkit';
import { fixture, startServer } from '../support/httpServer.js';
import type { Reply, Seen, TestServer } from '../support/httpServer.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(respond: (req: Seen, index: number) => Reply | Promise<Reply>, options: Partial<WaplyAdapterOptions> = {}) {
  server = await startServer(respond);
  const adapter = createWaplyAdapter({ apiKey: 'wk_test_123', baseUrl: `${server.url}/v1`, retry: false, ...options });
  return { adapter, seen: server.seen };
}

const params = (req: Seen) => new URL(req.url, 'http://x').searchParams;

describe('Waply adapter: the spec examples, field by field', () => {
  it('lists with Bearer auth, status=all by default, and computes hasNext', async () => {
    const { adapter, seen } = await serve(async () => ({ body: await fixture('waply-list') }));
    const page = await adapter.listConversations({});

    expect(seen[0]!.method).toBe('GET');
    expect(seen[0]!.headers.authorization).toBe('Bearer wk_test_123');
    expect(new URL(seen[0]!.url, 'http://x').pathname).toBe('/v1/conversations');
    // The API's own default is `open`; the domain's is every status.
    expect(params(seen[0]!).get('status')).toBe('all');
    expect(params(seen[0]!).get('page')).toBe('1');
    expect(params(seen[0]!).get('limit')).toBe('20');

    expect(page).toMatchObject({ total: 38, page: 1, limit: 20, hasNext: true });
    expect(page.conversations).toEqual([
      {
        id: 'conv_01HABC',
        contactId: 'con_01HXYZ',
        contact: null,
        channel: 'whatsapp',
        status: 'open',
        assignee: { type: 'user', id: 'usr_01H111', name: 'Alice Support' },
        lastMessage: null,
        messages: [],
        unreadCount: null,
        aiHandling: false,
        labels: [],
        metadata: {},
        createdAt: '2026-04-15T08:30:00.000Z',
        updatedAt: '2026-04-16T09:12:00.000Z',
        closedAt: null,
        closedBy: null,
      },
    ]);
  });

  it('computes hasNext false on the last page', async () => {
    const { adapter } = await serve(async () => ({ body: { ...JSON.parse(await fixture('waply-list')), page: 2 } }));
    expect((await adapter.listConversations({ page: 2 })).hasNext).toBe(false);
  });

  it('gets one conversation with its message history, content mapped to text', async () => {
    const { adapter, seen } = await serve(async () => ({ body: await fixture('waply-get') }));
    const conversation = await adapter.getConversation('conv_01HABC');

    expect(seen[0]!.url).toBe('/v1/conversations/conv_01HABC');
    expect(conversation.assignee).toBeNull();
    expect(conversation.messages).toEqual([
      {
        id: 'msg_01HMNO',
        conversationId: 'conv_01HABC',
        direction: 'inbound',
        type: 'text',
        text: 'Hello, I need help with my order.',
        status: 'delivered',
        createdAt: '2026-04-16T09:10:00.000Z',
      },
    ]);
    expect(conversation.lastMessage).toEqual({ text: 'Hello, I need help with my order.', timestamp: '2026-04-16T09:10:00.000Z', direction: 'inbound' });
    expect(conversation.createdAt).toBe('2026-04-16T09:10:00.000Z');
  });

  it('assigns a user with { user_id } and never drops the history on merge', async () => {
    const { adapter, seen } = await serve(async () => ({ body: await fixture('waply-assign') }));
    const update = await adapter.assignConversation('conv_01HABC', { type: 'user', id: 'usr_01H111' });

    expect(seen[0]!.url).toBe('/v1/conversations/conv_01HABC/assign');
    expect(JSON.parse(seen[0]!.body)).toEqual({ user_id: 'usr_01H111' });
    expect(update).toEqual({
      id: 'conv_01HABC',
      contactId: 'con_01HXYZ',
      channel: 'whatsapp',
      status: 'open',
      assignee: { type: 'user', id: 'usr_01H111', name: 'Alice Support' },
      createdAt: '2026-04-16T09:10:00.000Z',
      updatedAt: '2026-04-16T10:00:00.000Z',
    });
    // The spec's answer carries `messages: []`; that is not "the history is empty".
    expect('messages' in update).toBe(false);
    expect('contact' in update).toBe(false);
  });

  it('assigns a team with { team_id } only', async () => {
    const { adapter, seen } = await serve(async () => ({ body: await fixture('waply-assign') }));
    await adapter.assignConversation('conv_01HABC', { type: 'team', id: 'team_billing' });
    expect(JSON.parse(seen[0]!.body)).toEqual({ team_id: 'team_billing' });
  });

  it('resolves', async () => {
    const { adapter, seen } = await serve(async () => ({ body: await fixture('waply-resolve') }));
    const update = await adapter.resolveConversation('conv_01HABC');
    expect(seen[0]!.method).toBe('POST');
    expect(seen[0]!.url).toBe('/v1/conversations/conv_01HABC/resolve');
    expect(update).toMatchObject({ id: 'conv_01HABC', status: 'resolved', assignee: null, updatedAt: '2026-04-16T10:15:00.000Z' });
  });

  it('adds a note with { content }', async () => {
    const { adapter, seen } = await serve(async () => ({ body: await fixture('waply-note') }));
    const text = 'Customer is on the Enterprise plan. Check their Salesforce record before responding.';
    const note = await adapter.addNote('conv_01HABC', text);
    expect(seen[0]!.url).toBe('/v1/conversations/conv_01HABC/notes');
    expect(JSON.parse(seen[0]!.body)).toEqual({ content: text });
    expect(note).toEqual({ id: 'note_01HPQR', conversationId: 'conv_01HABC', content: text, createdAt: '2026-04-16T10:20:00.000Z' });
  });
});

describe('Waply adapter: queries and options', () => {
  it('sends the status, channel, assigned_to, page and limit filters', async () => {
    const { adapter, seen } = await serve(async () => ({ body: await fixture('waply-list') }));
    await adapter.listConversations({ status: 'resolved', channel: 'instagram', assigneeId: 'usr_01H111', page: 2, limit: 100 });
    expect(Object.fromEntries(params(seen[0]!))).toEqual({ status: 'resolved', channel: 'instagram', assigned_to: 'usr_01H111', page: '2', limit: '100' });
  });

  it('refuses before sending: statuses Waply lacks, a limit over 100, an empty note', async () => {
    const { adapter, seen } = await serve(() => ({ body: {} }));
    await expect(adapter.listConversations({ status: 'ai_handling' })).rejects.toMatchObject({ code: 'unsupported' });
    await expect(adapter.listConversations({ status: 'escalated' })).rejects.toMatchObject({ code: 'unsupported' });
    await expect(adapter.listConversations({ limit: 500 })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('100') });
    await expect(adapter.addNote('conv_01HABC', '   \n ')).rejects.toMatchObject({ code: 'invalid_input', message: 'A note cannot be empty.' });
    expect(seen).toHaveLength(0);
  });

  it('uses the spec base URL by default', async () => {
    const urls: string[] = [];
    const adapter = createWaplyAdapter({
      apiKey: 'k',
      retry: false,
      fetch: async (input) => {
        urls.push(String(input));
        return new Response(await fixture('waply-list'));
      },
    });
    await adapter.listConversations({ status: 'open' });
    expect(urls[0]).toBe('https://api.waply.io/v1/conversations?status=open&page=1&limit=20');
  });

  it('resolves contacts through the host, cached and de-duplicated', async () => {
    const twoRows = async () => {
      const list = JSON.parse(await fixture('waply-list'));
      list.data.push({ ...list.data[0], id: 'conv_02HDEF' });
      return { body: list };
    };
    const calls: string[] = [];
    const { adapter } = await serve(twoRows, {
      resolveContact: async (id: string): Promise<Contact> => {
        calls.push(id);
        return { id, name: 'Mariana Souza', phone: '+5511999990000' };
      },
    });
    const first = await adapter.listConversations({});
    await adapter.listConversations({});
    expect(first.conversations.map((c) => c.contact?.name)).toEqual(['Mariana Souza', 'Mariana Souza']);
    expect(calls).toEqual(['con_01HXYZ']);
  });

  it('keeps contact null when the resolver fails, and asks again next time', async () => {
    let calls = 0;
    const { adapter } = await serve(async () => ({ body: await fixture('waply-get') }), {
      resolveContact: () => {
        calls++;
        if (calls === 1) throw new Error('directory down');
        return { id: 'con_01HXYZ', name: 'Recovered' };
      },
    });
    expect((await adapter.getConversation('conv_01HABC')).contact).toBeNull();
    expect((await adapter.getConversation('conv_01HABC')).contact?.name).toBe('Recovered');
  });

  it('reads the error text from error, error.message or message', async () => {
    const bodies = [{ error: 'Plain text error' }, { error: { message: 'Nested message' } }, { message: 'Top-level message' }];
    const { adapter } = await serve((_req, i) => ({ status: 422, body: bodies[i] }));
    const messages: string[] = [];
    for (let i = 0; i < bodies.length; i++) {
      const error = await adapter.resolveConversation('conv_01HABC').catch((e: { serverMessage: string }) => e);
      messages.push((error as { serverMessage: string }).serverMessage);
    }
    expect(messages).toEqual(['Plain text error', 'Nested message', 'Top-level message']);
  });

  it('requires an apiKey', () => {
    expect(() => createWaplyAdapter({ apiKey: '' })).toThrow(/apiKey/);
  });
});
