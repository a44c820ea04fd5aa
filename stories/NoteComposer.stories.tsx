import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { NoteComposer, useAddNote } from '../src/index.js';
import { DemoProvider, Frame } from './demo.js';
import type { DemoFlavour, DemoOptions } from './demo.js';
import { AI_CONVERSATIONS, failNoteOnce } from './fixtures.js';

interface Args {
  flavour: DemoFlavour;
  theme: 'auto' | 'light' | 'dark';
  dir: 'ltr' | 'rtl';
}

const ID = 'conv_ai-escalated';

/** The composer, and the notes of its conversation as a host might list them. */
function WithNotes() {
  const { notes } = useAddNote(ID);
  return (
    <>
      <NoteComposer conversationId={ID} />
      <ul aria-label="Notes">
        {notes.map((note) => (
          <li key={note.id}>{note.content}</li>
        ))}
      </ul>
    </>
  );
}

const composerOn =
  (extra: Partial<DemoOptions> = {}) =>
  ({ flavour }: Args) => (
    <DemoProvider options={{ flavour, conversations: AI_CONVERSATIONS, ...extra }}>
      <Frame width={520}>
        <WithNotes />
      </Frame>
    </DemoProvider>
  );

const meta: Meta<Args> = {
  title: 'NoteComposer',
  component: NoteComposer as never,
  args: { flavour: 'memory', theme: 'light', dir: 'ltr' },
  argTypes: {
    flavour: { control: 'inline-radio', options: ['memory', 'whatsapp', 'waply'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    dir: { control: 'inline-radio', options: ['ltr', 'rtl'] },
  },
  render: composerOn(),
};
export default meta;

type Story = StoryObj<Args>;

/** An empty note is refused with a reason; Shift+Enter is a newline; Ctrl+Enter adds. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const field = await canvas.findByRole('textbox', { name: /Internal note/ });
    const add = canvas.getByRole('button', { name: 'Add note' });
    await expect(add).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(add);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('an empty note cannot be added');
    await expect(field).toHaveAttribute('aria-invalid', 'true');

    await userEvent.type(field, 'Customer is a reseller{Shift>}{Enter}{/Shift}check the VAT id');
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(field).toHaveValue('Customer is a reseller\ncheck the VAT id');
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(field).toHaveValue(''));
    await expect(within(canvas.getByRole('list', { name: 'Notes' })).getByText(/Customer is a reseller/)).toBeInTheDocument();
  },
};

const noteFailure = failNoteOnce();

/** The first send fails: the text stays, the reason shows with Retry, and Retry adds it. */
export const SendFailure: Story = {
  render: composerOn({ wrap: noteFailure.wrap }),
  beforeEach: () => {
    noteFailure.state.failures = 1;
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const field = await canvas.findByRole('textbox', { name: /Internal note/ });
    await userEvent.type(field, 'Do not lose me');
    await userEvent.click(canvas.getByRole('button', { name: 'Add note' }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('the network is down');
    await expect(field).toHaveValue('Do not lose me');
    await expect(field).toHaveAccessibleDescription(/the network is down/);
    await expect(within(canvas.getByRole('list', { name: 'Notes' })).queryByText('Do not lose me')).toBeNull();

    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(field).toHaveValue(''));
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(within(canvas.getByRole('list', { name: 'Notes' })).getByText('Do not lose me')).toBeInTheDocument();
  },
};

/** WhatsApp has no notes: the composer says so and offers no field. */
export const NotesUnsupported: Story = {
  args: { flavour: 'whatsapp' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Internal notes are not supported by this backend.')).toBeVisible();
    await expect(canvas.queryByRole('textbox')).toBeNull();
  },
};

/** Dark theme, right to left, with Arabic text. */
export const DarkRightToLeft: Story = {
  args: { theme: 'dark', dir: 'rtl' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const field = await canvas.findByRole('textbox', { name: /Internal note/ });
    await userEvent.type(field, 'العميل ينتظر رداً من قسم المالية');
    await expect(getComputedStyle(field).direction).toBe('rtl');
  },
};
