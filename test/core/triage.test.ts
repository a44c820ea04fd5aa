import { describe, expect, it } from 'vitest';
import { REPLY_WINDOW_MS, replyWindow, waitingSince } from 'inboxkit';
import type { Conversation, Message } from 'inboxkit';

const T0 = Date.parse('2026-11-30T10:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

function conversation(patch: Partial<Conversation> = {}): Conversation {
  return {
    id: 'c1',
    contactId: 'p1',
    contact: { id: 'p1', name: 'Ana' },
    channel: 'whatsapp',
    status: 'open',
    assignee: null,
    lastMessage: null,
    messages: null,
    unreadCount: null,
    aiHandling: false,
    labels: [],
    metadata: {},
    createdAt: at(0),
    updatedAt: at(0),
    closedAt: null,
    closedBy: null,
    ...patch,
  };
}

function message(minutes: number, direction: Message['direction']): Message {
  return { id: `m${minutes}`, conversationId: 'c1', direction, type: 'text', text: 'hi', createdAt: at(minutes) };
}

describe('waitingSince', () => {
  it('is the last message when it is inbound and there is no history', () => {
    expect(waitingSince(conversation({ lastMessage: { text: 'hi', timestamp: at(5), direction: 'inbound' } }))).toBe(at(5));
  });

  it('is nobody waiting when our reply is the newest message', () => {
    expect(waitingSince(conversation({ lastMessage: { text: 'ok', timestamp: at(5), direction: 'outbound' } }))).toBeNull();
    expect(waitingSince(conversation({ messages: [message(1, 'inbound'), message(2, 'outbound')] }))).toBeNull();
  });

  it('says nothing where the direction of the last message is unknown', () => {
    expect(waitingSince(conversation())).toBeNull();
    expect(waitingSince(conversation({ messages: [] }))).toBeNull();
  });

  it('starts at the first customer message after our last reply', () => {
    const messages = [message(1, 'inbound'), message(2, 'outbound'), message(10, 'inbound'), message(12, 'inbound')];
    expect(waitingSince(conversation({ messages }))).toBe(at(10));
  });

  it('prefers a newer preview over an older history, and an equal one is the same message', () => {
    const messages = [message(1, 'inbound'), message(2, 'outbound')];
    expect(waitingSince(conversation({ messages, lastMessage: { text: 'again', timestamp: at(30), direction: 'inbound' } }))).toBe(at(30));
    expect(waitingSince(conversation({ messages, lastMessage: { text: 'ok', timestamp: at(2), direction: 'outbound' } }))).toBeNull();
  });

  it('compares instants, not strings, and ignores unparseable times', () => {
    const shifted = { text: 'hi', timestamp: '2026-11-30T12:30:00+02:00', direction: 'inbound' as const }; // 10:30Z
    expect(waitingSince(conversation({ messages: [message(20, 'outbound')], lastMessage: shifted }))).toBe(at(30));
    expect(waitingSince(conversation({ lastMessage: { text: 'x', timestamp: 'yesterday', direction: 'inbound' } }))).toBeNull();
  });

  it('is nobody waiting on a resolved conversation', () => {
    expect(waitingSince(conversation({ status: 'resolved', lastMessage: { text: 'hi', timestamp: at(5), direction: 'inbound' } }))).toBeNull();
  });
});

describe('replyWindow', () => {
  const inbound = { text: 'hi', timestamp: at(0), direction: 'inbound' as const };

  it('is open with the time left, and closes 24 hours after the customer last wrote', () => {
    const window = replyWindow(conversation({ lastMessage: inbound }), T0 + 3 * 3_600_000);
    expect(window).toEqual({ state: 'open', closesAt: new Date(T0 + REPLY_WINDOW_MS).toISOString(), remainingMs: 21 * 3_600_000 });
  });

  it('is closing under two hours left, and closed at 24 hours exactly and after', () => {
    const c = conversation({ lastMessage: inbound });
    expect(replyWindow(c, T0 + REPLY_WINDOW_MS - 2 * 3_600_000)?.state).toBe('open');
    expect(replyWindow(c, T0 + REPLY_WINDOW_MS - 2 * 3_600_000 + 1)?.state).toBe('closing');
    expect(replyWindow(c, T0 + REPLY_WINDOW_MS - 40 * 60_000)).toMatchObject({ state: 'closing', remainingMs: 40 * 60_000 });
    expect(replyWindow(c, T0 + REPLY_WINDOW_MS)).toMatchObject({ state: 'closed', remainingMs: 0 });
    expect(replyWindow(c, T0 + 3 * REPLY_WINDOW_MS)?.state).toBe('closed');
  });

  it('runs from the customer’s last message, not ours', () => {
    const messages = [message(0, 'inbound'), message(60, 'inbound'), message(90, 'outbound')];
    expect(replyWindow(conversation({ messages }), T0)?.closesAt).toBe(new Date(T0 + 60 * 60_000 + REPLY_WINDOW_MS).toISOString());
  });

  it('is unknown when our reply is the newest message and there is no history', () => {
    expect(replyWindow(conversation({ lastMessage: { text: 'ok', timestamp: at(5), direction: 'outbound' } }), T0)).toBeNull();
  });

  it('exists only on WhatsApp', () => {
    expect(replyWindow(conversation({ channel: 'instagram', lastMessage: inbound }), T0)).toBeNull();
    expect(replyWindow(conversation({ channel: 'unknown', lastMessage: inbound }), T0)).toBeNull();
  });
});
