import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryAdapter, InboxError } from 'inboxkit';
import type { AdapterEvent, Conversation, ConversationQuery, MemoryAdapter } from 'inboxkit';

const NOW = Date.parse('2026-05-16T12:00:00.000Z');
const DAY = 86_400_000;
const ID = /^[a-z]+_[A-Za-z0-9-]+$/;
const ULID_BODY = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** A clock the test moves by hand. */
function clock(start = NOW) {
  let time = start;
  return {
    now: () => time,
    advance: (ms: number) => {
      time += ms;
    },
    iso: () => new Date(time).toISOString(),
  };
}

/** Every conversation of a query, page by page (limit 100), in the order served. */
async function walk(adapter: MemoryAdapter, query: ConversationQuery = {}): Promise<{ rows: Conversation[]; total: number }> {
  const rows: Conversation[] = [];
  let total = -1;
  for (let page = 1; ; page++) {
    const result = await adapter.listConversations({ ...query, page, limit: 100 });
    if (total === -1) total = result.total;
    expect(result.total).toBe(total);
    rows.push(...result.conversations);
    if (!result.hasNext) break;
  }
  return { rows, total };
}

function inOrder(a: Conversation, b: Conversation): boolean {
  const ta = Date.parse(a.updatedAt);
  const tb = Date.parse(b.updatedAt);
  return ta > tb || (ta === tb && a.id < b.id);
}

/** Three conversations with controlled times, for exact ordering and filter checks. */
function fixture(): Conversation[] {
  const base = {
    contact: null,
    lastMessage: null,
    messages: [],
    unreadCount: 0,
    aiHandling: false,
    labels: [],
    metadata: {},
    createdAt: '2026-05-01T00:00:00.000Z',
    closedAt: null,
    closedBy: null,
  };
  return [
    { ...base, id: 'conv_B', contactId: 'contact_B', channel: 'whatsapp', status: 'open', assignee: null, updatedAt: '2026-05-10T00:00:00.000Z' },
    { ...base, id: 'conv_A', contactId: 'contact_A', channel: 'instagram', status: 'resolved', assignee: null, updatedAt: '2026-05-10T00:00:00.000Z', closedAt: '2026-05-10T00:00:00.000Z' },
    { ...base, id: 'conv_C', contactId: 'contact_C', channel: 'whatsapp', status: 'ai_handling', aiHandling: true, assignee: null, updatedAt: '2026-05-12T00:00:00.000Z' },
  ];
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('createMemoryAdapter: generated data', () => {
  it('gives identical data for the same seed and clock, and different data for another seed', async () => {
    const a = createMemoryAdapter({ seed: 42, now: () => NOW });
    const b = createMemoryAdapter({ seed: 42, now: () => NOW });
    const c = createMemoryAdapter({ seed: 43, now: () => NOW });
    const rowsA = (await walk(a)).rows;
    expect(rowsA).toHaveLength(300);
    expect((await walk(b)).rows).toEqual(rowsA);
    for (const row of rowsA.slice(0, 5)) expect(await b.getConversation(row.id)).toEqual(await a.getConversation(row.id));
    expect(await b.listAssignees()).toEqual(await a.listAssignees());

    const rowsC = (await walk(c)).rows;
    const idsA = new Set(rowsA.map((row) => row.id));
    expect(rowsC.filter((row) => idsA.has(row.id))).toEqual([]);
  });

  it('depends on the clock only through timestamps', async () => {
    const early = await walk(createMemoryAdapter({ seed: 5, size: 50, now: () => NOW }));
    const late = await walk(createMemoryAdapter({ seed: 5, size: 50, now: () => NOW + 3_600_000 }));
    expect(late.rows.map((row) => row.id)).toEqual(early.rows.map((row) => row.id));
    late.rows.forEach((row, i) => {
      const before = early.rows[i]!;
      expect(Date.parse(row.updatedAt) - Date.parse(before.updatedAt)).toBe(3_600_000);
      expect(Date.parse(row.createdAt) - Date.parse(before.createdAt)).toBe(3_600_000);
      expect(row.contact).toEqual(before.contact);
      expect(row.lastMessage?.text).toBe(before.lastMessage?.text);
    });
  });

  it('makes the same history whenever and in whatever order it is first read', async () => {
    const a = createMemoryAdapter({ seed: 9, size: 40, now: () => NOW });
    const b = createMemoryAdapter({ seed: 9, size: 40, now: () => NOW });
    const rows = (await a.listConversations({ limit: 10 })).conversations;
    const forward = [];
    for (const row of rows) forward.push((await a.getConversation(row.id)).messages);
    const backward = [];
    for (const row of [...rows].reverse()) backward.unshift((await b.getConversation(row.id)).messages);
    expect(backward).toEqual(forward);
  });

  it('generates 100,000 conversations', async () => {
    const adapter = createMemoryAdapter({ size: 100_000, now: () => NOW });
    const page = await adapter.listConversations({ limit: 100 });
    expect(page.total).toBe(100_000);
    expect(page.conversations).toHaveLength(100);
  });

  it('has realistic, multilingual, well-formed data', async () => {
    const adapter = createMemoryAdapter({ seed: 1, now: () => NOW });
    const { rows } = await walk(adapter);
    const names = rows.map((row) => row.contact?.name ?? '');
    expect(names).toContain('<img src=x onerror=alert(1)>');
    expect(names.some((name) => /[\u0600-\u06ff]/.test(name))).toBe(true); // Arabic script (Arabic, Persian, Urdu)
    expect(names.some((name) => /[\u0590-\u05ff]/.test(name))).toBe(true); // Hebrew
    expect(names.some((name) => /[\u4e00-\u9fff]/.test(name))).toBe(true); // CJK
    expect(names.some((name) => /[\uac00-\ud7af]/.test(name))).toBe(true); // Hangul
    expect(names.some((name) => /[\u0900-\u097f]/.test(name))).toBe(true); // Devanagari
    expect(names.some((name) => /[\u0400-\u04ff]/.test(name))).toBe(true); // Cyrillic
    expect(names.some((name) => /[À-ž]/.test(name))).toBe(true); // Latin with diacritics
    expect(names.some((name) => /\p{Extended_Pictographic}/u.test(name))).toBe(true);
    expect(names.filter((name) => name.length >= 60).length).toBeGreaterThanOrEqual(3);

    for (const row of rows) {
      expect(row.id).toMatch(ID);
      expect(row.id.slice('conv_'.length)).toMatch(ULID_BODY);
      expect(row.contactId).toMatch(/^contact_/);
      expect(row.contact?.id).toBe(row.contactId);
      if (row.contact?.phone !== undefined) expect(row.contact.phone).toMatch(/^\+[1-9]\d{7,14}$/);
      if (row.contact?.email !== undefined) expect(row.contact.email).toMatch(/^[^\s@]+@example\.(com|org|net)$/);
      expect(new Date(row.updatedAt).toISOString()).toBe(row.updatedAt);
      expect(new Date(row.createdAt).toISOString()).toBe(row.createdAt);
      expect(Date.parse(row.createdAt)).toBeGreaterThanOrEqual(NOW - 30 * DAY);
      expect(Date.parse(row.updatedAt)).toBeLessThanOrEqual(NOW);
      expect(Date.parse(row.updatedAt)).toBeGreaterThanOrEqual(Date.parse(row.createdAt));
      expect(row.lastMessage?.timestamp).toBe(row.updatedAt);
      expect(row.aiHandling).toBe(row.status === 'ai_handling');
      expect(row.closedAt === null).toBe(row.status !== 'resolved');
      if (row.assignee !== null) expect(row.assignee.id).toMatch(/^(user|team)_/);
      expect(row.messages).toBeNull(); // list rows are summaries
    }
    const avatars = rows.map((row) => row.contact?.avatarUrl);
    // No avatar points at a host (demo pages would send requests that fail); only the hostile one is there, to be refused.
    expect(avatars.filter((url) => url !== undefined)).toEqual(['javascript:alert(1)']);
    expect(rows.some((row) => row.contact?.email !== undefined)).toBe(true);
    expect(rows.some((row) => (row.contact?.labels ?? []).includes('vip'))).toBe(true);
    const unread = rows.map((row) => row.unreadCount ?? -1);
    expect(unread.filter((n) => n === 0).length).toBeGreaterThan(rows.length / 2);
    expect(unread.some((n) => n >= 1 && n <= 12)).toBe(true);
    expect(unread.some((n) => n >= 50)).toBe(true);
    expect(rows.some((row) => row.assignee === null)).toBe(true);
    expect(rows.some((row) => row.assignee?.type === 'user')).toBe(true);
    expect(rows.some((row) => row.assignee?.type === 'team')).toBe(true);
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(row.status, (counts.get(row.status) ?? 0) + 1);
    expect(counts.get('open')!).toBeGreaterThan(counts.get('resolved')!);
    expect(counts.get('resolved')!).toBeGreaterThan(counts.get('ai_handling')!);
    expect(counts.get('escalated')!).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row.channel))).toEqual(new Set(['whatsapp', 'instagram', 'messenger', 'webchat']));
  });

  it('has message histories that lead up to the last message', async () => {
    const adapter = createMemoryAdapter({ seed: 3, size: 60, now: () => NOW });
    const { rows } = await walk(adapter);
    let outbound = 0;
    for (const row of rows) {
      const conversation = await adapter.getConversation(row.id);
      const messages = conversation.messages!;
      expect(messages.length).toBeGreaterThan(0);
      const last = messages[messages.length - 1]!;
      expect({ text: last.text, timestamp: last.createdAt, direction: last.direction }).toEqual(conversation.lastMessage);
      const times = messages.map((m) => Date.parse(m.createdAt));
      expect(times).toEqual([...times].sort((x, y) => x - y));
      expect(messages[0]!.createdAt).toBe(conversation.createdAt);
      expect(new Set(messages.map((m) => m.id)).size).toBe(messages.length);
      for (const message of messages) {
        expect(message.id).toMatch(ID);
        expect(message.conversationId).toBe(row.id);
        if (message.direction === 'outbound') {
          outbound++;
          expect(['sent', 'delivered', 'read']).toContain(message.status);
        }
      }
      if ((conversation.unreadCount ?? 0) > 0) expect(last.direction).toBe('inbound');
    }
    expect(outbound).toBeGreaterThan(0);
  });

  it('seeds a handful of notes where notes can be listed', async () => {
    const adapter = createMemoryAdapter({ seed: 1, now: () => NOW });
    const { rows } = await walk(adapter);
    const notes = (await Promise.all(rows.map((row) => adapter.listNotes(row.id)))).flat();
    expect(notes.length).toBeGreaterThanOrEqual(5);
    expect(notes.length).toBeLessThanOrEqual(30);
    for (const note of notes) {
      expect(note.id).toMatch(/^note_/);
      expect(note.content.trim()).not.toBe('');
      expect(note.author?.id).toMatch(/^user_/);
    }
  });

  it('has a directory of users (some long or right-to-left) and then teams', async () => {
    const assignees = await createMemoryAdapter({ size: 0 }).listAssignees();
    const users = assignees.filter((a) => a.type === 'user');
    const teams = assignees.filter((a) => a.type === 'team');
    expect(users.length).toBeGreaterThanOrEqual(10);
    expect(teams.length).toBeGreaterThanOrEqual(3);
    expect(assignees).toEqual([...users, ...teams]);
    expect(users.some((u) => /[\u0590-\u06ff]/.test(u.name ?? ''))).toBe(true);
    expect(users.some((u) => (u.name ?? '').length >= 40)).toBe(true);
    for (const a of assignees) expect(a.id).toMatch(new RegExp(`^${a.type}_[0-9A-Z]{26}$`));
  });

  it('refuses bad options', () => {
    expect(() => createMemoryAdapter({ size: -1 })).toThrow(InboxError);
    expect(() => createMemoryAdapter({ size: 1.5 })).toThrow(InboxError);
    expect(() => createMemoryAdapter({ failureRate: 2 })).toThrow(InboxError);
    expect(() => createMemoryAdapter({ latencyMs: -5 })).toThrow(InboxError);
    expect(() => createMemoryAdapter({ conversations: [...fixture(), fixture()[0]!] })).toThrow(/twice/);
  });
});

describe('createMemoryAdapter: listing', () => {
  it('pages through 100,000 conversations, each exactly once, in order', async () => {
    const adapter = createMemoryAdapter({ size: 100_000, now: () => NOW });
    const { rows, total } = await walk(adapter);
    expect(total).toBe(100_000);
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((row) => row.id)).size).toBe(total);
    let outOfOrder = 0;
    for (let i = 1; i < rows.length; i++) if (!inOrder(rows[i - 1]!, rows[i]!)) outOfOrder++;
    expect(outOfOrder).toBe(0);
  }, 30_000);

  it('orders by updatedAt descending, then id ascending', async () => {
    const adapter = createMemoryAdapter({ conversations: fixture() });
    const page = await adapter.listConversations({});
    expect(page.conversations.map((c) => c.id)).toEqual(['conv_C', 'conv_A', 'conv_B']);
    expect(page).toMatchObject({ total: 3, page: 1, limit: 20, hasNext: false });
  });

  it('computes hasNext and serves an empty page past the end', async () => {
    const adapter = createMemoryAdapter({ size: 45, now: () => NOW });
    expect(await adapter.listConversations({ limit: 20, page: 2 })).toMatchObject({ total: 45, page: 2, limit: 20, hasNext: true });
    const last = await adapter.listConversations({ limit: 20, page: 3 });
    expect(last.conversations).toHaveLength(5);
    expect(last.hasNext).toBe(false);
    const beyond = await adapter.listConversations({ limit: 20, page: 4 });
    expect(beyond.conversations).toEqual([]);
    expect(beyond.hasNext).toBe(false);
  });

  it('filters by each status; an omitted status means all', async () => {
    const adapter = createMemoryAdapter({ seed: 2, now: () => NOW });
    const all = await adapter.listConversations({ limit: 1 });
    expect((await adapter.listConversations({ status: 'all', limit: 1 })).total).toBe(all.total);
    let sum = 0;
    for (const status of ['open', 'ai_handling', 'escalated', 'resolved'] as const) {
      const { rows, total } = await walk(adapter, { status });
      expect(total).toBeGreaterThan(0);
      expect(rows).toHaveLength(total);
      for (const row of rows) expect(row.status).toBe(status);
      sum += total;
    }
    expect(sum).toBe(all.total);
  });

  it('filters by channel, and by channel with status', async () => {
    const adapter = createMemoryAdapter({ seed: 2, now: () => NOW });
    const { rows: everything } = await walk(adapter);
    for (const channel of ['whatsapp', 'instagram', 'messenger', 'webchat'] as const) {
      const { rows, total } = await walk(adapter, { channel });
      expect(rows.map((r) => r.id)).toEqual(everything.filter((r) => r.channel === channel).map((r) => r.id));
      expect(rows).toHaveLength(total);
    }
    const { rows, total } = await walk(adapter, { channel: 'instagram', status: 'resolved' });
    expect(total).toBeGreaterThan(0);
    expect(rows.map((r) => r.id)).toEqual(everything.filter((r) => r.channel === 'instagram' && r.status === 'resolved').map((r) => r.id));
    // Pages of a filtered list still add up.
    const second = await adapter.listConversations({ channel: 'instagram', limit: 5, page: 2 });
    expect(second.conversations.map((r) => r.id)).toEqual(everything.filter((r) => r.channel === 'instagram').slice(5, 10).map((r) => r.id));
  });

  it('filters by assignee, a user or a team', async () => {
    const adapter = createMemoryAdapter({ seed: 2, now: () => NOW });
    const { rows: everything } = await walk(adapter);
    const user = everything.find((r) => r.assignee?.type === 'user')!.assignee!;
    const team = everything.find((r) => r.assignee?.type === 'team')!.assignee!;
    for (const assignee of [user, team]) {
      const { rows } = await walk(adapter, { assigneeId: assignee.id });
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.map((r) => r.id)).toEqual(everything.filter((r) => r.assignee?.id === assignee.id).map((r) => r.id));
    }
    expect((await adapter.listConversations({ assigneeId: 'user_NOBODY' })).total).toBe(0);
  });

  it('refuses bad pages and limits with invalid_input, before any delay or failure', async () => {
    const adapter = createMemoryAdapter({ size: 10, failureRate: 1 });
    for (const query of [{ limit: 0 }, { limit: 101 }, { page: 0 }, { page: 1.5 }]) {
      await expect(adapter.listConversations(query)).rejects.toMatchObject({ code: 'invalid_input' });
    }
  });

  it('moves a changed conversation to its new place in every list', async () => {
    const time = clock();
    const adapter = createMemoryAdapter({ conversations: fixture(), now: time.now });
    time.advance(1000);
    await adapter.resolveConversation('conv_B');
    expect((await adapter.listConversations({})).conversations.map((c) => c.id)).toEqual(['conv_B', 'conv_C', 'conv_A']);
    expect((await adapter.listConversations({ status: 'open' })).total).toBe(0);
    expect((await adapter.listConversations({ status: 'resolved' })).conversations.map((c) => c.id)).toEqual(['conv_B', 'conv_A']);
  });
});

describe('createMemoryAdapter: getConversation', () => {
  it('returns the full conversation with history', async () => {
    const adapter = createMemoryAdapter({ size: 20, now: () => NOW });
    const [row] = (await adapter.listConversations({ limit: 1 })).conversations;
    const conversation = await adapter.getConversation(row!.id);
    expect({ ...conversation, messages: null }).toEqual(row);
    expect(conversation.messages!.length).toBeGreaterThan(0);
  });

  it('answers not_found for an unknown id and invalid_id for a malformed one', async () => {
    const adapter = createMemoryAdapter({ size: 5 });
    const error = await adapter.getConversation('conv_NOPE').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InboxError);
    expect(error).toMatchObject({ code: 'not_found', message: 'Conversation not found', status: 404 });
    await expect(adapter.getConversation('')).rejects.toMatchObject({ code: 'invalid_id' });
    await expect(adapter.getConversation('..')).rejects.toMatchObject({ code: 'invalid_id' });
  });
});

describe('createMemoryAdapter: assignConversation', () => {
  it('assigns a user from the directory, with name and email, and bumps updatedAt', async () => {
    const time = clock();
    const adapter = createMemoryAdapter({ seed: 4, size: 30, now: time.now });
    const user = (await adapter.listAssignees()).find((a) => a.type === 'user' && a.email !== undefined)!;
    const row = (await adapter.listConversations({ status: 'open', limit: 100 })).conversations.at(-1)!;
    time.advance(60_000);
    const update = await adapter.assignConversation(row.id, { type: 'user', id: user.id });
    expect(update).toMatchObject({ id: row.id, status: 'open', assignee: user, updatedAt: time.iso() });
    expect(update.contact).toEqual(row.contact); // the full conversation, not a patch
    expect((await adapter.getConversation(row.id)).assignee).toEqual(user);
    expect((await adapter.listConversations({ limit: 1 })).conversations[0]!.id).toBe(row.id);
  });

  it('assigns a team where teams exist', async () => {
    const adapter = createMemoryAdapter({ seed: 4, size: 30 });
    const team = (await adapter.listAssignees()).find((a) => a.type === 'team')!;
    const [row] = (await adapter.listConversations({ limit: 1 })).conversations;
    const update = await adapter.assignConversation(row!.id, { type: 'team', id: team.id });
    expect(update.assignee).toEqual(team);
    expect((await adapter.listConversations({ assigneeId: team.id, limit: 100 })).conversations.map((c) => c.id)).toContain(row!.id);
  });

  it('hands an AI conversation to the human who takes it: open, aiHandling false', async () => {
    const adapter = createMemoryAdapter({ seed: 4 });
    const user = (await adapter.listAssignees()).find((a) => a.type === 'user')!;
    for (const status of ['ai_handling', 'escalated'] as const) {
      const [row] = (await adapter.listConversations({ status, limit: 1 })).conversations;
      const update = await adapter.assignConversation(row!.id, { type: 'user', id: user.id });
      expect(update).toMatchObject({ status: 'open', aiHandling: false });
    }
  });

  it('refuses someone outside the directory with forbidden, changing nothing', async () => {
    const adapter = createMemoryAdapter({ seed: 4, size: 10 });
    const events: AdapterEvent[] = [];
    adapter.subscribe((event) => events.push(event));
    const [row] = (await adapter.listConversations({ limit: 1 })).conversations;
    const error = await adapter.assignConversation(row!.id, { type: 'user', id: 'user_STRANGER' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'forbidden', message: 'User is not a member of this organization', status: 403 });
    expect(await adapter.getConversation(row!.id)).toMatchObject({ assignee: row!.assignee, updatedAt: row!.updatedAt });
    expect(events).toEqual([]);
  });

  it('refuses a team on the whatsapp profile with unsupported', async () => {
    const adapter = createMemoryAdapter({ profile: 'whatsapp', size: 10 });
    const [row] = (await adapter.listConversations({ limit: 1 })).conversations;
    await expect(adapter.assignConversation(row!.id, { type: 'team', id: 'team_ANY' })).rejects.toMatchObject({ code: 'unsupported' });
  });

  it('answers not_found for an unknown conversation', async () => {
    const adapter = createMemoryAdapter({ size: 3 });
    const [user] = await adapter.listAssignees();
    await expect(adapter.assignConversation('conv_NOPE', { type: 'user', id: user!.id })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('createMemoryAdapter: resolveConversation', () => {
  it('resolves: status, aiHandling, closedAt, closedBy, updatedAt and the resolution text', async () => {
    const time = clock();
    const adapter = createMemoryAdapter({ seed: 6, now: time.now, actorId: 'user_ME' });
    const [row] = (await adapter.listConversations({ status: 'ai_handling', limit: 1 })).conversations;
    time.advance(5000);
    const update = await adapter.resolveConversation(row!.id, { resolution: 'Refund issued' });
    expect(update).toMatchObject({
      id: row!.id,
      status: 'resolved',
      aiHandling: false,
      closedAt: time.iso(),
      closedBy: 'user_ME',
      updatedAt: time.iso(),
      metadata: { ...row!.metadata, resolution: 'Refund issued' },
    });
    expect(await adapter.getConversation(row!.id)).toMatchObject({ status: 'resolved', closedBy: 'user_ME' });
  });

  it('leaves closedBy null without an actor, and resolving again changes nothing', async () => {
    const time = clock();
    const adapter = createMemoryAdapter({ seed: 6, size: 30, now: time.now });
    const events: AdapterEvent[] = [];
    adapter.subscribe((event) => events.push(event));
    const [row] = (await adapter.listConversations({ status: 'open', limit: 1 })).conversations;
    const first = await adapter.resolveConversation(row!.id);
    expect(first).toMatchObject({ status: 'resolved', closedBy: null });
    time.advance(5000);
    const second = await adapter.resolveConversation(row!.id);
    expect(second).toEqual(first);
    expect(events).toHaveLength(1);
  });

  it('refuses a resolution text where the backend takes none (waply)', async () => {
    const adapter = createMemoryAdapter({ profile: 'waply', size: 10 });
    const [row] = (await adapter.listConversations({ status: 'open', limit: 1 })).conversations;
    await expect(adapter.resolveConversation(row!.id, { resolution: 'done' })).rejects.toMatchObject({ code: 'unsupported' });
    expect(await adapter.resolveConversation(row!.id)).toMatchObject({ status: 'resolved' });
  });
});

describe('createMemoryAdapter: notes', () => {
  it('adds notes and lists them oldest first, authored by the actor', async () => {
    const time = clock();
    const adapter = createMemoryAdapter({ seed: 7, size: 10, now: time.now, actorId: 'user_ME' });
    const [row] = (await adapter.listConversations({ limit: 1 })).conversations;
    const before = await adapter.listNotes(row!.id);
    const first = await adapter.addNote(row!.id, 'Customer is on the <b>Enterprise</b> plan 🙂');
    time.advance(1000);
    const second = await adapter.addNote(row!.id, 'Called back.');
    expect(first).toMatchObject({ conversationId: row!.id, content: 'Customer is on the <b>Enterprise</b> plan 🙂', author: { id: 'user_ME' } });
    expect(first.id).toMatch(/^note_[0-9A-Z]{26}$/);
    expect(first.id).not.toBe(second.id);
    expect(await adapter.listNotes(row!.id)).toEqual([...before, first, second]);
  });

  it('refuses an empty note and stores nothing', async () => {
    const adapter = createMemoryAdapter({ seed: 7, size: 10 });
    const events: AdapterEvent[] = [];
    adapter.subscribe((event) => events.push(event));
    const [row] = (await adapter.listConversations({ limit: 1 })).conversations;
    const before = await adapter.listNotes(row!.id);
    for (const content of ['', '   ', '\n\t ']) {
      const error = await adapter.addNote(row!.id, content).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'invalid_input', message: 'A note cannot be empty.' });
    }
    expect(await adapter.listNotes(row!.id)).toEqual(before);
    expect(events).toEqual([]);
  });

  it('answers not_found for notes of an unknown conversation', async () => {
    const adapter = createMemoryAdapter({ size: 3 });
    await expect(adapter.addNote('conv_NOPE', 'hi')).rejects.toMatchObject({ code: 'not_found' });
    await expect(adapter.listNotes('conv_NOPE')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses notes on the whatsapp profile with unsupported, before anything else', async () => {
    const adapter = createMemoryAdapter({ profile: 'whatsapp', size: 3, failureRate: 1, latencyMs: 10_000 });
    // Neither the malformed id, the empty content, the delay nor the failure rate comes first.
    await expect(adapter.addNote('', '')).rejects.toMatchObject({ code: 'unsupported' });
    await expect(adapter.listNotes('')).rejects.toMatchObject({ code: 'unsupported' });
  });

  it('adds but cannot list notes on the waply profile (its API has no such endpoint)', async () => {
    const adapter = createMemoryAdapter({ profile: 'waply', size: 3 });
    const [row] = (await adapter.listConversations({ limit: 1 })).conversations;
    expect(await adapter.addNote(row!.id, 'Hello team')).toMatchObject({ content: 'Hello team' });
    await expect(adapter.listNotes(row!.id)).rejects.toMatchObject({ code: 'unsupported' });
  });
});

describe('createMemoryAdapter: events', () => {
  it('delivers every change to subscribers, in order, before the call resolves', async () => {
    const time = clock();
    const adapter = createMemoryAdapter({ seed: 8, size: 20, now: time.now });
    const events: AdapterEvent[] = [];
    adapter.subscribe((event) => events.push(event));
    const [user] = await adapter.listAssignees();
    const [row] = (await adapter.listConversations({ status: 'open', limit: 1 })).conversations;

    const assigned = adapter.assignConversation(row!.id, { type: 'user', id: user!.id });
    const resolved = adapter.resolveConversation(row!.id);
    const noted = adapter.addNote(row!.id, 'A note');
    const [assignUpdate, resolveUpdate, note] = await Promise.all([assigned, resolved, noted]);
    const incoming = adapter.simulate.incomingMessage(row!.id, 'Hello again');
    const created = adapter.simulate.newConversation();

    expect(events.map((e) => e.type)).toEqual(['conversation.updated', 'conversation.updated', 'note.created', 'message.created', 'conversation.created']);
    expect(events[0]).toEqual({ type: 'conversation.updated', conversation: assignUpdate });
    expect(events[1]).toEqual({ type: 'conversation.updated', conversation: resolveUpdate });
    expect(events[2]).toEqual({ type: 'note.created', note });
    expect(events[3]).toMatchObject({ type: 'message.created', conversation: incoming, message: { text: 'Hello again', direction: 'inbound' } });
    expect(events[4]).toEqual({ type: 'conversation.created', conversation: created });
  });

  it('emits synchronously, as the change happens', async () => {
    const adapter = createMemoryAdapter({ seed: 8, size: 20 });
    const seen: string[] = [];
    adapter.subscribe((event) => seen.push(event.type));
    const [row] = (await adapter.listConversations({ status: 'open', limit: 1 })).conversations;
    const pending = adapter.resolveConversation(row!.id).then(() => seen.push('resolved'));
    adapter.simulate.newConversation();
    expect(seen).toEqual(['conversation.created']);
    await pending;
    expect(seen).toEqual(['conversation.created', 'conversation.updated', 'resolved']);
  });

  it('stops delivering after unsubscribe', async () => {
    const adapter = createMemoryAdapter({ size: 5 });
    const listener = vi.fn();
    const unsubscribe = adapter.subscribe(listener);
    adapter.simulate.newConversation();
    unsubscribe();
    unsubscribe();
    adapter.simulate.newConversation();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('keeps going when a listener throws: others still hear, the change still happens', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const adapter = createMemoryAdapter({ seed: 8, size: 10 });
    const before = vi.fn();
    const after = vi.fn();
    adapter.subscribe(before);
    adapter.subscribe(() => {
      throw new Error('listener broke');
    });
    adapter.subscribe(after);
    const [row] = (await adapter.listConversations({ status: 'open', limit: 1 })).conversations;
    const update = await adapter.resolveConversation(row!.id);
    expect(update.status).toBe('resolved');
    expect((await adapter.getConversation(row!.id)).status).toBe('resolved');
    expect(before).toHaveBeenCalledTimes(1);
    expect(after).toHaveBeenCalledTimes(1);
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]?.[1])).toContain('listener broke');
  });
});

describe('createMemoryAdapter: simulate', () => {
  it('incomingMessage appends, bumps unread, moves to the top and reopens a resolved conversation', async () => {
    const time = clock();
    const adapter = createMemoryAdapter({ seed: 10, now: time.now });
    const [row] = (await adapter.listConversations({ status: 'resolved', limit: 1, page: 3 })).conversations;
    const before = await adapter.getConversation(row!.id);
    time.advance(60_000);
    const after = adapter.simulate.incomingMessage(row!.id, 'مرحبا، لم يصل طلبي بعد');
    expect(after).toMatchObject({
      status: 'open',
      aiHandling: false,
      closedAt: null,
      closedBy: null,
      unreadCount: before.unreadCount! + 1,
      updatedAt: time.iso(),
      lastMessage: { text: 'مرحبا، لم يصل طلبي بعد', direction: 'inbound', timestamp: time.iso() },
    });
    expect(after.messages).toHaveLength(before.messages!.length + 1);
    expect(after.messages!.slice(0, -1)).toEqual(before.messages);
    expect(after.messages!.at(-1)).toMatchObject({ direction: 'inbound', type: 'text', text: 'مرحبا، لم يصل طلبي بعد', createdAt: time.iso() });
    expect(after.messages!.at(-1)!.id).toMatch(/^msg_/);
    expect(await adapter.getConversation(row!.id)).toEqual(after);
    expect((await adapter.listConversations({ limit: 1 })).conversations[0]!.id).toBe(row!.id);
    expect((await adapter.listConversations({ status: 'open', limit: 1 })).conversations[0]!.id).toBe(row!.id);
  });

  it('incomingMessage picks a conversation and text when none are given', () => {
    const adapter = createMemoryAdapter({ seed: 10, size: 30 });
    const events: AdapterEvent[] = [];
    adapter.subscribe((event) => events.push(event));
    const conversation = adapter.simulate.incomingMessage();
    expect(conversation.lastMessage?.direction).toBe('inbound');
    expect(conversation.lastMessage?.text.trim()).not.toBe('');
    expect(events).toHaveLength(1);
    expect(() => adapter.simulate.incomingMessage('conv_NOPE')).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('newConversation adds one at the top, with its first message', async () => {
    const time = clock();
    const adapter = createMemoryAdapter({ seed: 10, size: 30, now: time.now });
    time.advance(1000);
    const created = adapter.simulate.newConversation();
    expect(created).toMatchObject({ createdAt: time.iso(), updatedAt: time.iso(), assignee: null, unreadCount: 1 });
    expect(created.id).toMatch(/^conv_[0-9A-Z]{26}$/);
    expect(created.messages).toHaveLength(1);
    const page = await adapter.listConversations({ limit: 1 });
    expect(page.total).toBe(31);
    expect(page.conversations[0]!.id).toBe(created.id);
  });

  it('setStatus changes the status as the backend would', async () => {
    const adapter = createMemoryAdapter({ seed: 10, size: 60 });
    const [row] = (await adapter.listConversations({ status: 'ai_handling', limit: 1 })).conversations;
    const escalated = adapter.simulate.setStatus(row!.id, 'escalated');
    expect(escalated).toMatchObject({ status: 'escalated', aiHandling: false });
    expect((await adapter.listConversations({ status: 'escalated', limit: 1 })).conversations[0]!.id).toBe(row!.id);
    expect(adapter.simulate.setStatus(row!.id, 'ai_handling')).toMatchObject({ status: 'ai_handling', aiHandling: true });
    const waply = createMemoryAdapter({ profile: 'waply', size: 3 });
    const [other] = (await waply.listConversations({ limit: 1 })).conversations;
    expect(() => waply.simulate.setStatus(other!.id, 'escalated')).toThrow(expect.objectContaining({ code: 'unsupported' }));
  });

  it('start() makes demo traffic on a timer until stopped', async () => {
    vi.useFakeTimers();
    const adapter = createMemoryAdapter({ seed: 10, size: 30 });
    const events: AdapterEvent[] = [];
    adapter.subscribe((event) => events.push(event));
    const stop = adapter.simulate.start(1000);
    vi.advanceTimersByTime(999);
    expect(events).toHaveLength(0);
    vi.advanceTimersByTime(20_001);
    expect(events).toHaveLength(21);
    stop();
    vi.advanceTimersByTime(10_000);
    expect(events).toHaveLength(21);
  });
});

describe('createMemoryAdapter: latency and failures', () => {
  it('answers after latencyMs', async () => {
    vi.useFakeTimers();
    const adapter = createMemoryAdapter({ size: 10, latencyMs: 500 });
    let settled = false;
    const pending = adapter.listConversations({}).then((page) => {
      settled = true;
      return page;
    });
    await vi.advanceTimersByTimeAsync(499);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBe(true);
    expect((await pending).total).toBe(10);
  });

  it('rejects with aborted when the signal fires during the delay, and changes nothing', async () => {
    vi.useFakeTimers();
    const adapter = createMemoryAdapter({ seed: 11, size: 10, latencyMs: 500 });
    const listed = adapter.listConversations({ status: 'open', limit: 1 });
    await vi.advanceTimersByTimeAsync(500);
    const [row] = (await listed).conversations;
    const controller = new AbortController();
    const resolving = adapter.resolveConversation(row!.id, { signal: controller.signal });
    const outcome = resolving.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(200);
    controller.abort();
    const error = await outcome;
    expect(error).toBeInstanceOf(InboxError);
    expect(error).toMatchObject({ code: 'aborted' });
    await vi.advanceTimersByTimeAsync(1000);
    const reading = adapter.getConversation(row!.id);
    await vi.advanceTimersByTimeAsync(500);
    expect((await reading).status).toBe('open');
  });

  it('rejects with aborted at once for a signal already aborted', async () => {
    const adapter = createMemoryAdapter({ size: 3 });
    await expect(adapter.listConversations({}, { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'aborted' });
  });

  it('fails every call at failureRate 1, with server (500) or rate_limited (429, retry after 1s)', async () => {
    const adapter = createMemoryAdapter({ size: 10, failureRate: 1 });
    const codes = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const error = await adapter.listConversations({}).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InboxError);
      const failure = error as InboxError;
      if (failure.code === 'server') expect(failure.status).toBe(500);
      else expect(failure).toMatchObject({ code: 'rate_limited', status: 429, retryAfterMs: 1000 });
      expect(failure.retryable).toBe(true);
      codes.add(failure.code);
    }
    expect(codes).toEqual(new Set(['server', 'rate_limited']));
    await expect(adapter.getConversation('conv_X')).rejects.toMatchObject({ code: expect.stringMatching(/^(server|rate_limited)$/) });
    await expect(adapter.listAssignees()).rejects.toBeInstanceOf(InboxError);
  });

  it('fails the same calls for the same seed at a partial rate', async () => {
    const outcomes = async () => {
      const adapter = createMemoryAdapter({ seed: 21, size: 10, failureRate: 0.3 });
      const out: string[] = [];
      for (let i = 0; i < 60; i++) out.push(await adapter.listConversations({}).then(() => 'ok', (e: InboxError) => e.code));
      return out;
    };
    const first = await outcomes();
    expect(await outcomes()).toEqual(first);
    const failures = first.filter((o) => o !== 'ok').length;
    expect(failures).toBeGreaterThan(5);
    expect(failures).toBeLessThan(40);
  });
});

describe('createMemoryAdapter: copies', () => {
  it('hands out copies: editing what a call returned changes nothing inside', async () => {
    const adapter = createMemoryAdapter({ seed: 12, size: 10, actorId: 'user_ME' });
    const [row] = (await adapter.listConversations({ limit: 1 })).conversations;
    const pristine = structuredClone(await adapter.getConversation(row!.id));

    row!.status = 'resolved';
    row!.contact!.name = 'Changed';
    row!.labels.push('changed');
    const got = await adapter.getConversation(row!.id);
    got.messages!.push({ ...got.messages![0]!, id: 'msg_FAKE' });
    got.messages![0]!.text = 'changed';
    got.metadata.source = 'changed';
    got.lastMessage!.text = 'changed';
    got.contact!.labels?.push('changed');
    const assignees = await adapter.listAssignees();
    assignees[0]!.name = 'Changed';
    assignees.pop();
    expect(await adapter.getConversation(row!.id)).toEqual(pristine);
    expect(await adapter.listAssignees()).not.toContainEqual(expect.objectContaining({ name: 'Changed' }));

    const update = await adapter.assignConversation(row!.id, { type: 'user', id: (await adapter.listAssignees())[0]!.id });
    update.assignee!.name = 'Changed';
    const note = await adapter.addNote(row!.id, 'Original');
    note.content = 'Changed';
    expect((await adapter.getConversation(row!.id)).assignee!.name).not.toBe('Changed');
    expect((await adapter.listNotes(row!.id)).at(-1)!.content).toBe('Original');
  });

  it('gives listeners copies, and copies explicit data in', async () => {
    const given = fixture();
    const adapter = createMemoryAdapter({ conversations: given });
    given[0]!.status = 'escalated';
    adapter.subscribe((event) => {
      if (event.type === 'conversation.updated') event.conversation.status = 'open';
    });
    await adapter.resolveConversation('conv_C');
    expect((await adapter.getConversation('conv_C')).status).toBe('resolved');
    expect((await adapter.getConversation('conv_B')).status).toBe('open');
  });
});

describe('createMemoryAdapter: profiles', () => {
  it('full: everything', () => {
    const adapter = createMemoryAdapter({ size: 0 });
    expect(adapter.flavour).toBe('memory');
    expect(adapter.profile).toBe('full');
    expect(adapter.capabilities).toEqual({
      statuses: ['open', 'ai_handling', 'escalated', 'resolved'],
      channels: ['whatsapp', 'instagram', 'messenger', 'webchat'],
      channelFilter: true,
      assigneeFilter: true,
      unassignedFilter: true,
      notes: true,
      listNotes: true,
      teams: true,
      messageHistory: true,
      listPreviews: true,
      resolution: true,
      unreadCounts: true,
      maxPageSize: 100,
    });
  });

  it('whatsapp: one channel, no teams, no notes, no history, AI statuses', async () => {
    const adapter = createMemoryAdapter({ profile: 'whatsapp', seed: 13, now: () => NOW });
    expect(adapter.capabilities).toMatchObject({
      statuses: ['open', 'ai_handling', 'escalated', 'resolved'],
      channels: ['whatsapp'],
      channelFilter: false,
      teams: false,
      notes: false,
      listNotes: false,
      messageHistory: false,
      resolution: true,
    });
    const { rows } = await walk(adapter);
    expect(new Set(rows.map((r) => r.channel))).toEqual(new Set(['whatsapp']));
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['open', 'ai_handling', 'escalated', 'resolved']));
    for (const row of rows) {
      expect(row.aiHandling).toBe(row.status === 'ai_handling');
      expect(row.assignee?.type ?? 'user').toBe('user');
      expect(typeof row.unreadCount).toBe('number');
    }
    expect((await adapter.getConversation(rows[0]!.id)).messages).toBeNull();
    expect((await adapter.listAssignees()).every((a) => a.type === 'user')).toBe(true);
    expect((await adapter.listConversations({ channel: 'whatsapp' })).total).toBe(rows.length);
    await expect(adapter.listConversations({ channel: 'instagram' })).rejects.toMatchObject({ code: 'unsupported' });
    const after = adapter.simulate.incomingMessage(rows[0]!.id, 'Hi');
    expect(after.messages).toBeNull();
  });

  it('waply: open and resolved only, no AI, no unread counts, history and teams', async () => {
    const adapter = createMemoryAdapter({ profile: 'waply', seed: 14, now: () => NOW });
    expect(adapter.capabilities).toMatchObject({
      statuses: ['open', 'resolved'],
      channels: ['whatsapp', 'instagram', 'messenger', 'webchat'],
      channelFilter: true,
      teams: true,
      notes: true,
      messageHistory: true,
      resolution: false,
    });
    const { rows } = await walk(adapter);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['open', 'resolved']));
    for (const row of rows) {
      expect(row.aiHandling).toBe(false);
      expect(row.unreadCount).toBeNull();
    }
    expect(rows.some((r) => r.assignee?.type === 'team')).toBe(true);
    expect((await adapter.getConversation(rows[0]!.id)).messages!.length).toBeGreaterThan(0);
    await expect(adapter.listConversations({ status: 'ai_handling' })).rejects.toMatchObject({ code: 'unsupported' });
    expect(adapter.simulate.incomingMessage(rows[0]!.id, 'Hi').unreadCount).toBeNull();
  });

  it('waply: assigning a resolved conversation reopens it, as its spec says', async () => {
    const adapter = createMemoryAdapter({ profile: 'waply', seed: 14, size: 30 });
    const [user] = await adapter.listAssignees();
    const [row] = (await adapter.listConversations({ status: 'resolved', limit: 1 })).conversations;
    expect(await adapter.assignConversation(row!.id, { type: 'user', id: user!.id })).toMatchObject({ status: 'open', closedAt: null });
  });

  it('fits explicit data to the profile', async () => {
    const whatsapp = createMemoryAdapter({ profile: 'whatsapp', conversations: fixture() });
    expect((await whatsapp.getConversation('conv_B')).messages).toBeNull();
    const waply = createMemoryAdapter({ profile: 'waply', conversations: fixture().map((c) => ({ ...c, messages: null })) });
    expect(await waply.getConversation('conv_B')).toMatchObject({ messages: [], unreadCount: null });
  });
});
