import '@testing-library/jest-dom/vitest';
import { createRef } from 'react';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ConversationView,
  InboxError,
  InboxProvider,
  createMemoryAdapter,
  createMemoryStorage,
  createMockHandler,
  createWaplyAdapter,
  createWhatsAppAdapter,
} from 'inboxkit';
import type { Conversation, ConversationsAdapter, CurrentUser, Message } from 'inboxkit';
import { conversation } from '../hooks/helpers';

afterEach(cleanup);

function renderView(adapter: ConversationsAdapter, conversationId: string | null, currentUser?: CurrentUser) {
  return render(
    <InboxProvider adapter={adapter} pollIntervalMs={0} undoMs={0} storage={createMemoryStorage()} currentUser={currentUser}>
      <ConversationView conversationId={conversationId} />
    </InboxProvider>,
  );
}

function message(id: string, direction: 'inbound' | 'outbound', text: string, createdAt: string): Message {
  return { id, conversationId: 'conv_1', direction, type: 'text', text, createdAt };
}

const history = [
  message('msg_1', 'inbound', 'Hi, my order is late', '2026-05-01T09:00:00.000Z'),
  message('msg_2', 'outbound', 'Sorry! Let me check.', '2026-05-01T09:05:00.000Z'),
  message('msg_3', 'inbound', 'Thanks, order A-1001', '2026-05-01T09:10:00.000Z'),
];

const ada = (overrides: Partial<Conversation> = {}) =>
  conversation('conv_1', 'Ada Lovelace', {
    contact: { id: 'contact_conv_1', name: 'Ada Lovelace', phone: '+44 20 7946 0000', email: 'ada@example.com', labels: ['vip'] },
    labels: ['billing'],
    messages: history,
    lastMessage: { text: 'Thanks, order A-1001', timestamp: '2026-05-01T09:10:00.000Z', direction: 'inbound' },
    ...overrides,
  });

/** A WhatsApp adapter over the mock REST API (no network), its backend holding `conversations`. */
function whatsAppOverMock(conversations: Conversation[]) {
  const backend = createMemoryAdapter({ conversations, profile: 'whatsapp' });
  const adapter = createWhatsAppAdapter({
    baseUrl: 'http://mock.test',
    headers: { Authorization: 'Bearer inboxkit-mock-token' },
    fetch: createMockHandler({ flavour: 'whatsapp', backend }),
    retry: false,
  });
  return { backend, adapter };
}

function waplyOverMock(conversations: Conversation[]) {
  const backend = createMemoryAdapter({ conversations, profile: 'waply' });
  const adapter = createWaplyAdapter({ apiKey: 'inboxkit-mock-token', fetch: createMockHandler({ flavour: 'waply', backend }), retry: false });
  return { backend, adapter };
}

const texts = (container: HTMLElement, selector: string) => Array.from(container.querySelectorAll(selector)).map((el) => el.textContent);

describe('ConversationView: header', () => {
  it('names the contact in a level-2 heading and shows phone, email, labels, channel and status', async () => {
    const { container } = renderView(createMemoryAdapter({ conversations: [ada()] }), 'conv_1');
    expect(await screen.findByRole('heading', { level: 2, name: 'Ada Lovelace' })).toBeInTheDocument();
    expect(screen.getByText('+44 20 7946 0000')).toBeInTheDocument();
    expect(screen.getByText('ada@example.com')).toBeInTheDocument();
    const labels = screen.getByRole('list', { name: 'Labels' });
    expect(within(labels).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['vip', 'billing']);
    expect(container.querySelector('.ik-view-header .ik-row-channel')).toHaveTextContent('WhatsApp');
    expect(container.querySelector('.ik-view-header [data-slot="status-badge"]')).toHaveTextContent('Open');
    const view = container.querySelector('section.ik-view');
    expect(view).toHaveAttribute('data-status', 'open');
    expect(view).toHaveAttribute('data-state', 'ready');
    // The view is labelled by the heading.
    expect(screen.getByRole('group', { name: 'Ada Lovelace' })).toBeInTheDocument();
  });

  it('resolves with the "Resolve" button: the badge changes and the button becomes "Resolved"', async () => {
    const backend = createMemoryAdapter({ conversations: [ada()] });
    const user = userEvent.setup();
    const { container } = renderView(backend, 'conv_1');
    await user.click(await screen.findByRole('button', { name: 'Resolve' }));
    expect(await screen.findByRole('button', { name: 'Resolved' })).toBeDisabled();
    expect(container.querySelector('.ik-view-header [data-slot="status-badge"]')).toHaveTextContent('Resolved');
    expect(container.querySelector('section.ik-view')).toHaveAttribute('data-status', 'resolved');
    expect(screen.queryByRole('button', { name: 'Resolve' })).toBeNull();
    expect((await backend.getConversation('conv_1')).status).toBe('resolved');
  });

  it('forwards className and ref to the section', async () => {
    const ref = createRef<HTMLElement>();
    render(
      <InboxProvider adapter={createMemoryAdapter({ conversations: [ada()] })} pollIntervalMs={0} storage={createMemoryStorage()}>
        <ConversationView conversationId="conv_1" className="host-view" ref={ref} />
      </InboxProvider>,
    );
    await screen.findByRole('heading', { level: 2 });
    expect(ref.current?.tagName).toBe('SECTION');
    expect(ref.current).toHaveClass('host-view', 'ik-view');
  });
});

describe('ConversationView: timeline', () => {
  it('shows the messages oldest first, inbound and outbound told apart', async () => {
    const { container } = renderView(createMemoryAdapter({ conversations: [ada()] }), 'conv_1');
    await screen.findByText('Hi, my order is late');
    const log = screen.getByRole('log');
    expect(texts(log, '[data-slot="message"] .ik-message-text')).toEqual(['Hi, my order is late', 'Sorry! Let me check.', 'Thanks, order A-1001']);
    expect(Array.from(container.querySelectorAll('[data-slot="message"]')).map((m) => m.getAttribute('data-direction'))).toEqual(['inbound', 'outbound', 'inbound']);
    expect(screen.queryByText(/full message history is not available/)).toBeNull();
  });

  it('shows notes in the timeline, labelled as internal, between the messages by time', async () => {
    const backend = createMemoryAdapter({ conversations: [ada()] });
    const note = await backend.addNote('conv_1', 'Customer is a VIP, refund quickly');
    const { container } = renderView(backend, 'conv_1');
    const noteText = await screen.findByText('Customer is a VIP, refund quickly');
    const item = noteText.closest('li')!;
    expect(item).toHaveAttribute('data-slot', 'note');
    expect(item).toHaveClass('ik-note');
    expect(item.querySelector('.ik-note-label')).toHaveTextContent('Internal note · Only visible to your team');
    // The note was written now, after every message: it comes last.
    const entries = Array.from(container.querySelectorAll('[data-slot="message"], [data-slot="note"]'));
    expect(entries[entries.length - 1]).toBe(item);
    expect(note.content).toBe('Customer is a VIP, refund quickly');
  });

  it('Waply (over the mock API): messages in order and an added note in the timeline as internal', async () => {
    const { adapter } = waplyOverMock([ada()]);
    const user = userEvent.setup();
    const { container } = renderView(adapter, 'conv_1');
    await screen.findByText('Hi, my order is late');
    expect(texts(container, '[data-slot="message"] .ik-message-text')).toEqual(['Hi, my order is late', 'Sorry! Let me check.', 'Thanks, order A-1001']);

    await user.type(screen.getByRole('textbox', { name: /Internal note/ }), 'Checked with the courier');
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    const item = (await screen.findByText('Checked with the courier')).closest('li')!;
    expect(item).toHaveAttribute('data-slot', 'note');
    expect(within(item).getByText(/Internal note/)).toBeInTheDocument();
  });

  it('WhatsApp (over the mock API): explains the missing history, shows the last message and metadata, and offers no notes', async () => {
    const { adapter } = whatsAppOverMock([
      ada({
        messages: null,
        metadata: { source: 'ad_campaign', orderId: 'A-1001', firstMessageAt: '2026-11-27T07:10:40.840Z', customer_tier: 'gold', vip: true },
        lastMessage: { text: 'Is anyone there?', timestamp: '2026-05-01T09:10:00.000Z', direction: 'inbound' },
      }),
    ]);
    renderView(adapter, 'conv_1');
    expect(await screen.findByText(/The full message history is not available from this backend/)).toBeInTheDocument();
    expect(screen.getByText('Is anyone there?')).toBeInTheDocument();
    const details = screen.getByLabelText('Details');
    // Known keys in words, others humanized, dates formatted: never camelCase keys or raw ISO timestamps.
    const rows = Array.from(details.querySelectorAll('.ik-metadata-row')).map((row) => [row.querySelector('dt')?.textContent, row.querySelector('dd')?.textContent]);
    expect(rows).toEqual([
      ['Source', 'Ad campaign'],
      ['Order id', 'A-1001'],
      ['First message', expect.stringMatching(/^Nov 2[678](, 2026)?, \d{1,2}:\d{2} [AP]M$/)],
      ['Customer tier', 'gold'],
      ['Vip', 'Yes'],
    ]);
    expect(details.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}T/);

    expect(screen.getByText('Internal notes are not supported by this backend.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: /Internal note/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add note' })).toBeNull();
  });
});

describe('ConversationView: note authors', () => {
  // The memory backend pushes the new note (without an author) before it answers; Waply answers with none.
  for (const [name, make] of [
    ['memory', () => createMemoryAdapter({ conversations: [ada()] })],
    ['Waply over the mock API', () => waplyOverMock([ada()]).adapter],
  ] as const) {
    it(`a note added here carries the current user's name where the backend returns none (${name})`, async () => {
      const user = userEvent.setup();
      renderView(make(), 'conv_1', { id: 'user_dana', name: 'Dana Scully' });
      await user.type(await screen.findByRole('textbox', { name: /Internal note/ }), 'Called back');
      await user.click(screen.getByRole('button', { name: 'Add note' }));
      const item = (await screen.findByText('Called back')).closest('li')!;
      await expect.poll(() => item.querySelector('time')).not.toBeNull();
      expect(item.querySelector('.ik-message-meta')).toHaveTextContent(/^Dana Scully · /);
    });
  }
});

describe('ConversationView: states', () => {
  it('prompts to select a conversation when the id is null', () => {
    renderView(createMemoryAdapter({ conversations: [ada()] }), null);
    expect(screen.getByText('Select a conversation to see it here.')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 2 })).toBeNull();
  });

  it('says when the conversation does not exist, without a Retry', async () => {
    const { container } = renderView(createMemoryAdapter({ conversations: [ada()] }), 'conv_missing');
    expect(await screen.findByRole('alert')).toHaveTextContent('This conversation no longer exists.');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    expect(container.querySelector('[data-slot="not-found"]')).not.toBeNull();
  });

  it('shows an error with Retry, which recovers', async () => {
    const backend = createMemoryAdapter({ conversations: [ada()] });
    let failing = true;
    const adapter: ConversationsAdapter = {
      ...backend,
      getConversation: (id, options) => (failing ? Promise.reject(new InboxError('server', 'Upstream exploded', { status: 500 })) : backend.getConversation(id, options)),
    };
    const user = userEvent.setup();
    renderView(adapter, 'conv_1');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This conversation could not be loaded.');
    expect(alert).toHaveTextContent('Upstream exploded');
    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Ada Lovelace' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('renders WhatsApp metadata and the last message as text', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const { container } = renderView(
      createMemoryAdapter({
        conversations: [ada({ messages: null, metadata: { campaign: evil, nested: { html: '<script>x</script>' } }, lastMessage: { text: evil, timestamp: '2026-05-01T09:10:00.000Z', direction: 'inbound' } })],
        profile: 'whatsapp',
      }),
      'conv_1',
    );
    expect(await screen.findByText(/full message history is not available/)).toBeInTheDocument();
    expect(screen.getAllByText(evil)).toHaveLength(2);
    expect(screen.getByText('{"html":"<script>x</script>"}')).toBeInTheDocument();
    expect(container.querySelector('img[src="x"]')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
  });

  it('humanizes any metadata key, prototype names too, and leaves empty values out', async () => {
    renderView(createMemoryAdapter({ conversations: [ada({ messages: null, metadata: { constructor: 'x', toString: 'y', empty: '', none: null } })], profile: 'whatsapp' }), 'conv_1');
    const details = await screen.findByLabelText('Details');
    // `constructor` never reaches the view: backends' JSON is copied without prototype keys (issue #9).
    expect(Array.from(details.querySelectorAll('dt')).map((dt) => dt.textContent)).toEqual(['To string']);
  });

  it('explains AI handling and lets the current user take over', async () => {
    const backend = createMemoryAdapter({ conversations: [ada({ status: 'ai_handling', aiHandling: true })] });
    const me = (await backend.listAssignees()).find((a) => a.type === 'user')!;
    const user = userEvent.setup();
    const { container } = renderView(backend, 'conv_1', { id: me.id, name: me.name });
    expect(await screen.findByText(/An AI agent is handling this conversation/)).toBeInTheDocument();
    expect(container.querySelector('[data-slot="ai-banner"]')).toHaveAttribute('data-status', 'ai_handling');
    await user.click(screen.getByRole('button', { name: 'Take over' }));
    expect(screen.getByRole('button', { name: new RegExp(`^Assign.*${me.name}`) })).toBeInTheDocument();
    await expect.poll(async () => (await backend.getConversation('conv_1')).assignee?.id).toBe(me.id);
  });

  it('explains an escalation, and offers no Take over without a current user', async () => {
    renderView(createMemoryAdapter({ conversations: [ada({ status: 'escalated' })] }), 'conv_1');
    expect(await screen.findByText(/escalated this conversation to a human/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Take over' })).toBeNull();
  });

  it('renders HTML and script in names, messages and notes as text', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const script = '<script>alert(1)</script>';
    const backend = createMemoryAdapter({
      conversations: [
        ada({
          contact: { id: 'contact_conv_1', name: evil, avatarUrl: 'javascript:alert(1)', labels: [script] },
          messages: [message('msg_1', 'inbound', script, '2026-05-01T09:00:00.000Z'), message('msg_2', 'inbound', evil, '2026-05-01T09:01:00.000Z')],
        }),
      ],
    });
    await backend.addNote('conv_1', `${evil}${script}`);
    const { container } = renderView(backend, 'conv_1');
    expect(await screen.findByRole('heading', { level: 2, name: evil })).toBeInTheDocument();
    expect(screen.getByText(`${evil}${script}`)).toBeInTheDocument();
    expect(screen.getAllByText(script).length).toBeGreaterThanOrEqual(2);
    expect(container.querySelector('img[src="x"]')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    // The avatar falls back to initials.
    expect(container.querySelector('.ik-view-header .ik-avatar-initials')).not.toBeNull();
  });
});
