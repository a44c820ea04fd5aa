import { describe, expect, it } from 'vitest';
import { createMockHandler, InboxError } from 'inboxkit';
import { conversation, createFakeBackend } from './fakeBackend.js';

const BASE = 'http://mock.test/api/whatsapp/conversations';
const AUTH = { Authorization: 'Bearer inboxkit-mock-token' };

function setup() {
  const backend = createFakeBackend([
    conversation('conv_a1', { assignee: { type: 'user', id: 'user_1', name: 'Support Agent', email: 'agent@yourcompany.com' } }),
    conversation('conv_b2', { status: 'ai_handling', aiHandling: true, contact: { id: 'contact_b2', name: 'Sarah Johnson', avatarUrl: 'https://cdn.example.com/avatars/sarah.jpg' } }),
    conversation('conv_c3', { status: 'resolved', closedAt: '2026-05-16T15:00:00.000Z', closedBy: 'user_1' }),
    conversation('conv_ig', { channel: 'instagram' }),
  ]);
  const handler = createMockHandler({ flavour: 'whatsapp', backend });
  const call = (path: string, init: RequestInit = {}) => handler(new Request(`${BASE}${path}`, { ...init, headers: { ...AUTH, ...init.headers } }));
  return { backend, handler, call };
}

const post = (body?: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
});

describe('WhatsApp mock: list', () => {
  it('answers the spec envelope with camelCase list items, all statuses by default, whatsapp only', async () => {
    const { call } = setup();
    const res = await call('');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = await res.json();
    expect(body).toMatchObject({ success: true, data: { total: 3, page: 1, limit: 20, hasNext: false } });
    expect(Object.keys(body.data)).toEqual(['conversations', 'total', 'page', 'limit', 'hasNext']);
    expect(body.data.conversations.map((c: { status: string }) => c.status)).toEqual(['open', 'ai_handling', 'closed']);
    expect(body.data.conversations[0]).toEqual({
      id: 'conv_a1',
      contactId: 'contact_conv_a1',
      contact: { id: 'contact_conv_a1', name: 'Ahmed Hassan', phone: '+971501234567', avatar: null },
      status: 'open',
      assigneeId: 'user_1',
      channel: 'whatsapp',
      lastMessage: { text: 'When will my order arrive?', timestamp: '2026-05-16T14:22:00.000Z', direction: 'inbound' },
      unreadCount: 2,
      aiHandling: false,
      createdAt: '2026-05-15T09:00:00.000Z',
      updatedAt: '2026-05-16T14:22:00.000Z',
    });
    expect(body.data.conversations[1]).toMatchObject({ assigneeId: null, aiHandling: true, contact: { avatar: 'https://cdn.example.com/avatars/sarah.jpg', phone: null } });
  });

  it('maps closed to resolved and back, filters by assignee, pages with hasNext', async () => {
    const { call } = setup();
    const closed = await (await call('?status=closed')).json();
    expect(closed.data.conversations.map((c: { id: string }) => c.id)).toEqual(['conv_c3']);
    const mine = await (await call('?assignee=user_1')).json();
    expect(mine.data.conversations.map((c: { id: string }) => c.id)).toEqual(['conv_a1']);
    const first = await (await call('?page=1&limit=2')).json();
    expect(first.data).toMatchObject({ total: 3, page: 1, limit: 2, hasNext: true });
    const second = await (await call('?page=2&limit=2')).json();
    expect(second.data).toMatchObject({ page: 2, limit: 2, hasNext: false });
    expect(second.data.conversations).toHaveLength(1);
  });

  it.each([['?limit=0'], ['?limit=101'], ['?limit=ten'], ['?page=0'], ['?page=1.5'], ['?status=resolved'], ['?status=bogus']])('refuses %s with 400', async (query) => {
    const { call } = setup();
    const res = await call(query);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.success).toBe(false);
    expect(typeof body.error).toBe('string');
  });
});

describe('WhatsApp mock: single conversation and mutations', () => {
  it('GET adds contact email and labels, assignee and metadata', async () => {
    const { call } = setup();
    const body = await (await call('/conv_a1')).json();
    expect(body).toEqual({
      success: true,
      data: {
        id: 'conv_a1',
        contactId: 'contact_conv_a1',
        contact: { id: 'contact_conv_a1', name: 'Ahmed Hassan', phone: '+971501234567', email: 'ahmed@example.com', labels: ['vip'], avatar: null },
        status: 'open',
        assigneeId: 'user_1',
        assignee: { id: 'user_1', name: 'Support Agent', email: 'agent@yourcompany.com' },
        channel: 'whatsapp',
        lastMessage: { text: 'When will my order arrive?', timestamp: '2026-05-16T14:22:00.000Z', direction: 'inbound' },
        unreadCount: 2,
        aiHandling: false,
        metadata: { source: 'organic' },
        createdAt: '2026-05-15T09:00:00.000Z',
        updatedAt: '2026-05-16T14:22:00.000Z',
      },
    });
  });

  it('404s unknown ids and conversations of other channels with the spec text', async () => {
    const { call } = setup();
    for (const path of ['/conv_nope', '/conv_ig']) {
      const res = await call(path);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ success: false, error: 'Conversation not found' });
    }
    expect((await call('/conv_ig/close', post())).status).toBe(404);
  });

  it('400s malformed ids, percent-decoded first', async () => {
    const { call } = setup();
    for (const path of ['/..%2Fx', '/conv_a%20b', '/conv_%2E%2E', '/%F0%9F%98%80']) {
      const res = await call(path);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ success: false, error: 'Invalid conversation ID' });
    }
    // Well-formed but unknown: no prefix is required, so it is simply not there.
    expect((await call('/not-a-conv')).status).toBe(404);
  });

  it('close answers only id, status, closedAt, closedBy', async () => {
    const { call } = setup();
    const empty = await call('/conv_a1/close', post());
    expect(await empty.json()).toEqual({ success: true, data: { id: 'conv_a1', status: 'closed', closedAt: '2026-05-16T15:00:00.000Z', closedBy: 'user_1' } });
    const withResolution = await call('/conv_b2/close', post({ resolution: 'resolved' }));
    expect((await withResolution.json()).data.status).toBe('closed');
    expect((await call('/conv_a1/close', post({ resolution: 5 }))).status).toBe(400);
  });

  it('assign answers only the changed fields, filled in from a partial backend answer', async () => {
    const { call } = setup();
    const res = await call('/conv_b2/assign', post({ userId: 'user_1' }));
    expect(await res.json()).toEqual({
      success: true,
      data: {
        id: 'conv_b2',
        assigneeId: 'user_1',
        assignee: { id: 'user_1', name: 'Support Agent', email: 'agent@yourcompany.com' },
        status: 'ai_handling',
        updatedAt: '2026-05-16T15:05:00.000Z',
      },
    });
  });

  it('assign: missing userId is 400, a stranger is 403 with the backend text', async () => {
    const { call } = setup();
    expect((await call('/conv_a1/assign', post({}))).status).toBe(400);
    expect((await call('/conv_a1/assign', post())).status).toBe(400);
    const res = await call('/conv_a1/assign', post({ userId: 'user_stranger' }));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ success: false, error: 'User is not a member of this organization' });
  });

  it('invalid JSON is 400', async () => {
    const { call } = setup();
    const res = await call('/conv_a1/assign', post('{"userId":'));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ success: false, error: 'Invalid JSON body' });
    expect((await call('/conv_a1/assign', post('[1]'))).status).toBe(400);
  });
});

describe('WhatsApp mock: protocol', () => {
  it('requires the bearer token', async () => {
    const { handler } = setup();
    const attempts: Record<string, string>[] = [{}, { Authorization: 'Bearer wrong' }, { Authorization: 'inboxkit-mock-token' }];
    for (const headers of attempts) {
      const res = await handler(new Request(BASE, { headers }));
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ success: false, error: 'Unauthorized' });
    }
    const custom = createMockHandler({ flavour: 'whatsapp', backend: setup().backend, token: 's3cret' });
    expect((await custom(new Request(BASE, { headers: { Authorization: 'Bearer s3cret' } }))).status).toBe(200);
  });

  it('404s unknown paths and the Waply paths, 405s wrong methods with Allow', async () => {
    const { call, handler } = setup();
    expect((await call('/conv_a1/notes', post({ content: 'x' }))).status).toBe(404);
    expect((await call('/conv_a1/close/extra', post())).status).toBe(404);
    expect((await handler(new Request('http://mock.test/conversations', { headers: AUTH }))).status).toBe(404);
    const wrong = await call('/conv_a1/close');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST, OPTIONS');
    const list = await call('', post({}));
    expect(list.status).toBe(405);
    expect(list.headers.get('allow')).toBe('GET, OPTIONS');
  });

  it('answers CORS preflights without auth', async () => {
    const { handler } = setup();
    const res = await handler(new Request(`${BASE}/conv_a1/assign`, { method: 'OPTIONS', headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST' } }));
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('maps rate limits to 429 with Retry-After in whole seconds', async () => {
    const { backend, call } = setup();
    backend.failWith = new InboxError('rate_limited', 'Slow down', { retryAfterMs: 1500 });
    const res = await call('');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(res.headers.get('access-control-expose-headers')).toContain('Retry-After');
    expect(await res.json()).toEqual({ success: false, error: 'Rate limit exceeded' });
  });

  it('answers 500 without leaking the cause', async () => {
    const { backend, call } = setup();
    backend.failWith = new TypeError('secret internals at /srv/app.js:12');
    const res = await call('/conv_a1');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ success: false, error: 'Internal server error' });
    expect(text).not.toMatch(/secret|app\.js|at /);
    backend.failWith = new InboxError('server', 'db exploded');
    expect(await (await call('')).json()).toEqual({ success: false, error: 'Internal server error' });
  });
});
