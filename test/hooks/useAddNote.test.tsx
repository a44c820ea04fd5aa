import '@testing-library/jest-dom/vitest';
import { act, cleanup, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  InboxError,
  InboxProvider,
  createMemoryAdapter,
  createMemoryStorage,
  createMockHandler,
  createWhatsAppAdapter,
  useAddNote,
} from 'inboxkit';
import type { ConversationsAdapter, Note } from 'inboxkit';
import { conversation, deferred, trackUnhandledRejections } from './helpers';

let rejections = trackUnhandledRejections();
afterEach(() => {
  cleanup();
  rejections.stop();
  rejections = trackUnhandledRejections();
});

const results: Array<Note | undefined> = [];

function NoteComposer({ id }: { id: string }) {
  const { draft, setDraft, add, pending, error, notes, supported } = useAddNote(id);
  if (!supported) return <p>Notes are not available on this backend</p>;
  return (
    <section>
      <ul aria-label="Notes">
        {notes.map((n) => (
          <li key={n.id}>{n.content}</li>
        ))}
      </ul>
      <label>
        Note
        <textarea value={draft} onChange={(e) => setDraft(e.target.value)} />
      </label>
      <button disabled={pending} onClick={() => void add().then((note) => results.push(note))}>
        {pending ? 'Adding…' : 'Add note'}
      </button>
      {error && <p role="alert">{error.message}</p>}
    </section>
  );
}

function renderComposer(adapter: ConversationsAdapter, id: string) {
  const storage = createMemoryStorage();
  const view = render(
    <InboxProvider adapter={adapter} pollIntervalMs={0} storage={storage}>
      <NoteComposer id={id} />
    </InboxProvider>,
  );
  const show = (next: string) =>
    view.rerender(
      <InboxProvider adapter={adapter} pollIntervalMs={0} storage={storage}>
        <NoteComposer id={next} />
      </InboxProvider>,
    );
  return { show, storage };
}

const box = () => screen.getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;
const type = (text: string) => fireEvent.change(box(), { target: { value: text } });
const noteTexts = () => screen.queryAllByRole('listitem').map((li) => li.textContent);

const twoConversations = () => createMemoryAdapter({ conversations: [conversation('conv_a', 'Ada'), conversation('conv_b', 'Bo')] });

describe('useAddNote', () => {
  it('keeps a draft per conversation when the id prop switches', () => {
    const { show } = renderComposer(twoConversations(), 'conv_a');
    type('Call back on Monday');

    show('conv_b');
    expect(box().value).toBe('');
    type('Refund issued');

    show('conv_a');
    expect(box().value).toBe('Call back on Monday');
    show('conv_b');
    expect(box().value).toBe('Refund issued');
  });

  it('sends the draft, shows the note, and clears the draft only once the server has it', async () => {
    const backend = twoConversations();
    const gate = deferred();
    const adapter: ConversationsAdapter = { ...backend, addNote: async (...args) => (await gate.promise, backend.addNote(...args)) };
    results.length = 0;
    renderComposer(adapter, 'conv_a');
    type('Customer prefers email');

    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    expect(screen.getByRole('button', { name: 'Adding…' })).toBeDisabled();
    expect(box().value).toBe('Customer prefers email');

    await act(async () => gate.resolve());
    expect(box().value).toBe('');
    expect(noteTexts()).toContain('Customer prefers email');
    expect(screen.getByRole('button', { name: 'Add note' })).toBeEnabled();
    expect(results).toEqual([expect.objectContaining({ conversationId: 'conv_a', content: 'Customer prefers email' })]);
    expect((await backend.listNotes('conv_a')).map((n) => n.content)).toContain('Customer prefers email');
  });

  it('shows a sent note once, even though the memory backend also pushes it', async () => {
    renderComposer(twoConversations(), 'conv_b');
    type('Only once');
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await screen.findByRole('button', { name: 'Add note' });
    expect(box().value).toBe('');
    expect(noteTexts()).toEqual(['Only once']);
  });

  it('keeps the draft and shows the error when sending fails', async () => {
    const backend = twoConversations();
    const adapter: ConversationsAdapter = {
      ...backend,
      addNote: () => Promise.reject(new InboxError('server', 'Notes are down, try again.', { status: 500 })),
    };
    results.length = 0;
    renderComposer(adapter, 'conv_a');
    type('Do not lose me');

    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Notes are down, try again.');
    expect(box().value).toBe('Do not lose me');
    expect(noteTexts()).not.toContain('Do not lose me');
    expect(results).toEqual([undefined]);
    await new Promise((r) => setTimeout(r, 0));
    expect(rejections.seen).toEqual([]);
  });

  it('refuses an empty note with a clear message', async () => {
    renderComposer(twoConversations(), 'conv_a');
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('A note cannot be empty.');
  });

  it('says notes are unsupported on WhatsApp and never sends a request', async () => {
    const backend = createMemoryAdapter({ seed: 3, size: 3, profile: 'whatsapp' });
    const fetch = vi.fn(createMockHandler({ flavour: 'whatsapp', backend }));
    const adapter = createWhatsAppAdapter({ baseUrl: 'http://mock.test', headers: { Authorization: 'Bearer inboxkit-mock-token' }, fetch, retry: false });
    const { result } = renderHook(() => useAddNote('conv_any'), {
      wrapper: ({ children }) => (
        <InboxProvider adapter={adapter} pollIntervalMs={0} storage={createMemoryStorage()}>
          {children}
        </InboxProvider>
      ),
    });
    expect(result.current.supported).toBe(false);
    await act(async () => {
      expect(await result.current.add()).toBeUndefined();
    });
    expect(result.current.error).toBeInstanceOf(InboxError);
    expect(result.current.error?.code).toBe('unsupported');
    expect(fetch).not.toHaveBeenCalled();
  });
});
