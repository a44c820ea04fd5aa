import '@testing-library/jest-dom/vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ConversationList,
  ConversationView,
  InboxProvider,
  createInboxStore,
  createMemoryAdapter,
  createMemoryStorage,
  createMockHandler,
  createWaplyAdapter,
  createWhatsAppAdapter,
  InboxError,
  listKey,
} from 'inboxkit';
import type { AssigneeDirectory, Conversation, ConversationsAdapter, InboxMessages, Message } from 'inboxkit';
import { messages as de } from 'inboxkit/locales/de';
import { de as deDates } from 'date-fns/locale/de';
import { messages as ar } from 'inboxkit/locales/ar';
import { ar as arDates } from 'date-fns/locale/ar';
import { conversation } from '../hooks/helpers';

// A fixed clock: rows read the time through the shared clock (Date.now), nothing else is faked.
const NOW = Date.UTC(2026, 4, 20, 12, 0, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ago = (ms: number) => new Date(NOW - ms).toISOString();

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const msg = (id: string, direction: Message['direction'], text: string, at: string): Message => ({ id, conversationId: 'conv_1', direction, type: 'text', text, createdAt: at });

/** A conversation whose last message (`direction`, `agoMs` ago) is also its last activity. */
function withLast(id: string, name: string, direction: Message['direction'], agoMs: number, overrides: Partial<Conversation> = {}): Conversation {
  const at = ago(agoMs);
  return conversation(id, name, { updatedAt: at, lastMessage: { text: `Hello from ${name}`, timestamp: at, direction }, messages: [], ...overrides });
}

function renderList(adapter: ConversationsAdapter, props: { directory?: AssigneeDirectory; waitingAlertAfterMs?: number; messages?: Partial<InboxMessages> } = {}) {
  return render(
    <InboxProvider adapter={adapter} pollIntervalMs={0} storage={createMemoryStorage()} {...props}>
      <ConversationList />
    </InboxProvider>,
  );
}

const rowOf = (name: string) => screen.findByRole('option', { name: new RegExp(`^${name},`) });

describe('a row shows the time the list is ordered by', () => {
  it('is the last activity (updatedAt), not the last message, with the full date as its title', async () => {
    // Assigned 5 minutes ago; the last message is three days old. The list puts it by the assignment.
    const c = conversation('conv_1', 'Ada', { updatedAt: ago(5 * MINUTE), lastMessage: { text: 'Old news', timestamp: ago(3 * 24 * HOUR), direction: 'outbound' } });
    renderList(createMemoryAdapter({ conversations: [c] }));
    const time = (await rowOf('Ada')).querySelector('time')!;
    expect(time).toHaveTextContent('5m');
    expect(time).toHaveAttribute('dateTime', c.updatedAt);
    expect(time.getAttribute('title')).toContain(new Date(c.updatedAt).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' }));
  });
});

describe('assignee names', () => {
  const ALICE = { id: 'user_01YF8K2M', name: 'Alice Support', email: 'alice@example.com' };
  /** The WhatsApp API over the mock handler: its list items carry `assigneeId` only. */
  function whatsApp(conversations: Conversation[]) {
    const backend = createMemoryAdapter({ conversations, profile: 'whatsapp' });
    return createWhatsAppAdapter({ baseUrl: 'https://wa.test', headers: { Authorization: 'Bearer inboxkit-mock-token' }, fetch: createMockHandler({ flavour: 'whatsapp', backend }), retry: false });
  }

  it('a WhatsApp row whose assignee is only an id shows the name from the directory, without opening anything', async () => {
    const adapter = whatsApp([withLast('conv_1', 'Daniel Smith', 'outbound', 4 * MINUTE, { assignee: { type: 'user', id: ALICE.id, name: ALICE.name } })]);
    // The wire really carries no name: this is what the row had to work with.
    const page = await adapter.listConversations({});
    expect(page.conversations[0]!.assignee).toEqual({ type: 'user', id: ALICE.id });

    renderList(adapter, { directory: { users: [ALICE] } });
    const row = await rowOf('Daniel Smith');
    expect(await within(row).findByText('Assigned to Alice Support')).toBeInTheDocument();
    expect(row).not.toHaveTextContent(ALICE.id);
    expect(row).toHaveAccessibleName(/assigned to Alice Support/);
  });

  it('for narrow lists the row also carries the bare name, with the sentence as the title', async () => {
    renderList(createMemoryAdapter({ conversations: [withLast('conv_1', 'Daniel Smith', 'outbound', 4 * MINUTE, { assignee: { type: 'user', id: ALICE.id, name: ALICE.name } })] }));
    const row = await rowOf('Daniel Smith');
    const assignee = row.querySelector<HTMLElement>('.ik-row-assignee')!;
    expect(assignee).toHaveAttribute('title', 'Assigned to Alice Support');
    expect(within(row).getByText('Assigned to Alice Support')).toHaveClass('ik-meta-long');
    expect(within(row).getByText('Alice Support')).toHaveClass('ik-meta-short');
    expect(assignee.closest('[aria-hidden="true"]')).not.toBeNull();
    // Screen readers hear the row's one sentence, never either form.
    expect(row).toHaveAccessibleName('Daniel Smith, assigned to Alice Support, 4 minutes ago, sent: Hello from Daniel Smith.');
  });

  it('the view header’s assign button names the assignee while the full conversation is still loading', async () => {
    const wire = whatsApp([withLast('conv_1', 'Daniel Smith', 'outbound', 4 * MINUTE, { assignee: { type: 'user', id: ALICE.id, name: ALICE.name } })]);
    // The list answers; the full read (which would carry the name) never does.
    const adapter: ConversationsAdapter = { ...wire, capabilities: wire.capabilities, getConversation: () => new Promise(() => {}) };
    render(
      <InboxProvider adapter={adapter} pollIntervalMs={0} storage={createMemoryStorage()} directory={{ users: [ALICE] }}>
        <ConversationList />
        <ConversationView conversationId="conv_1" />
      </InboxProvider>,
    );
    const trigger = await screen.findByRole('button', { name: /^Assign/ });
    expect(trigger).toHaveTextContent('Assign: Alice Support');
    expect(trigger).not.toHaveTextContent(ALICE.id);
  });

  it('without a name anywhere, the id is all there is to show', async () => {
    const adapter = whatsApp([withLast('conv_1', 'Daniel Smith', 'outbound', 4 * MINUTE, { assignee: { type: 'user', id: 'user_unknown' } })]);
    renderList(adapter, { directory: { users: [ALICE] } });
    expect(await within(await rowOf('Daniel Smith')).findByText('Assigned to user_unknown')).toBeInTheDocument();
  });

  it('the signed-in agent is named from currentUser', async () => {
    const adapter = whatsApp([withLast('conv_1', 'Daniel Smith', 'outbound', 4 * MINUTE, { assignee: { type: 'user', id: 'user_me' } })]);
    render(
      <InboxProvider adapter={adapter} pollIntervalMs={0} storage={createMemoryStorage()} currentUser={{ id: 'user_me', name: 'Mina Agent' }}>
        <ConversationList />
      </InboxProvider>,
    );
    expect(await within(await rowOf('Daniel Smith')).findByText('Assigned to Mina Agent')).toBeInTheDocument();
  });
});

describe('previews where the list carries none (Waply)', () => {
  function waply(conversations: Conversation[]) {
    const backend = createMemoryAdapter({ conversations, profile: 'waply' });
    return createWaplyAdapter({ apiKey: 'inboxkit-mock-token', baseUrl: 'https://waply.test/v1', fetch: createMockHandler({ flavour: 'waply', backend }), retry: false });
  }

  it('says nothing about messages until the conversation is read; then shows its newest message, also after the next list refresh', async () => {
    const history = [msg('m1', 'inbound', 'Where is my order?', ago(30 * MINUTE)), msg('m2', 'outbound', 'On its way.', ago(20 * MINUTE))];
    const adapter = waply([withLast('conv_1', 'Ann Waply', 'outbound', 20 * MINUTE, { messages: history, lastMessage: { text: 'On its way.', timestamp: ago(20 * MINUTE), direction: 'outbound' }, unreadCount: null })]);
    expect(adapter.capabilities.listPreviews).toBe(false);
    const store = createInboxStore({ adapter, pollIntervalMs: 0, storage: createMemoryStorage() });
    render(
      <InboxProvider store={store}>
        <ConversationList />
      </InboxProvider>,
    );
    // Waply sends no contact: the row is named by its contact id.
    const row = await screen.findByRole('option');
    expect(row).not.toHaveTextContent('No messages yet');
    expect(row.querySelector('.ik-row-preview')).toBeEmptyDOMElement();
    expect(row).not.toHaveAccessibleName(/no messages/i);

    await act(() => store.fetchConversation('conv_1'));
    expect(row.querySelector('.ik-row-preview')).toHaveTextContent('On its way.');
    expect(row).toHaveAccessibleName(/, sent: On its way\.$/);

    // The list's next answer again carries `messages: []`: the preview stays.
    await act(() => store.fetchList({}));
    expect(store.state.getState().lists[listKey({})]!.status).toBe('success');
    expect(row.querySelector('.ik-row-preview')).toHaveTextContent('On its way.');
  });

  it('says "No messages yet" for a Waply conversation only once reading it showed there are none', async () => {
    const adapter = waply([withLast('conv_1', 'Empty Waply', 'inbound', 5 * MINUTE, { messages: [], lastMessage: null, unreadCount: null })]);
    const store = createInboxStore({ adapter, pollIntervalMs: 0, storage: createMemoryStorage() });
    render(
      <InboxProvider store={store}>
        <ConversationList />
      </InboxProvider>,
    );
    const row = await screen.findByRole('option');
    expect(row).not.toHaveTextContent('No messages yet');
    await act(() => store.fetchConversation('conv_1'));
    expect(row).toHaveTextContent('No messages yet');
  });

  it('a backend whose list does carry previews says "No messages yet" when it sent none', async () => {
    renderList(createMemoryAdapter({ conversations: [withLast('conv_1', 'Quiet', 'inbound', 5 * MINUTE, { lastMessage: null, messages: [] })] }));
    expect(await rowOf('Quiet')).toHaveTextContent('No messages yet');
  });
});

describe('a row’s accessible name is one sentence', () => {
  it('reads name, status, assignee, unread, waiting and time in words, then the message', async () => {
    const c = withLast('conv_1', 'Daniel Smith', 'inbound', 4 * MINUTE, {
      channel: 'webchat',
      status: 'escalated',
      unreadCount: 2,
      assignee: { type: 'user', id: 'user_alice', name: 'Alice Support' },
      lastMessage: { text: 'I was charged twice this month.', timestamp: ago(4 * MINUTE), direction: 'inbound' },
    });
    renderList(createMemoryAdapter({ conversations: [c] }));
    const row = await screen.findByRole('option', {
      name: 'Daniel Smith, escalated, assigned to Alice Support, 2 unread, waiting 4 minutes, 4 minutes ago: I was charged twice this month.',
    });
    // The visible pieces are not read a second time, and nothing says "4m".
    expect(row).not.toHaveAccessibleName(/\b4m\b/);
    expect(row.querySelector('.ik-row-main')).toHaveAttribute('aria-hidden', 'true');
  });

  it('marks outbound messages "sent" and adds no period after a question; nobody waits', async () => {
    const c = withLast('conv_1', 'Grace', 'outbound', 2 * HOUR, { lastMessage: { text: 'Hello! How can we help?', timestamp: ago(2 * HOUR), direction: 'outbound' } });
    renderList(createMemoryAdapter({ conversations: [c] }));
    // The list carries no history, so the customer's last message (and with it the reply window) is unknown: nothing is claimed.
    expect(await screen.findByRole('option', { name: 'Grace, 2 hours ago, sent: Hello! How can we help?' })).not.toHaveAttribute('data-window');
  });

  it('includes the reply window when it is shown', async () => {
    renderList(createMemoryAdapter({ conversations: [withLast('conv_1', 'Grace', 'inbound', 23 * HOUR + 20 * MINUTE)] }));
    expect(
      await screen.findByRole('option', { name: 'Grace, waiting 23 hours, overdue, reply window closes in 40 minutes, 23 hours ago: Hello from Grace.' }),
    ).toHaveAttribute('data-window', 'closing');
  });

  it('is translated with the rest of the UI, times in the date locale', async () => {
    const c = withLast('conv_1', 'Daniel Smith', 'outbound', 4 * MINUTE, { channel: 'webchat', status: 'escalated', unreadCount: 2 });
    render(
      <InboxProvider adapter={createMemoryAdapter({ conversations: [c] })} pollIntervalMs={0} storage={createMemoryStorage()} messages={de} locale={deDates}>
        <ConversationList />
      </InboxProvider>,
    );
    expect(await screen.findByRole('option', { name: 'Daniel Smith, eskaliert, 2 ungelesen, vor 4 Minuten, gesendet: Hello from Daniel Smith.' })).toBeInTheDocument();
  });
});

describe('waiting time', () => {
  it('shows "Waiting 2h" on rows whose last message is inbound, and marks them overdue past the threshold', async () => {
    renderList(
      createMemoryAdapter({
        conversations: [
          withLast('conv_1', 'Fresh', 'inbound', 20 * MINUTE, { channel: 'webchat' }),
          withLast('conv_2', 'Long', 'inbound', 2 * HOUR + 5 * MINUTE, { channel: 'webchat' }),
          withLast('conv_3', 'Answered', 'outbound', 3 * HOUR, { channel: 'webchat' }),
        ],
      }),
    );
    const fresh = await rowOf('Fresh');
    expect(fresh).toHaveAttribute('data-waiting', '');
    expect(within(fresh).getByText('Waiting 20m')).toHaveAttribute('data-waiting', '');
    const long = await rowOf('Long');
    expect(long).toHaveAttribute('data-waiting', 'overdue');
    expect(within(long).getByText('Waiting 2h')).toHaveAttribute('data-waiting', 'overdue');
    expect(long).toHaveAccessibleName(/waiting 2 hours, overdue/);
    const answered = await rowOf('Answered');
    expect(answered).not.toHaveAttribute('data-waiting');
    expect(answered).not.toHaveTextContent(/Waiting/);
  });

  it('takes the threshold from waitingAlertAfterMs', async () => {
    renderList(createMemoryAdapter({ conversations: [withLast('conv_1', 'Fresh', 'inbound', 20 * MINUTE, { channel: 'webchat' })] }), { waitingAlertAfterMs: 15 * MINUTE });
    expect(await rowOf('Fresh')).toHaveAttribute('data-waiting', 'overdue');
  });

  it('shows nothing where the direction of the last message is unknown (a resolved conversation, no preview)', async () => {
    renderList(
      createMemoryAdapter({
        conversations: [withLast('conv_1', 'Nothing', 'inbound', 3 * HOUR, { channel: 'webchat', lastMessage: null }), withLast('conv_2', 'Done', 'inbound', 3 * HOUR, { channel: 'webchat', status: 'resolved' })],
      }),
    );
    for (const name of ['Nothing', 'Done']) {
      const row = await rowOf(name);
      expect(row).not.toHaveAttribute('data-waiting');
      expect(row).not.toHaveTextContent(/Waiting/);
    }
  });
});

describe('the WhatsApp reply window', () => {
  const rows = () =>
    createMemoryAdapter({
      conversations: [
        withLast('conv_1', 'Open', 'inbound', 21 * HOUR),
        withLast('conv_2', 'Closing', 'inbound', 23 * HOUR + 20 * MINUTE),
        withLast('conv_3', 'Closed', 'inbound', 25 * HOUR),
        withLast('conv_4', 'Web', 'inbound', 25 * HOUR, { channel: 'webchat' }),
      ],
    });

  it('shows time left, "closes in" under two hours, and closed after 24 hours, with data-window', async () => {
    renderList(rows());
    const open = await rowOf('Open');
    expect(open).toHaveAttribute('data-window', 'open');
    expect(open.querySelector('[data-slot="reply-window"]')).toHaveAttribute('data-window', 'open');
    expect(within(open).getByText('Reply window: 3h left')).toBeInTheDocument();
    const closing = await rowOf('Closing');
    expect(closing).toHaveAttribute('data-window', 'closing');
    expect(within(closing).getByText('Reply window closes in 40m')).toBeInTheDocument();
    expect(closing).toHaveAccessibleName(/reply window closes in 40 minutes/);
    const closed = await rowOf('Closed');
    expect(closed).toHaveAttribute('data-window', 'closed');
    expect(within(closed).getByText('Reply window closed: only template messages can be sent')).toBeInTheDocument();
    const web = await rowOf('Web');
    expect(web).not.toHaveAttribute('data-window');
    expect(web).not.toHaveTextContent(/Reply window/);
  });

  it('rows carry a short form for narrow lists too ("3h left", "Window closed"), with the long one as the title', async () => {
    renderList(rows());
    const forms = async (name: string) => {
      const chip = (await rowOf(name)).querySelector<HTMLElement>('[data-slot="reply-window"]')!;
      return { title: chip.title, long: chip.querySelector('.ik-meta-long')!.textContent, short: chip.querySelector('.ik-meta-short')!.textContent, hidden: chip.closest('[aria-hidden="true"]') !== null };
    };
    expect(await forms('Open')).toEqual({ title: 'Reply window: 3h left', long: 'Reply window: 3h left', short: '3h left', hidden: true });
    expect(await forms('Closing')).toEqual({ title: 'Reply window closes in 40m', long: 'Reply window closes in 40m', short: '40m left', hidden: true });
    const closed = 'Reply window closed: only template messages can be sent';
    expect(await forms('Closed')).toEqual({ title: closed, long: closed, short: 'Window closed', hidden: true });
    // Screen readers hear the row's one sentence, never either form of the chip.
    expect(await rowOf('Closing')).toHaveAccessibleName('Closing, waiting 23 hours, overdue, reply window closes in 40 minutes, 23 hours ago: Hello from Closing.');
  });

  it('the short form is in the catalog’s words', async () => {
    renderList(rows(), { messages: de });
    const chip = (await screen.findByRole('option', { name: /^Closing, / })).querySelector<HTMLElement>('[data-slot="reply-window"]')!;
    expect(chip.querySelector('.ik-meta-short')!.textContent).toBe('noch 40\u00a0Min.');
    expect(chip).toHaveAttribute('title', 'Antwortfenster schließt in 40\u00a0Min.');
  });

  it('the view header explains it in one sentence, with the time it closes', async () => {
    const c = withLast('conv_1', 'Closing', 'inbound', 23 * HOUR + 20 * MINUTE);
    render(
      <InboxProvider adapter={createMemoryAdapter({ conversations: [c] })} pollIntervalMs={0} storage={createMemoryStorage()}>
        <ConversationView conversationId="conv_1" />
      </InboxProvider>,
    );
    await screen.findByRole('heading', { name: 'Closing' });
    const header = document.querySelector('[data-slot="view-header"]')!;
    expect(header).toHaveAttribute('data-window', 'closing');
    expect(header).toHaveAttribute('data-waiting', 'overdue');
    expect(within(header as HTMLElement).getByText('Waiting 23 hours')).toHaveClass('ik-visually-hidden');
    const closesAt = new Date(NOW + 40 * MINUTE);
    const clock = closesAt.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' });
    const notice = document.querySelector('[data-slot="reply-window"]')!;
    expect(notice).toHaveAttribute('data-window', 'closing');
    expect(notice).toHaveTextContent(`You can reply freely until ${clock} (40 minutes left); after that, WhatsApp allows only template messages until the customer writes again.`);
  });

  it('names the day when the window closes after midnight', async () => {
    // 23:50 on the browser's clock: a window with 40 minutes left closes tomorrow at 00:30.
    const lateEvening = new Date(2026, 4, 20, 23, 50).getTime();
    vi.setSystemTime(lateEvening);
    const at = new Date(lateEvening - 23 * HOUR - 20 * MINUTE).toISOString();
    const c = conversation('conv_1', 'Late', { updatedAt: at, lastMessage: { text: 'Hi', timestamp: at, direction: 'inbound' }, messages: [] });
    render(
      <InboxProvider adapter={createMemoryAdapter({ conversations: [c] })} pollIntervalMs={0} storage={createMemoryStorage()}>
        <ConversationView conversationId="conv_1" />
      </InboxProvider>,
    );
    await screen.findByRole('heading', { name: 'Late' });
    expect(document.querySelector('[data-slot="reply-window"]')).toHaveTextContent(/^You can reply freely until May 21, 12:30 AM \(40 minutes left\);/);
  });

  it('the view says when a closed window closed', async () => {
    const c = withLast('conv_1', 'Closed', 'inbound', 25 * HOUR);
    render(
      <InboxProvider adapter={createMemoryAdapter({ conversations: [c] })} pollIntervalMs={0} storage={createMemoryStorage()}>
        <ConversationView conversationId="conv_1" />
      </InboxProvider>,
    );
    await screen.findByRole('heading', { name: 'Closed' });
    expect(document.querySelector('[data-slot="reply-window"]')).toHaveTextContent(/^The 24-hour reply window closed at \d{1,2}:\d{2} [AP]M: WhatsApp allows only template messages/);
  });
});

describe('updates from the shared clock', () => {
  it('a tick re-renders neither the list nor any row content; a row whose window starts closing changes alone', async () => {
    vi.useRealTimers();
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(NOW);
    // Row 2's reply window has 2 h 0 min 20 s left: one 30-second tick later it is closing.
    const conversations = Array.from({ length: 30 }, (_, i) => withLast(`conv_${i + 1}`, `Person ${i + 1}`, 'inbound', i === 1 ? 22 * HOUR - 20_000 : (i + 1) * MINUTE));
    let reads = 0;
    // Counts the list's reads of its rows: the list reads each visible one whenever it renders.
    const counted = new Proxy(conversations, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const contentRenders = new Map<string, number>();
    render(
      <InboxProvider adapter={createMemoryAdapter({ conversations: [] })} pollIntervalMs={0} storage={createMemoryStorage()}>
        <ConversationList
          conversations={counted}
          renderItem={(c) => {
            contentRenders.set(c.id, (contentRenders.get(c.id) ?? 0) + 1);
            return <span>{c.contact?.name}</span>;
          }}
        />
      </InboxProvider>,
    );
    const [first, second] = screen.getAllByRole('option');
    expect(first).toHaveAttribute('data-window', 'open');
    expect(second).toHaveAttribute('data-window', 'open');
    reads = 0;
    contentRenders.clear();

    act(() => {
      vi.advanceTimersByTime(30_000);
    });
    expect(second).toHaveAttribute('data-window', 'closing');
    expect(screen.getAllByRole('option')[1]).toBe(second); // the same element, updated in place
    expect(first).toHaveAttribute('data-window', 'open');
    expect(reads).toBe(0);
    expect(contentRenders.size).toBe(0);
  });
});

/** The view of one conversation, with the catalog and the date locale given. */
function renderView(c: Conversation, options: { messages?: Partial<InboxMessages>; locale?: typeof arDates } = {}) {
  return render(
    <InboxProvider adapter={createMemoryAdapter({ conversations: [c] })} pollIntervalMs={0} storage={createMemoryStorage()} messages={options.messages} locale={options.locale}>
      <ConversationView conversationId="conv_1" />
    </InboxProvider>,
  );
}

/** The banner's sentence: the element that takes its direction from the catalog's words. */
const sentenceOf = (banner: Element) => banner.querySelector<HTMLElement>('[dir="auto"]')!;
const isolated = (el: Element) => Array.from(el.querySelectorAll('bdi'), (b) => b.textContent);
/** The catalog's own words: the sentence's text outside its isolated values. */
const ownWords = (el: Element) => Array.from(el.childNodes, (n) => (n.nodeType === Node.TEXT_NODE ? n.textContent : '\u2026')).join('');

describe('the reply-window banner in a right-to-left page', () => {
  it('an English sentence over Arabic dates: its direction from the English words, the time and the duration each isolated', async () => {
    renderView(withLast('conv_1', 'Fatima', 'inbound', 23 * HOUR + 20 * MINUTE), { locale: arDates });
    await screen.findByRole('heading', { name: 'Fatima' });
    const banner = document.querySelector('[data-slot="reply-window"]')!;
    const sentence = sentenceOf(banner);
    expect(sentence).not.toBeNull();
    // The time and the duration come from the Arabic date locale: each is its own bidi island.
    const [when, left] = isolated(sentence);
    expect(when).toMatch(/[\u0600-\u06ff]/);
    expect(left).toMatch(/[\u0600-\u06ff]/);
    expect(ownWords(sentence)).toBe('You can reply freely until \u2026 (\u2026 left); after that, WhatsApp allows only template messages until the customer writes again.');
    expect(sentence).toHaveTextContent(`You can reply freely until ${when} (${left} left);`);
  });

  it('a closed window: the time it closed is isolated', async () => {
    renderView(withLast('conv_1', 'Closed', 'inbound', 25 * HOUR));
    await screen.findByRole('heading', { name: 'Closed' });
    const sentence = sentenceOf(document.querySelector('[data-slot="reply-window"]')!);
    expect(isolated(sentence)).toHaveLength(1);
    expect(ownWords(sentence)).toBe('The 24-hour reply window closed at \u2026: WhatsApp allows only template messages until the customer writes again.');
  });

  it('the Arabic catalog: its own words around the isolated time and duration', async () => {
    renderView(withLast('conv_1', 'Fatima', 'inbound', 23 * HOUR + 20 * MINUTE), { messages: ar, locale: arDates });
    await screen.findByRole('heading', { name: 'Fatima' });
    const sentence = sentenceOf(document.querySelector('[data-slot="reply-window"]')!);
    const [when, left] = isolated(sentence);
    expect(sentence).toHaveTextContent(ar.replyWindowExplained(when!, left!));
    expect(ownWords(sentence)).toBe(ar.replyWindowExplained('\u2026', '\u2026'));
  });
});

describe('other sentences in the view take their direction from their own words', () => {
  it('the AI banner and the Resolve with a note button', async () => {
    renderView(withLast('conv_1', 'Grace', 'inbound', HOUR, { status: 'escalated', aiHandling: true }));
    await screen.findByRole('heading', { name: 'Grace' });
    const banner = document.querySelector('[data-slot="ai-banner"]')!;
    // The sentence, not the banner: the banner's layout (text, then the Take over button) stays the page's.
    expect(banner).not.toHaveAttribute('dir');
    expect(within(banner as HTMLElement).getByText(/escalated this conversation/)).toHaveAttribute('dir', 'auto');
    expect(screen.getByRole('button', { name: 'Resolve with a note…' })).toHaveAttribute('dir', 'auto');
  });

  it("the list's error and empty states", async () => {
    const failing: ConversationsAdapter = { ...createMemoryAdapter({ conversations: [] }), listConversations: () => Promise.reject(new InboxError('server', 'The server had a problem (500).', { status: 500 })) };
    const { unmount } = render(
      <InboxProvider adapter={failing} pollIntervalMs={0} storage={createMemoryStorage()}>
        <ConversationList />
      </InboxProvider>,
    );
    expect(await screen.findByText('Conversations could not be loaded.')).toHaveAttribute('dir', 'auto');
    expect(screen.getByText('The server had a problem (500).')).toHaveAttribute('dir', 'auto');
    unmount();
    render(
      <InboxProvider adapter={createMemoryAdapter({ conversations: [] })} pollIntervalMs={0} storage={createMemoryStorage()}>
        <ConversationList />
      </InboxProvider>,
    );
    const empty = await screen.findByText((_, element) => element?.matches('[data-slot="empty"] .ik-state-title') ?? false);
    expect(empty).toHaveAttribute('dir', 'auto');
  });

  it('the prompt to pick a conversation', () => {
    render(
      <InboxProvider adapter={createMemoryAdapter({ conversations: [] })} pollIntervalMs={0} storage={createMemoryStorage()}>
        <ConversationView conversationId={null} />
      </InboxProvider>,
    );
    expect(screen.getByText('Select a conversation to see it here.')).toHaveAttribute('dir', 'auto');
  });
});
