import '@testing-library/jest-dom/vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  InboxError,
  InboxProvider,
  createMemoryAdapter,
  createMemoryStorage,
  createMockHandler,
  createWhatsAppAdapter,
  useAssignConversation,
  useConversation,
  useConversations,
  useResolveConversation,
} from 'inboxkit';
import type { ConversationsAdapter, ConversationUpdate } from 'inboxkit';
import { conversation, deferred, trackUnhandledRejections } from './helpers';

let rejections = trackUnhandledRejections();
afterEach(() => {
  cleanup();
  rejections.stop();
  rejections = trackUnhandledRejections();
});

const settled: Array<ConversationUpdate | undefined> = [];

function AssignPanel({ id, assigneeId }: { id: string; assigneeId: string }) {
  const { conversation: c } = useConversation(id);
  const { assign, pending, error } = useAssignConversation(id);
  return (
    <section>
      <p data-testid="assignee">{c?.assignee?.id ?? 'nobody'}</p>
      <p data-testid="status">{c?.status}</p>
      <p data-testid="pending">{pending ? 'pending' : 'idle'}</p>
      {error && <p role="alert">{error.message}</p>}
      <button onClick={() => void assign(id, { type: 'user', id: assigneeId }).then((r) => settled.push(r))}>Assign</button>
    </section>
  );
}

function ResolvePanel({ id }: { id: string }) {
  const open = useConversations({ status: 'open' });
  const { conversation: c } = useConversation(id);
  const { resolve, pending, error } = useResolveConversation();
  return (
    <section>
      <ul aria-label="Open">
        {open.conversations.map((row) => (
          <li key={row.id}>{row.contact?.name}</li>
        ))}
      </ul>
      <p data-testid="status">{c?.status}</p>
      <p data-testid="pending">{pending ? 'pending' : 'idle'}</p>
      {error && <p role="alert">{error.message}</p>}
      <button onClick={() => void resolve(id).then((r) => settled.push(r))}>Resolve</button>
    </section>
  );
}

const text = (testId: string) => screen.getByTestId(testId).textContent;
const openNames = () => within(screen.getByRole('list', { name: 'Open' })).queryAllByRole('listitem').map((li) => li.textContent);

/** A WhatsApp adapter speaking to the mock REST API, whose backend is a memory adapter. */
function whatsAppOverMock() {
  const backend = createMemoryAdapter({ seed: 3, size: 5, profile: 'whatsapp' });
  const adapter = createWhatsAppAdapter({
    baseUrl: 'http://mock.test',
    headers: { Authorization: 'Bearer inboxkit-mock-token' },
    fetch: createMockHandler({ flavour: 'whatsapp', backend }),
    retry: false,
  });
  return { backend, adapter };
}

describe('useAssignConversation', () => {
  it('shows the assignee at once, pending until the server answers, then keeps it', async () => {
    const backend = createMemoryAdapter({ conversations: [conversation('conv_1', 'Ada')] });
    const [user] = await backend.listAssignees();
    const gate = deferred();
    const adapter: ConversationsAdapter = { ...backend, assignConversation: async (...args) => (await gate.promise, backend.assignConversation(...args)) };
    render(
      <InboxProvider adapter={adapter} pollIntervalMs={0} undoMs={0} storage={createMemoryStorage()}>
        <AssignPanel id="conv_1" assigneeId={user!.id} />
      </InboxProvider>,
    );
    expect(await screen.findByText('open')).toBeInTheDocument();
    expect(text('assignee')).toBe('nobody');

    fireEvent.click(screen.getByRole('button', { name: 'Assign' }));
    expect(text('assignee')).toBe(user!.id);
    expect(text('pending')).toBe('pending');

    await act(async () => gate.resolve());
    expect(text('pending')).toBe('idle');
    expect(text('assignee')).toBe(user!.id);
    expect(screen.queryByRole('alert')).toBeNull();
    expect((await backend.getConversation('conv_1')).assignee?.id).toBe(user!.id);
  });

  it('rolls back and shows the 403 when WhatsApp refuses a stranger, without an unhandled rejection', async () => {
    const { backend, adapter } = whatsAppOverMock();
    const target = (await backend.listConversations({})).conversations[0]!;
    settled.length = 0;
    render(
      <InboxProvider adapter={adapter} pollIntervalMs={0} undoMs={0} storage={createMemoryStorage()}>
        <AssignPanel id={target.id} assigneeId="user_stranger" />
      </InboxProvider>,
    );
    expect(await screen.findByText(target.status)).toBeInTheDocument();
    const before = text('assignee');

    fireEvent.click(screen.getByRole('button', { name: 'Assign' }));
    expect(text('assignee')).toBe('user_stranger');
    expect(text('pending')).toBe('pending');

    expect(await screen.findByRole('alert')).toHaveTextContent('User is not a member of this organization');
    expect(text('assignee')).toBe(before);
    expect(text('status')).toBe(target.status);
    expect(text('pending')).toBe('idle');
    expect(settled).toEqual([undefined]); // assign() resolved, it did not reject
    await new Promise((r) => setTimeout(r, 0));
    expect(rejections.seen).toEqual([]);
  });
});

describe('useResolveConversation', () => {
  it('takes the conversation out of the open list at once, and keeps it out once the server agrees', async () => {
    const backend = createMemoryAdapter({
      conversations: [conversation('conv_1', 'Ada', { updatedAt: '2026-05-02T00:00:00.000Z' }), conversation('conv_2', 'Bo')],
    });
    const gate = deferred();
    const adapter: ConversationsAdapter = { ...backend, resolveConversation: async (...args) => (await gate.promise, backend.resolveConversation(...args)) };
    render(
      <InboxProvider adapter={adapter} pollIntervalMs={0} undoMs={0} storage={createMemoryStorage()}>
        <ResolvePanel id="conv_1" />
      </InboxProvider>,
    );
    expect(await screen.findByText('Ada')).toBeInTheDocument();
    await screen.findByText('open');

    fireEvent.click(screen.getByRole('button', { name: 'Resolve' }));
    expect(text('status')).toBe('resolved');
    expect(text('pending')).toBe('pending');
    expect(openNames()).toEqual(['Bo']);

    await act(async () => gate.resolve());
    expect(text('pending')).toBe('idle');
    expect(text('status')).toBe('resolved');
    expect(openNames()).toEqual(['Bo']);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('puts the conversation back where it was and shows the error when the server refuses', async () => {
    const backend = createMemoryAdapter({
      conversations: [
        conversation('conv_1', 'Ada', { updatedAt: '2026-05-03T00:00:00.000Z' }),
        conversation('conv_2', 'Bo', { updatedAt: '2026-05-02T00:00:00.000Z' }),
        conversation('conv_3', 'Cy', { updatedAt: '2026-05-01T00:00:00.000Z' }),
      ],
    });
    const gate = deferred();
    const adapter: ConversationsAdapter = {
      ...backend,
      resolveConversation: async () => {
        await gate.promise;
        throw new InboxError('forbidden', 'You may not close this conversation.', { status: 403 });
      },
    };
    settled.length = 0;
    render(
      <InboxProvider adapter={adapter} pollIntervalMs={0} undoMs={0} storage={createMemoryStorage()}>
        <ResolvePanel id="conv_2" />
      </InboxProvider>,
    );
    expect(await screen.findByText('Bo')).toBeInTheDocument();
    await screen.findByText('open');

    fireEvent.click(screen.getByRole('button', { name: 'Resolve' }));
    expect(openNames()).toEqual(['Ada', 'Cy']);
    expect(text('pending')).toBe('pending');

    await act(async () => gate.resolve());
    expect(screen.getByRole('alert')).toHaveTextContent('You may not close this conversation.');
    expect(openNames()).toEqual(['Ada', 'Bo', 'Cy']);
    expect(text('status')).toBe('open');
    expect(text('pending')).toBe('idle');
    expect(settled).toEqual([undefined]);
    await new Promise((r) => setTimeout(r, 0));
    expect(rejections.seen).toEqual([]);
  });
});
