import { describe, expect, it } from 'vitest';
import { createMemoryAdapter, createMockHandler, createWaplyAdapter, createWhatsAppAdapter } from 'inboxkit';

// The client adapters read what the mock writes: the handler as their `fetch`, no network.

describe('client adapters over the mock handler', () => {
  it('WhatsApp: list, get, assign and close round-trip', async () => {
    const backend = createMemoryAdapter({ seed: 2, size: 30, profile: 'whatsapp' });
    const adapter = createWhatsAppAdapter({
      baseUrl: 'http://mock.test',
      headers: { Authorization: 'Bearer inboxkit-mock-token' },
      fetch: createMockHandler({ flavour: 'whatsapp', backend }),
      retry: false,
    });
    const page = await adapter.listConversations({ status: 'open', limit: 5 });
    expect(page).toMatchObject({ total: (await backend.listConversations({ status: 'open' })).total, limit: 5 });
    const id = page.conversations[0]?.id as string;
    const one = await adapter.getConversation(id);
    const truth = await backend.getConversation(id);
    expect(one).toMatchObject({ id, status: truth.status, contactId: truth.contactId, createdAt: truth.createdAt, updatedAt: truth.updatedAt });

    const [user] = await backend.listAssignees();
    expect(await adapter.assignConversation(id, { type: 'user', id: user?.id as string })).toMatchObject({ id, assignee: { type: 'user', id: user?.id } });
    expect(await adapter.resolveConversation(id, { resolution: 'done' })).toMatchObject({ id, status: 'resolved' });
    await expect(adapter.assignConversation(id, { type: 'user', id: 'user_nobody' })).rejects.toMatchObject({ code: 'forbidden', status: 403 });
    await expect(adapter.getConversation('conv_missing')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('Waply: list, get, assign, resolve and notes round-trip at the default baseUrl', async () => {
    const backend = createMemoryAdapter({ seed: 4, size: 30, profile: 'waply' });
    const adapter = createWaplyAdapter({ apiKey: 'inboxkit-mock-token', fetch: createMockHandler({ flavour: 'waply', backend }), retry: false });
    const all = await adapter.listConversations({ limit: 100 });
    expect(all.total).toBe(30);
    const open = await adapter.listConversations({ status: 'open', limit: 3 });
    expect(open.conversations.every((c) => c.status === 'open')).toBe(true);
    const id = open.conversations[0]?.id as string;
    const one = await adapter.getConversation(id);
    expect(one.messages?.length).toBe((await backend.getConversation(id)).messages?.length);

    const team = (await backend.listAssignees()).find((a) => a.type === 'team');
    expect(await adapter.assignConversation(id, { type: 'team', id: team?.id as string })).toMatchObject({ assignee: { type: 'team', id: team?.id } });
    expect(await adapter.resolveConversation(id)).toMatchObject({ id, status: 'resolved' });
    expect(await adapter.addNote(id, 'Checked.')).toMatchObject({ conversationId: id, content: 'Checked.' });
    await expect(createWaplyAdapter({ apiKey: 'wrong', fetch: createMockHandler({ flavour: 'waply', backend }), retry: false }).listConversations({})).rejects.toMatchObject({
      code: 'unauthorized',
    });
  });
});
