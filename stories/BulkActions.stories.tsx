import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { Inbox, InboxError } from '../src/index.js';
import type { ConversationsAdapter } from '../src/index.js';
import { DemoProvider, Frame } from './demo.js';
import type { DemoOptions } from './demo.js';

interface Args {
  theme: 'light' | 'dark';
  locale: 'en' | 'ar' | 'de' | 'es' | 'fr' | 'pt';
}

/** The second resolve of the story is refused with WhatsApp's own 403, the rest go through. */
function refuseSecondResolve(adapter: ConversationsAdapter): ConversationsAdapter {
  let calls = 0;
  return {
    ...adapter,
    resolveConversation: (id, options) => {
      calls++;
      if (calls === 2) {
        return Promise.reject(new InboxError('forbidden', 'User is not a member of this organization', { status: 403, serverMessage: 'User is not a member of this organization' }));
      }
      return adapter.resolveConversation(id, options);
    },
  };
}

// Sent at once (no undo window, which the Undo stories show), so the summary follows the batch.
const REFUSING: DemoOptions = { wrap: refuseSecondResolve, size: 60, latencyMs: 30, undoMs: 0 };

const meta: Meta<Args> = {
  title: 'Bulk actions',
  args: { theme: 'light', locale: 'en' },
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    locale: { control: 'select', options: ['en', 'ar', 'de', 'es', 'fr', 'pt'] },
  },
  render: ({ theme, locale }) => (
    <DemoProvider options={{ ...REFUSING, locale }}>
      <Frame>
        <Inbox theme={theme} />
      </Frame>
    </DemoProvider>
  ),
};
export default meta;

type Story = StoryObj<Args>;

const rows = async (canvasElement: HTMLElement) => within(await within(canvasElement).findByRole('listbox', { name: 'Conversations' })).findAllByRole('option');

/** Three rows checked (a checkbox, then Shift+click): the toolbar stands where the filters were. */
export const Selected: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const [first, , third] = await rows(canvasElement);
    // One user-event session, so Shift stays held across the click.
    const user = userEvent.setup();
    await user.click(within(first!).getByRole('checkbox'));
    await user.keyboard('{Shift>}');
    await user.click(within(third!).getByRole('checkbox'));
    await user.keyboard('{/Shift}');
    // The toolbar's body may still be on its way at the first selection (it loads on idle).
    const toolbar = await canvas.findByRole('toolbar', { name: 'Selected conversations' });
    await expect(within(toolbar).getByText('3 selected')).toBeVisible();
    await expect(canvas.queryByRole('group', { name: 'Filters' })).toBeNull();
    await expect(first).toHaveAttribute('aria-checked', 'true');
    // Checking opened nothing.
    await expect(canvas.queryByRole('heading', { level: 2 })).toBeNull();
  },
};

/**
 * Resolve three at once: one is refused (403), rolled back alone and named in
 * the summary; Retry failed selects it again.
 */
export const ResolveWithOneRefused: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Conversations' });
    await rows(canvasElement);
    list.focus();
    await userEvent.keyboard('x{Shift>}{ArrowDown}{ArrowDown}{/Shift}');
    // The toolbar's body may still be on its way at the first selection (it loads on idle).
    const toolbar = await canvas.findByRole('toolbar', { name: 'Selected conversations' });
    await expect(within(toolbar).getByText('3 selected')).toBeVisible();
    await userEvent.click(within(toolbar).getByRole('button', { name: 'Resolve' }));
    const status = canvasElement.querySelector<HTMLElement>('[data-slot="bulk-status"]')!;
    await waitFor(() => expect(status).toHaveTextContent('2 resolved, 1 failed: This person is not a member of this organization.'), { timeout: 5000 });
    await userEvent.click(within(status).getByRole('button', { name: 'Retry failed' }));
    await expect(within(canvas.getByRole('toolbar', { name: 'Selected conversations' })).getByText('1 selected')).toBeVisible();
  },
};

/** The summary line after a batch with a refusal (kept on screen for a look). */
export const Summary: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Conversations' });
    await rows(canvasElement);
    list.focus();
    await userEvent.keyboard('x{Shift>}{ArrowDown}{ArrowDown}{/Shift}');
    await userEvent.click(within(await canvas.findByRole('toolbar', { name: 'Selected conversations' })).getByRole('button', { name: 'Resolve' }));
    const status = canvasElement.querySelector<HTMLElement>('[data-slot="bulk-status"]')!;
    await waitFor(() => expect(within(status).getByRole('button', { name: 'Retry failed' })).toBeVisible(), { timeout: 5000 });
  },
};

/** Past 100 conversations the agent confirms first, told how many requests will go. */
export const ConfirmLarge: Story = {
  render: ({ theme, locale }) => (
    <DemoProvider options={{ size: 150, latencyMs: 0, locale }}>
      <Frame>
        <Inbox theme={theme} defaultQuery={{ limit: 100 }} />
      </Frame>
    </DemoProvider>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Conversations' });
    await rows(canvasElement);
    list.focus();
    // End loads the next page; Ctrl+A then selects every loaded row.
    await userEvent.keyboard('{End}');
    await waitFor(
      async () => {
        list.focus();
        await userEvent.keyboard('{Control>}a{/Control}');
        await expect(within(canvas.getByRole('toolbar', { name: 'Selected conversations' })).getByText('150 selected')).toBeVisible();
      },
      { timeout: 5000 },
    );
    await userEvent.click(within(canvas.getByRole('toolbar', { name: 'Selected conversations' })).getByRole('button', { name: 'Resolve' }));
    const dialog = await canvas.findByRole('alertdialog', { name: 'Resolve 150 conversations?' });
    await expect(within(dialog).getByRole('button', { name: 'Send 150 requests' })).toHaveFocus();
  },
};
