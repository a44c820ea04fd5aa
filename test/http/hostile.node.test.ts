import { afterEach, describe, expect, it } from 'vitest';
import { createWaplyAdapter, createWhatsAppAdapter } from 'inboxkit';
import { failure } from '../support/failure.js';
import { fixture, startServer } from '../support/httpServer.js';
import type { Reply, Seen, TestServer } from '../support/httpServer.js';

// Values a broken or hostile backend sends: dates that are not dates, totals
// that are not counts, pages that never end, keys named like prototypes.

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function whatsapp(respond: (req: Seen, index: number) => Reply | Promise<Reply>) {
  server = await startServer(respond);
  return { adapter: createWhatsAppAdapter({ baseUrl: server.url, headers: { Authorization: 'Bearer t' }, retry: false }), seen: server.seen };
}

async function waply(respond: (req: Seen, index: number) => Reply | Promise<Reply>) {
  server = await startServer(respond);
  return { adapter: createWaplyAdapter({ apiKey: 'k', baseUrl: server.url, retry: false }), seen: server.seen };
}

const json = async (name: string) => JSON.parse(await fixture(name));

describe('timestamps: ISO-8601 with a time zone, or invalid_response naming the field', () => {
  const bad = ['0', '2026', 'March 7', 'Sat, 16 May 2026 14:22:00 GMT', '2026-05-16', '2026-05-16T14:22:00', '2026-02-30T10:00:00Z'];

  for (const value of bad) {
    it(`WhatsApp lastMessage.timestamp ${JSON.stringify(value)}`, async () => {
      const { adapter } = await whatsapp(async () => {
        const body = await json('whatsapp-list');
        body.data.conversations[1].lastMessage.timestamp = value;
        return { body };
      });
      const error = await failure(adapter.listConversations({}));
      expect(error.code).toBe('invalid_response');
      expect(error.message).toContain('data.conversations[1].lastMessage.timestamp should be');
    });

    it(`Waply messages[0].created_at ${JSON.stringify(value)}`, async () => {
      const { adapter } = await waply(async () => ({ body: { ...(await json('waply-get')), messages: [{ ...(await json('waply-get')).messages[0], created_at: value }] } }));
      const error = await failure(adapter.getConversation('conv_01HABC'));
      expect(error.code).toBe('invalid_response');
      expect(error.message).toContain('messages[0].created_at should be');
    });
  }

  it('every timestamp field is checked: createdAt, updatedAt, closedAt, a note’s created_at', async () => {
    const { adapter } = await whatsapp(async (req) => {
      if (req.url.endsWith('/close')) return { body: { success: true, data: { id: 'conv_1', status: 'closed', closedAt: 'March 7', closedBy: null } } };
      const body = await json('whatsapp-get');
      body.data.updatedAt = '2026';
      return { body };
    });
    expect((await failure(adapter.getConversation('conv_1'))).message).toContain('data.updatedAt should be an ISO-8601 timestamp with a time zone');
    expect((await failure(adapter.resolveConversation('conv_1'))).message).toContain('data.closedAt');
    await server?.close();
    const { adapter: w } = await waply(async () => ({ body: { ...(await json('waply-note')), created_at: '0' } }));
    expect((await failure(w.addNote('conv_01HABC', 'hi'))).message).toContain('created_at should be');
  });

  it('normalizes accepted timestamps to UTC, so string order is instant order', async () => {
    const { adapter } = await whatsapp(async () => {
      const body = await json('whatsapp-list');
      const [first, second] = body.data.conversations;
      // 16:00+02:00 is 14:00Z, earlier than 14:15Z, though it sorts after it as a string.
      first.updatedAt = '2026-05-16T16:00:00+02:00';
      second.updatedAt = '2026-05-16T14:15:00Z';
      first.lastMessage.timestamp = '2026-05-16T09:30:00.5-0500';
      first.createdAt = '2026-05-15t09:00:00z';
      return { body };
    });
    const [first, second] = (await adapter.listConversations({})).conversations;
    expect(first!.updatedAt).toBe('2026-05-16T14:00:00.000Z');
    expect(second!.updatedAt).toBe('2026-05-16T14:15:00.000Z');
    expect(first!.updatedAt < second!.updatedAt).toBe(Date.parse(first!.updatedAt) < Date.parse(second!.updatedAt));
    expect(first!.lastMessage!.timestamp).toBe('2026-05-16T14:30:00.500Z');
    expect(first!.createdAt).toBe('2026-05-15T09:00:00.000Z');
  });
});

describe('totals and paging', () => {
  for (const total of [-5, 2.5, 1e15, '38', null]) {
    it(`Waply total ${JSON.stringify(total)} is invalid_response`, async () => {
      const { adapter } = await waply(async () => ({ body: { ...(await json('waply-list')), total } }));
      const error = await failure(adapter.listConversations({}));
      expect(error.code).toBe('invalid_response');
      expect(error.message).toContain('total should be a whole number from 0');
    });

    it(`WhatsApp total ${JSON.stringify(total)} is invalid_response`, async () => {
      const { adapter } = await whatsapp(async () => {
        const body = await json('whatsapp-list');
        body.data.total = total;
        return { body };
      });
      expect((await failure(adapter.listConversations({}))).message).toContain('data.total should be a whole number from 0');
    });
  }

  it('WhatsApp page and limit must be whole numbers from 1', async () => {
    const { adapter } = await whatsapp(async () => {
      const body = await json('whatsapp-list');
      body.data.limit = 0;
      return { body };
    });
    expect((await failure(adapter.listConversations({}))).message).toContain('data.limit should be a whole number from 1 up');
  });

  it('an empty WhatsApp page ends paging, whatever hasNext says', async () => {
    const { adapter } = await whatsapp(() => ({ body: { success: true, data: { conversations: [], total: 1000000, page: 7, limit: 20, hasNext: true } } }));
    expect((await adapter.listConversations({ page: 7 })).hasNext).toBe(false);
  });

  it('an empty Waply page ends paging, whatever the total', async () => {
    const { adapter } = await waply(() => ({ body: { data: [], total: 1000000, page: 3 } }));
    expect((await adapter.listConversations({ page: 3 })).hasNext).toBe(false);
  });

  it('WhatsApp hasNext never claims a page past ceil(total / limit)', async () => {
    const { adapter } = await whatsapp(async () => {
      const body = await json('whatsapp-list');
      Object.assign(body.data, { total: 42, page: 3, limit: 20, hasNext: true });
      return { body };
    });
    expect((await adapter.listConversations({ page: 3 })).hasNext).toBe(false);
  });
});

describe('prototype-named keys and values from the wire', () => {
  it('a __proto__ key in metadata does not become its prototype, at any depth', async () => {
    const { adapter } = await whatsapp(async () => {
      const text = (await fixture('whatsapp-get')).replace(
        '"source": "organic",',
        '"source": "organic", "__proto__": { "polluted": true, "source": "evil" }, "constructor": { "prototype": { "polluted": true } }, "nested": { "__proto__": { "polluted": true }, "ok": 1 },',
      );
      return { body: text };
    });
    const { metadata } = await adapter.getConversation('conv_1');
    expect(Object.getPrototypeOf(metadata)).toBe(Object.prototype);
    expect((metadata as { polluted?: unknown }).polluted).toBeUndefined();
    expect(metadata.source).toBe('organic');
    expect(Object.keys(metadata)).toEqual(['source', 'nested', 'firstMessageAt']);
    expect(metadata.nested).toEqual({ ok: 1 });
    expect(Object.getPrototypeOf(metadata.nested)).toBe(Object.prototype);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('a status named like a prototype member stays unknown', async () => {
    const { adapter } = await whatsapp(async () => {
      const body = await json('whatsapp-list');
      body.data.conversations[0].status = 'constructor';
      body.data.conversations[1].status = '__proto__';
      return { body };
    });
    const [first, second] = (await adapter.listConversations({})).conversations;
    expect(first).toMatchObject({ status: 'unknown', rawStatus: 'constructor' });
    expect(second).toMatchObject({ status: 'unknown', rawStatus: '__proto__' });
    await server?.close();
    const { adapter: w } = await waply(async () => ({ body: { ...(await json('waply-get')), status: 'toString' } }));
    expect(await w.getConversation('conv_01HABC')).toMatchObject({ status: 'unknown', rawStatus: 'toString' });
  });
});
