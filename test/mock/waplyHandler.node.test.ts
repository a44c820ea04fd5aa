import { describe, expect, it } from 'vitest';
import { createMockHandler, InboxError } from 'inboxkit';
import { conversation, createFakeBackend } from './fakeBackend.js';

const ORIGIN = 'http://mock.test';
const AUTH = { Authorization: 'Bearer inboxkit-mock-token' };

function setup() {
  const backend = createFakeBackend([
    conversation('conv_open', { assignee: { type: 'user', id: 'user_1', name: 'Alice Support' } }),
    conversation('conv_ai', { status: 'ai_handling', channel: 'instagram' }),
    conversation('conv_esc', { status: 'escalated', channel: 'webchat', assignee: { type: 'team', id: 'team_1', name: 'Billing' } }),
    conversation('conv_done', { status: 'resolved' }),
  ]);
  const handler = createMockHandler({ flavour: 'waply', backend });
  const call = (path: string, init: RequestInit = {}) => handler(new Request(`${ORIGIN}${path}`, { ...init, headers: { ...AUTH, ...init.headers } }));
  return { backend, handler, call };
}

const post = (body?: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
});
const ids = (body: { data: { id: string }[] }) => body.data.map((c) => c.id);

describe('Waply mock: list', () => {
  it('answers { data, total, page } with snake_case items and empty messages', async () => {
    const { call } = setup();
    const res = await call('/v1/conversations');
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = await res.json();
    expect(Object.keys(body)).toEqual(['data', 'total', 'page']);
    expect(body.data[0]).toEqual({
      id: 'conv_open',
      contact_id: 'contact_conv_open',
      channel: 'whatsapp',
      status: 'open',
      assigned_to: { type: 'user', id: 'user_1', name: 'Alice Support' },
      messages: [],
      created_at: '2026-05-15T09:00:00.000Z',
      updated_at: '2026-05-16T14:22:00.000Z',
    });
  });

  it('defaults to status=open, which folds in AI-handled and escalated conversations', async () => {
    const { call } = setup();
    const body = await (await call('/conversations')).json();
    expect(ids(body)).toEqual(['conv_open', 'conv_ai', 'conv_esc']);
    expect(body.total).toBe(3);
    expect(body.data.map((c: { status: string }) => c.status)).toEqual(['open', 'open', 'open']);
    expect(ids(await (await call('/conversations?status=resolved')).json())).toEqual(['conv_done']);
    expect(ids(await (await call('/conversations?status=all')).json())).toHaveLength(4);
  });

  it('filters by channel and assigned_to, and pages', async () => {
    const { call } = setup();
    expect(ids(await (await call('/conversations?channel=webchat')).json())).toEqual(['conv_esc']);
    expect(ids(await (await call('/conversations?assigned_to=team_1')).json())).toEqual(['conv_esc']);
    const second = await (await call('/conversations?limit=2&page=2')).json();
    expect(second).toMatchObject({ total: 3, page: 2 });
    expect(ids(second)).toEqual(['conv_esc']);
    const allSecond = await (await call('/v1/conversations?status=all&limit=3&page=2')).json();
    expect(allSecond).toMatchObject({ total: 4, page: 2 });
    expect(ids(allSecond)).toEqual(['conv_done']);
  });

  it('filters a backend with only open/resolved directly', async () => {
    const backend = createFakeBackend([conversation('conv_1'), conversation('conv_2', { status: 'resolved' })], { statuses: ['open', 'resolved'] });
    const handler = createMockHandler({ flavour: 'waply', backend });
    const body = await (await handler(new Request(`${ORIGIN}/conversations`, { headers: AUTH }))).json();
    expect(body).toMatchObject({ total: 1, page: 1 });
    expect(ids(body)).toEqual(['conv_1']);
  });

  it.each([['?status=closed'], ['?status=ai_handling'], ['?limit=101'], ['?limit=0'], ['?page=x'], ['?channel=sms']])('refuses %s with 400 and an error body', async (query) => {
    const { call } = setup();
    const res = await call(`/conversations${query}`);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(typeof body.error.message).toBe('string');
  });
});

describe('Waply mock: single conversation and mutations', () => {
  it('GET carries the full message history', async () => {
    const { call } = setup();
    const body = await (await call('/v1/conversations/conv_open')).json();
    expect(body.messages).toEqual([
      { id: 'msg_conv_open', conversation_id: 'conv_open', direction: 'inbound', type: 'text', content: 'When will my order arrive?', status: 'delivered', created_at: '2026-05-16T14:22:00.000Z' },
    ]);
    expect(Object.keys(body)).toEqual(['id', 'contact_id', 'channel', 'status', 'assigned_to', 'messages', 'created_at', 'updated_at']);
  });

  it('assign takes user_id or team_id and answers the updated conversation', async () => {
    const { call } = setup();
    const user = await (await call('/v1/conversations/conv_ai/assign', post({ user_id: 'user_1' }))).json();
    expect(user).toMatchObject({ id: 'conv_ai', status: 'open', assigned_to: { type: 'user', id: 'user_1', name: 'Support Agent' }, messages: [] });
    const team = await (await call('/conversations/conv_open/assign', post({ team_id: 'team_1' }))).json();
    expect(team.assigned_to).toEqual({ type: 'team', id: 'team_1', name: 'Billing' });
  });

  it('assign with both or neither id is 400; an unknown user is 403', async () => {
    const { call } = setup();
    for (const body of [{ user_id: 'user_1', team_id: 'team_1' }, {}]) {
      const res = await call('/conversations/conv_open/assign', post(body));
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: { message: 'Provide either user_id or team_id, not both' } });
    }
    const res = await call('/conversations/conv_open/assign', post({ user_id: 'user_stranger' }));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { message: 'User is not a member of this organization' } });
  });

  it('resolve answers the conversation with status resolved', async () => {
    const { call } = setup();
    const body = await (await call('/v1/conversations/conv_esc/resolve', post())).json();
    expect(body).toMatchObject({ id: 'conv_esc', status: 'resolved', messages: [] });
    expect(ids(await (await call('/conversations?status=resolved')).json())).toEqual(['conv_esc', 'conv_done']);
  });

  it('notes: content required, answer in snake_case', async () => {
    const { call, backend } = setup();
    const res = await call('/v1/conversations/conv_open/notes', post({ content: 'Enterprise plan.' }));
    expect(await res.json()).toEqual({ id: 'note_1', conversation_id: 'conv_open', content: 'Enterprise plan.', created_at: '2026-05-16T10:20:00.000Z' });
    for (const body of [{ content: '   ' }, {}, { content: 3 }]) expect((await call('/conversations/conv_open/notes', post(body))).status).toBe(400);
    expect(backend.notes).toHaveLength(1);
  });

  it('errors: 400 bad id, 404 unknown id, 404 unsupported, 429, 500', async () => {
    const { call, backend } = setup();
    const bad = await call('/conversations/..%2Fx');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: { message: 'Invalid conversation ID' } });
    const missing = await call('/conversations/conv_nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { message: 'Conversation not found' } });
    backend.failWith = new InboxError('unsupported', 'This backend has no notes.');
    expect((await call('/conversations/conv_open/notes', post({ content: 'x' }))).status).toBe(404);
    backend.failWith = new InboxError('rate_limited', 'Slow down', { retryAfterMs: 200 });
    const limited = await call('/conversations');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(await limited.json()).toEqual({ error: { message: 'Rate limit exceeded' } });
    backend.failWith = new Error('boom');
    const crashed = await call('/conversations/conv_open');
    expect(crashed.status).toBe(500);
    expect(await crashed.json()).toEqual({ error: { message: 'Internal server error' } });
  });
});

describe('Waply mock: protocol', () => {
  it('requires the bearer token', async () => {
    const { handler } = setup();
    const res = await handler(new Request(`${ORIGIN}/v1/conversations`));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { message: 'Unauthorized' } });
  });

  it('404s unknown paths and the WhatsApp close, 405s wrong methods', async () => {
    const { call } = setup();
    expect((await call('/v2/conversations')).status).toBe(404);
    expect((await call('/api/whatsapp/conversations')).status).toBe(404);
    expect((await call('/conversations/conv_open/close', post())).status).toBe(404);
    const wrong = await call('/conversations/conv_open', post({}));
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, OPTIONS');
    expect((await call('/conversations/conv_open/resolve', { method: 'DELETE' })).status).toBe(405);
  });

  it('answers CORS preflights', async () => {
    const { handler } = setup();
    const res = await handler(new Request(`${ORIGIN}/v1/conversations/conv_open/notes`, { method: 'OPTIONS' }));
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type');
  });
});
