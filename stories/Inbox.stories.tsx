import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { Inbox } from '../src/index.js';
import { DemoProvider } from './demo.js';
import type { DemoFlavour } from './demo.js';

interface DemoArgs {
  flavour: DemoFlavour;
  latencyMs: number;
  failureRate: number;
  theme: 'auto' | 'light' | 'dark';
  dir: 'ltr' | 'rtl';
  locale: 'en' | 'ar' | 'de' | 'es' | 'fr' | 'pt';
  size: number;
  live: boolean;
}

const meta: Meta<DemoArgs> = {
  title: 'Inbox',
  args: { flavour: 'memory', latencyMs: 150, failureRate: 0, theme: 'light', dir: 'ltr', locale: 'en', size: 300, live: false },
  argTypes: {
    flavour: { control: 'inline-radio', options: ['memory', 'whatsapp', 'waply'], description: 'Backend: in memory, or WhatsApp / Waply through the mock REST API' },
    latencyMs: { control: { type: 'range', min: 0, max: 3000, step: 50 } },
    failureRate: { control: { type: 'range', min: 0, max: 1, step: 0.05 } },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    dir: { control: 'inline-radio', options: ['ltr', 'rtl'] },
    locale: { control: 'select', options: ['en', 'ar', 'de', 'es', 'fr', 'pt'] },
    size: { control: { type: 'number', min: 0, max: 100000 } },
    live: { control: 'boolean', description: 'Simulate incoming messages' },
  },
  render: ({ flavour, latencyMs, failureRate, theme, locale, size, live }) => (
    <DemoProvider key={`${flavour}-${size}`} options={{ flavour, latencyMs, failureRate, locale, size, live }}>
      <Inbox theme={theme} />
    </DemoProvider>
  ),
};
export default meta;

type Story = StoryObj<DemoArgs>;

/** The whole inbox on the in-memory backend: open, assign, note, resolve. */
export const Demo: Story = {
  args: { latencyMs: 40 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Conversations' });
    const first = (await within(list).findAllByRole('option'))[0]!;
    await userEvent.click(first);
    await expect(first).toHaveAttribute('aria-selected', 'true');
    const heading = await canvas.findByRole('heading', { level: 2 });
    await expect(heading).toBeVisible();

    await userEvent.click(canvas.getByRole('button', { name: /^Assign/ }));
    const mine = await within(document.body).findByRole('menuitemradio', { name: 'Assign to me' });
    await userEvent.click(mine);
    await waitFor(() => expect(canvas.getByRole('button', { name: /^Assign/ })).toHaveAccessibleName(/^Assign\s*:\s*\S/));

    const note = canvas.getByRole('textbox', { name: /Internal note/ });
    await userEvent.type(note, 'Called the customer back.');
    await userEvent.click(canvas.getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(canvas.getByText('Called the customer back.', { selector: '.ik-note .ik-message-text' })).toBeVisible());
    await waitFor(() => expect(note).toHaveValue(''));

    await userEvent.click(canvas.getByRole('button', { name: 'Resolve' }));
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Resolved' })).toBeDisabled());
  },
};
