import { describe, expect, it } from 'vitest';
import { createMemoryAdapter, createMockHandler } from 'inboxkit';

// The handler over the real memory backend, as `inboxkit-mock` serves it.

const AUTH = { Authorization: 'Bearer inboxkit-mock-token' };
const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { ...AUTH, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

const WHATSAPP_ITEM_KEYS = ['id', 'contactId', 'contact', 'status', 'assigneeId', 'channel', 'lastMessage', 'unreadCount', 'aiHandling', 'createdAt', 'updatedAt'];
const WHATSAPP_DETAIL_KEYS = ['id', 'contactId', 'contact', 'status', 'assigneeId', 'assignee', 'channel', 'lastMessage', 'unreadCount', 'aiHandling', 'metadata', 'createdAt', 'updatedAt'];
const WAPLY_KEYS = ['id', 'contact_id', 'channel', 'status', 'assigned_to', 'messages', 'created_at', 'updated_at'];

describe('WhatsApp mock on the memory backend', () => {
  const setup = (size = 45) => {
    const backend = createMemoryAdapter({ seed: 11, size, profile: 'whatsapp' });
    const handler = createMockHandler({ flavour: 'whatsapp', backend });
    const get = async (path: string) => (await handler(`http://mock.test/api/whatsapp/conversations${path}`, { headers: AUTH })).json();
    return { backend, handler, get };
  };

  it('lists every status by default, pages with hasNext, and each item has exactly the spec keys', async () => {
    const { get } = setup();
    const first = await get('');
    expect(first).toMatchObject({ success: true, data: { total: 45, page: 1, limit: 20, hasNext: true } });
    for (const item of first.data.conversations) {
      expect(Object.keys(item)).toEqual(WHATSAPP_ITEM_KEYS);
      expect(Object.keys(item.contact)).toEqual(['id', 'name', 'phone', 'avatar']);
      expect(['open', 'closed', 'ai_handling', 'escalated']).toContain(item.status);
      expect(item.channel).toBe('whatsapp');
    }
    const last = await get('?page=3');
    expect(last.data).toMatchObject({ page: 3, hasNext: false });
    expect(last.data.conversations).toHaveLength(5);

    const byStatus = await Promise.all(['open', 'closed', 'ai_handling', 'escalated'].map((s) => get(`?status=${s}&limit=100`)));
    expect(byStatus.reduce((sum, page) => sum + page.data.total, 0)).toBe(45);
    expect(byStatus[1].data.conversations.every((c: { status: string }) => c.status === 'closed')).toBe(true);
  });

  it('GET, close and assign answer the spec shapes; an assignee outside the directory is 403', async () => {
    const { backend, handler, get } = setup();
    const [user] = await backend.listAssignees();
    const list = await get('?status=open&limit=1');
    const id = list.data.conversations[0].id as string;

    const one = await get(`/${id}`);
    expect(Object.keys(one.data)).toEqual(WHATSAPP_DETAIL_KEYS);
    expect(Object.keys(one.data.contact)).toEqual(['id', 'name', 'phone', 'email', 'labels', 'avatar']);

    const assigned = await (await handler(`http://mock.test/api/whatsapp/conversations/${id}/assign`, json({ userId: user?.id }))).json();
    expect(Object.keys(assigned.data)).toEqual(['id', 'assigneeId', 'assignee', 'status', 'updatedAt']);
    expect(assigned.data).toMatchObject({ id, assigneeId: user?.id, assignee: { id: user?.id, name: user?.name, email: user?.email } });

    const stranger = await handler(`http://mock.test/api/whatsapp/conversations/${id}/assign`, json({ userId: 'user_nobody' }));
    expect(stranger.status).toBe(403);
    expect(await stranger.json()).toEqual({ success: false, error: 'User is not a member of this organization' });

    const closed = await (await handler(`http://mock.test/api/whatsapp/conversations/${id}/close`, json({ resolution: 'resolved' }))).json();
    expect(Object.keys(closed.data)).toEqual(['id', 'status', 'closedAt', 'closedBy']);
    expect(closed.data).toMatchObject({ id, status: 'closed' });
    expect((await get(`/${id}`)).data.status).toBe('closed');
  });

  it('serves only WhatsApp conversations from a multi-channel backend', async () => {
    const backend = createMemoryAdapter({ seed: 5, size: 60, profile: 'full' });
    const handler = createMockHandler({ flavour: 'whatsapp', backend });
    const all = await backend.listConversations({ limit: 100 });
    const whatsapp = all.conversations.filter((c) => c.channel === 'whatsapp');
    const other = all.conversations.find((c) => c.channel !== 'whatsapp');
    const listed = await (await handler('http://mock.test/api/whatsapp/conversations?limit=100', { headers: AUTH })).json();
    expect(listed.data.total).toBe(whatsapp.length);
    expect(listed.data.conversations.every((c: { channel: string }) => c.channel === 'whatsapp')).toBe(true);
    expect((await handler(`http://mock.test/api/whatsapp/conversations/${other?.id}`, { headers: AUTH })).status).toBe(404);
    expect((await handler(`http://mock.test/api/whatsapp/conversations/${other?.id}/close`, json({}))).status).toBe(404);
    expect((await backend.getConversation(other?.id as string)).status).toBe(other?.status);
  });

  it('failureRate 1 answers 429 with Retry-After or 500, never a stack', async () => {
    const backend = createMemoryAdapter({ size: 5, failureRate: 1, profile: 'whatsapp' });
    const handler = createMockHandler({ flavour: 'whatsapp', backend });
    const statuses = new Set<number>();
    for (let i = 0; i < 12; i++) {
      const res = await handler('http://mock.test/api/whatsapp/conversations', { headers: AUTH });
      statuses.add(res.status);
      const body = await res.json();
      if (res.status === 429) {
        expect(res.headers.get('retry-after')).toBe('1');
        expect(body).toEqual({ success: false, error: 'Rate limit exceeded' });
      } else {
        expect(res.status).toBe(500);
        expect(body).toEqual({ success: false, error: 'Internal server error' });
      }
    }
    expect(statuses).toEqual(new Set([429, 500]));
  });
});

describe('Waply mock on the memory backend', () => {
  const setup = (profile: 'waply' | 'full' = 'waply') => {
    const backend = createMemoryAdapter({ seed: 3, size: 40, profile });
    const handler = createMockHandler({ flavour: 'waply', backend });
    const get = async (path: string) => (await handler(`https://api.waply.io/v1${path}`, { headers: AUTH })).json();
    return { backend, handler, get };
  };

  it('defaults to status=open: resolved conversations are left out until asked for', async () => {
    const { get } = setup();
    const open = await get('/conversations?limit=100');
    const resolved = await get('/conversations?status=resolved&limit=100');
    const all = await get('/conversations?status=all&limit=100');
    expect(Object.keys(open)).toEqual(['data', 'total', 'page']);
    expect(open.data.every((c: { status: string }) => c.status === 'open')).toBe(true);
    expect(resolved.data.every((c: { status: string }) => c.status === 'resolved')).toBe(true);
    expect(resolved.total).toBeGreaterThan(0);
    expect(open.total + resolved.total).toBe(all.total);
    expect(all.total).toBe(40);
    for (const item of all.data) {
      expect(Object.keys(item)).toEqual(WAPLY_KEYS);
      expect(item.messages).toEqual([]);
    }
  });

  it('folds ai_handling and escalated into open on a full backend', async () => {
    const { backend, get } = setup('full');
    const domain = await backend.listConversations({ limit: 100 });
    const unresolved = domain.conversations.filter((c) => c.status !== 'resolved');
    expect(unresolved.some((c) => c.status === 'ai_handling' || c.status === 'escalated')).toBe(true);
    const open = await get('/conversations?limit=7&page=2');
    expect(open).toMatchObject({ total: unresolved.length, page: 2 });
    expect(open.data.map((c: { id: string }) => c.id)).toEqual(unresolved.slice(7, 14).map((c) => c.id));
  });

  it('GET carries the history; assign, resolve and notes answer the spec shapes', async () => {
    const { backend, handler, get } = setup();
    const assignees = await backend.listAssignees();
    const team = assignees.find((a) => a.type === 'team');
    const id = (await get('/conversations?limit=1')).data[0].id as string;

    const one = await get(`/conversations/${id}`);
    expect(one.messages.length).toBeGreaterThan(0);
    expect(Object.keys(one.messages[0])).toEqual(['id', 'conversation_id', 'direction', 'type', 'content', 'status', 'created_at']);

    const assigned = await (await handler(`https://api.waply.io/v1/conversations/${id}/assign`, json({ team_id: team?.id }))).json();
    expect(Object.keys(assigned)).toEqual(WAPLY_KEYS);
    expect(assigned.assigned_to).toEqual({ type: 'team', id: team?.id, name: team?.name });

    const resolved = await (await handler(`https://api.waply.io/v1/conversations/${id}/resolve`, { method: 'POST', headers: AUTH })).json();
    expect(resolved).toMatchObject({ id, status: 'resolved', messages: [] });
    expect((await get('/conversations?limit=100')).data.some((c: { id: string }) => c.id === id)).toBe(false);

    const note = await (await handler(`https://api.waply.io/v1/conversations/${id}/notes`, json({ content: 'Enterprise plan.' }))).json();
    expect(Object.keys(note)).toEqual(['id', 'conversation_id', 'content', 'created_at']);
  });
});
