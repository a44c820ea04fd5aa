import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryAdapter, createMockHandler, createWaplyAdapter, createWhatsAppAdapter } from 'inboxkit';
import type { ConversationsAdapter, MemoryAdapter } from 'inboxkit';
import { startMockServer } from 'inboxkit/mock-server';
import type { MockServer } from 'inboxkit/mock-server';
import { failure } from '../support/failure.js';
import { startServer } from '../support/httpServer.js';
import type { TestServer } from '../support/httpServer.js';
import { conversation } from './fakeBackend.js';

let server: MockServer | undefined;
let plain: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  await plain?.close();
  server = undefined;
  plain = undefined;
});

const PROTOTYPE_IDS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];

function prototypeBackend(profile: 'whatsapp' | 'waply'): MemoryAdapter {
  return createMemoryAdapter({ profile, conversations: PROTOTYPE_IDS.map((id) => conversation(id, { unreadCount: 1 })) });
}

/** Lists, reads, assigns, resolves (and notes, where the backend has them) every prototype-named id. */
async function exercise(adapter: ConversationsAdapter, userId: string): Promise<void> {
  const page = await adapter.listConversations({ limit: 100 });
  expect(page.conversations.map((c) => c.id).sort()).toEqual([...PROTOTYPE_IDS].sort());
  for (const id of PROTOTYPE_IDS) {
    const one = await adapter.getConversation(id);
    expect(one).toMatchObject({ id, contactId: `contact_${id}`, status: 'open' });
    expect(typeof one.createdAt).toBe('string');
    expect(await adapter.assignConversation(id, { type: 'user', id: userId })).toMatchObject({ id, assignee: { type: 'user', id: userId } });
    expect(await adapter.resolveConversation(id)).toMatchObject({ id, status: 'resolved' });
    if (adapter.capabilities.notes) expect(await adapter.addNote(id, `note on ${id}`)).toMatchObject({ conversationId: id, content: `note on ${id}` });
  }
  expect((await adapter.listConversations({ status: 'resolved', limit: 100 })).total).toBe(PROTOTYPE_IDS.length);
}

describe('ids named like Object.prototype members work end to end', () => {
  it('through the WhatsApp adapter over the mock server', async () => {
    const backend = prototypeBackend('whatsapp');
    server = await startMockServer({ flavour: 'whatsapp', port: 0, backend });
    const [user] = await backend.listAssignees();
    await exercise(createWhatsAppAdapter({ baseUrl: server.baseUrl, headers: { Authorization: `Bearer ${server.token}` }, retry: false }), user!.id);
  });

  it('through the Waply adapter over the mock server', async () => {
    const backend = prototypeBackend('waply');
    server = await startMockServer({ flavour: 'waply', port: 0, backend });
    const [user] = await backend.listAssignees();
    await exercise(createWaplyAdapter({ apiKey: server.token, baseUrl: server.baseUrl, retry: false }), user!.id);
    // The memory backend filed each note under its own id.
    const full = createMemoryAdapter({ profile: 'full', conversations: await Promise.all(PROTOTYPE_IDS.map((id) => backend.getConversation(id))) });
    for (const id of PROTOTYPE_IDS) await full.addNote(id, `note on ${id}`);
    for (const id of PROTOTYPE_IDS) expect((await full.listNotes(id)).map((n) => n.content)).toEqual([`note on ${id}`]);
  });
});

describe('ids that cannot be encoded', () => {
  const lone = 'conv_\uD83D';

  it('a lone surrogate is invalid_id before any request, in both HTTP adapters', async () => {
    plain = await startServer(() => ({ body: {} }));
    const whatsapp = createWhatsAppAdapter({ baseUrl: plain.url, retry: false });
    const waply = createWaplyAdapter({ apiKey: 'k', baseUrl: plain.url, retry: false });
    for (const adapter of [whatsapp, waply]) {
      expect((await failure(adapter.getConversation(lone))).code).toBe('invalid_id');
      expect((await failure(adapter.assignConversation(lone, { type: 'user', id: 'user_1' }))).code).toBe('invalid_id');
      expect((await failure(adapter.assignConversation('conv_1', { type: 'user', id: '\uDC00user' }))).code).toBe('invalid_id');
      expect((await failure(adapter.resolveConversation(lone))).code).toBe('invalid_id');
    }
    expect((await failure(waply.addNote(lone, 'hello'))).code).toBe('invalid_id');
    expect(plain.seen).toHaveLength(0);
  });

  it('and in the memory backend', async () => {
    const backend = createMemoryAdapter({ size: 3 });
    expect((await failure(backend.getConversation(lone))).code).toBe('invalid_id');
  });
});

/** Posts `bytes` in 64 KB chunks, waiting for the socket to drain; resolves with what happened and how much was written by then. */
function upload(url: string, bytes: number, headers: Record<string, string>): Promise<{ status?: number; error?: string; written: number }> {
  return new Promise((resolve) => {
    let written = 0;
    let settled = false;
    const done = (result: { status?: number; error?: string }) => {
      if (settled) return;
      settled = true;
      resolve({ ...result, written });
      req.destroy();
    };
    const req = request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': String(bytes), ...headers } });
    req.on('response', (res) => {
      res.resume();
      done({ status: res.statusCode });
    });
    req.on('error', (error: NodeJS.ErrnoException) => done({ error: error.code ?? error.message }));
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const pump = () => {
      while (!settled && written < bytes) {
        written += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!settled) req.end();
    };
    pump();
  });
}

describe('the mock server reads no body it would refuse', () => {
  it('refuses an unauthenticated 50 MB POST before reading it', async () => {
    server = await startMockServer({ flavour: 'waply', port: 0, size: 3 });
    const [first] = (await server.backend.listConversations({ limit: 1 })).conversations;
    const size = 50 * 1024 * 1024;
    const result = await upload(`${server.baseUrl}/conversations/${first!.id}/notes`, size, {});
    // Answered (or cut off) long before the upload could finish: the body was never buffered.
    expect(result.status === 401 || result.error !== undefined).toBe(true);
    expect(result.written).toBeLessThan(size / 2);
    expect((await server.backend.listConversations({ limit: 1 })).conversations[0]!.id).toBe(first!.id);
  });

  it('answers 413 to an authenticated body over 1 MB and adds no note', async () => {
    const backend = createMemoryAdapter({ profile: 'full', size: 3 });
    server = await startMockServer({ flavour: 'waply', port: 0, backend });
    const [first] = (await backend.listConversations({ limit: 1 })).conversations;
    const size = 8 * 1024 * 1024;
    const result = await upload(`${server.baseUrl}/conversations/${first!.id}/notes`, size, { Authorization: `Bearer ${server.token}` });
    expect(result.status === 413 || result.error !== undefined).toBe(true);
    expect(result.written).toBeLessThan(size);
    expect(await backend.listNotes(first!.id)).toEqual([]);
  });

  it('the handler alone (as a fetch) answers 413 past 1 MB, and takes a body just under it', async () => {
    const backend = createMemoryAdapter({ profile: 'full', size: 3 });
    const handler = createMockHandler({ flavour: 'waply', backend });
    const [first] = (await backend.listConversations({ limit: 1 })).conversations;
    const post = (content: string) =>
      handler(`http://mock/v1/conversations/${first!.id}/notes`, {
        method: 'POST',
        headers: { Authorization: 'Bearer inboxkit-mock-token', 'Content-Type': 'application/json' },
        body: JSON.stringify({ content }),
      });
    const big = await post('x'.repeat(1024 * 1024));
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ error: { message: 'Request body too large' } });
    expect((await post('x'.repeat(1000 * 1000))).status).toBe(200);
    expect(await backend.listNotes(first!.id)).toHaveLength(1);
  });
});

describe('Bearer auth', () => {
  it('takes the scheme in any case, and the token exactly', async () => {
    const handler = createMockHandler({ flavour: 'whatsapp', backend: createMemoryAdapter({ profile: 'whatsapp', size: 2 }) });
    const status = async (authorization: string) => (await handler('http://mock/api/whatsapp/conversations', { headers: { Authorization: authorization } })).status;
    expect(await status('bearer inboxkit-mock-token')).toBe(200);
    expect(await status('BEARER inboxkit-mock-token')).toBe(200);
    expect(await status('  Bearer   inboxkit-mock-token ')).toBe(200);
    expect(await status('Bearer INBOXKIT-MOCK-TOKEN')).toBe(401);
    expect(await status('Basic inboxkit-mock-token')).toBe(401);
    expect(await status('Bearer inboxkit-mock-token extra')).toBe(401);
    expect(await status('inboxkit-mock-token')).toBe(401);
  });
});
