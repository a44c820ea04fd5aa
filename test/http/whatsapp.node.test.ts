import { afterEach, describe, expect, it } from 'vitest';
import { createWhatsAppAdapter, InboxError } from 'inboxkit';
import { fixture, startServer } from '../support/httpServer.js';
import type { Reply, Seen, TestServer } from '../support/httpServer.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(respond: (req: Seen, index: number) => Reply | Promise<Reply>) {
  server = await startServer(respond);
  const adapter = createWhatsAppAdapter({ baseUrl: server.url, headers: { 'X-Api-Key': 'secret-key' }, retry: false });
  return { adapter, seen: server.seen };
}

describe('WhatsApp adapter: the spec examples, field by field', () => {
  it('lists conversations, mapping both example rows', async () => {
    const { adapter, seen } = await serve(async () => ({ body: await fixture('whatsapp-list') }));
    const page = await adapter.listConversations({});

    expect(seen).toHaveLength(1);
    expect(seen[0]!.method).toBe('GET');
    // No status in the domain query means every status: no status filter is sent.
    expect(seen[0]!.url).toBe('/api/whatsapp/conversations?page=1&limit=20');
    expect(seen[0]!.headers['x-api-key']).toBe('secret-key');

    expect(page.total).toBe(156);
    expect(page.page).toBe(1);
    expect(page.limit).toBe(20);
    expect(page.hasNext).toBe(true);
    expect(page.conversations).toHaveLength(2);

    const [ahmed, sarah] = page.conversations;
    expect(ahmed).toEqual({
      id: 'conv_a1b2c3d4-5678-90ab-cdef-1234567890ab',
      contactId: 'contact_f1e2d3c4-5678-90ab-cdef-abcdefabcdef',
      contact: { id: 'contact_f1e2d3c4-5678-90ab-cdef-abcdefabcdef', name: 'Ahmed Hassan', phone: '+971501234567' },
      channel: 'whatsapp',
      status: 'open',
      assignee: { type: 'user', id: 'user_12345678-abcd-efgh-ijkl-mnopqrstuvwx' },
      lastMessage: { text: 'When will my order arrive?', timestamp: '2026-05-16T14:22:00.000Z', direction: 'inbound' },
      messages: null,
      unreadCount: 2,
      aiHandling: false,
      labels: [],
      metadata: {},
      createdAt: '2026-05-15T09:00:00.000Z',
      updatedAt: '2026-05-16T14:22:00.000Z',
      closedAt: null,
      closedBy: null,
    });
    expect(sarah!.contact).toEqual({
      id: 'contact_e2d3c4b5-6789-01ab-cdef-bcdefabcdefg',
      name: 'Sarah Johnson',
      phone: '+14155557890',
      avatarUrl: 'https://cdn.example.com/avatars/sarah.jpg',
    });
    expect(sarah!.status).toBe('ai_handling');
    expect(sarah!.aiHandling).toBe(true);
    expect(sarah!.assignee).toBeNull();
    expect(sarah!.unreadCount).toBe(0);
    expect(sarah!.lastMessage).toEqual({ text: 'Thanks for the information!', timestamp: '2026-05-16T13:45:00.000Z', direction: 'inbound' });
  });

  it('gets one conversation with full contact, assignee and metadata', async () => {
    const { adapter, seen } = await serve(async () => ({ body: await fixture('whatsapp-get') }));
    const conversation = await adapter.getConversation('conv_a1b2c3d4-5678-90ab-cdef-1234567890ab');

    expect(seen[0]!.url).toBe('/api/whatsapp/conversations/conv_a1b2c3d4-5678-90ab-cdef-1234567890ab');
    expect(conversation.contact).toEqual({
      id: 'contact_f1e2d3c4-5678-90ab-cdef-abcdefabcdef',
      name: 'Ahmed Hassan',
      phone: '+971501234567',
      email: 'ahmed@example.com',
      labels: ['vip', 'returning'],
    });
    expect(conversation.assignee).toEqual({
      type: 'user',
      id: 'user_12345678-abcd-efgh-ijkl-mnopqrstuvwx',
      name: 'Support Agent',
      email: 'agent@yourcompany.com',
    });
    expect(conversation.metadata).toEqual({ source: 'organic', firstMessageAt: '2026-05-15T09:00:00.000Z' });
    expect(conversation.status).toBe('open');
    expect(conversation.unreadCount).toBe(2);
    expect(conversation.messages).toBeNull();
    expect(conversation.createdAt).toBe('2026-05-15T09:00:00.000Z');
    expect(conversation.updatedAt).toBe('2026-05-16T14:22:00.000Z');
  });

  it('closes with the optional resolution and answers only the reported fields', async () => {
    const { adapter, seen } = await serve(async () => ({ body: await fixture('whatsapp-close') }));
    const update = await adapter.resolveConversation('conv_a1b2c3d4-5678-90ab-cdef-1234567890ab', { resolution: 'resolved' });

    expect(seen[0]!.method).toBe('POST');
    expect(seen[0]!.url).toBe('/api/whatsapp/conversations/conv_a1b2c3d4-5678-90ab-cdef-1234567890ab/close');
    expect(JSON.parse(seen[0]!.body)).toEqual(JSON.parse(await fixture('whatsapp-close-request')));
    expect(update).toEqual({
      id: 'conv_a1b2c3d4-5678-90ab-cdef-1234567890ab',
      status: 'resolved',
      aiHandling: false,
      closedAt: '2026-05-16T15:00:00.000Z',
      closedBy: 'user_12345678-abcd-efgh-ijkl-mnopqrstuvwx',
    });
  });

  it('closes without a resolution by sending an empty object', async () => {
    const { adapter, seen } = await serve(async () => ({ body: await fixture('whatsapp-close') }));
    await adapter.resolveConversation('conv_a1b2c3d4-5678-90ab-cdef-1234567890ab');
    expect(JSON.parse(seen[0]!.body)).toEqual({});
  });

  it('assigns with { userId } and answers only the reported fields', async () => {
    const { adapter, seen } = await serve(async () => ({ body: await fixture('whatsapp-assign') }));
    const update = await adapter.assignConversation('conv_a1b2c3d4-5678-90ab-cdef-1234567890ab', {
      type: 'user',
      id: 'user_12345678-abcd-efgh-ijkl-mnopqrstuvwx',
    });

    expect(seen[0]!.url).toBe('/api/whatsapp/conversations/conv_a1b2c3d4-5678-90ab-cdef-1234567890ab/assign');
    expect(JSON.parse(seen[0]!.body)).toEqual(JSON.parse(await fixture('whatsapp-assign-request')));
    expect(update).toEqual({
      id: 'conv_a1b2c3d4-5678-90ab-cdef-1234567890ab',
      assignee: { type: 'user', id: 'user_12345678-abcd-efgh-ijkl-mnopqrstuvwx', name: 'Support Agent', email: 'agent@yourcompany.com' },
      status: 'open',
      updatedAt: '2026-05-16T15:05:00.000Z',
    });
  });

  it('keeps the 403 text "User is not a member of this organization"', async () => {
    const { adapter } = await serve(async () => ({ status: 403, body: await fixture('whatsapp-error-403') }));
    const error = await adapter.assignConversation('conv_x', { type: 'user', id: 'user_stranger' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InboxError);
    expect(error).toMatchObject({ code: 'forbidden', status: 403, serverMessage: 'User is not a member of this organization' });
    expect((error as InboxError).message).toContain('User is not a member of this organization');
  });

  it('keeps the 404 text "Conversation not found"', async () => {
    const { adapter } = await serve(async () => ({ status: 404, body: await fixture('whatsapp-error-404') }));
    const error = await adapter.getConversation('conv_missing').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'not_found', status: 404, serverMessage: 'Conversation not found' });
  });
});

describe('WhatsApp adapter: queries', () => {
  it('translates the resolved status to closed, and the assignee filter', async () => {
    const { adapter, seen } = await serve(async () => ({ body: await fixture('whatsapp-list') }));
    await adapter.listConversations({ status: 'resolved', assigneeId: 'user_1', page: 3, limit: 50 });
    const url = new URL(seen[0]!.url, 'http://x');
    expect(url.searchParams.get('status')).toBe('closed');
    expect(url.searchParams.get('assignee')).toBe('user_1');
    expect(url.searchParams.get('page')).toBe('3');
    expect(url.searchParams.get('limit')).toBe('50');
  });

  it('sends no status filter for "all"', async () => {
    const { adapter, seen } = await serve(async () => ({ body: await fixture('whatsapp-list') }));
    await adapter.listConversations({ status: 'all' });
    expect(new URL(seen[0]!.url, 'http://x').searchParams.has('status')).toBe(false);
  });

  it('passes each other status through unchanged', async () => {
    const { adapter, seen } = await serve(async () => ({ body: await fixture('whatsapp-list') }));
    for (const status of ['open', 'ai_handling', 'escalated'] as const) await adapter.listConversations({ status });
    expect(seen.map((s) => new URL(s.url, 'http://x').searchParams.get('status'))).toEqual(['open', 'ai_handling', 'escalated']);
  });

  it('accepts headers from an async function, asked on every request', async () => {
    server = await startServer(async () => ({ body: await fixture('whatsapp-list') }));
    let calls = 0;
    const adapter = createWhatsAppAdapter({
      baseUrl: `${server.url}/`,
      headers: async () => ({ Authorization: `Bearer token-${++calls}` }),
    });
    await adapter.listConversations({});
    await adapter.listConversations({});
    expect(server.seen.map((s) => s.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
    // A trailing slash on baseUrl does not double up.
    expect(server.seen[0]!.url.startsWith('/api/whatsapp/conversations?')).toBe(true);
  });

  it('refuses what the API lacks before sending anything', async () => {
    const { adapter, seen } = await serve(() => ({ body: {} }));
    await expect(adapter.addNote('conv_1', 'hello')).rejects.toMatchObject({ code: 'unsupported' });
    await expect(adapter.assignConversation('conv_1', { type: 'team', id: 'team_1' })).rejects.toMatchObject({ code: 'unsupported' });
    await expect(adapter.listConversations({ channel: 'instagram' })).rejects.toMatchObject({ code: 'unsupported' });
    await expect(adapter.listConversations({ limit: 101 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(adapter.listConversations({ page: 0 })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(seen).toHaveLength(0);
    expect(adapter.capabilities).toMatchObject({ notes: false, teams: false, messageHistory: false, channels: ['whatsapp'] });
  });

  it('fails fast on missing options', () => {
    expect(() => createWhatsAppAdapter({ baseUrl: '', headers: {} })).toThrow(/baseUrl/);
    // Headers are optional (a cookie-authenticated proxy needs none), but not any value.
    expect(() => createWhatsAppAdapter({ baseUrl: 'https://example.com' })).not.toThrow();
    // @ts-expect-error headers are an object or a function
    expect(() => createWhatsAppAdapter({ baseUrl: 'https://example.com', headers: 'Bearer x' })).toThrow(/headers/);
  });
});
