import { InboxError } from 'inboxkit';
import type { AdapterCapabilities, Assignee, Conversation, ConversationsAdapter, Note } from 'inboxkit';

/** A small hand-written backend: fixed conversations, exact control over failures. */
export interface FakeBackend extends ConversationsAdapter {
  conversations: Conversation[];
  notes: Note[];
  /** When set, every call rejects with this. */
  failWith?: unknown;
}

const DIRECTORY: Assignee[] = [
  { type: 'user', id: 'user_1', name: 'Support Agent', email: 'agent@yourcompany.com' },
  { type: 'team', id: 'team_1', name: 'Billing' },
];

export function conversation(id: string, overrides: Partial<Conversation> = {}): Conversation {
  return {
    id,
    contactId: `contact_${id}`,
    contact: { id: `contact_${id}`, name: 'Ahmed Hassan', phone: '+971501234567', email: 'ahmed@example.com', labels: ['vip'] },
    channel: 'whatsapp',
    status: 'open',
    assignee: null,
    lastMessage: { text: 'When will my order arrive?', timestamp: '2026-05-16T14:22:00.000Z', direction: 'inbound' },
    messages: [
      { id: `msg_${id}`, conversationId: id, direction: 'inbound', type: 'text', text: 'When will my order arrive?', status: 'delivered', createdAt: '2026-05-16T14:22:00.000Z' },
    ],
    unreadCount: 2,
    aiHandling: false,
    labels: ['vip'],
    metadata: { source: 'organic' },
    createdAt: '2026-05-15T09:00:00.000Z',
    updatedAt: '2026-05-16T14:22:00.000Z',
    closedAt: null,
    closedBy: null,
    ...overrides,
  };
}

export function createFakeBackend(conversations: Conversation[], capabilities: Partial<AdapterCapabilities> = {}): FakeBackend {
  const backend: FakeBackend = {
    flavour: 'memory',
    capabilities: {
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
      maxPageSize: 100,
      ...capabilities,
    },
    conversations,
    notes: [],
    async listConversations(query) {
      check();
      const page = query.page ?? 1;
      const limit = query.limit ?? 20;
      const status = query.status ?? 'all';
      const matching = backend.conversations.filter(
        (c) =>
          (status === 'all' || c.status === status) &&
          (query.channel === undefined || c.channel === query.channel) &&
          (query.assigneeId === undefined || c.assignee?.id === query.assigneeId),
      );
      return { conversations: matching.slice((page - 1) * limit, page * limit), total: matching.length, page, limit, hasNext: page * limit < matching.length };
    },
    async getConversation(id) {
      check();
      return find(id);
    },
    async assignConversation(id, assignee) {
      check();
      const target = find(id);
      const known = DIRECTORY.find((a) => a.id === assignee.id && a.type === assignee.type);
      if (!known) throw new InboxError('forbidden', 'User is not a member of this organization');
      Object.assign(target, { assignee: known, updatedAt: '2026-05-16T15:05:00.000Z' });
      // Answer partially, as some backends do: the mock must fill in the rest.
      return { id, assignee: known };
    },
    async resolveConversation(id) {
      check();
      const target = find(id);
      Object.assign(target, { status: 'resolved', closedAt: '2026-05-16T15:00:00.000Z', closedBy: 'user_1', updatedAt: '2026-05-16T15:00:00.000Z' });
      return { ...target };
    },
    async addNote(id, content) {
      check();
      find(id);
      const note: Note = { id: `note_${backend.notes.length + 1}`, conversationId: id, content, createdAt: '2026-05-16T10:20:00.000Z' };
      backend.notes.push(note);
      return note;
    },
  };
  function check() {
    if (backend.failWith !== undefined) throw backend.failWith;
  }
  function find(id: string): Conversation {
    const found = backend.conversations.find((c) => c.id === id);
    if (!found) throw new InboxError('not_found', `No conversation "${id}".`);
    return found;
  }
  return backend;
}
