import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { useState } from 'react';
import { ConversationView, Inbox, useConversations } from '../src/index.js';
import { DemoProvider, Frame } from './demo.js';
import type { DemoFlavour, DemoOptions } from './demo.js';

interface Args {
  flavour: DemoFlavour;
  theme: 'auto' | 'light' | 'dark';
  dir: 'ltr' | 'rtl';
  width: number | undefined;
}

/** The inbox on the Open filter, with an undo window long enough to look at (60 s unless the story says). */
const inboxOn =
  (extra: Partial<DemoOptions> = {}) =>
  ({ flavour, theme, width }: Args) => (
    <DemoProvider options={{ flavour, size: 40, latencyMs: 0, undoMs: 60_000, ...extra }}>
      <Frame width={width}>
        <Inbox theme={theme} defaultQuery={{ status: 'open' }} />
      </Frame>
    </DemoProvider>
  );

const meta: Meta<Args> = {
  title: 'Inbox/Undo',
  args: { flavour: 'memory', theme: 'light', dir: 'ltr', width: undefined },
  argTypes: {
    flavour: { control: 'inline-radio', options: ['memory', 'whatsapp', 'waply'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    dir: { control: 'inline-radio', options: ['ltr', 'rtl'] },
  },
  render: inboxOn(),
};
export default meta;

type Story = StoryObj<Args>;

const undoLine = (root: HTMLElement) => root.querySelector<HTMLElement>('[data-slot="undo-status"]')!;
const names = (list: HTMLElement) => within(list).getAllByRole('option').map((o) => o.querySelector('.ik-row-name')?.textContent ?? '');

/**
 * Resolve shows at once and offers Undo in a status line, which stays after
 * the conversation left the Open list and the agent moved on with j. Three in
 * a row: the line names the latest and counts the rest; z undoes the latest.
 */
export const ResolveAndUndo: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Conversations' });
    const rows = await within(list).findAllByRole('option');
    const first = rows[0]!.querySelector('.ik-row-name')!.textContent!;
    await userEvent.click(rows[0]!);
    await canvas.findByRole('heading', { level: 2, name: first });
    await userEvent.click(canvas.getByRole('button', { name: 'Resolve' }));
    // The button is disabled now; focus stays in the view, so the shortcuts go on working.
    await expect(canvas.getByRole('log')).toHaveFocus();
    const line = undoLine(canvasElement);
    await expect(line).toHaveAttribute('role', 'status');
    await waitFor(() => expect(line).toHaveTextContent(`Resolved: ${first}.`));
    await waitFor(() => expect(names(list)).not.toContain(first));

    await userEvent.keyboard('j');
    await waitFor(() => expect(canvas.getByRole('heading', { level: 2 })).not.toHaveAccessibleName(first));
    await expect(line).toHaveTextContent(`Resolved: ${first}.`);
    await userEvent.click(within(line).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(names(list)[0]).toBe(first));
    await expect(line).toBeEmptyDOMElement();

    // Three in a row from the keyboard.
    for (let i = 0; i < 3; i++) {
      const before = canvas.getByRole('heading', { level: 2 }).textContent;
      await userEvent.keyboard('e');
      await userEvent.keyboard('j');
      await waitFor(() => expect(canvas.getByRole('heading', { level: 2 }).textContent).not.toBe(before));
    }
    await waitFor(() => expect(line).toHaveTextContent(/and 2 more\./));
    await userEvent.keyboard('z');
    await waitFor(() => expect(line).toHaveTextContent(/and 1 more\./));
    await expect(within(line).getByRole('button', { name: 'Undo all' })).toBeVisible();
  },
};

/** At phone width (one pane), the line sits under the composer, whose buttons move up to stay clear of it. */
export const Narrow: Story = {
  args: { width: 375 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Conversations' });
    await userEvent.click((await within(list).findAllByRole('option'))[0]!);
    await userEvent.click(await canvas.findByRole('button', { name: 'Resolve' }));
    const line = undoLine(canvasElement);
    await waitFor(() => expect(within(line).getByRole('button', { name: 'Undo' })).toBeVisible());
    const inbox = canvasElement.querySelector<HTMLElement>('.ik-inbox')!;
    await expect(inbox.scrollWidth).toBeLessThanOrEqual(inbox.clientWidth + 1);
    const box = line.getBoundingClientRect();
    const frame = inbox.getBoundingClientRect();
    await expect(box.left).toBeGreaterThanOrEqual(frame.left);
    await expect(box.right).toBeLessThanOrEqual(frame.right);
    // The line covers none of the composer's controls: the composer makes room under them.
    const addNote = canvas.getByRole('button', { name: 'Add note' }).getBoundingClientRect();
    const field = canvas.getByRole('textbox', { name: /Internal note/ }).getBoundingClientRect();
    await expect(addNote.bottom).toBeLessThanOrEqual(box.top);
    await expect(field.bottom).toBeLessThanOrEqual(box.top);
  },
};

/** With a short window (2 s here) the line goes when the request does; the conversation stays resolved. */
export const WindowEnds: Story = {
  render: inboxOn({ undoMs: 2_000 }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Conversations' });
    await userEvent.click((await within(list).findAllByRole('option'))[0]!);
    await userEvent.click(await canvas.findByRole('button', { name: 'Resolve' }));
    const line = undoLine(canvasElement);
    await waitFor(() => expect(line).not.toBeEmptyDOMElement());
    await waitFor(() => expect(line).toBeEmptyDOMElement(), { timeout: 10_000 });
    await expect(canvas.getByRole('button', { name: 'Resolved' })).toBeDisabled();
  },
};

/**
 * Where the backend takes a resolution text (memory, WhatsApp), Resolve has a
 * second action that asks for it; an empty text is refused in words.
 */
export const ResolveWithNote: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Conversations' });
    await userEvent.click((await within(list).findAllByRole('option'))[0]!);
    await userEvent.click(await canvas.findByRole('button', { name: 'Resolve with a note…' }));
    const form = canvas.getByRole('form', { name: 'Resolve with a note…' });
    const field = within(form).getByRole('textbox', { name: 'Resolution note' });
    await expect(field).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    await expect(canvas.queryByRole('form')).toBeNull();
    await expect(canvas.getByRole('button', { name: 'Resolve with a note…' })).toHaveFocus();

    await userEvent.keyboard('{Enter}');
    await userEvent.click(within(canvas.getByRole('form')).getByRole('button', { name: 'Resolve' }));
    await expect(within(canvas.getByRole('form')).getByRole('alert')).toHaveTextContent('Write the resolution first, or use Resolve.');
    await userEvent.type(canvas.getByRole('textbox', { name: 'Resolution note' }), 'Refund sent to the original card.');
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(canvas.queryByRole('form')).toBeNull());
    await expect(canvas.getByRole('button', { name: 'Resolved' })).toBeDisabled();
    await expect(undoLine(canvasElement)).toHaveTextContent(/^Resolved: /);
  },
};

/** The form as it refuses an empty resolution (WhatsApp, over its mock API). */
export const ResolutionRequired: Story = {
  args: { flavour: 'whatsapp' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Conversations' });
    await userEvent.click((await within(list).findAllByRole('option'))[0]!);
    await userEvent.click(await canvas.findByRole('button', { name: 'Resolve with a note…' }));
    await userEvent.click(within(canvas.getByRole('form')).getByRole('button', { name: 'Resolve' }));
    await expect(await canvas.findByText('Write the resolution first, or use Resolve.')).toBeVisible();
    await expect(canvas.getByRole('textbox', { name: 'Resolution note' })).toHaveAttribute('aria-invalid', 'true');
  },
};

/** Waply takes no resolution text: only Resolve is offered. */
export const WaplyNoResolution: Story = {
  args: { flavour: 'waply' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Conversations' });
    await userEvent.click((await within(list).findAllByRole('option'))[0]!);
    await expect(await canvas.findByRole('button', { name: 'Resolve' })).toBeEnabled();
    await expect(canvas.queryByRole('button', { name: 'Resolve with a note…' })).toBeNull();
  },
};

/** A ConversationView used alone shows its own Undo line. */
export const ViewAlone: Story = {
  render: ({ flavour }) => (
    <DemoProvider options={{ flavour, size: 5, latencyMs: 0, undoMs: 60_000 }}>
      <Frame width={760}>
        <FirstOpen />
      </Frame>
    </DemoProvider>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Resolve' }));
    const line = undoLine(canvasElement);
    await waitFor(() => expect(line).toHaveTextContent(/^Resolved: .+\.Undo$/));
    await expect(line.closest('.ik-view')).not.toBeNull();
  },
};

/** The newest open conversation, pinned (once resolved it is no longer the newest open one). */
function FirstOpen() {
  const { conversations } = useConversations({ status: 'open', limit: 1 });
  const [pinned, setPinned] = useState<string | null>(null);
  const newest = conversations[0]?.id ?? null;
  if (pinned === null && newest !== null) setPinned(newest);
  return <ConversationView conversationId={pinned ?? newest} />;
}
