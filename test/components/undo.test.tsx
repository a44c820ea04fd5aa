import '@testing-library/jest-dom/vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ConversationView,
  Inbox,
  InboxError,
  InboxProvider,
  createMemoryAdapter,
  createMemoryStorage,
  createMockHandler,
  createWaplyAdapter,
  createWhatsAppAdapter,
} from 'inboxkit';
import type { Conversation, ConversationQuery, ConversationsAdapter } from 'inboxkit';
import { conversation, deferred } from '../hooks/helpers';

// The view holds a Radix menu, which uses layout and pointer APIs jsdom lacks; these stubs only keep it from throwing.
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  delete (document as { visibilityState?: unknown }).visibilityState;
});

/** conv_1 … conv_n, newest first, so conv_1 is the top row. */
function people(count: number, overrides: (i: number) => Partial<Conversation> = () => ({})): Conversation[] {
  return Array.from({ length: count }, (_, i) =>
    conversation(`conv_${i + 1}`, `Person ${i + 1}`, { updatedAt: new Date(Date.UTC(2026, 4, 1, 12) - i * 60_000).toISOString(), ...overrides(i) }),
  );
}

/** The memory backend, recording every mutation that reaches it, in order. */
function counted(conversations: Conversation[]) {
  const backend = createMemoryAdapter({ conversations });
  const sent: string[] = [];
  const resolutions: Array<string | undefined> = [];
  const adapter: ConversationsAdapter = {
    ...backend,
    resolveConversation: (id, options) => {
      sent.push(`resolve ${id}`);
      resolutions.push(options?.resolution);
      return backend.resolveConversation(id, options);
    },
    assignConversation: (id, assignee, options) => {
      sent.push(`assign ${id}`);
      return backend.assignConversation(id, assignee, options);
    },
    addNote: (id, text, options) => {
      sent.push(`note ${id}`);
      return backend.addNote(id, text, options);
    },
  };
  return { backend, adapter, sent, resolutions };
}

function renderInbox(adapter: ConversationsAdapter, { undoMs, query }: { undoMs?: number; query?: ConversationQuery } = {}) {
  return render(
    <InboxProvider adapter={adapter} pollIntervalMs={0} storage={createMemoryStorage()} undoMs={undoMs}>
      <Inbox defaultQuery={query} />
    </InboxProvider>,
  );
}

const listbox = () => screen.getByRole('listbox', { name: 'Conversations' });
const rowNames = () => within(listbox()).getAllByRole('option').map((o) => o.querySelector('.ik-row-name')?.textContent);
const undoStatus = (root: ParentNode = document) => root.querySelector<HTMLElement>('[data-slot="undo-status"]')!;
const heading = () => screen.queryByRole('heading', { level: 2 });

/** The list row of the contact named exactly `name`. */
const row = (name: string) => {
  const found = within(listbox())
    .getAllByRole('option')
    .find((o) => o.querySelector('.ik-row-name')?.textContent === name);
  if (!found) throw new Error(`No row named ${name}: ${rowNames().join(', ')}`);
  return found;
};

async function open(user: ReturnType<typeof userEvent.setup>, name: string) {
  await screen.findAllByRole('option');
  await user.click(row(name));
  expect(await screen.findByRole('heading', { level: 2, name })).toBeInTheDocument();
  // Shortcuts from the timeline, as after a click on a message.
  screen.getByRole('log').focus();
}

/** A few turns of the event loop, for anything that would still be sent. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
/** A key pressed in the open conversation (synchronous, so fake timers need no help). */
const press = (key: string) => act(() => void fireEvent.keyDown(screen.getByRole('log'), { key }));
/** Lets `ms` pass on the faked clock, running what falls due. */
const pass = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
/** Fakes the clock from here on: the setup before it ran on real timers. */
const fakeClock = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

describe('Resolve with Undo in the Inbox (default window, 5 s)', () => {
  it('e resolves at once and says so with Undo; nothing is sent for 5 s, then one request', async () => {
    const { adapter, sent, backend } = counted(people(4));
    const user = userEvent.setup();
    renderInbox(adapter, { query: { status: 'open' } });
    await open(user, 'Person 2');
    fakeClock();
    press('e');
    // Shown at once: it left the Open list, and the view reads Resolved (nothing is being sent yet).
    expect(rowNames()).toEqual(['Person 1', 'Person 3', 'Person 4']);
    const button = screen.getByRole('button', { name: 'Resolved' });
    expect(button).toBeDisabled();
    expect(button).not.toHaveAttribute('aria-busy');
    const status = undoStatus();
    expect(status).toHaveAttribute('role', 'status');
    expect(status).toHaveTextContent('Resolved: Person 2.');
    expect(within(status).getByRole('button', { name: 'Undo' })).toBeEnabled();
    expect(within(status).queryByRole('button', { name: 'Undo all' })).toBeNull();

    await pass(4_999);
    expect(sent).toEqual([]);
    expect(status).toHaveTextContent('Resolved: Person 2.');
    await pass(1);
    expect(sent).toEqual(['resolve conv_2']);
    expect(status).toBeEmptyDOMElement();
    expect(status).toBeInTheDocument();
    expect((await backend.getConversation('conv_2')).status).toBe('resolved');
  });

  it('Undo, after the agent moved on with j: the conversation comes back where it was, and nothing is ever sent', async () => {
    const { adapter, sent } = counted(people(4));
    const user = userEvent.setup();
    const { container, unmount } = renderInbox(adapter, { query: { status: 'open' } });
    await open(user, 'Person 2');
    await user.click(screen.getByRole('button', { name: 'Resolve' }));
    expect(rowNames()).toEqual(['Person 1', 'Person 3', 'Person 4']);
    // The button is disabled now: focus went on to the timeline, so j works from there.
    expect(screen.getByRole('log')).toHaveFocus();
    await user.keyboard('j');
    expect(await screen.findByRole('heading', { level: 2, name: 'Person 3' })).toBeInTheDocument();
    // Still offered: the line is the inbox's, not the resolved conversation's.
    const status = undoStatus();
    expect(status).toHaveTextContent('Resolved: Person 2.');

    await user.click(within(status).getByRole('button', { name: 'Undo' }));
    expect(rowNames()).toEqual(['Person 1', 'Person 2', 'Person 3', 'Person 4']);
    expect(row('Person 2')).toHaveAttribute('data-status', 'open');
    expect(heading()).toHaveAccessibleName('Person 3');
    expect(status).toBeEmptyDOMElement();
    // The button went away under focus: focus stays in the inbox, so its shortcuts still work.
    expect(container.querySelector('.ik-inbox')).toHaveFocus();
    await user.keyboard('k');
    expect(await screen.findByRole('heading', { level: 2, name: 'Person 2' })).toBeInTheDocument();
    // Unmounting sends whatever still waits: nothing does.
    unmount();
    await settle();
    expect(sent).toEqual([]);
  });

  it('three resolves in a row: the line names the latest and counts the rest; z undoes the latest, Undo all the rest', async () => {
    const { adapter, sent } = counted(people(4));
    const user = userEvent.setup();
    const { unmount } = renderInbox(adapter, { undoMs: 60_000 });
    await open(user, 'Person 1');
    await user.keyboard('e');
    await user.keyboard('j');
    expect(await screen.findByRole('heading', { level: 2, name: 'Person 2' })).toBeInTheDocument();
    screen.getByRole('log').focus();
    await user.keyboard('e');
    await user.keyboard('j');
    expect(await screen.findByRole('heading', { level: 2, name: 'Person 3' })).toBeInTheDocument();
    screen.getByRole('log').focus();
    await user.keyboard('e');
    const status = undoStatus();
    expect(status).toHaveTextContent('Resolved: Person 3 and 2 more.');
    expect(status.querySelector('[data-slot="undo-line"]')).toHaveAttribute('data-count', '3');

    await user.keyboard('z');
    expect(row('Person 3')).toHaveAttribute('data-status', 'open');
    expect(screen.getByRole('button', { name: 'Resolve' })).toBeEnabled();
    expect(status).toHaveTextContent('Resolved: Person 2 and 1 more.');

    await user.click(within(status).getByRole('button', { name: 'Undo all' }));
    for (const name of ['Person 1', 'Person 2', 'Person 3']) expect(row(name)).toHaveAttribute('data-status', 'open');
    expect(status).toBeEmptyDOMElement();
    unmount();
    await settle();
    expect(sent).toEqual([]);
  });

  it('z with nothing waiting does nothing, and e on a resolved conversation sends nothing more', async () => {
    const { adapter, sent } = counted(people(2, (i) => ({ status: i === 0 ? 'resolved' : 'open' })));
    const user = userEvent.setup();
    const { unmount } = renderInbox(adapter);
    await open(user, 'Person 1');
    await user.keyboard('z');
    await user.keyboard('e');
    expect(undoStatus()).toBeEmptyDOMElement();
    unmount();
    await settle();
    expect(sent).toEqual([]);
  });

  it('unmounting the inbox sends every waiting resolve at once', async () => {
    const { adapter, sent, backend } = counted(people(3));
    const user = userEvent.setup();
    const { unmount } = renderInbox(adapter, { undoMs: 60_000 });
    await open(user, 'Person 1');
    await user.keyboard('e');
    await user.keyboard('j');
    expect(await screen.findByRole('heading', { level: 2, name: 'Person 2' })).toBeInTheDocument();
    screen.getByRole('log').focus();
    await user.keyboard('e');
    expect(sent).toEqual([]);
    unmount();
    await vi.waitFor(() => expect([...sent].sort()).toEqual(['resolve conv_1', 'resolve conv_2']));
    await vi.waitFor(async () => expect((await backend.getConversation('conv_2')).status).toBe('resolved'));
  });

  it('the page going hidden sends it at once', async () => {
    const { adapter, sent } = counted(people(2));
    const user = userEvent.setup();
    renderInbox(adapter, { undoMs: 60_000 });
    await open(user, 'Person 1');
    await user.keyboard('e');
    expect(sent).toEqual([]);
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    await vi.waitFor(() => expect(sent).toEqual(['resolve conv_1']));
    await vi.waitFor(() => expect(undoStatus()).toBeEmptyDOMElement());
  });

  it('another mutation of that conversation (a note) sends the waiting resolve first', async () => {
    const { adapter, sent } = counted(people(2));
    const user = userEvent.setup();
    renderInbox(adapter, { undoMs: 60_000 });
    await open(user, 'Person 1');
    await user.keyboard('e');
    await user.type(screen.getByRole('textbox', { name: /^Internal note/ }), 'Closing: refund sent');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await vi.waitFor(() => expect(sent).toEqual(['resolve conv_1', 'note conv_1']));
    expect(undoStatus()).toBeEmptyDOMElement();
  });

  it('after the window, the button and row read as pending while the server works, then Resolved', async () => {
    const { adapter: inner, backend } = counted(people(2));
    const gate = deferred();
    const adapter: ConversationsAdapter = { ...inner, resolveConversation: async (...args) => (await gate.promise, backend.resolveConversation(...args)) };
    const user = userEvent.setup();
    renderInbox(adapter);
    await open(user, 'Person 1');
    fakeClock();
    press('e');
    expect(screen.getByRole('button', { name: 'Resolved' })).not.toHaveAttribute('aria-busy');
    // Nothing in flight yet: the row is not dimmed as pending.
    expect(row('Person 1')).not.toHaveAttribute('data-pending');
    await pass(5_000);
    expect(screen.getByRole('button', { name: 'Resolving…' })).toHaveAttribute('aria-busy', 'true');
    expect(row('Person 1')).toHaveAttribute('data-pending');
    expect(undoStatus()).toBeEmptyDOMElement();
    await act(async () => gate.resolve());
    expect(screen.getByRole('button', { name: 'Resolved' })).toBeDisabled();
  });

  it('refused once sent: it rolls back with the refusal in words, and the Undo line is gone', async () => {
    const { adapter: inner } = counted(people(3));
    const adapter: ConversationsAdapter = { ...inner, resolveConversation: () => Promise.reject(new InboxError('forbidden', 'Forbidden', { status: 403 })) };
    const user = userEvent.setup();
    renderInbox(adapter, { query: { status: 'open' } });
    await open(user, 'Person 2');
    fakeClock();
    press('e');
    expect(rowNames()).toEqual(['Person 1', 'Person 3']);
    await pass(5_000);
    expect(screen.getByRole('alert')).toHaveTextContent('Not resolved. You are not allowed to do this.');
    expect(rowNames()).toEqual(['Person 1', 'Person 2', 'Person 3']);
    expect(screen.getByRole('button', { name: 'Resolve' })).toBeEnabled();
    expect(undoStatus()).toBeEmptyDOMElement();
  });

  it('undoMs={0} turns it off: sent at once, no Undo line', async () => {
    const { adapter, sent } = counted(people(2));
    const user = userEvent.setup();
    renderInbox(adapter, { undoMs: 0 });
    await open(user, 'Person 1');
    await user.keyboard('e');
    expect(sent).toEqual(['resolve conv_1']);
    expect(undoStatus()).toBeEmptyDOMElement();
  });

  it('shows one Undo line in the inbox, the name isolated from the sentence', async () => {
    const { adapter } = counted(people(2, (i) => (i === 0 ? { contact: { id: 'contact_conv_1', name: 'سارة أحمد' } } : {})));
    const user = userEvent.setup();
    const { container } = renderInbox(adapter, { undoMs: 60_000 });
    await open(user, 'سارة أحمد');
    await user.keyboard('e');
    expect(container.querySelectorAll('[data-slot="undo-status"]')).toHaveLength(1);
    expect(undoStatus().querySelector('bdi')).toHaveTextContent('سارة أحمد');
    expect(undoStatus()).toHaveTextContent('Resolved: سارة أحمد.');
  });
});

describe('ConversationView alone', () => {
  function renderView(adapter: ConversationsAdapter, id: string, undoMs?: number) {
    return render(
      <InboxProvider adapter={adapter} pollIntervalMs={0} storage={createMemoryStorage()} undoMs={undoMs}>
        <ConversationView conversationId={id} />
      </InboxProvider>,
    );
  }

  it('shows its own Undo line, and Undo gives the conversation back unsent', async () => {
    const { adapter, sent } = counted(people(1));
    const user = userEvent.setup();
    const { container, unmount } = renderView(adapter, 'conv_1', 60_000);
    await user.click(await screen.findByRole('button', { name: 'Resolve' }));
    const status = undoStatus(container);
    expect(status.closest('section.ik-view')).not.toBeNull();
    expect(status).toHaveTextContent('Resolved: Person 1.');
    await user.click(within(status).getByRole('button', { name: 'Undo' }));
    expect(screen.getByRole('button', { name: 'Resolve' })).toBeEnabled();
    expect(container.querySelector('section.ik-view')).toHaveAttribute('data-status', 'open');
    expect(screen.getByRole('log')).toHaveFocus();
    unmount();
    await settle();
    expect(sent).toEqual([]);
  });
});

describe('Resolve with a note', () => {
  function whatsAppOverMock(conversations: Conversation[]) {
    const backend = createMemoryAdapter({ conversations, profile: 'whatsapp' });
    const seen: Array<{ method: string; url: string; body: string }> = [];
    const handler = createMockHandler({ flavour: 'whatsapp', backend });
    const adapter = createWhatsAppAdapter({
      baseUrl: 'http://mock.test',
      headers: { Authorization: 'Bearer inboxkit-mock-token' },
      fetch: async (input, init) => {
        const request = new Request(input, init);
        seen.push({ method: request.method, url: new URL(request.url).pathname, body: await request.clone().text() });
        return handler(request);
      },
      retry: false,
    });
    return { backend, adapter, seen };
  }

  it('asks for the text, refuses it empty, Escape cancels; the held resolve carries it when it goes', async () => {
    const { adapter, sent, resolutions, backend } = counted(people(2));
    const user = userEvent.setup();
    renderInbox(adapter);
    await open(user, 'Person 1');
    const trigger = screen.getByRole('button', { name: 'Resolve with a note…' });
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
    await user.click(trigger);
    const form = screen.getByRole('form', { name: 'Resolve with a note…' });
    expect(trigger).toHaveAttribute('aria-expanded', 'true');
    const field = within(form).getByRole('textbox', { name: 'Resolution note' });
    expect(field).toHaveFocus();

    // Empty (or only spaces): refused in words, nothing resolved.
    await user.type(field, '   ');
    await user.click(within(form).getByRole('button', { name: 'Resolve' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Write the resolution first, or use Resolve.');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveFocus();
    expect(row('Person 1')).toHaveAttribute('data-status', 'open');

    // Escape closes it, focus back on its button, nothing resolved.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('form')).toBeNull();
    expect(trigger).toHaveFocus();
    expect(row('Person 1')).toHaveAttribute('data-status', 'open');

    await user.click(trigger);
    await user.type(screen.getByRole('textbox', { name: 'Resolution note' }), 'Refund sent');
    fakeClock();
    act(() => void fireEvent.submit(screen.getByRole('form')));
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.getByRole('button', { name: 'Resolved' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Resolve with a note…' })).toBeDisabled();
    expect(screen.getByRole('log')).toHaveFocus();
    expect(undoStatus()).toHaveTextContent('Resolved: Person 1.');
    await pass(4_999);
    expect(sent).toEqual([]);
    await pass(1);
    expect(sent).toEqual(['resolve conv_1']);
    expect(resolutions).toEqual(['Refund sent']);
    expect((await backend.getConversation('conv_1')).metadata.resolution).toBe('Refund sent');
  });

  it('undone, the form opens again with the text it sent', async () => {
    const { adapter, sent } = counted(people(2));
    const user = userEvent.setup();
    const { unmount } = renderInbox(adapter, { undoMs: 60_000 });
    await open(user, 'Person 1');
    await user.click(screen.getByRole('button', { name: 'Resolve with a note…' }));
    await user.type(screen.getByRole('textbox', { name: 'Resolution note' }), 'Duplicate of #42{Control>}{Enter}{/Control}');
    expect(screen.queryByRole('form')).toBeNull();
    await user.click(within(undoStatus()).getByRole('button', { name: 'Undo' }));
    await user.click(screen.getByRole('button', { name: 'Resolve with a note…' }));
    expect(screen.getByRole('textbox', { name: 'Resolution note' })).toHaveValue('Duplicate of #42');
    unmount();
    await settle();
    expect(sent).toEqual([]);
  });

  it('moving to another conversation closes the form', async () => {
    const { adapter } = counted(people(2));
    const user = userEvent.setup();
    renderInbox(adapter);
    await open(user, 'Person 1');
    await user.click(screen.getByRole('button', { name: 'Resolve with a note…' }));
    expect(screen.getByRole('form')).toBeInTheDocument();
    await user.click(row('Person 2'));
    expect(await screen.findByRole('heading', { level: 2, name: 'Person 2' })).toBeInTheDocument();
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('WhatsApp: offered, and the close request carries the resolution once the window ends', async () => {
    const { adapter, seen } = whatsAppOverMock(people(2));
    const user = userEvent.setup();
    renderInbox(adapter);
    await open(user, 'Person 1');
    await user.click(screen.getByRole('button', { name: 'Resolve with a note…' }));
    await user.type(screen.getByRole('textbox', { name: 'Resolution note' }), 'Order re-shipped');
    fakeClock();
    act(() => void fireEvent.submit(screen.getByRole('form')));
    const closes = () => seen.filter((r) => r.method === 'POST');
    expect(closes()).toEqual([]);
    await pass(5_000);
    await vi.waitFor(() => expect(closes()).toHaveLength(1));
    expect(closes()[0]).toEqual({ method: 'POST', url: '/api/whatsapp/conversations/conv_1/close', body: '{"resolution":"Order re-shipped"}' });
  });

  it('Waply takes no resolution text: not offered', async () => {
    const backend = createMemoryAdapter({ conversations: people(2), profile: 'waply' });
    const adapter = createWaplyAdapter({ apiKey: 'inboxkit-mock-token', fetch: createMockHandler({ flavour: 'waply', backend }), retry: false });
    const user = userEvent.setup();
    renderInbox(adapter);
    // Waply conversations carry only a contact id: the rows read "Contact …".
    await vi.waitFor(() => expect(rowNames()).toHaveLength(2));
    await open(user, rowNames()[0]!);
    expect(screen.getByRole('button', { name: 'Resolve' })).toBeEnabled();
    expect(screen.queryByRole('button', { name: 'Resolve with a note…' })).toBeNull();
  });
});
