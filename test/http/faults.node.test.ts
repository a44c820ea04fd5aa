import { afterEach, describe, expect, it } from 'vitest';
import { createWaplyAdapter, createWhatsAppAdapter } from 'inboxkit';
import type { RetryOptions } from 'inboxkit';
import { failure } from '../support/failure.js';
import { fixture, startServer } from '../support/httpServer.js';
import type { Reply, Seen, TestServer } from '../support/httpServer.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const FAST_RETRY: RetryOptions = { retries: 3, baseDelayMs: 1, maxDelayMs: 5 };

async function whatsapp(respond: (req: Seen, index: number) => Reply | Promise<Reply>, options: { retry?: RetryOptions | false; timeoutMs?: number } = {}) {
  server = await startServer(respond);
  const adapter = createWhatsAppAdapter({ baseUrl: server.url, headers: { Authorization: 'Bearer t' }, retry: false, ...options });
  return { adapter, seen: server.seen };
}

async function waply(respond: (req: Seen, index: number) => Reply | Promise<Reply>, options: { retry?: RetryOptions | false; timeoutMs?: number } = {}) {
  server = await startServer(respond);
  const adapter = createWaplyAdapter({ apiKey: 'k', baseUrl: server.url, retry: false, ...options });
  return { adapter, seen: server.seen };
}

describe('HTTP status codes become InboxError codes, keeping the server text', () => {
  const cases: Array<[number, string, string]> = [
    [400, 'Invalid conversation ID', 'invalid_id'],
    [400, 'limit must be at most 100', 'invalid_input'],
    [401, 'Unauthorized', 'unauthorized'],
    [403, 'Forbidden', 'forbidden'],
    [404, 'Conversation not found', 'not_found'],
    [429, 'Rate limit exceeded', 'rate_limited'],
    [500, 'Internal server error', 'server'],
    [503, 'Service unavailable', 'server'],
  ];
  for (const [status, text, code] of cases) {
    it(`WhatsApp ${status} "${text}" → ${code}`, async () => {
      const { adapter } = await whatsapp(() => ({ status, body: { success: false, error: text } }));
      const error = await failure(adapter.getConversation('conv_1'));
      expect(error.code).toBe(code);
      expect(error.status).toBe(status);
      expect(error.serverMessage).toBe(text);
      expect(error.message).toContain(text);
    });
  }

  it('Waply 401 with no body still says what happened', async () => {
    const { adapter } = await waply(() => ({ status: 401 }));
    const error = await failure(adapter.listConversations({}));
    expect(error.code).toBe('unauthorized');
    expect(error.message).toMatch(/Waply API: .+\(HTTP 401\)/);
  });

  it('an HTML error page is not mistaken for a server message', async () => {
    const { adapter } = await waply(() => ({ status: 502, body: '<html><body>Bad gateway</body></html>', headers: { 'Content-Type': 'text/html' } }));
    const error = await failure(adapter.getConversation('conv_1'));
    expect(error.code).toBe('server');
    expect(error.serverMessage).toBeUndefined();
  });
});

describe('retries', () => {
  it('honours Retry-After in seconds on a 429, then succeeds', async () => {
    const { adapter, seen } = await whatsapp(
      async (_req, i) => (i === 0 ? { status: 429, headers: { 'Retry-After': '1' }, body: { success: false, error: 'Rate limit exceeded' } } : { body: await fixture('whatsapp-list') }),
      { retry: FAST_RETRY },
    );
    const started = Date.now();
    const page = await adapter.listConversations({});
    expect(page.conversations).toHaveLength(2);
    expect(seen).toHaveLength(2);
    // The backoff alone would be a few ms; the server asked for a second.
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('honours Retry-After as an HTTP date', async () => {
    const { adapter, seen } = await waply(
      async (_req, i) =>
        i === 0 ? { status: 429, headers: { 'Retry-After': new Date(Date.now() + 2000).toUTCString() } } : { body: await fixture('waply-list') },
      { retry: FAST_RETRY },
    );
    const started = Date.now();
    await adapter.listConversations({});
    expect(seen).toHaveLength(2);
    // HTTP dates have whole seconds, so the wait is between 1 and 2 s.
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('gives up at once when Retry-After is longer than the caller will wait, exposing retryAfterMs', async () => {
    const { adapter, seen } = await whatsapp(() => ({ status: 429, headers: { 'Retry-After': '120' }, body: { success: false, error: 'Rate limit exceeded' } }), {
      retry: FAST_RETRY,
    });
    const error = await failure(adapter.listConversations({}));
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfterMs).toBe(120_000);
    expect(seen).toHaveLength(1);
  });

  it('retries 5xx reads a bounded number of times', async () => {
    const { adapter, seen } = await whatsapp(() => ({ status: 500, body: { success: false, error: 'Internal server error' } }), { retry: { ...FAST_RETRY, retries: 2 } });
    const error = await failure(adapter.listConversations({}));
    expect(error.code).toBe('server');
    expect(seen).toHaveLength(3);
  });

  it('retries reads after a dropped connection, then reports network', async () => {
    const { adapter, seen } = await waply(() => ({ destroy: true }), { retry: { ...FAST_RETRY, retries: 1 } });
    const error = await failure(adapter.getConversation('conv_1'));
    expect(error.code).toBe('network');
    expect(seen).toHaveLength(2);
  });

  it('recovers when a retried read succeeds', async () => {
    const { adapter, seen } = await waply(async (_req, i) => (i < 2 ? { status: 503 } : { body: await fixture('waply-get') }), { retry: FAST_RETRY });
    expect((await adapter.getConversation('conv_01HABC')).id).toBe('conv_01HABC');
    expect(seen).toHaveLength(3);
  });

  it('never retries mutations', async () => {
    const { adapter, seen } = await waply(() => ({ status: 500 }), { retry: FAST_RETRY });
    await failure(adapter.resolveConversation('conv_1'));
    await failure(adapter.assignConversation('conv_1', { type: 'user', id: 'usr_1' }));
    await failure(adapter.addNote('conv_1', 'hi'));
    expect(seen).toHaveLength(3);
  });

  it('retries by default (3 times) when no retry option is given', async () => {
    server = await startServer(() => ({ status: 500 }));
    const adapter = createWaplyAdapter({ apiKey: 'k', baseUrl: server.url, retry: { baseDelayMs: 1 } });
    await failure(adapter.listConversations({}));
    expect(server.seen).toHaveLength(4);
  });
});

describe('timeouts and aborts', () => {
  it('times out a slow answer with code timeout', async () => {
    const { adapter } = await whatsapp(async () => ({ delayMs: 2000, body: await fixture('whatsapp-get') }), { timeoutMs: 50 });
    const error = await failure(adapter.getConversation('conv_1'));
    expect(error.code).toBe('timeout');
    expect(error.message).toContain('50 ms');
  });

  it('aborts an in-flight request with code aborted', async () => {
    const { adapter, seen } = await whatsapp(async () => ({ delayMs: 2000, body: await fixture('whatsapp-get') }));
    const controller = new AbortController();
    const pending = failure(adapter.getConversation('conv_1', { signal: controller.signal }));
    while (seen.length === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    expect((await pending).code).toBe('aborted');
  });

  it('sends nothing for an already-aborted signal', async () => {
    const { adapter, seen } = await waply(() => ({ body: {} }));
    const controller = new AbortController();
    controller.abort();
    expect((await failure(adapter.listConversations({}, { signal: controller.signal }))).code).toBe('aborted');
    expect(seen).toHaveLength(0);
  });

  it('stops waiting between retries when aborted', async () => {
    const { adapter, seen } = await waply(() => ({ status: 429, headers: { 'Retry-After': '30' } }), { retry: FAST_RETRY });
    const controller = new AbortController();
    const pending = failure(adapter.listConversations({}, { signal: controller.signal }));
    while (seen.length === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    expect((await pending).code).toBe('aborted');
    expect(seen).toHaveLength(1);
  });
});

describe('malformed responses become invalid_response with a message that says what was wrong', () => {
  it('a body that is not JSON', async () => {
    const { adapter } = await whatsapp(() => ({ body: '<!doctype html><p>Welcome to nginx</p>' }));
    const error = await failure(adapter.listConversations({}));
    expect(error.code).toBe('invalid_response');
    expect(error.message).toContain('not JSON');
    expect(error.message).toContain('Welcome to nginx');
  });

  it('an empty body', async () => {
    const { adapter } = await waply(() => ({ body: '' }));
    expect((await failure(adapter.getConversation('conv_1'))).message).toContain('empty body');
  });

  it('a missing envelope', async () => {
    const { adapter } = await whatsapp(async () => ({ body: JSON.parse(await fixture('whatsapp-list')).data }));
    const error = await failure(adapter.listConversations({}));
    expect(error.code).toBe('invalid_response');
    expect(error.message).toContain('success');
  });

  it('a list that is not an array', async () => {
    const { adapter } = await whatsapp(() => ({ body: { success: true, data: { conversations: 'none', total: 0 } } }));
    expect((await failure(adapter.listConversations({}))).message).toBe(
      'WhatsApp API sent an invalid response: data.conversations should be an array, got the string "none".',
    );
  });

  it('a wrong-typed field deep in a row names its path', async () => {
    const { adapter } = await waply(async () => {
      const list = JSON.parse(await fixture('waply-list'));
      list.data[0].created_at = 12345;
      return { body: list };
    });
    expect((await failure(adapter.listConversations({}))).message).toBe(
      'Waply API sent an invalid response: data[0].created_at should be a string, got number 12345.',
    );
  });

  it('a timestamp that is not a date', async () => {
    const { adapter } = await waply(async () => ({ body: { ...JSON.parse(await fixture('waply-get')), updated_at: 'yesterday' } }));
    expect((await failure(adapter.getConversation('conv_01HABC'))).message).toContain('updated_at should be an ISO-8601 timestamp');
  });

  it('ignores unknown extra fields', async () => {
    const { adapter } = await whatsapp(async () => {
      const body = JSON.parse(await fixture('whatsapp-get'));
      body.data.sentiment = 'positive';
      body.data.contact.tier = 'gold';
      body.requestId = 'abc';
      return { body };
    });
    const conversation = await adapter.getConversation('conv_a1b2c3d4-5678-90ab-cdef-1234567890ab');
    expect(conversation.contact?.name).toBe('Ahmed Hassan');
    expect(conversation).not.toHaveProperty('sentiment');
  });

  it('keeps an unknown status visible instead of coercing it to open', async () => {
    const { adapter } = await whatsapp(async () => {
      const body = JSON.parse(await fixture('whatsapp-list'));
      body.data.conversations[0].status = 'snoozed';
      return { body };
    });
    const [row] = (await adapter.listConversations({})).conversations;
    expect(row!.status).toBe('unknown');
    expect(row!.rawStatus).toBe('snoozed');
  });

  it('keeps an unknown Waply status and channel visible', async () => {
    const { adapter } = await waply(async () => ({ body: { ...JSON.parse(await fixture('waply-get')), status: 'pending', channel: 'telegram' } }));
    const conversation = await adapter.getConversation('conv_01HABC');
    expect(conversation).toMatchObject({ status: 'unknown', rawStatus: 'pending', channel: 'unknown', rawChannel: 'telegram' });
  });
});

describe('untrusted data and ids', () => {
  it('keeps HTML and script in a name as plain data, and huge strings whole', async () => {
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const huge = 'x'.repeat(1_000_000);
    const { adapter } = await whatsapp(async () => {
      const body = JSON.parse(await fixture('whatsapp-get'));
      body.data.contact.name = hostile;
      body.data.lastMessage.text = huge;
      return { body };
    });
    const conversation = await adapter.getConversation('conv_1');
    expect(conversation.contact?.name).toBe(hostile);
    expect(conversation.lastMessage?.text).toHaveLength(1_000_000);
  });

  it('keeps a path-traversal id inside the API path', async () => {
    const { adapter, seen } = await whatsapp(() => ({ status: 404, body: { success: false, error: 'Conversation not found' } }));
    await failure(adapter.getConversation('../x'));
    await failure(adapter.assignConversation('../../admin', { type: 'user', id: '../u' }));
    await failure(adapter.getConversation('a/b?c=d#e'));
    expect(seen.map((s) => s.url)).toEqual([
      '/api/whatsapp/conversations/..%2Fx',
      '/api/whatsapp/conversations/..%2F..%2Fadmin/assign',
      '/api/whatsapp/conversations/a%2Fb%3Fc%3Dd%23e',
    ]);
    expect(JSON.parse(seen[1]!.body)).toEqual({ userId: '../u' });
  });

  it('refuses dot-segment and empty ids without a request', async () => {
    const { adapter, seen } = await waply(() => ({ body: {} }));
    for (const id of ['..', '.', '%2e%2E', '', '  ']) {
      expect((await failure(adapter.getConversation(id))).code).toBe('invalid_id');
    }
    expect(seen).toHaveLength(0);
  });
});
