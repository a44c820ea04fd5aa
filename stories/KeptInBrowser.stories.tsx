import { useState } from 'react';
import type { ReactNode } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ConversationView, createMemoryStorage, Inbox, InboxProvider } from '../src/index.js';
import type { Conversation, InboxMessages } from '../src/index.js';
import { messages as arabic } from '../src/locales/ar.js';
import { LOCALES, useDemoBackend } from './demo.js';
import type { DemoFlavour } from './demo.js';
import { fixture } from './fixtures.js';

interface Args {
  theme: 'auto' | 'light' | 'dark';
  dir: 'ltr' | 'rtl';
  locale: 'en' | 'ar';
}

/** Some unread, some not, newest first. */
const UNREAD: Conversation[] = [
  fixture({ id: 'conv_unread-1', name: 'Daniel Smith', text: 'I was charged twice this month.', minutesAgo: 4, unread: 2 }),
  fixture({ id: 'conv_unread-2', name: 'Priya Natarajan', text: 'Thanks, that fixed it!', minutesAgo: 20 }),
  fixture({ id: 'conv_unread-3', name: 'Jonas Weber', text: 'Can I change my delivery address?', minutesAgo: 45, unread: 1 }),
  fixture({ id: 'conv_unread-4', name: 'Amira Haddad', text: 'Is the store open on Sunday?', minutesAgo: 90, unread: 3 }),
  fixture({ id: 'conv_unread-5', name: 'Liu Yang', text: 'Received, all good.', minutesAgo: 200 }),
];

const CATALOGS: Record<Args['locale'], Partial<InboxMessages> | undefined> = { en: undefined, ar: arabic };

/**
 * A provider whose inbox can be reloaded: "Reload the inbox" makes a new
 * store over the same storage and backend, as a page reload would.
 */
function Reloadable({ flavour, conversations, locale, children }: { flavour: DemoFlavour; conversations: Conversation[]; locale: Args['locale']; children: ReactNode }) {
  const { adapter, currentUser, directory } = useDemoBackend({ flavour, conversations });
  const [storage] = useState(() => createMemoryStorage());
  const [generation, setGeneration] = useState(0);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8, blockSize: '100%' }}>
      <div>
        <button type="button" onClick={() => setGeneration((n) => n + 1)}>
          Reload the inbox
        </button>
      </div>
      <div style={{ flex: 1, minBlockSize: 0 }}>
        <InboxProvider
          key={generation}
          adapter={adapter}
          currentUser={currentUser}
          directory={adapter.listAssignees ? undefined : directory}
          locale={LOCALES[locale]}
          messages={CATALOGS[locale]}
          pollIntervalMs={0}
          storage={storage}
        >
          {children}
        </InboxProvider>
      </div>
    </div>
  );
}

const meta: Meta<Args> = {
  title: 'KeptInBrowser',
  args: { theme: 'light', dir: 'ltr', locale: 'en' },
  argTypes: {
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    dir: { control: 'inline-radio', options: ['ltr', 'rtl'] },
    locale: { control: 'inline-radio', options: ['en', 'ar'] },
  },
};
export default meta;

type Story = StoryObj<Args>;

const unreadInbox = ({ theme, locale }: Args) => (
  <Reloadable flavour="memory" conversations={UNREAD} locale={locale}>
    <Inbox theme={theme} />
  </Reloadable>
);

const rowOf = (list: HTMLElement, name: string) => within(list).getAllByRole('option').find((o) => o.querySelector('.ik-row-name')?.textContent === name)!;
const names = (list: HTMLElement) => within(list).queryAllByRole('option').map((o) => o.querySelector('.ik-row-name')?.textContent);

/**
 * Unread clears once opened: opening Daniel clears his badge (also after a
 * reload); the Unread toggle then lists the other unread ones among the
 * loaded rows, and says so.
 */
export const UnreadClears: Story = {
  render: unreadInbox,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const ar = args.locale === 'ar';
    const list = await canvas.findByRole('listbox', { name: ar ? arabic.conversations : 'Conversations' });
    await waitFor(() => expect(names(list)).toHaveLength(5));
    await expect(rowOf(list, 'Daniel Smith')).toHaveAttribute('data-unread');

    await userEvent.click(rowOf(list, 'Daniel Smith'));
    await canvas.findByRole('heading', { level: 2, name: 'Daniel Smith' });
    await waitFor(() => expect(rowOf(list, 'Daniel Smith')).not.toHaveAttribute('data-unread'));
    await expect(rowOf(list, 'Daniel Smith').querySelector('[data-slot="unread-badge"]')).toBeNull();

    await userEvent.click(canvas.getByRole('button', { name: 'Reload the inbox' }));
    const reloaded = await canvas.findByRole('listbox', { name: ar ? arabic.conversations : 'Conversations' });
    await waitFor(() => expect(names(reloaded)).toHaveLength(5));
    await expect(rowOf(reloaded, 'Daniel Smith')).not.toHaveAttribute('data-unread');
    await expect(rowOf(reloaded, 'Jonas Weber')).toHaveAttribute('data-unread');

    await userEvent.click(canvas.getByRole('checkbox', { name: ar ? arabic.unreadFilter : 'Unread' }));
    await waitFor(() => expect(names(reloaded)).toEqual(['Jonas Weber', 'Amira Haddad']));
    await expect(canvas.getByText(ar ? arabic.unreadAmongLoaded(5) : 'Unread among the 5 loaded conversations')).toBeVisible();
  },
};

/** The Unread toggle alone (fits a narrow pane: the play opens nothing, so the list stays in view). */
export const UnreadToggle: Story = {
  render: unreadInbox,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Conversations' });
    await waitFor(() => expect(names(list)).toHaveLength(5));
    const toggle = canvas.getByRole('checkbox', { name: 'Unread' });
    await expect(toggle).toHaveAccessibleDescription('among loaded conversations');
    await userEvent.click(toggle);
    await waitFor(() => expect(names(list)).toEqual(['Daniel Smith', 'Jonas Weber', 'Amira Haddad']));
    await expect(canvas.getByText('Unread among the 5 loaded conversations')).toBeVisible();
  },
};

export const UnreadClearsDark: Story = { ...UnreadClears, args: { theme: 'dark' } };
export const UnreadClearsArabic: Story = { ...UnreadClears, args: { dir: 'rtl', locale: 'ar' } };

/** One Waply conversation with a short history. */
const WAPLY_ONE: Conversation[] = [{ ...fixture({ id: 'conv_waply-1', name: 'Sofia Rossi', text: 'Could you send me the invoice again?', minutesAgo: 12 }), contactId: 'ct_5f9a21' }];

const waplyView = ({ locale }: Args) => (
  <Reloadable flavour="waply" conversations={WAPLY_ONE} locale={locale}>
    <ConversationView conversationId="conv_waply-1" />
  </Reloadable>
);

/**
 * Waply cannot list notes: one added here is kept in this browser and, after
 * a reload, still shows, marked "Saved in this browser: Waply does not list notes".
 */
export const NotesAfterReload: Story = {
  render: waplyView,
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const ar = args.locale === 'ar';
    const saved = ar ? arabic.savedInBrowser('Waply') : 'Saved in this browser: Waply does not list notes';
    const field = await canvas.findByRole('textbox', { name: new RegExp(ar ? arabic.internalNote : 'Internal note') });
    await userEvent.type(field, 'Invoice INV-2291 sent again by email.');
    await userEvent.click(canvas.getByRole('button', { name: ar ? arabic.addNote : 'Add note' }));
    await canvas.findByText(saved);

    await userEvent.click(canvas.getByRole('button', { name: 'Reload the inbox' }));
    const note = await canvas.findByText('Invoice INV-2291 sent again by email.');
    const item = note.closest('[data-slot="note"]') as HTMLElement;
    await expect(item).toHaveAttribute('data-saved', 'browser');
    await expect(within(item).getByText(saved)).toBeVisible();
  },
};

export const NotesAfterReloadDark: Story = { ...NotesAfterReload, args: { theme: 'dark' } };
export const NotesAfterReloadArabic: Story = { ...NotesAfterReload, args: { dir: 'rtl', locale: 'ar' } };
