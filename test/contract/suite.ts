import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assignee, ConversationsAdapter, ConversationStatus } from 'inboxkit';
import { CONVERSATION_STATUSES } from 'inboxkit';

/** What one run of the suite needs: the adapter under test, and the directory of its backend. */
export interface ContractSubject {
  adapter: ConversationsAdapter;
  /** Users and teams that exist in the backend (the HTTP APIs cannot list them). */
  assignees: Assignee[];
  close?: () => Promise<void>;
}

/**
 * One behaviour suite that every adapter passes: the memory adapter directly,
 * and each HTTP adapter against the mock handler behind a real HTTP server.
 * Each call of `setup` must give a fresh backend with at least ~60 conversations.
 */
export function describeAdapterContract(name: string, setup: () => Promise<ContractSubject>): void {
  describe(`${name}: the adapter contract`, () => {
    let subject: ContractSubject;
    let adapter: ConversationsAdapter;
    beforeAll(async () => {
      subject = await setup();
      adapter = subject.adapter;
    });
    afterAll(async () => {
      await subject?.close?.();
    });

    it('lists every status by default, newest activity first', async () => {
      const page = await adapter.listConversations({ limit: 100 });
      expect(page.total).toBeGreaterThan(0);
      const statuses = new Set(page.conversations.map((c) => c.status));
      // More than one status shows up when no status is asked for (Waply's own default is `open`).
      expect(statuses.size).toBeGreaterThan(1);
      for (const status of statuses) expect(adapter.capabilities.statuses).toContain(status);
      const times = page.conversations.map((c) => Date.parse(c.updatedAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));
    });

    it('pages through everything once: no duplicates, no gaps, hasNext false at the end', async () => {
      const first = await adapter.listConversations({ limit: 25 });
      const ids: string[] = [];
      let page = first;
      for (let n = 1; ; n++) {
        expect(page.page).toBe(n);
        expect(page.limit).toBe(25);
        ids.push(...page.conversations.map((c) => c.id));
        if (!page.hasNext) break;
        page = await adapter.listConversations({ limit: 25, page: n + 1 });
      }
      expect(ids).toHaveLength(first.total);
      expect(new Set(ids).size).toBe(first.total);
      const beyond = await adapter.listConversations({ limit: 25, page: Math.ceil(first.total / 25) + 1 });
      expect(beyond.conversations).toEqual([]);
      expect(beyond.hasNext).toBe(false);
    });

    it('filters by each supported status, and the filtered totals add up', async () => {
      const all = await adapter.listConversations({ limit: 1 });
      let sum = 0;
      for (const status of adapter.capabilities.statuses) {
        const page = await adapter.listConversations({ status, limit: 100 });
        for (const c of page.conversations) expect(c.status).toBe(status);
        sum += page.total;
      }
      expect(sum).toBe(all.total);
    });

    it('refuses statuses it lacks with unsupported', async () => {
      const lacking = CONVERSATION_STATUSES.filter((s: ConversationStatus) => !adapter.capabilities.statuses.includes(s));
      for (const status of lacking) {
        await expect(adapter.listConversations({ status })).rejects.toMatchObject({ code: 'unsupported' });
      }
    });

    it('filters by channel where it can', async () => {
      const { channels, channelFilter } = adapter.capabilities;
      if (!channelFilter) {
        const other = (['instagram', 'messenger', 'webchat'] as const).find((c) => !channels.includes(c));
        if (other) await expect(adapter.listConversations({ channel: other })).rejects.toMatchObject({ code: 'unsupported' });
        return;
      }
      let sum = 0;
      for (const channel of channels) {
        const page = await adapter.listConversations({ channel, limit: 100 });
        for (const c of page.conversations) expect(c.channel).toBe(channel);
        sum += page.total;
      }
      expect(sum).toBe((await adapter.listConversations({ limit: 1 })).total);
    });

    it('filters by assignee', async () => {
      const page = await adapter.listConversations({ limit: 100 });
      const assigned = page.conversations.find((c) => c.assignee?.type === 'user');
      expect(assigned).toBeDefined();
      const mine = await adapter.listConversations({ assigneeId: assigned!.assignee!.id, limit: 100 });
      expect(mine.total).toBeGreaterThan(0);
      for (const c of mine.conversations) expect(c.assignee?.id).toBe(assigned!.assignee!.id);
    });

    it('filters to unassigned conversations where it can, else refuses with unsupported', async () => {
      if (!adapter.capabilities.unassignedFilter) {
        await expect(adapter.listConversations({ unassigned: true })).rejects.toMatchObject({ code: 'unsupported' });
        return;
      }
      const page = await adapter.listConversations({ unassigned: true, limit: 100 });
      expect(page.total).toBeGreaterThan(0);
      for (const c of page.conversations) expect(c.assignee).toBeNull();
      let unassigned = 0;
      for (let n = 1, more = true; more; n++) {
        const all = await adapter.listConversations({ limit: 100, page: n });
        unassigned += all.conversations.filter((c) => c.assignee === null).length;
        more = all.hasNext;
      }
      expect(page.total).toBe(unassigned);
      await expect(adapter.listConversations({ unassigned: true, assigneeId: 'user_x' })).rejects.toMatchObject({ code: 'invalid_input' });
    });

    it('gets one conversation, with history only where the backend has it', async () => {
      const [row] = (await adapter.listConversations({ limit: 1 })).conversations;
      const conversation = await adapter.getConversation(row!.id);
      expect(conversation.id).toBe(row!.id);
      expect(conversation.contactId).toBe(row!.contactId);
      if (adapter.capabilities.messageHistory) {
        expect(Array.isArray(conversation.messages)).toBe(true);
        expect(conversation.messages!.length).toBeGreaterThan(0);
        const times = conversation.messages!.map((m) => Date.parse(m.createdAt));
        expect(times).toEqual([...times].sort((a, b) => a - b));
      } else {
        expect(conversation.messages).toBeNull();
        expect(conversation.lastMessage).not.toBeNull();
      }
    });

    it('answers not_found for an id that does not exist', async () => {
      await expect(adapter.getConversation('conv_DOESNOTEXIST')).rejects.toMatchObject({ code: 'not_found' });
    });

    it('assigns to a user, and the change is read back', async () => {
      const user = subject.assignees.find((a) => a.type === 'user')!;
      const row = (await adapter.listConversations({ status: 'open', limit: 100 })).conversations.find((c) => c.assignee?.id !== user.id)!;
      const update = await adapter.assignConversation(row.id, { type: 'user', id: user.id });
      expect(update.id).toBe(row.id);
      expect(update.assignee).toMatchObject({ type: 'user', id: user.id });
      expect((await adapter.getConversation(row.id)).assignee).toMatchObject({ type: 'user', id: user.id });
    });

    it('assigns to a team where supported, else refuses with unsupported', async () => {
      const [row] = (await adapter.listConversations({ limit: 1 })).conversations;
      if (!adapter.capabilities.teams) {
        await expect(adapter.assignConversation(row!.id, { type: 'team', id: 'team_any' })).rejects.toMatchObject({ code: 'unsupported' });
        return;
      }
      const team = subject.assignees.find((a) => a.type === 'team')!;
      const update = await adapter.assignConversation(row!.id, { type: 'team', id: team.id });
      expect(update.assignee).toMatchObject({ type: 'team', id: team.id });
    });

    it('refuses an assignee who is not a member with forbidden', async () => {
      const [row] = (await adapter.listConversations({ limit: 1 })).conversations;
      const error = await adapter.assignConversation(row!.id, { type: 'user', id: 'user_STRANGER' }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'forbidden' });
      expect((error as Error).message).toContain('User is not a member of this organization');
    });

    it('resolves, and the conversation moves to the resolved list', async () => {
      const open = await adapter.listConversations({ status: 'open', limit: 5 });
      const target = open.conversations[0]!;
      const update = await adapter.resolveConversation(target.id);
      expect(update).toMatchObject({ id: target.id, status: 'resolved' });
      expect((await adapter.getConversation(target.id)).status).toBe('resolved');
      const resolved = await adapter.listConversations({ status: 'resolved', limit: 100 });
      expect(resolved.conversations.map((c) => c.id)).toContain(target.id);
      const openAfter = await adapter.listConversations({ status: 'open', limit: 5 });
      expect(openAfter.total).toBe(open.total - 1);
    });

    it('adds notes where supported, refuses empty ones, else refuses with unsupported', async () => {
      const [row] = (await adapter.listConversations({ limit: 1 })).conversations;
      if (!adapter.capabilities.notes) {
        await expect(adapter.addNote(row!.id, 'A note')).rejects.toMatchObject({ code: 'unsupported' });
        return;
      }
      const text = 'Called back — wants a refund <b>not bold</b> 🙂';
      const note = await adapter.addNote(row!.id, text);
      expect(note).toMatchObject({ conversationId: row!.id, content: text });
      expect(Date.parse(note.createdAt)).not.toBeNaN();
      await expect(adapter.addNote(row!.id, '  ')).rejects.toMatchObject({ code: 'invalid_input' });
      if (adapter.capabilities.listNotes && adapter.listNotes) {
        const notes = await adapter.listNotes(row!.id);
        expect(notes.map((n) => n.id)).toContain(note.id);
      }
    });

    it('refuses a bad page size with invalid_input', async () => {
      await expect(adapter.listConversations({ limit: 0 })).rejects.toMatchObject({ code: 'invalid_input' });
      await expect(adapter.listConversations({ limit: 101 })).rejects.toMatchObject({ code: 'invalid_input' });
    });
  });
}
