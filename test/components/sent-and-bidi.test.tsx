import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ConversationList, ConversationView, InboxProvider, createMemoryAdapter, createMemoryStorage } from 'inboxkit';
import type { Conversation, CurrentUser, Message } from 'inboxkit';
import { conversation } from '../hooks/helpers';

afterEach(cleanup);

const message = (id: string, direction: Message['direction'], text: string, createdAt: string, status?: string): Message => ({
  id,
  conversationId: 'conv_1',
  direction,
  type: 'text',
  text,
  createdAt,
  ...(status !== undefined && { status }),
});

// An AI-handled conversation: its outbound message was sent by the AI, not by anyone reading the inbox.
const aiHandled = (): Conversation =>
  conversation('conv_1', 'Grace Hopper', {
    status: 'ai_handling',
    aiHandling: true,
    messages: [message('m1', 'inbound', 'Opening hours?', '2026-05-01T09:00:00.000Z'), message('m2', 'outbound', 'We open at nine.', '2026-05-01T09:01:00.000Z', 'read')],
    lastMessage: { text: 'We open at nine.', timestamp: '2026-05-01T09:01:00.000Z', direction: 'outbound' },
  });

function renderWith(children: React.ReactNode, conversations: Conversation[], currentUser?: CurrentUser) {
  return render(
    <InboxProvider adapter={createMemoryAdapter({ conversations })} pollIntervalMs={0} storage={createMemoryStorage()} currentUser={currentUser}>
      {children}
    </InboxProvider>,
  );
}

describe('outbound messages are marked by direction only', () => {
  it('list rows say "Sent", never "You:", before an outbound preview', async () => {
    renderWith(<ConversationList />, [aiHandled()]);
    const row = await screen.findByRole('option', { name: /Grace Hopper/ });
    expect(row.textContent).not.toMatch(/\bYou\b/);
    const mark = row.querySelector('[data-slot="sent-mark"]')!;
    expect(mark.tagName).toBe('BDI');
    expect(mark).toHaveTextContent('Sent');
    // The arrow is drawn by the stylesheet: the mark holds its words and nothing else (one element a row, not three).
    expect(mark.children).toHaveLength(1);
    expect(mark.firstElementChild).toHaveClass('ik-visually-hidden');
    expect(mark.querySelector('svg')).toBeNull();
  });

  it('the timeline says "Sent" for outbound messages, never "You" or "Team"', async () => {
    renderWith(<ConversationView conversationId="conv_1" />, [aiHandled()]);
    const outbound = (await screen.findByText('We open at nine.')).closest('li')!;
    expect(outbound).toHaveAttribute('data-direction', 'outbound');
    expect(within(outbound).getByText('Sent')).toHaveClass('ik-visually-hidden');
    const log = screen.getByRole('log');
    expect(log.textContent).not.toMatch(/\b(You|Team)\b/);
    // Inbound messages come from the contact: that much the model does say.
    expect((await screen.findByText('Opening hours?')).closest('li')).toHaveTextContent(/^Customer: /);
  });
});

describe('right-to-left and mixed scripts', () => {
  it('isolates each piece of a note footer, with a spaced separator between them', async () => {
    const user = userEvent.setup();
    renderWith(<ConversationView conversationId="conv_1" />, [conversation('conv_1', 'فاطمة الزهراء')], { id: 'user_yuki', name: '田中 ゆき' });
    await user.type(await screen.findByRole('textbox', { name: /Internal note/ }), 'ملاحظة');
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    const note = (await screen.findByText('ملاحظة')).closest('li')!;
    const footer = note.querySelector('.ik-message-meta')!;
    await expect.poll(() => footer.querySelector('time')).not.toBeNull();
    const [author, separator, time] = Array.from(footer.childNodes);
    expect(author).toBeInstanceOf(HTMLElement);
    expect((author as HTMLElement).tagName).toBe('BDI');
    expect(author).toHaveTextContent('田中 ゆき');
    expect(separator?.nodeType).toBe(Node.TEXT_NODE);
    expect(separator?.textContent).toBe(' · ');
    expect((time as HTMLElement).tagName).toBe('TIME');
  });

  it('isolates the outbound status after the time, and the note label from its scope', async () => {
    const { container } = renderWith(<ConversationView conversationId="conv_1" />, [aiHandled()]);
    const outbound = (await screen.findByText('We open at nine.')).closest('li')!;
    const meta = outbound.querySelector('.ik-message-meta')!;
    expect(Array.from(meta.childNodes).map((n) => (n.nodeType === Node.TEXT_NODE ? n.textContent : (n as Element).tagName))).toEqual(['BDI', 'TIME', ' · ', 'BDI']);
    // The catalog's word for the backend's, which stays readable as data-status.
    expect(container.querySelector('.ik-message-status')).toHaveTextContent(/^Read$/);
    expect(container.querySelector('.ik-message-status')).toHaveAttribute('data-status', 'read');
  });
});
