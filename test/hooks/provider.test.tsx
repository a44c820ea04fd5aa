import '@testing-library/jest-dom/vitest';
import { act, cleanup, fireEvent, render, renderHook, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  InboxError,
  InboxProvider,
  createMemoryAdapter,
  createMemoryStorage,
  useAddNote,
  useAssignConversation,
  useAssignees,
  useCachedConversation,
  useCapabilities,
  useConversation,
  useConversationIds,
  useConversations,
  useInboxEvents,
  useInboxStore,
  useResolveConversation,
} from 'inboxkit';
import type { ConversationsAdapter, InboxEvent } from 'inboxkit';
import { conversation } from './helpers';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('a hook outside InboxProvider', () => {
  const hooks: Array<[string, () => unknown]> = [
    ['useConversations', () => useConversations({})],
    ['useConversationIds', () => useConversationIds({})],
    ['useCachedConversation', () => useCachedConversation('conv_1')],
    ['useConversation', () => useConversation('conv_1')],
    ['useAssignConversation', () => useAssignConversation()],
    ['useResolveConversation', () => useResolveConversation()],
    ['useAddNote', () => useAddNote('conv_1')],
    ['useAssignees', () => useAssignees()],
    ['useCapabilities', () => useCapabilities()],
    ['useInboxEvents', () => useInboxEvents(() => {})],
    ['useInboxStore', () => useInboxStore()],
  ];
  it.each(hooks)('%s throws an error naming itself and InboxProvider', (name, hook) => {
    // React reports the render error to the console as well; keep the output clean.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let thrown: unknown;
    try {
      renderHook(hook);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toContain(name);
    expect((thrown as Error).message).toContain('InboxProvider');
  });
});

describe('useInboxEvents', () => {
  it('receives mutation.failed when the server refuses, and always calls the latest listener', async () => {
    const backend = createMemoryAdapter({ conversations: [conversation('conv_1', 'Ada')] });
    const adapter: ConversationsAdapter = {
      ...backend,
      assignConversation: () => Promise.reject(new InboxError('forbidden', 'User is not a member of this organization', { status: 403 })),
    };
    const first: InboxEvent[] = [];
    const second: InboxEvent[] = [];
    function Listener({ sink }: { sink: InboxEvent[] }) {
      useInboxEvents((event) => sink.push(event));
      const { assign } = useAssignConversation();
      const { conversation: c } = useConversation('conv_1');
      return (
        <div>
          <p>{c?.contact?.name}</p>
          <button onClick={() => void assign('conv_1', { type: 'user', id: 'user_x' })}>Assign</button>
        </div>
      );
    }
    const storage = createMemoryStorage();
    const { rerender } = render(
      <InboxProvider adapter={adapter} pollIntervalMs={0} storage={storage}>
        <Listener sink={first} />
      </InboxProvider>,
    );
    expect(await screen.findByText('Ada')).toBeInTheDocument();
    rerender(
      <InboxProvider adapter={adapter} pollIntervalMs={0} storage={storage}>
        <Listener sink={second} />
      </InboxProvider>,
    );
    const before = first.length;

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Assign' })));
    const failed = second.find((e) => e.type === 'mutation.failed');
    expect(failed).toMatchObject({ type: 'mutation.failed', mutation: 'assign', conversationId: 'conv_1', error: { code: 'forbidden', status: 403 } });
    expect(second.map((e) => e.type)).toEqual(
      expect.arrayContaining(['mutation.started', 'conversation.updated', 'mutation.failed']),
    );
    expect(first.length).toBe(before);
  });

  it('stops listening on unmount', async () => {
    const adapter = createMemoryAdapter({ conversations: [conversation('conv_1', 'Ada')] });
    const events: InboxEvent[] = [];
    let store: ReturnType<typeof useInboxStore> | undefined;
    function Listener() {
      useInboxEvents((event) => events.push(event));
      return null;
    }
    function Grab() {
      store = useInboxStore();
      return null;
    }
    const storage = createMemoryStorage();
    const { rerender } = render(
      <InboxProvider adapter={adapter} pollIntervalMs={0} storage={storage}>
        <Listener />
        <Grab />
      </InboxProvider>,
    );
    rerender(
      <InboxProvider adapter={adapter} pollIntervalMs={0} storage={storage}>
        <Grab />
      </InboxProvider>,
    );
    await act(async () => {
      await store!.fetchConversation('conv_1');
      await store!.resolve('conv_1');
    });
    expect(events).toEqual([]);
  });
});

describe('two InboxProviders on one page', () => {
  function Inbox({ label }: { label: string }) {
    const { conversations } = useConversations({});
    const { resolve } = useResolveConversation();
    const { draft, setDraft } = useAddNote('conv_1');
    return (
      <section aria-label={label}>
        <ul>
          {conversations.map((c) => (
            <li key={c.id}>
              {c.contact?.name}: {c.status}
            </li>
          ))}
        </ul>
        <button onClick={() => void resolve('conv_1')}>Resolve first</button>
        <label>
          Note
          <textarea value={draft} onChange={(e) => setDraft(e.target.value)} />
        </label>
      </section>
    );
  }

  it('are independent inboxes: a mutation or a draft in one does not appear in the other', async () => {
    // The same data in two separate backends, so a shared store would show up as a shared change.
    const data = () => [conversation('conv_1', 'Ada'), conversation('conv_2', 'Bo', { updatedAt: '2026-04-30T00:00:00.000Z' })];
    const left = createMemoryAdapter({ conversations: data() });
    const right = createMemoryAdapter({ conversations: data() });
    render(
      <>
        <InboxProvider adapter={left} pollIntervalMs={0} undoMs={0} storage={createMemoryStorage()}>
          <Inbox label="Left" />
        </InboxProvider>
        <InboxProvider adapter={right} pollIntervalMs={0} undoMs={0} storage={createMemoryStorage()}>
          <Inbox label="Right" />
        </InboxProvider>
      </>,
    );
    const leftBox = within(screen.getByRole('region', { name: 'Left' }));
    const rightBox = within(screen.getByRole('region', { name: 'Right' }));
    expect(await leftBox.findByText('Ada: open')).toBeInTheDocument();
    expect(await rightBox.findByText('Ada: open')).toBeInTheDocument();

    fireEvent.click(leftBox.getByRole('button', { name: 'Resolve first' }));
    fireEvent.change(leftBox.getByRole('textbox', { name: 'Note' }), { target: { value: 'left only' } });
    expect(await leftBox.findByText('Ada: resolved')).toBeInTheDocument();
    await act(async () => {});
    expect(rightBox.getByText('Ada: open')).toBeInTheDocument();
    expect(rightBox.getByRole('textbox', { name: 'Note' })).toHaveValue('');
    expect((await left.getConversation('conv_1')).status).toBe('resolved');
    expect((await right.getConversation('conv_1')).status).toBe('open');
  });
});

describe('InboxProvider with a store the host made', () => {
  it("keeps the store's own agent, directory and polling unless a prop sets them", async () => {
    vi.useFakeTimers();
    try {
      const { createInboxStore } = await import('inboxkit');
      const listed = vi.fn();
      const memory = createMemoryAdapter({ conversations: [conversation('conv_1', 'Ada')] });
      const adapter: ConversationsAdapter = { ...memory, listConversations: (query, options) => (listed(), memory.listConversations(query, options)) };
      const directory = { users: [{ id: 'user_kim', name: 'Kim' }] };
      const store = createInboxStore({ adapter, currentUser: { id: 'user_kim', name: 'Kim' }, directory, pollIntervalMs: 0, storage: createMemoryStorage() });
      const { result, rerender } = renderHook(() => useAssignees(), {
        wrapper: ({ children }) => <InboxProvider store={store}>{children}</InboxProvider>,
      });
      await act(async () => {
        await vi.advanceTimersByTimeAsync(10);
      });
      expect(store.state.getState().currentUser).toMatchObject({ id: 'user_kim', name: 'Kim' });
      expect(result.current.assignees.map((a) => a.id)).toContain('user_kim');
      // Polling stays off as the store was made: no list request however long the page stays open.
      const unobserve = store.observeList({});
      await act(async () => {
        await vi.advanceTimersByTimeAsync(10);
      });
      const before = listed.mock.calls.length;
      await act(async () => {
        await vi.advanceTimersByTimeAsync(60_000);
      });
      expect(listed.mock.calls.length).toBe(before);
      rerender();
      expect(store.state.getState().currentUser?.id).toBe('user_kim');
      unobserve();
      store.destroy();
    } finally {
      vi.useRealTimers();
    }
  });
});
