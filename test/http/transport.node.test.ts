import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable, pipeline } from 'node:stream';
import { createGzip } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createWaplyAdapter, createWhatsAppAdapter, InboxError } from 'inboxkit';
import type { RetryOptions } from 'inboxkit';
import { failure } from '../support/failure.js';
import { fixture, startServer } from '../support/httpServer.js';
import type { TestServer } from '../support/httpServer.js';

// The transport's own defences: redirects, answer size, the headers function, credentials.

const servers: TestServer[] = [];
const rawServers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await Promise.all(
    rawServers.splice(0).map(
      (s) =>
        new Promise<void>((resolve) => {
          s.closeAllConnections();
          s.close(() => resolve());
        }),
    ),
  );
});

const FAST_RETRY: RetryOptions = { retries: 3, baseDelayMs: 1, maxDelayMs: 5 };

async function serve(...args: Parameters<typeof startServer>): Promise<TestServer> {
  const server = await startServer(...args);
  servers.push(server);
  return server;
}

describe('redirects', () => {
  it('refuses a cross-origin 302 on a read: the other origin gets no request', async () => {
    const other = await serve(async () => ({ body: await fixture('whatsapp-get') }));
    const api = await serve(() => ({ status: 302, headers: { Location: `${other.url}/api/whatsapp/conversations/conv_1` } }));
    const adapter = createWhatsAppAdapter({ baseUrl: api.url, headers: { Authorization: 'Bearer secret', 'X-Tenant': 't1' }, retry: FAST_RETRY });
    const error = await failure(adapter.getConversation('conv_1'));
    expect(error.code).toBe('invalid_response');
    expect(error.status).toBe(302);
    expect(error.message).toContain('another origin');
    expect(other.seen).toHaveLength(0);
    // Not retried: the same answer would come again.
    expect(api.seen).toHaveLength(1);
  });

  it('refuses a cross-origin 307 on a Waply note: the note is not posted elsewhere', async () => {
    const other = await serve(async () => ({ body: await fixture('waply-note') }));
    const api = await serve(() => ({ status: 307, headers: { Location: `${other.url}/v1/conversations/conv_01HABC/notes` } }));
    const adapter = createWaplyAdapter({ apiKey: 'secret', baseUrl: `${api.url}/v1`, retry: false });
    const error = await failure(adapter.addNote('conv_01HABC', 'Internal: customer is on the Enterprise plan.'));
    expect(error.code).toBe('invalid_response');
    expect(other.seen).toHaveLength(0);
    expect(api.seen).toHaveLength(1);
    expect(JSON.parse(api.seen[0]!.body)).toEqual({ content: 'Internal: customer is on the Enterprise plan.' });
  });

  it('refuses a protocol-relative Location to another host', async () => {
    const other = await serve(() => ({ body: {} }));
    const api = await serve(() => ({ status: 301, headers: { Location: `//${new URL(other.url).host}/x` } }));
    const adapter = createWaplyAdapter({ apiKey: 'k', baseUrl: api.url, retry: false });
    expect((await failure(adapter.listConversations({}))).code).toBe('invalid_response');
    expect(other.seen).toHaveLength(0);
  });

  it('follows a same-origin 302 on a read, headers included', async () => {
    const api = await serve(async (req) =>
      req.url.startsWith('/old/') ? { status: 302, headers: { Location: req.url.replace('/old/', '/new/') } } : { body: await fixture('whatsapp-get') },
    );
    const adapter = createWhatsAppAdapter({ baseUrl: `${api.url}/old`, headers: { Authorization: 'Bearer t' }, retry: false });
    const conversation = await adapter.getConversation('conv_a1b2c3d4-5678-90ab-cdef-1234567890ab');
    expect(conversation.contact?.name).toBe('Ahmed Hassan');
    expect(api.seen.map((s) => s.url)).toEqual([
      '/old/api/whatsapp/conversations/conv_a1b2c3d4-5678-90ab-cdef-1234567890ab',
      '/new/api/whatsapp/conversations/conv_a1b2c3d4-5678-90ab-cdef-1234567890ab',
    ]);
    expect(api.seen[1]!.headers.authorization).toBe('Bearer t');
  });

  it('follows a same-origin 307 on a note with its body', async () => {
    const api = await serve(async (req) => (req.url.startsWith('/v1/') ? { status: 307, headers: { Location: req.url.replace('/v1/', '/v2/') } } : { body: await fixture('waply-note') }));
    const adapter = createWaplyAdapter({ apiKey: 'k', baseUrl: `${api.url}/v1`, retry: false });
    await adapter.addNote('conv_01HABC', 'Call back tomorrow');
    expect(api.seen.map((s) => [s.method, s.url, s.body])).toEqual([
      ['POST', '/v1/conversations/conv_01HABC/notes', '{"content":"Call back tomorrow"}'],
      ['POST', '/v2/conversations/conv_01HABC/notes', '{"content":"Call back tomorrow"}'],
    ]);
  });

  it('gives up on a redirect loop after a few hops', async () => {
    const api = await serve((req) => ({ status: 302, headers: { Location: req.url } }));
    const adapter = createWaplyAdapter({ apiKey: 'k', baseUrl: api.url, retry: false });
    const error = await failure(adapter.listConversations({}));
    expect(error.code).toBe('invalid_response');
    expect(error.message).toContain('redirected more than');
    expect(api.seen).toHaveLength(6);
  });
});

/** A JSON body of about `bytes`, valid all the way (so only the size is wrong with it). */
function paddedList(bytes: number): string {
  return `{"data":[],"total":0,"page":1,"pad":"${'0'.repeat(bytes)}"}`;
}

describe('response size', () => {
  it('refuses a 6 MB answer with invalid_response and does not retry it', async () => {
    const api = await serve(() => ({ body: paddedList(6 * 1024 * 1024) }));
    const adapter = createWaplyAdapter({ apiKey: 'k', baseUrl: api.url, retry: FAST_RETRY });
    const error = await failure(adapter.listConversations({}));
    expect(error.code).toBe('invalid_response');
    expect(error.message).toContain('maxResponseBytes');
    expect(api.seen).toHaveLength(1);
  });

  it('takes maxResponseBytes as the limit', async () => {
    const api = await serve(() => ({ body: paddedList(2000) }));
    const small = createWaplyAdapter({ apiKey: 'k', baseUrl: api.url, retry: false, maxResponseBytes: 1000 });
    expect((await failure(small.listConversations({}))).code).toBe('invalid_response');
    const roomy = createWaplyAdapter({ apiKey: 'k', baseUrl: api.url, retry: false, maxResponseBytes: 10_000 });
    expect((await roomy.listConversations({})).total).toBe(0);
  });

  it('counts the body without a Content-Length, as it streams', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      // Chunked: no Content-Length to check up front.
      res.write('{"data":[],"total":0,"page":1,"pad":"');
      for (let i = 0; i < 20; i++) res.write('0'.repeat(1000));
      res.end('"}');
    });
    rawServers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const adapter = createWaplyAdapter({ apiKey: 'k', baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, retry: false, maxResponseBytes: 10_000 });
    expect((await failure(adapter.listConversations({}))).code).toBe('invalid_response');
  });

  it('stops a gzip bomb after the limit, counting inflated bytes, without holding what it inflates to', async () => {
    const inflated = 200 * 1024 * 1024;
    let produced = 0;
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      const chunk = Buffer.alloc(64 * 1024, '0');
      const source = Readable.from(
        (function* () {
          yield Buffer.from('{"data":[],"total":0,"page":1,"pad":"');
          for (; produced < inflated; produced += chunk.length) yield chunk;
          yield Buffer.from('"}');
        })(),
      );
      pipeline(source, createGzip({ level: 1 }), res, () => undefined);
    });
    rawServers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const adapter = createWaplyAdapter({ apiKey: 'k', baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, retry: FAST_RETRY });
    const before = process.memoryUsage().rss;
    const error = await failure(adapter.listConversations({}));
    const grown = process.memoryUsage().rss - before;
    expect(error.code).toBe('invalid_response');
    // The whole body would be 200 MB as text (more as a parsed string); reading stopped near 5 MB.
    expect(grown).toBeLessThan(100 * 1024 * 1024);
    expect(produced).toBeLessThan(inflated);
  });

  it('still reports an oversized error page by its status, without its text', async () => {
    const api = await serve(() => ({ status: 503, body: `{"error":"${'x'.repeat(200_000)}"}` }));
    const adapter = createWaplyAdapter({ apiKey: 'k', baseUrl: api.url, retry: false });
    const error = await failure(adapter.listConversations({}));
    expect(error.code).toBe('server');
    expect(error.serverMessage).toBeUndefined();
  });
});

describe('the headers function', () => {
  it('times out when it never settles, and sends nothing', async () => {
    const api = await serve(() => ({ body: {} }));
    const adapter = createWhatsAppAdapter({ baseUrl: api.url, headers: () => new Promise<Record<string, string>>(() => undefined), timeoutMs: 50, retry: false });
    const error = await failure(adapter.getConversation('conv_1'));
    expect(error.code).toBe('timeout');
    expect(api.seen).toHaveLength(0);
  });

  it('is aborted with the request when it never settles', async () => {
    const api = await serve(() => ({ body: {} }));
    let called = 0;
    const adapter = createWhatsAppAdapter({
      baseUrl: api.url,
      headers: () => {
        called++;
        return new Promise<Record<string, string>>(() => undefined);
      },
      retry: false,
    });
    const controller = new AbortController();
    const pending = failure(adapter.getConversation('conv_1', { signal: controller.signal }));
    while (called === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    expect((await pending).code).toBe('aborted');
    expect(api.seen).toHaveLength(0);
  });

  it('a throw that says 401 or Unauthorized becomes unauthorized, and is not retried', async () => {
    const api = await serve(() => ({ body: {} }));
    let calls = 0;
    const adapter = createWhatsAppAdapter({
      baseUrl: api.url,
      headers: () => {
        calls++;
        throw new Error('Token refresh failed: 401 Unauthorized');
      },
      retry: FAST_RETRY,
    });
    const error = await failure(adapter.listConversations({}));
    expect(error.code).toBe('unauthorized');
    expect(error.message).toContain('Token refresh failed');
    expect(error.cause).toBeInstanceOf(Error);
    expect(calls).toBe(1);
    expect(api.seen).toHaveLength(0);
  });

  it('any other failure becomes network (a thrown TypeError, a rejected string)', async () => {
    const api = await serve(() => ({ body: {} }));
    const throwing = createWhatsAppAdapter({
      baseUrl: api.url,
      headers: () => {
        throw new TypeError('Cannot read properties of undefined');
      },
      retry: false,
    });
    expect((await failure(throwing.getConversation('conv_1'))).code).toBe('network');
    const rejecting = createWhatsAppAdapter({ baseUrl: api.url, headers: () => Promise.reject('offline'), retry: false });
    expect((await failure(rejecting.getConversation('conv_1'))).code).toBe('network');
    // An InboxError it throws is kept as it is.
    const refusing = createWhatsAppAdapter({
      baseUrl: api.url,
      headers: async () => {
        throw new InboxError('forbidden', 'No seat for this agent.');
      },
      retry: false,
    });
    expect(await failure(refusing.getConversation('conv_1'))).toMatchObject({ code: 'forbidden', message: 'No seat for this agent.' });
    expect(api.seen).toHaveLength(0);
  });
});

describe('cookie-authenticated proxies', () => {
  it('the WhatsApp adapter works without headers; the proxy’s 401 is unauthorized', async () => {
    const api = await serve(async (req) => (req.headers.cookie === 'session=ok' ? { body: await fixture('whatsapp-list') } : { status: 401, body: { success: false, error: 'Unauthorized' } }));
    const adapter = createWhatsAppAdapter({ baseUrl: api.url, retry: false });
    const error = await failure(adapter.listConversations({}));
    expect(error.code).toBe('unauthorized');
    expect(api.seen[0]!.headers.authorization).toBeUndefined();
    // What a browser does for a same-origin proxy: the cookie rides along.
    const withCookie = createWhatsAppAdapter({ baseUrl: api.url, retry: false, fetch: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), Cookie: 'session=ok' } }) });
    expect((await withCookie.listConversations({})).conversations).toHaveLength(2);
  });

  it('passes credentials to fetch on both adapters', async () => {
    const api = await serve(async (req) => ({ body: await fixture(req.url.startsWith('/api/') ? 'whatsapp-list' : 'waply-list') }));
    const inits: Array<RequestInit | undefined> = [];
    const recording: typeof fetch = (input, init) => {
      inits.push(init);
      return fetch(input, init);
    };
    await createWhatsAppAdapter({ baseUrl: api.url, credentials: 'include', fetch: recording }).listConversations({});
    await createWaplyAdapter({ apiKey: 'k', baseUrl: api.url, credentials: 'include', fetch: recording }).listConversations({});
    await createWaplyAdapter({ apiKey: 'k', baseUrl: api.url, fetch: recording }).listConversations({});
    expect(inits.map((init) => init?.credentials)).toEqual(['include', 'include', undefined]);
  });
});
