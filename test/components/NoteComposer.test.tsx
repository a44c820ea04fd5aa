import '@testing-library/jest-dom/vitest';
import { createRef } from 'react';
import type { ReactNode } from 'react';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { InboxError, InboxProvider, NoteComposer, createMemoryAdapter, createMemoryStorage } from 'inboxkit';
import type { ConversationsAdapter, DraftStorage, MemoryAdapter } from 'inboxkit';
import { conversation } from '../hooks/helpers';

afterEach(cleanup);

/** A memory backend with two conversations whose addNote calls are counted. */
function countingBackend() {
  const backend = createMemoryAdapter({ conversations: [conversation('conv_1', 'Ada'), conversation('conv_2', 'Bo')] });
  const sent: Array<[string, string]> = [];
  const adapter: ConversationsAdapter = {
    ...backend,
    addNote: (id, content, options) => {
      sent.push([id, content]);
      return backend.addNote(id, content, options);
    },
  };
  return { backend, adapter, sent };
}

function Provider({ adapter, storage, children }: { adapter: ConversationsAdapter; storage: DraftStorage; children: ReactNode }) {
  return (
    <InboxProvider adapter={adapter} pollIntervalMs={0} storage={storage}>
      {children}
    </InboxProvider>
  );
}

function renderComposer(adapter: ConversationsAdapter, conversationId = 'conv_1', storage = createMemoryStorage()) {
  return render(
    <Provider adapter={adapter} storage={storage}>
      <NoteComposer conversationId={conversationId} />
    </Provider>,
  );
}

const field = () => screen.getByRole('textbox', { name: /^Internal note/ });
const addButton = () => screen.getByRole('button', { name: 'Add note' });

async function notesOf(backend: MemoryAdapter, id: string) {
  return (await backend.listNotes(id)).map((n) => n.content);
}

describe('NoteComposer', () => {
  it('is a textarea labelled "Internal note" with an "Add note" button', () => {
    const { container } = renderComposer(countingBackend().adapter);
    expect(field().tagName).toBe('TEXTAREA');
    expect(field()).toHaveAccessibleName(/^Internal note/);
    expect(addButton()).toHaveAttribute('type', 'submit');
    expect(container.querySelector('form')).toHaveClass('ik-composer');
    expect(container.querySelector('form')).toHaveAttribute('data-slot', 'composer');
  });

  it('adds the note with the button and clears the field', async () => {
    const { backend, adapter, sent } = countingBackend();
    const user = userEvent.setup();
    renderComposer(adapter);
    await user.type(field(), 'Called the customer');
    await user.click(addButton());
    await expect.poll(() => field()).toHaveValue('');
    expect(sent).toEqual([['conv_1', 'Called the customer']]);
    expect(await notesOf(backend, 'conv_1')).toEqual(['Called the customer']);
  });

  it('sends with Ctrl+Enter', async () => {
    const { adapter, sent } = countingBackend();
    const user = userEvent.setup();
    renderComposer(adapter);
    await user.type(field(), 'Ctrl note');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await expect.poll(() => sent).toEqual([['conv_1', 'Ctrl note']]);
    await expect.poll(() => field()).toHaveValue('');
  });

  it('sends with Meta+Enter (Cmd on a Mac)', async () => {
    const { adapter, sent } = countingBackend();
    const user = userEvent.setup();
    renderComposer(adapter);
    await user.type(field(), 'Cmd note');
    await user.keyboard('{Meta>}{Enter}{/Meta}');
    await expect.poll(() => sent).toEqual([['conv_1', 'Cmd note']]);
  });

  it('inserts a newline with Shift+Enter and does not send', async () => {
    const { adapter, sent } = countingBackend();
    const user = userEvent.setup();
    renderComposer(adapter);
    await user.type(field(), 'line one{Shift>}{Enter}{/Shift}line two');
    expect(field()).toHaveValue('line one\nline two');
    expect(sent).toEqual([]);
  });

  it('refuses an empty note with an explanation and no request', async () => {
    const { adapter, sent } = countingBackend();
    const user = userEvent.setup();
    renderComposer(adapter);
    expect(addButton()).toHaveAttribute('aria-disabled', 'true');
    await user.click(addButton());
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Write something first: an empty note cannot be added.');
    expect(field()).toHaveAttribute('aria-invalid', 'true');
    expect(field()).toHaveAccessibleDescription(expect.stringContaining('an empty note cannot be added'));
    expect(sent).toEqual([]);
  });

  it('refuses a whitespace-only note, also from the keyboard', async () => {
    const { adapter, sent } = countingBackend();
    const user = userEvent.setup();
    renderComposer(adapter);
    await user.type(field(), '   {Shift>}{Enter}{/Shift}  ');
    await user.keyboard('{Control>}{Enter}{/Control}');
    expect(screen.getByRole('alert')).toHaveTextContent('an empty note cannot be added');
    expect(sent).toEqual([]);
    // Typing something clears the complaint.
    await user.type(field(), 'x');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(addButton()).not.toHaveAttribute('aria-disabled');
  });

  it('keeps the draft across unmount and remount', async () => {
    const { adapter } = countingBackend();
    const storage = createMemoryStorage();
    const user = userEvent.setup();
    const { rerender } = render(
      <Provider adapter={adapter} storage={storage}>
        <NoteComposer conversationId="conv_1" />
      </Provider>,
    );
    await user.type(field(), 'half-written thought');
    rerender(
      <Provider adapter={adapter} storage={storage}>
        <p>elsewhere</p>
      </Provider>,
    );
    expect(screen.queryByRole('textbox')).toBeNull();
    rerender(
      <Provider adapter={adapter} storage={storage}>
        <NoteComposer conversationId="conv_1" />
      </Provider>,
    );
    expect(field()).toHaveValue('half-written thought');
  });

  it('keeps one draft per conversation when switching', async () => {
    const { adapter } = countingBackend();
    const storage = createMemoryStorage();
    const user = userEvent.setup();
    const view = (id: string) => (
      <Provider adapter={adapter} storage={storage}>
        <NoteComposer conversationId={id} />
      </Provider>
    );
    const { rerender } = render(view('conv_1'));
    await user.type(field(), 'about Ada');
    rerender(view('conv_2'));
    expect(field()).toHaveValue('');
    await user.type(field(), 'about Bo');
    rerender(view('conv_1'));
    expect(field()).toHaveValue('about Ada');
    rerender(view('conv_2'));
    expect(field()).toHaveValue('about Bo');
  });

  it('restores the draft after a reload (a new provider over the same storage)', async () => {
    const storage = createMemoryStorage();
    const user = userEvent.setup();
    renderComposer(countingBackend().adapter, 'conv_1', storage);
    await user.type(field(), 'survives reloads');
    cleanup();
    renderComposer(countingBackend().adapter, 'conv_1', storage);
    expect(await screen.findByDisplayValue('survives reloads')).toBe(field());
  });

  it('keeps the text on a failed send, shows the error with Retry, and Retry succeeds', async () => {
    const backend = createMemoryAdapter({ conversations: [conversation('conv_1', 'Ada')] });
    let failing = true;
    let calls = 0;
    const adapter: ConversationsAdapter = {
      ...backend,
      addNote: (id, content, options) => {
        calls++;
        return failing ? Promise.reject(new InboxError('server', 'Notes service unavailable', { status: 503 })) : backend.addNote(id, content, options);
      },
    };
    const user = userEvent.setup();
    const { container } = renderComposer(adapter);
    await user.type(field(), 'Important context');
    await user.click(addButton());

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Notes service unavailable');
    expect(field()).toHaveValue('Important context');
    expect(container.querySelector('form')).toHaveAttribute('data-error');
    expect(calls).toBe(1);

    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await expect.poll(() => field()).toHaveValue('');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(calls).toBe(2);
    expect(await notesOf(backend, 'conv_1')).toEqual(['Important context']);
  });

  it('says notes are not supported where the backend has none', () => {
    const { container } = renderComposer(createMemoryAdapter({ conversations: [conversation('conv_1', 'Ada', { messages: null })], profile: 'whatsapp' }));
    expect(screen.getByText('Internal notes are not supported by this backend.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(container.querySelector('[data-slot="notes-unsupported"]')).not.toBeNull();
  });

  it('forwards the form ref, the textarea ref and className', () => {
    const ref = createRef<HTMLFormElement>();
    const textareaRef = createRef<HTMLTextAreaElement>();
    render(
      <Provider adapter={countingBackend().adapter} storage={createMemoryStorage()}>
        <NoteComposer conversationId="conv_1" ref={ref} textareaRef={textareaRef} className="host-composer" />
      </Provider>,
    );
    expect(ref.current?.tagName).toBe('FORM');
    expect(ref.current).toHaveClass('host-composer', 'ik-composer');
    expect(textareaRef.current).toBe(field());
  });
});
