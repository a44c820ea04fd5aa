import { afterEach, describe, expect, it } from 'vitest';
import { InboxError } from 'inboxkit';
import { startMockServer } from 'inboxkit/mock-server';
import type { MockServer } from 'inboxkit/mock-server';
import { conversation, createFakeBackend } from './fakeBackend.js';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('startMockServer', () => {
  it('serves the Waply API over real HTTP on a free port, from a memory backend by default', async () => {
    server = await startMockServer({ flavour: 'waply', port: 0, seed: 7, size: 30 });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.baseUrl).toBe(`${server.url}/v1`);
    expect(server.token).toBe('inboxkit-mock-token');

    const res = await fetch(`${server.baseUrl}/conversations?status=all&limit=5`, { headers: auth(server.token) });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = await res.json();
    expect(body).toMatchObject({ total: 30, page: 1 });
    expect(body.data).toHaveLength(5);

    const id = body.data[0].id as string;
    const one = await (await fetch(`${server.baseUrl}/conversations/${encodeURIComponent(id)}`, { headers: auth(server.token) })).json();
    expect(one.id).toBe(id);
    expect(Array.isArray(one.messages)).toBe(true);

    const note = await fetch(`${server.baseUrl}/conversations/${id}/notes`, {
      method: 'POST',
      headers: { ...auth(server.token), 'Content-Type': 'application/json' },
      body: JSON.stringify({ content: 'Called the customer back.' }),
    });
    expect(note.status).toBe(200);
    expect(await note.json()).toMatchObject({ conversation_id: id, content: 'Called the customer back.' });
  });

  it('serves the WhatsApp API with its own token and a given backend', async () => {
    const backend = createFakeBackend([conversation('conv_1')]);
    server = await startMockServer({ flavour: 'whatsapp', port: 0, token: 'dev', backend });
    expect(server.baseUrl).toBe(server.url);
    expect(server.backend).toBe(backend);
    const url = `${server.baseUrl}/api/whatsapp/conversations`;
    expect((await fetch(url)).status).toBe(401);
    const ok = await fetch(url, { headers: auth('dev') });
    expect(await ok.json()).toMatchObject({ success: true, data: { total: 1, hasNext: false } });

    const closed = await fetch(`${url}/conv_1/close`, { method: 'POST', headers: auth('dev') });
    expect(await closed.json()).toMatchObject({ success: true, data: { id: 'conv_1', status: 'closed' } });

    backend.failWith = new InboxError('rate_limited', 'Slow down', { retryAfterMs: 3000 });
    const limited = await fetch(url, { headers: auth('dev') });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
  });

  it('answers preflights and keeps ids in one path segment', async () => {
    server = await startMockServer({ flavour: 'whatsapp', port: 0, backend: createFakeBackend([conversation('conv_1')]) });
    const pre = await fetch(`${server.url}/api/whatsapp/conversations/conv_1/assign`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    const sneaky = await fetch(`${server.url}/api/whatsapp/conversations/..%2F..%2Fetc`, { headers: auth(server.token) });
    expect(sneaky.status).toBe(400);
    expect(await sneaky.json()).toEqual({ success: false, error: 'Invalid conversation ID' });
  });

  it('close() stops listening', async () => {
    const started = await startMockServer({ flavour: 'waply', port: 0, size: 3 });
    await started.close();
    await expect(fetch(`${started.baseUrl}/conversations`, { headers: auth(started.token) })).rejects.toThrow();
  });
});
