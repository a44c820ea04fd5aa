import { describe, expect, it } from 'vitest';
import { mergeConversation } from '../../src/store/merge.js';
import { conversation } from '../hooks/helpers';

describe('mergeConversation', () => {
  it('returns the held conversation itself for an answer equal to it (a revalidation, a poll)', () => {
    const held = conversation('conv_1', 'Ada', { messages: [{ id: 'm1', text: 'hi', direction: 'inbound', createdAt: '2026-05-01T10:00:00.000Z' }] as never, metadata: { plan: 'pro' } });
    expect(mergeConversation(held, structuredClone(held))).toBe(held);
  });

  it('still drops a raw status or channel when the answer, otherwise equal, knows the value', () => {
    const held = { ...conversation('conv_1', 'Ada'), rawStatus: 'pending_review', rawChannel: 'fax' };
    const merged = mergeConversation(held, structuredClone(held));
    expect(merged).not.toHaveProperty('rawStatus');
    expect(merged).not.toHaveProperty('rawChannel');
    expect(merged).toEqual(conversation('conv_1', 'Ada'));
  });

  it('keeps what a thinner answer lacks, as before', () => {
    const held = conversation('conv_1', 'Ada', { labels: ['vip'] });
    const merged = mergeConversation(held, { ...structuredClone(held), labels: [], unreadCount: 3 });
    expect(merged.labels).toBe(held.labels);
    expect(merged.unreadCount).toBe(3);
    expect(merged.contact).toBe(held.contact);
  });
});
