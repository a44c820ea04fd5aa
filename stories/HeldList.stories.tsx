import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ConversationList, createMemoryStorage, InboxProvider } from '../src/index.js';
import type { ConversationsAdapter } from '../src/index.js';
import { LOCALES, useDemoBackend } from './demo.js';

interface Args {
  theme: 'auto' | 'light' | 'dark';
  dir: 'ltr' | 'rtl';
  locale: 'en' | 'ar' | 'de' | 'es' | 'fr' | 'pt';
}

// List reads in flight, so the play function can let a focus refresh finish before customers write in
// (a multi-page read answered across arrivals would race them; that is the store's business, not this story's).
const reads = { inFlight: 0 };
const counted = (adapter: ConversationsAdapter): ConversationsAdapter => ({
  ...adapter,
  listConversations: async (query, options) => {
    reads.inFlight++;
    try {
      return await adapter.listConversations(query, options);
    } finally {
      reads.inFlight--;
    }
  },
});

/** The list beside a control that makes customers write in, as live traffic would. */
function HeldListDemo({ locale }: Args) {
  const { backend, adapter, currentUser } = useDemoBackend({ size: 120, locale, wrap: counted });
  const [storage] = useState(() => createMemoryStorage());
  return (
    <InboxProvider adapter={adapter} currentUser={currentUser} locale={LOCALES[locale]} pollIntervalMs={0} storage={storage}>
      <div style={{ display: 'flex', flexDirection: 'column', blockSize: '100%', inlineSize: 400, maxInlineSize: '100%' }}>
        <p style={{ margin: 8 }}>
          <button
            type="button"
            onClick={() => {
              for (let i = 0; i < 3; i++) backend.simulate.newConversation();
            }}
          >
            Three customers write in
          </button>
        </p>
        <div style={{ flex: 1, minBlockSize: 0 }}>
          <ConversationList />
        </div>
      </div>
    </InboxProvider>
  );
}

const meta: Meta<Args> = {
  title: 'ConversationList holds still',
  args: { theme: 'light', dir: 'ltr', locale: 'en' },
  argTypes: {
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    dir: { control: 'inline-radio', options: ['ltr', 'rtl'] },
    locale: { control: 'select', options: ['en', 'ar', 'de', 'es', 'fr', 'pt'] },
  },
  render: (args) => <HeldListDemo {...args} />,
};
export default meta;

type Story = StoryObj<Args>;

const ROW = 76;

/** Each visible row: its text and where it stands on screen. */
const onScreen = (list: HTMLElement) => within(list).queryAllByRole('option').map((o) => `${o.textContent} @${Math.round(o.getBoundingClientRect().top)}`);

async function scrolledWithArrivals(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  const list = await canvas.findByRole('listbox', { name: 'Conversations' });
  await waitFor(() => expect(within(list).getAllByRole('option').length).toBeGreaterThan(5));
  list.scrollTop = 6 * ROW;
  await expect(list.scrollTop).toBe(6 * ROW);
  // Scrolled away from the top: the list says it holds its order.
  await waitFor(() => expect(list.closest('.ik-list')).toHaveAttribute('data-held'));
  // The page getting focus refreshes the lists: let that finish first.
  window.focus();
  await waitFor(() => expect(reads.inFlight).toBe(0));
  const before = onScreen(list);
  // The pointer goes to the control (off the list): scrolled away from the top is enough to hold it.
  await userEvent.click(canvas.getByRole('button', { name: 'Three customers write in' }));
  const news = await canvas.findByRole('button', { name: /^3\b/ });
  await expect(news.closest('[role="status"]')).not.toBeNull();
  await expect(onScreen(list)).toEqual(before);
  await expect(list.scrollTop).toBe(6 * ROW);
  return { canvas, list, news };
}

/** Scrolled down, three conversations arrive: the rows in view stay put and "3 new" waits over the top; it brings them in. */
export const NewArrivalsWait: Story = {
  play: async ({ canvasElement }) => {
    const { list, news } = await scrolledWithArrivals(canvasElement);
    await userEvent.click(news);
    await waitFor(() => expect(list.scrollTop).toBe(0));
    await expect(within(canvasElement).queryByRole('button', { name: /^3\b/ })).toBeNull();
    await expect(within(list).getAllByRole('option')[0]).toHaveAttribute('aria-posinset', '1');
    await expect(list).toHaveFocus();
  },
};

/** The same, left waiting: how "3 new" looks over the list (for screenshots). */
export const Waiting: Story = {
  play: async ({ canvasElement }) => {
    const { news } = await scrolledWithArrivals(canvasElement);
    const box = news.getBoundingClientRect();
    const list = news.closest('.ik-list')!.getBoundingClientRect();
    // Over the list, inside it, centred; taking no room of its own.
    await expect(box.top).toBeGreaterThanOrEqual(list.top);
    await expect(Math.abs(box.left + box.width / 2 - (list.left + list.width / 2))).toBeLessThan(2);
  },
};
