import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { ConversationViews, Inbox, InboxError } from '../src/index.js';
import type { ConversationsAdapter } from '../src/index.js';
import { DemoProvider, Frame } from './demo.js';
import type { DemoFlavour, DemoOptions } from './demo.js';

interface Args {
  flavour: DemoFlavour;
  theme: 'light' | 'dark';
  dir: 'ltr' | 'rtl';
}

const meta: Meta<Args> = {
  title: 'ConversationViews',
  args: { flavour: 'memory', theme: 'light', dir: 'ltr' },
  argTypes: {
    flavour: { control: 'inline-radio', options: ['memory', 'whatsapp', 'waply'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
    dir: { control: 'inline-radio', options: ['ltr', 'rtl'] },
  },
};
export default meta;

type Story = StoryObj<Args>;

// Counts come after the agent (listAssignees) and a request each: generous under a loaded CI.
const SLOW = { timeout: 15_000 };

/** A count over a one-row page's total, so every tab's number must be a whole number. */
const countIn = (tab: HTMLElement) => tab.querySelector('[data-slot="view-count"]')?.textContent ?? null;

// Counts fail (500), lists work: the tabs must show no number at all.
const failingCounts = (adapter: ConversationsAdapter): ConversationsAdapter => ({
  ...adapter,
  flavour: adapter.flavour,
  capabilities: adapter.capabilities,
  listConversations: (query, options) =>
    query.limit === 1 ? Promise.reject(new InboxError('server', 'Counts are down', { status: 500 })) : adapter.listConversations(query, options),
});
const FAILING: Partial<DemoOptions> = { wrap: failingCounts };

const inbox =
  (extra: Partial<DemoOptions> = {}, width?: number) =>
  ({ flavour, theme }: Args) => (
    <DemoProvider options={{ flavour, latencyMs: 30, ...extra }}>
      <Frame width={width}>
        <Inbox theme={theme} />
      </Frame>
    </DemoProvider>
  );

/** The tabs alone: arrow keys move and select, Home and End jump. */
export const Standalone: Story = {
  render: ({ flavour }) => (
    <DemoProvider options={{ flavour, latencyMs: 30 }}>
      <div className="ik-theme" style={{ padding: 16 }}>
        <ConversationViews defaultValue="all" />
      </div>
    </DemoProvider>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = canvas.getByRole('tablist', { name: 'Views' });
    const all = await canvas.findByRole('tab', { name: /^All, \d+ conversations?$/ }, SLOW);
    await expect(countIn(all)).toMatch(/^\d+$/);
    const mine = await canvas.findByRole('tab', { name: /^Mine/ }, SLOW);
    all.focus();
    await userEvent.keyboard('{Home}');
    await expect(mine).toHaveFocus();
    await expect(mine).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{End}');
    await expect(all).toHaveFocus();
    await expect(within(list).getAllByRole('tab').map((tab) => tab.textContent?.replace(/\d+/g, '').trim())).toEqual(['Mine', 'Unassigned', 'All']);
  },
};

/** The Inbox with views: Mine narrows the list and sets the assignee filter. */
export const InInbox: Story = {
  render: inbox(),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const mine = await canvas.findByRole('tab', { name: /^Mine/ }, SLOW);
    await userEvent.click(mine);
    await expect(mine).toHaveAttribute('aria-selected', 'true');
    const assignee = canvas.getByRole('combobox', { name: 'Assignee' });
    await expect((assignee as HTMLSelectElement).value).not.toBe('');
    await userEvent.click(canvas.getByRole('tab', { name: /^All/ }));
    await expect(assignee).toHaveValue('');
    await expect(canvas.getByRole('tab', { name: /^All/ })).toHaveAttribute('aria-selected', 'true');
  },
};

/** WhatsApp over the mock API: no Unassigned (the API cannot filter so). */
export const WhatsApp: Story = {
  args: { flavour: 'whatsapp' },
  render: inbox(),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('tab', { name: /^Mine, \d+/ }, SLOW);
    await canvas.findByRole('tab', { name: /^All, \d+/ }, SLOW);
    await expect(canvas.queryByRole('tab', { name: /^Unassigned/ })).toBeNull();
  },
};

/** Waply over the mock API: Mine and All. */
export const Waply: Story = {
  args: { flavour: 'waply' },
  render: inbox(),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('tab', { name: /^All, \d+/ }, SLOW);
    await expect(canvas.queryByRole('tab', { name: /^Unassigned/ })).toBeNull();
  },
};

/** Counts that fail show nothing (never 0); the list itself still works. */
export const CountsFail: Story = {
  render: inbox(FAILING),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await within(await canvas.findByRole('listbox', { name: 'Conversations' }, SLOW)).findAllByRole('option', {}, SLOW);
    const all = canvas.getByRole('tab', { name: 'All' });
    await expect(countIn(all)).toBeNull();
    await expect(canvas.getByRole('combobox', { name: 'Status' }).querySelector('option[value="open"]')).toHaveTextContent(/^Open$/);
  },
};

const hasCounts = async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  await within(canvasElement).findByRole('tab', { name: /^Mine, \d+/ }, SLOW);
};

export const Dark: Story = { args: { theme: 'dark' }, render: inbox(), play: hasCounts };
export const RightToLeft: Story = { args: { dir: 'rtl' }, render: inbox(), play: hasCounts };
export const Narrow: Story = { render: inbox({}, 375), play: hasCounts };
